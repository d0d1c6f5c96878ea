import type { FieldError } from '../../platform/errors.js';
import { issuesToFieldErrors, type IssueLike } from '../../platform/http/validation.js';
import {
  COMPONENT_SCHEMAS,
  MANAGEMENT_COMPONENTS,
  MIME_TYPE,
  type ComponentKey,
  type DraftContent,
  type Fee,
  type ProcedureStep,
  type Requirement,
  type TimeLimit,
} from './standards.content.js';

/**
 * The component editors work without JavaScript: a list is a set of numbered rows (the saved ones, then a
 * few blank ones), each with a "remove" box, posted flat as `requirements.3.name`. This file translates
 * between those flat forms and the component values of standards.content.ts, so the very schemas the
 * service saves with check them, and every refusal, the service's included, lands on the input it is about.
 */

/** A form as browsers post it: text inputs are strings, a group of checkboxes with one name may be a list. */
export type FormValues = Record<string, unknown>;

/** Blank rows offered under the saved ones of each list; a refused form shows what was posted instead. */
export const BLANK_ROWS = 2;

/** Upload types offered as checkboxes; anything else is typed as a MIME type. */
export const COMMON_FILE_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
] as const;

/** For each list-bearing component: where its list sits inside it and the row input a refusal of the whole list points at. */
export const LISTS = {
  requirements: { at: '', first: 'name' },
  procedure: { at: '', first: 'title' },
  products: { at: '', first: 'name' },
  legalBasis: { at: '', first: 'title' },
  fee: { at: 'items', first: 'name' },
  complaints: { at: 'channels', first: 'contact' },
} as const satisfies Partial<Record<ComponentKey, { at: string; first: string }>>;
type ListComponent = keyof typeof LISTS;

/** The components edited as one block of text: the management components but the legal basis and the staff count. */
export type ProseComponent = Exclude<(typeof MANAGEMENT_COMPONENTS)[number], 'legalBasis' | 'staffCount'>;
export const PROSE_COMPONENTS = MANAGEMENT_COMPONENTS.filter((c): c is ProseComponent => c !== 'legalBasis' && c !== 'staffCount');
export const isProse = (c: ComponentKey): c is ProseComponent => (PROSE_COMPONENTS as readonly string[]).includes(c);

/** `requirements` for a list component, `fee.items` for a list inside one: the prefix of its row inputs. */
export const listName = (component: ListComponent) => (LISTS[component].at ? `${component}.${LISTS[component].at}` : component);

/** For each list (by `listName`), the form row each parsed item came from, in the parsed order. */
export type RowMap = Record<string, number[]>;

export type ParsedComponent = { ok: true; value: unknown; rows: RowMap } | { ok: false; errors: FieldError[] };

// ---- reading a posted form -----------------------------------------------------------------------

function text(form: FormValues, name: string): string {
  const v = form[name];
  const first = Array.isArray(v) ? (v as unknown[])[0] : v;
  return typeof first === 'string' ? first.trim() : '';
}

/** A select or radio group: a blank choice is no choice, so the schema says "required". */
const choice = (form: FormValues, name: string) => text(form, name) || undefined;
const optionalText = (form: FormValues, name: string) => text(form, name) || undefined;
const ticked = (form: FormValues, name: string) => {
  const v = form[name];
  return v !== undefined && v !== '' && v !== 'false';
};

/** Every value of a checkbox group, in the order posted. */
export function many(form: FormValues, name: string): string[] {
  const v = form[name];
  const values = Array.isArray(v) ? (v as unknown[]) : v === undefined ? [] : [v];
  return values.filter((x): x is string => typeof x === 'string' && x !== '');
}

/** The row numbers a form holds for a list (`requirements.0.…`, `requirements.3.…`), in order. */
export function rowsOf(form: FormValues, list: string): number[] {
  const prefix = `${list}.`;
  const rows = new Set<number>();
  for (const key of Object.keys(form)) {
    if (!key.startsWith(prefix)) continue;
    const match = /^(\d{1,3})\./.exec(key.slice(prefix.length));
    if (match) rows.add(Number(match[1]));
  }
  return [...rows].sort((a, b) => a - b);
}

