import type { FieldError } from '../../platform/errors.js';
import type { Locale } from '../../platform/i18n/catalog.js';
import { formatNumber } from '../../platform/i18n/format.js';
import { normalizePhone, parseNik } from '../identity/index.js';
import type { Requirement } from '../standards/index.js';
import type { Answers } from './applications.core.js';

/**
 * The application form generated from the frozen standard's requirements: each data item becomes a typed
 * field, each document an upload with the standard's file types and size, each presence item a note of
 * what to bring or who must come in person. Validation is per requirement, with field errors keyed
 * `answers.<key>` and `documents.<key>`; mandatory items are required only on submission, so a draft may
 * be partial, but whatever is typed must already be well-formed.
 */

export type DataFieldType = NonNullable<Requirement['fieldType']>;

export interface DataField {
  key: string;
  name: string;
  notes?: string | undefined;
  mandatory: boolean;
  type: DataFieldType;
  choices: string[];
  profileField?: Requirement['profileField'];
}

export interface UploadField {
  key: string;
  name: string;
  notes?: string | undefined;
  mandatory: boolean;
  fileTypes: string[];
  maxSizeKb: number;
  /** For the input's `accept`: the media types and their usual extensions. */
  accept: string;
}

export interface PresenceItem {
  key: string;
  name: string;
  notes?: string | undefined;
  mandatory: boolean;
}

export interface ApplicationForm {
  data: DataField[];
  documents: UploadField[];
  presence: PresenceItem[];
}

const EXTENSIONS: Record<string, string[]> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'image/webp': ['.webp'],
  'image/heic': ['.heic'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
  'application/zip': ['.zip'],
  'text/plain': ['.txt'],
  'text/csv': ['.csv'],
};

export const acceptOf = (fileTypes: readonly string[]) => [...fileTypes, ...fileTypes.flatMap((t) => EXTENSIONS[t] ?? [])].join(',');

/** The form of a standard's requirements, in the standard's order. */
export function buildForm(requirements: readonly Requirement[]): ApplicationForm {
  const form: ApplicationForm = { data: [], documents: [], presence: [] };
  for (const r of requirements) {
    const base = { key: r.key, name: r.name, notes: r.notes, mandatory: r.mandatory };
    if (r.kind === 'data') {
      form.data.push({ ...base, type: r.fieldType ?? 'text', choices: r.choices ?? [], profileField: r.profileField });
    } else if (r.kind === 'document') {
      form.documents.push({ ...base, fileTypes: r.fileTypes, maxSizeKb: r.maxSizeKb ?? 1024, accept: acceptOf(r.fileTypes) });
    } else {
      form.presence.push(base);
    }
  }
  return form;
}

export interface ProfileValues {
  name?: string | null;
  nik?: string | null;
  email?: string | null;
  phone?: string | null;
}

/** Answers with the blanks of profile-linked fields filled from the citizen's profile; typed answers win. */
export function prefill(form: ApplicationForm, answers: Answers, profile: ProfileValues): Answers {
  const out = { ...answers };
  for (const f of form.data) {
    const value = f.profileField ? profile[f.profileField] : undefined;
    if (value && !out[f.key]?.trim()) out[f.key] = value;
  }
  return out;
}

/** "2 MB", "500 KB": a size limit in words for the hint under an upload. */
export function sizeInWords(kb: number, locale: Locale): string {
  return kb >= 1024 && kb % 1024 === 0
    ? `${formatNumber(kb / 1024, locale)} MB`
    : kb >= 1024
      ? `${formatNumber(kb / 1024, locale, 1)} MB`
      : `${formatNumber(kb, locale)} KB`;
}

/** Message keys of the form's validation, in the `applications.apply` catalog. */
const V = (reason: string) => `applications.apply.validation.${reason}`;

const MAX_TEXT = 500;
const MAX_ADDRESS = 1000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const NUMBER = /^-?\d{1,15}(?:[.,]\d{1,6})?$/;

function isoDate(raw: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(raw);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : local ? [local[3], local[2], local[1]] : [];
  if (!y || !m || !d) return undefined;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return undefined;
  return date.toISOString().slice(0, 10);
}

/** One answer, normalised (NIK without spaces, phone in E.164, date as YYYY-MM-DD), or the reason it is refused. */
export function checkAnswer(
  field: Pick<DataField, 'type' | 'choices'>,
  raw: string,
): { value: string } | { error: string; params?: Record<string, string | number> } {
  const value = raw.trim();
  switch (field.type) {
    case 'text':
      return value.length > MAX_TEXT ? { error: V('tooLong'), params: { max: MAX_TEXT } } : { value };
    case 'address':
      return value.length > MAX_ADDRESS ? { error: V('tooLong'), params: { max: MAX_ADDRESS } } : { value };
    case 'number':
      return NUMBER.test(value) ? { value: value.replace(',', '.') } : { error: V('number') };
    case 'date': {
      const date = isoDate(value);
      return date ? { value: date } : { error: V('date') };
    }
    case 'nik': {
      const nik = parseNik(value);
      return nik.ok ? { value: nik.nik } : { error: V(`nik.${nik.reason}`) };
    }
    case 'email':
      return EMAIL.test(value) && value.length <= 254 ? { value: value.toLowerCase() } : { error: V('email') };
    case 'phone': {
      const phone = normalizePhone(value);
      return phone ? { value: phone } : { error: V('phone') };
    }
    case 'choice':
      return field.choices.includes(value) ? { value } : { error: V('choice') };
  }
}

export type Mode = 'draft' | 'submit';

/**
 * Checks the answers to the data items: unknown keys are dropped, typed values must be well-formed, and
 * on submission every mandatory item must be answered.
 */
export function validateAnswers(
  form: ApplicationForm,
  given: Record<string, unknown>,
  mode: Mode,
): { answers: Answers; errors: FieldError[] } {
  const answers: Answers = {};
  const errors: FieldError[] = [];
  for (const field of form.data) {
    const raw = given[field.key];
    const text = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : '';
    const path = `answers.${field.key}`;
    if (text === '') {
      if (mode === 'submit' && field.mandatory) errors.push({ path, key: V('required'), params: { name: field.name } });
      continue;
    }
    const checked = checkAnswer(field, text);
    if ('error' in checked) errors.push({ path, key: checked.error, params: { name: field.name, ...checked.params } });
    else answers[field.key] = checked.value;
  }
  return { answers, errors };
}

export interface CurrentDocument {
  requirementKey: string;
  /** As detected from the content; absent for a file not yet stored (its type is checked as it is stored). */
  mediaType?: string;
}

/** On submission: every mandatory document uploaded, each of a type the standard accepts. */
export function checkDocuments(form: ApplicationForm, documents: readonly CurrentDocument[]): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of form.documents) {
    const doc = documents.find((d) => d.requirementKey === field.key);
    const path = `documents.${field.key}`;
    if (!doc) {
      if (field.mandatory) errors.push({ path, key: V('documentMissing'), params: { name: field.name } });
    } else if (doc.mediaType !== undefined && !field.fileTypes.includes(doc.mediaType)) {
      errors.push({ path, key: V('documentType'), params: { name: field.name, types: field.fileTypes.join(', ') } });
    }
  }
  return errors;
}
