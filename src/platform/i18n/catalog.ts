export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'id';

export type Params = Record<string, string | number>;

/** Every catalog registered so far, keyed by `<namespace>.<key>`. */
const registry = new Map<string, Record<Locale, string>>();
const namespaces = new Set<string>();

export interface Catalog<K extends string> {
  readonly namespace: string;
  readonly keys: readonly K[];
  /** Translates one of this catalog's keys. */
  t(locale: Locale, key: K, params?: Params): string;
}

function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * Declares a module's messages in both languages. The type parameter makes a key present in one
 * language and missing in the other a compile error; `test/architecture.test.ts` checks it again at run time.
 */
export function defineCatalog<K extends string>(namespace: string, messages: { id: Record<K, string>; en: Record<K, string> }): Catalog<K> {
  if (namespaces.has(namespace)) throw new Error(`Message catalog ${namespace} is defined twice`);
  namespaces.add(namespace);
  const keys = Object.keys(messages.id) as K[];
  for (const key of new Set([...keys, ...(Object.keys(messages.en) as K[])])) {
    registry.set(`${namespace}.${key}`, { id: messages.id[key], en: messages.en[key] });
  }
  return {
    namespace,
    keys,
    t: (locale, key, params) => interpolate(messages[locale][key] ?? messages.id[key] ?? key, params),
  };
}

/** Looks up a message by its full key; undefined when no catalog defines it. */
export function lookupMessage(fullKey: string, locale: Locale, params?: Params): string | undefined {
  const entry = registry.get(fullKey);
  return entry ? interpolate(entry[locale] ?? entry.id, params) : undefined;
}

export function allMessages(): ReadonlyMap<string, Record<Locale, string>> {
  return registry;
}

export function isLocale(value: unknown): value is Locale {
  return value === 'id' || value === 'en';
}