/**
 * The rows to read: not removed, and either saved before (they carry their key) or with something typed or
 * chosen in one of `content`. Selects without a blank choice always post a value, so they do not count.
 */
function filledRows(form: FormValues, list: string, content: readonly string[]): number[] {
  return rowsOf(form, list).filter(
    (i) =>
      !ticked(form, `${list}.${i}.remove`) &&
      [...content, 'key'].some((f) => text(form, `${list}.${i}.${f}`) !== '' || many(form, `${list}.${i}.${f}`).length > 0),
  );
}

/**
 * A whole number as people type it: `2.048`, `150.000` or `Rp 150.000` (dots group thousands in Indonesian).
 * Blank is undefined; anything else that is not a whole number is refused on that input.
 */
function wholeNumber(form: FormValues, name: string, errors: FieldError[], { rupiah = false } = {}): number | undefined {
  const raw = text(form, name);
  if (raw === '') return undefined;
  const cleaned = (rupiah ? raw.replace(/^rp\.?\s*/i, '') : raw).replace(/[\s.]/g, '');
  if (!/^-?\d{1,15}$/.test(cleaned)) {
    errors.push({ path: name, key: rupiah ? 'standards.admin.validation.rupiah' : 'standards.admin.validation.wholeNumber' });
    return undefined;
  }
  return Number(cleaned);
}

/** A stable key for a new row, from its name: `Kartu Keluarga` → `kartu_keluarga`, unique within the list. */
export function keyFrom(name: string, taken: Set<string>, fallback: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 32)
    .replace(/_+$/, '');
  const base = /^[a-z]/.test(slug) ? slug : slug ? `${fallback}_${slug}`.slice(0, 32) : fallback;
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
  taken.add(key);
  return key;
}

/** Gives the rows that came without a key (new ones) a key of their own, keeping the saved ones. */
function withKeys<T extends { key?: string | undefined }>(
  items: T[],
  nameOf: (item: T) => string,
  fallback: string,
): (T & { key: string })[] {
  const taken = new Set(items.flatMap((item) => (item.key ? [item.key] : [])));
  return items.map((item) => ({ ...item, key: item.key || keyFrom(nameOf(item), taken, fallback) }));
}

/** Extra MIME types typed as a list ("text/csv, application/zip"); each must look like one. */
function otherFileTypes(form: FormValues, name: string, errors: FieldError[]): string[] {
  const typed = text(form, name)
    .toLowerCase()
    .split(/[\s,;]+/)
    .filter(Boolean);
  const bad = typed.find((type) => !MIME_TYPE.test(type));
  if (bad) errors.push({ path: name, key: 'standards.admin.validation.mime', params: { value: bad.slice(0, 60) } });
  return typed.filter((type) => MIME_TYPE.test(type));
}

interface Read {
  value: unknown;
  rows: RowMap;
  /** Refusals found while reading (a number that is not one, a MIME type that is not one), by input name. */
  errors: FieldError[];
}

function readRequirements(form: FormValues): Read {
  const list = 'requirements';
  const errors: FieldError[] = [];
  const rows = filledRows(form, list, [
    'name',
    'notes',
    'fileTypes',
    'fileTypesOther',
    'maxSizeKb',
    'fieldType',
    'choices',
    'profileField',
  ]);
  const items = rows.map((i) => {
    const p = `${list}.${i}.`;
    const kind = choice(form, `${p}kind`);
    const fileTypes = [...many(form, `${p}fileTypes`), ...otherFileTypes(form, `${p}fileTypesOther`, errors)];
    const maxSizeKb = wholeNumber(form, `${p}maxSizeKb`, errors);
    const fieldType = choice(form, `${p}fieldType`);
    const choices = text(form, `${p}choices`)
      .split(/\r?\n|,/)
      .map((c) => c.trim())
      .filter(Boolean);
    // What does not apply to the kind chosen is left out, so a switch of kind leaves nothing stale behind.
    return {
      key: optionalText(form, `${p}key`),
      name: text(form, `${p}name`),
      kind,
      mandatory: ticked(form, `${p}mandatory`),
      notes: optionalText(form, `${p}notes`),
      fileTypes: kind === 'document' ? [...new Set(fileTypes)] : [],
      ...(kind === 'document' && maxSizeKb !== undefined ? { maxSizeKb } : {}),
      ...(kind === 'data' && fieldType ? { fieldType } : {}),
      ...(kind === 'data' && fieldType === 'choice' ? { choices } : {}),
      ...(kind === 'data' && choice(form, `${p}profileField`) ? { profileField: choice(form, `${p}profileField`) } : {}),
      reusable: kind === 'document' && ticked(form, `${p}reusable`),
    };
  });
  return { value: withKeys(items, (r) => r.name, 'syarat'), rows: { [list]: rows }, errors };
}

