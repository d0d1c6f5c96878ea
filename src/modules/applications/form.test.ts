import { describe, expect, it } from 'vitest';
import { birthCertificateStandard } from './applications.test-support.js';
import { buildForm, checkAnswer, checkDocuments, prefill, sizeInWords, validateAnswers, type DataField } from './form.js';

const form = buildForm(birthCertificateStandard().requirements);
const field = (type: DataField['type'], choices: string[] = []) => ({ type, choices });

describe('buildForm', () => {
  it('turns data items into typed fields, documents into uploads and presence items into notes, in the standard’s order', () => {
    expect(form.data.map((f) => [f.key, f.type])).toEqual([
      ['nama_pemohon', 'text'],
      ['nik_pemohon', 'nik'],
      ['email_pemohon', 'email'],
      ['telepon', 'phone'],
      ['nama_anak', 'text'],
      ['tanggal_lahir', 'date'],
      ['jenis_kelamin', 'choice'],
      ['berat_lahir', 'number'],
      ['alamat', 'address'],
    ]);
    expect(form.documents.map((d) => [d.key, d.accept, d.maxSizeKb])).toEqual([
      ['surat_lahir', 'application/pdf,image/jpeg,.pdf,.jpg,.jpeg', 2048],
      ['kk', 'application/pdf,.pdf', 1024],
      ['buku_nikah', 'application/pdf,.pdf', 4096],
    ]);
    expect(form.presence.map((p) => p.key)).toEqual(['saksi']);
  });

  it('prefills profile-linked fields only where nothing was typed', () => {
    const answers = prefill(form, { nama_pemohon: 'Diketik Sendiri' }, { name: 'Dari Profil', nik: '5103014507900001', email: 'a@b.id' });
    expect(answers).toEqual({ nama_pemohon: 'Diketik Sendiri', nik_pemohon: '5103014507900001', email_pemohon: 'a@b.id' });
  });

  it('states a size limit in words', () => {
    expect(sizeInWords(2048, 'id')).toBe('2 MB');
    expect(sizeInWords(1536, 'en')).toBe('1.5 MB');
    expect(sizeInWords(1536, 'id')).toBe('1,5 MB');
    expect(sizeInWords(500, 'id')).toBe('500 KB');
  });
});

describe('checkAnswer', () => {
  it.each([
    ['text', ' Putu ', { value: 'Putu' }],
    ['text', 'x'.repeat(501), { error: 'applications.apply.validation.tooLong' }],
    ['address', 'Jl. Raya Sempidi No. 5', { value: 'Jl. Raya Sempidi No. 5' }],
    ['number', '3200', { value: '3200' }],
    ['number', '3,25', { value: '3.25' }],
    ['number', 'tiga', { error: 'applications.apply.validation.number' }],
    ['date', '2026-01-31', { value: '2026-01-31' }],
    ['date', '31/01/2026', { value: '2026-01-31' }],
    ['date', '2026-02-30', { error: 'applications.apply.validation.date' }],
    ['nik', '5103 0145 0790 0001', { value: '5103014507900001' }],
    ['nik', '510301450790001', { error: 'applications.apply.validation.nik.format' }],
    ['nik', '0003014507900001', { error: 'applications.apply.validation.nik.region' }],
    ['nik', '5103019913900001', { error: 'applications.apply.validation.nik.birth_date' }],
    ['email', 'Wayan@Contoh.ID', { value: 'wayan@contoh.id' }],
    ['email', 'wayan@', { error: 'applications.apply.validation.email' }],
    ['phone', '0812-3456-7890', { value: '+6281234567890' }],
    ['phone', '+62 812 3456 7890', { value: '+6281234567890' }],
    ['phone', '021 123456', { error: 'applications.apply.validation.phone' }],
  ] as const)('%s %j', (type, raw, expected) => {
    expect(checkAnswer(field(type), raw)).toMatchObject(expected);
  });

  it('accepts only the standard’s choices', () => {
    expect(checkAnswer(field('choice', ['Laki-laki', 'Perempuan']), 'Perempuan')).toEqual({ value: 'Perempuan' });
    expect(checkAnswer(field('choice', ['Laki-laki', 'Perempuan']), 'Lainnya')).toEqual({ error: 'applications.apply.validation.choice' });
  });
});

describe('validateAnswers', () => {
  it('lets a draft be partial but not malformed', () => {
    const { answers, errors } = validateAnswers(form, { nama_anak: 'Putu', telepon: '123', unknown_key: 'dropped' }, 'draft');
    expect(answers).toEqual({ nama_anak: 'Putu' });
    expect(errors.map((e) => e.path)).toEqual(['answers.telepon']);
  });

  it('requires every mandatory item on submission, keyed by requirement', () => {
    const { errors } = validateAnswers(form, { nama_anak: 'Putu' }, 'submit');
    expect(errors.map((e) => [e.path, e.key])).toEqual([
      ['answers.nama_pemohon', 'applications.apply.validation.required'],
      ['answers.nik_pemohon', 'applications.apply.validation.required'],
      ['answers.tanggal_lahir', 'applications.apply.validation.required'],
      ['answers.jenis_kelamin', 'applications.apply.validation.required'],
    ]);
    expect(errors[0]!.params).toEqual({ name: 'Nama pemohon' });
  });
});

describe('checkDocuments', () => {
  it('lists missing mandatory documents and wrong types per requirement', () => {
    const errors = checkDocuments(form, [
      { requirementKey: 'surat_lahir', mediaType: 'image/jpeg' },
      { requirementKey: 'buku_nikah', mediaType: 'image/png' },
    ]);
    expect(errors.map((e) => [e.path, e.key])).toEqual([
      ['documents.kk', 'applications.apply.validation.documentMissing'],
      ['documents.buku_nikah', 'applications.apply.validation.documentType'],
    ]);
  });
});
