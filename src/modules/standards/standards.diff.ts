import { COMPONENTS, type ComponentKey, type DraftContent } from './standards.content.js';

/**
 * What changed between two versions of a standard, component by component; for the list components,
 * item by item. Items are matched by their stable `key` (requirements, procedure steps) or, where they have
 * none, by name (fee items, products, regulations by title, complaint channels by kind), so a reordered or
 * edited item reads as "changed", not as one removed and another added.
 */

export type ComponentChange = 'unchanged' | 'added' | 'removed' | 'changed';

export interface ItemChange {
  /** The key or name the item was matched by. */
  match: string;
  change: 'added' | 'removed' | 'changed';
  /** For a changed item: the fields whose values differ. */
  fields?: string[];
}

export interface ComponentDiff {
  component: ComponentKey;
  change: ComponentChange;
  /** For list components that changed: the items that were added, removed or changed. */
  items?: ItemChange[];
  /** The same items, in another order. */
  reordered?: boolean;
}

type Item = Record<string, unknown>;

const LISTS: Partial<Record<ComponentKey, { items: (value: unknown) => Item[]; match: (item: Item) => string }>> = {
  requirements: { items: (v) => v as Item[], match: (i) => String(i.key) },
  procedure: { items: (v) => v as Item[], match: (i) => String(i.key) },
  fee: {
    items: (v) => ((v as { free: boolean; items?: Item[] }).free ? [] : ((v as { items?: Item[] }).items ?? [])),
    match: (i) => String(i.name),
  },
  products: { items: (v) => v as Item[], match: (i) => String(i.name) },
  complaints: { items: (v) => (v as { channels?: Item[] }).channels ?? [], match: (i) => String(i.kind) },
  legalBasis: { items: (v) => v as Item[], match: (i) => String(i.title) },
};

/** JSON with object keys in order, so equal values compare equal whatever order their keys were written in. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Item)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Items by their match, a repeated name numbered (`Biaya cetak`, `Biaya cetak #2`) so none is lost. */
function byMatch(items: Item[], match: (item: Item) => string): Map<string, Item> {
  const out = new Map<string, Item>();
  for (const item of items) {
    const base = match(item);
    let name = base;
    for (let n = 2; out.has(name); n++) name = `${base} #${n}`;
    out.set(name, item);
  }
  return out;
}

export function diffItems(before: Item[], after: Item[], match: (item: Item) => string): { items: ItemChange[]; reordered: boolean } {
  const a = byMatch(before, match);
  const b = byMatch(after, match);
  const items: ItemChange[] = [];
  for (const [name, item] of b) {
    const old = a.get(name);
    if (!old) {
      items.push({ match: name, change: 'added' });
      continue;
    }
    const fields = [...new Set([...Object.keys(old), ...Object.keys(item)])].filter((f) => canonical(old[f]) !== canonical(item[f])).sort();
    if (fields.length > 0) items.push({ match: name, change: 'changed', fields });
  }
  for (const name of a.keys()) if (!b.has(name)) items.push({ match: name, change: 'removed' });
  const kept = [...b.keys()].filter((name) => a.has(name));
  const keptBefore = [...a.keys()].filter((name) => b.has(name));
  return { items, reordered: kept.join('\n') !== keptBefore.join('\n') };
}

/** Every one of the 14 components, in the order of the law, with what happened to it from `from` to `to`. */
export function diffContent(from: DraftContent, to: DraftContent): ComponentDiff[] {
  return COMPONENTS.map((component): ComponentDiff => {
    const before: unknown = from[component];
    const after: unknown = to[component];
    if (before === undefined && after === undefined) return { component, change: 'unchanged' };
    if (before === undefined) return { component, change: 'added' };
    if (after === undefined) return { component, change: 'removed' };
    if (canonical(before) === canonical(after)) return { component, change: 'unchanged' };
    const list = LISTS[component];
    if (!list) return { component, change: 'changed' };
    const { items, reordered } = diffItems(list.items(before), list.items(after), list.match);
    return { component, change: 'changed', items, ...(reordered ? { reordered } : {}) };
  });
}