function readProcedure(form: FormValues): Read {
  const list = 'procedure';
  const errors: FieldError[] = [];
  const rows = filledRows(form, list, ['title', 'description', 'durationValue', 'durationUnit', 'output']).map((i, position) => {
    const p = `${list}.${i}.`;
    const value = wholeNumber(form, `${p}durationValue`, errors);
    const unit = choice(form, `${p}durationUnit`);
    const step = {
      key: optionalText(form, `${p}key`),
      title: text(form, `${p}title`),
      actor: choice(form, `${p}actor`),
      description: optionalText(form, `${p}description`),
      ...(value !== undefined || (unit && text(form, `${p}durationValue`) === '') ? { duration: { value, unit } } : {}),
      output: optionalText(form, `${p}output`),
    };
    // A row without a number keeps its place after the numbered ones.
    return { row: i, order: wholeNumber(form, `${p}order`, errors) ?? 1_000_000 + position, step };
  });
  rows.sort((a, b) => a.order - b.order);
  return {
    value: withKeys(
      rows.map((r) => r.step),
      (s) => s.title,
      'langkah',
    ),
    rows: { [list]: rows.map((r) => r.row) },
    errors,
  };
}

function readFee(form: FormValues): Read {
  const list = listName('fee');
  const errors: FieldError[] = [];
  const free = text(form, 'fee.free');
  if (free !== 'true' && free !== 'false') {
    return { value: undefined, rows: {}, errors: [{ path: 'fee.free', key: 'standards.admin.validation.feeChoice' }] };
  }
  if (free === 'true') return { value: { free: true, legalBasis: optionalText(form, 'fee.legalBasis') }, rows: {}, errors };
  const rows = filledRows(form, list, ['name', 'amount', 'legalBasis']);
  const items = rows.map((i) => ({
    name: text(form, `${list}.${i}.name`),
    amount: wholeNumber(form, `${list}.${i}.amount`, errors, { rupiah: true }),
    legalBasis: text(form, `${list}.${i}.legalBasis`),
  }));
  return {
    value: { free: false, items, notes: optionalText(form, 'fee.notes') },
    rows: { [list]: rows },
    errors,
  };
}

/** Rows of plain text fields; `numbers` are read as whole numbers. */
function readRows(form: FormValues, list: string, fields: readonly string[], numbers: readonly string[] = []): Read {
  const errors: FieldError[] = [];
  const rows = filledRows(form, list, fields);
  const value = rows.map((i) =>
    Object.fromEntries(
      fields.map((f) => {
        const name = `${list}.${i}.${f}`;
        return [f, numbers.includes(f) ? wholeNumber(form, name, errors) : f === fields[0] ? text(form, name) : optionalText(form, name)];
      }),
    ),
  );
  return { value, rows: { [list]: rows }, errors };
}

function readComplaints(form: FormValues): Read {
  const list = listName('complaints');
  const errors: FieldError[] = [];
  const rows = filledRows(form, list, ['kind', 'contact']);
  const channels = rows.map((i) => ({ kind: choice(form, `${list}.${i}.kind`), contact: text(form, `${list}.${i}.contact`) }));
  const responseDays = wholeNumber(form, 'complaints.responseDays', errors);
  return { value: { channels, responseDays, notes: optionalText(form, 'complaints.notes') }, rows: { [list]: rows }, errors };
}

function readComponent(component: ComponentKey, form: FormValues): Read {
  const errors: FieldError[] = [];
  if (isProse(component)) return { value: text(form, component), rows: {}, errors };
  switch (component) {
    case 'requirements':
      return readRequirements(form);
    case 'procedure':
      return readProcedure(form);
    case 'fee':
      return readFee(form);
    case 'complaints':
      return readComplaints(form);
    case 'products':
      return readRows(form, 'products', ['name', 'description']);
    case 'legalBasis':
      return readRows(form, 'legalBasis', ['title', 'number', 'year'], ['year']);
    case 'timeLimit': {
      const value = wholeNumber(form, 'timeLimit.value', errors);
      return {
        value: {
          value,
          unit: choice(form, 'timeLimit.unit'),
          pausesWhileWaiting: ticked(form, 'timeLimit.pausesWhileWaiting'),
          notes: optionalText(form, 'timeLimit.notes'),
        },
        rows: {},
        errors,
      };
    }
    case 'staffCount':
      return {
        value: { count: wholeNumber(form, 'staffCount.count', errors), notes: optionalText(form, 'staffCount.notes') },
        rows: {},
        errors,
      };
  }
}

// ---- from a value's path to the input it is about -------------------------------------------------

/** Inputs of a row that hold part of a value: a step's duration is two inputs, MIME types a box group and a text. */
function rowInput(component: ComponentKey, field: string[]): string {
  const [head, next] = field;
  if (component === 'procedure' && head === 'duration') return next === 'unit' ? 'durationUnit' : 'durationValue';
  if (component === 'requirements' && head === 'fileTypes') return next === undefined ? 'fileTypes' : 'fileTypesOther';
  if (component === 'requirements' && head === 'choices') return 'choices';
  return field.join('.');
}

/**
 * The input a path of the component's value is about: `[2, 'name']` of requirements posted from rows 0, 3
 * and 4 is `requirements.4.name`. Paths may carry the component first (`requirements.2.name`, as the
 * service reports them) or not (as zod does). A refusal of a whole list points at its first row.
 */
export function inputFor(component: ComponentKey, path: readonly PropertyKey[] | string, rows: RowMap): string {
  const segments = (typeof path === 'string' ? path.split('.') : path.map(String)).filter((s) => s !== '');
  if (segments[0] === 'content') segments.shift();
  if (segments[0] === component) segments.shift();
  if (isProse(component)) return component;
  if (component in LISTS) {
    const spec = LISTS[component as ListComponent];
    const list = listName(component as ListComponent);
    const at = spec.at ? [spec.at] : [];
    if (at.every((s, i) => segments[i] === s)) {
      const [index, ...field] = segments.slice(at.length);
      const formRows = rows[list] ?? [];
      if (index === undefined || !/^\d+$/.test(index)) return `${list}.${formRows[0] ?? 0}.${spec.first}`;
      const row = formRows[Number(index)] ?? Number(index);
      return `${list}.${row}.${field.length ? rowInput(component, field) : spec.first}`;
    }
  }
  if (segments.length === 0) return component === 'fee' ? 'fee.free' : `${component}.${component === 'staffCount' ? 'count' : 'value'}`;
  return `${component}.${segments.join('.')}`;
}

/** Field errors of the service or the schema, moved onto the inputs they are about. */
export function errorsOnInputs(component: ComponentKey, errors: readonly FieldError[], rows: RowMap): FieldError[] {
  return errors.map((e) => ({ ...e, path: inputFor(component, e.path, rows) }));
}

/** Refusals of a whole list say so, rather than "at least 1". */
function listMessages(issues: readonly IssueLike[]): IssueLike[] {
  return issues.map((issue) =>
    issue.code === 'too_small' && issue.origin === 'array'
      ? { ...issue, code: 'custom', message: 'standards.admin.validation.listEmpty' }
      : issue,
  );
}

/**
 * Reads a posted component editor and checks it with the component's schema. On success, `rows` says
 * which form row each item came from, for moving the service's own refusals onto their inputs.
 */
export function parseComponentForm(component: ComponentKey, form: FormValues): ParsedComponent {
  const read = readComponent(component, form);
  const parsed = COMPONENT_SCHEMAS[component].safeParse(read.value, { reportInput: true });
  if (parsed.success && read.errors.length === 0) return { ok: true, value: parsed.data, rows: read.rows };
  const fromSchema = parsed.success ? [] : errorsOnInputs(component, issuesToFieldErrors(listMessages(parsed.error.issues)), read.rows);
  // An input refused while reading ("12,5 is not a whole number") is not also "required".
  const seen = new Set(read.errors.map((e) => e.path));
  const errors = [...read.errors];
  for (const e of fromSchema) {
    if (!seen.has(e.path)) errors.push(e);
    seen.add(e.path);
  }
  return { ok: false, errors };
}

// ---- a saved value as the form that edits it -------------------------------------------------------

const on = (flag: boolean | undefined) => (flag ? 'on' : undefined);
const str = (v: string | number | undefined | null) => (v === undefined || v === null ? '' : String(v));

/** The first input of each list's rows, by list name. */
const LISTS_FIRST: Record<string, string> = Object.fromEntries(
  Object.keys(LISTS).map((c) => [listName(c as ListComponent), LISTS[c as ListComponent].first]),
);

/** Rows of `items` under `list`, then `BLANK_ROWS` blank ones; each row's fields come from `row`. */
function listValues<T>(
  list: string,
  items: readonly T[],
  row: (item: T) => Record<string, string | string[] | undefined>,
  blank: Record<string, string> = {},
) {
  const values: FormValues = {};
  items.forEach((item, i) => {
    for (const [field, v] of Object.entries(row(item))) if (v !== undefined) values[`${list}.${i}.${field}`] = v;
  });
  for (let i = items.length; i < items.length + BLANK_ROWS; i++) {
    values[`${list}.${i}.${LISTS_FIRST[list] ?? 'name'}`] = '';
    for (const [field, v] of Object.entries(blank)) values[`${list}.${i}.${field}`] = v;
  }
  return values;
}

function requirementRow(r: Requirement) {
  const common = r.fileTypes.filter((t) => (COMMON_FILE_TYPES as readonly string[]).includes(t));
  const other = r.fileTypes.filter((t) => !(COMMON_FILE_TYPES as readonly string[]).includes(t));
  return {
    key: r.key,
    name: r.name,
    kind: r.kind,
    mandatory: on(r.mandatory),
    notes: str(r.notes),
    fileTypes: common,
    fileTypesOther: other.join(', '),
    maxSizeKb: str(r.maxSizeKb),
    fieldType: str(r.fieldType),
    choices: (r.choices ?? []).join('\n'),
    profileField: str(r.profileField),
    reusable: on(r.reusable),
  };
}

function stepRow(s: ProcedureStep, i: number) {
  return {
    key: s.key,
    order: String(i + 1),
    title: s.title,
    actor: s.actor,
    description: str(s.description),
    durationValue: str(s.duration?.value),
    durationUnit: str(s.duration?.unit),
    output: str(s.output),
  };
}

/** The form values that edit a component, from its saved value (or an empty form with blank rows). */
export function componentToForm(component: ComponentKey, content: DraftContent): FormValues {
  if (isProse(component)) return { [component]: content[component] ?? '' };
  switch (component) {
    case 'requirements':
      return listValues('requirements', content.requirements ?? [], requirementRow, { kind: 'document', mandatory: 'on' });
    case 'procedure': {
      const steps = content.procedure ?? [];
      const values = listValues('procedure', steps, (s) => stepRow(s, steps.indexOf(s)));
      // Blank rows are numbered after the saved steps, so a step typed there lands at the end.
      for (let i = steps.length; i < steps.length + BLANK_ROWS; i++) values[`procedure.${i}.order`] = String(i + 1);
      return values;
    }
    case 'timeLimit': {
      const t: Partial<TimeLimit> = content.timeLimit ?? { unit: 'working_days', pausesWhileWaiting: true };
      return {
        'timeLimit.value': str(t.value),
        'timeLimit.unit': str(t.unit),
        'timeLimit.pausesWhileWaiting': on(t.pausesWhileWaiting),
        'timeLimit.notes': str(t.notes),
      };
    }
    case 'fee': {
      const fee: Fee | undefined = content.fee;
      const items = fee && !fee.free ? fee.items : [];
      return {
        'fee.free': fee ? String(fee.free) : '',
        'fee.legalBasis': fee?.free ? str(fee.legalBasis) : '',
        'fee.notes': fee && !fee.free ? str(fee.notes) : '',
        ...listValues('fee.items', items, (item) => ({ name: item.name, amount: String(item.amount), legalBasis: item.legalBasis })),
      };
    }
    case 'products':
      return listValues('products', content.products ?? [], (p) => ({ name: p.name, description: str(p.description) }));
    case 'complaints': {
      const c = content.complaints;
      return {
        'complaints.responseDays': str(c?.responseDays ?? 5),
        'complaints.notes': str(c?.notes),
        ...listValues('complaints.channels', c?.channels ?? [], (ch) => ({ kind: ch.kind, contact: ch.contact })),
      };
    }
    case 'legalBasis':
      return listValues('legalBasis', content.legalBasis ?? [], (r) => ({ title: r.title, number: str(r.number), year: str(r.year) }));
    case 'staffCount':
      return { 'staffCount.count': str(content.staffCount?.count), 'staffCount.notes': str(content.staffCount?.notes) };
  }
}

// ---- a service's details ---------------------------------------------------------------------------

/** The fields of the service form as the service's schemas take them (they check them). */
export interface ServiceFormInput {
  serviceUnitId?: string;
  code: string;
  name: string;
  summary: string;
  keywords: string;
  category: string | undefined;
  kind: string | undefined;
  lifeEvents: string[];
  audiences: string[];
  channels: string | undefined;
}

/**
 * Reads the service form: the details, and the rows of where it is offered (a mall, and the unit's booth
 * there or none). `rows` says which form row each location came from, for the errors of `locations.N.*`.
 */
export function serviceFromForm(form: FormValues): {
  input: ServiceFormInput;
  locations: { mallId: string; boothId?: string }[];
  rows: RowMap;
} {
  const rows = rowsOf(form, 'locations').filter(
    (i) => !ticked(form, `locations.${i}.remove`) && text(form, `locations.${i}.mallId`) !== '',
  );
  return {
    input: {
      ...(form.serviceUnitId !== undefined ? { serviceUnitId: text(form, 'serviceUnitId') } : {}),
      code: text(form, 'code'),
      name: text(form, 'name'),
      summary: text(form, 'summary'),
      keywords: text(form, 'keywords'),
      category: choice(form, 'category'),
      kind: choice(form, 'kind'),
      lifeEvents: many(form, 'lifeEvents'),
      audiences: many(form, 'audiences'),
      channels: choice(form, 'channels'),
    },
    locations: rows.map((i) => {
      const boothId = text(form, `locations.${i}.boothId`);
      return { mallId: text(form, `locations.${i}.mallId`), ...(boothId ? { boothId } : {}) };
    }),
    rows: { locations: rows },
  };
}

/** `locations.1.boothId` of the locations sent is the input of the form row it came from. */
export function serviceErrorsOnInputs(errors: readonly FieldError[], rows: RowMap): FieldError[] {
  return errors.map((e) => {
    const match = /^locations\.(\d+)\.(\w+)$/.exec(e.path);
    if (!match) return e.path === 'locations' ? { ...e, path: `locations.${rows.locations?.[0] ?? 0}.mallId` } : e;
    return { ...e, path: `locations.${rows.locations?.[Number(match[1])] ?? match[1]}.${match[2]}` };
  });
}

/** The form values of a service (or a new one) with its places and blank rows to add more. */
export function serviceToForm(
  service: Partial<Omit<ServiceFormInput, 'category' | 'kind' | 'channels'>> & {
    category?: string;
    kind?: string;
    channels?: string;
    version?: number;
  },
  locations: readonly { mallId: string; boothId: string | null }[],
): FormValues {
  const values: FormValues = {
    code: service.code ?? '',
    name: service.name ?? '',
    summary: service.summary ?? '',
    keywords: service.keywords ?? '',
    category: service.category ?? '',
    kind: service.kind ?? '',
    channels: service.channels ?? '',
    lifeEvents: service.lifeEvents ?? [],
    audiences: service.audiences ?? [],
    ...(service.version !== undefined ? { version: String(service.version) } : {}),
    ...(service.serviceUnitId !== undefined ? { serviceUnitId: service.serviceUnitId } : {}),
  };
  locations.forEach((l, i) => {
    values[`locations.${i}.mallId`] = l.mallId;
    values[`locations.${i}.boothId`] = l.boothId ?? '';
  });
  for (let i = locations.length; i < locations.length + BLANK_ROWS; i++) values[`locations.${i}.mallId`] = '';
  return values;
}
