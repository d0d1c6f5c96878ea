import { describe, expect, it } from 'vitest';
import {
  componentToForm,
  errorsOnInputs,
  inputFor,
  keyFrom,
  parseComponentForm,
  serviceErrorsOnInputs,
  serviceFromForm,
  serviceToForm,
} from './admin.forms.js';
import { COMPONENTS } from './standards.content.js';
import { standardContent } from './catalog.test-support.js';

describe('the component editors', () => {
  it('read back every component of a complete standard from the form that edits it', () => {
    const content = standardContent({
      fee: { free: false, items: [{ name: 'Retribusi PBG', amount: 2_500_000, legalBasis: 'Perda 3/2023' }], notes: 'Dibayar di bank.' },
      requirements: [
        {
          key: 'ktp',
          name: 'KTP-el',
          kind: 'document',
          mandatory: true,
          fileTypes: ['application/pdf', 'text/csv'],
          maxSizeKb: 2048,
          reusable: true,
        },
        { key: 'jenis', name: 'Jenis usaha', kind: 'data', mandatory: false, fieldType: 'choice', choices: ['Mikro', 'Kecil'] },
        { key: 'hadir', name: 'Pemohon hadir', kind: 'presence', mandatory: true },
      ],
    });
    for (const component of COMPONENTS) {
      const parsed = parseComponentForm(component, componentToForm(component, content));
      expect(parsed.ok ? parsed.value : parsed.errors, component).toEqual(content[component]);
    }
  });

  it('offers blank rows under the saved ones, and leaves blank and removed rows out', () => {
    const form = componentToForm('products', { products: [{ name: 'Akta' }] });
    expect(Object.keys(form).filter((k) => k.endsWith('.name'))).toEqual(['products.0.name', 'products.1.name', 'products.2.name']);
    const parsed = parseComponentForm('products', {
      'products.0.name': 'Akta',
      'products.0.remove': 'on',
      'products.1.name': 'Kutipan akta',
      'products.2.name': '',
    });
    expect(parsed).toEqual({ ok: true, value: [{ name: 'Kutipan akta' }], rows: { products: [1] } });
  });

  it('orders steps by their number and gives new steps and requirements keys from their names', () => {
    const parsed = parseComponentForm('procedure', {
      'procedure.0.key': 'periksa',
      'procedure.0.order': '2',
      'procedure.0.title': 'Periksa berkas',
      'procedure.0.actor': 'counter_officer',
      'procedure.1.order': '1',
      'procedure.1.title': 'Ajukan permohonan',
      'procedure.1.actor': 'citizen',
      'procedure.1.durationValue': '1',
      'procedure.1.durationUnit': 'working_days',
    });
    expect(parsed).toEqual({
      ok: true,
      rows: { procedure: [1, 0] },
      value: [
        { key: 'ajukan_permohonan', title: 'Ajukan permohonan', actor: 'citizen', duration: { value: 1, unit: 'working_days' } },
        { key: 'periksa', title: 'Periksa berkas', actor: 'counter_officer' },
      ],
    });
    expect(keyFrom('Kartu Keluarga (KK)', new Set(['kartu_keluarga_kk']), 'syarat')).toBe('kartu_keluarga_kk_2');
    expect(keyFrom('2 lembar pas foto', new Set(), 'syarat')).toBe('syarat_2_lembar_pas_foto');
    expect(keyFrom('', new Set(), 'syarat')).toBe('syarat');
  });

  it('reads rupiah and sizes as people type them, and refuses what is not a whole number on its input', () => {
    const fee = parseComponentForm('fee', {
      'fee.free': 'false',
      'fee.items.0.name': 'Cetak',
      'fee.items.0.amount': 'Rp 1.500.000',
      'fee.items.0.legalBasis': 'Perbup 10/2022',
      'fee.items.1.name': 'Materai',
      'fee.items.1.amount': '10,5',
      'fee.items.1.legalBasis': 'UU 10/2020',
    });
    expect(fee).toEqual({ ok: false, errors: [{ path: 'fee.items.1.amount', key: 'standards.admin.validation.rupiah' }] });
    const free = parseComponentForm('fee', { 'fee.free': 'true', 'fee.items.0.name': 'Diabaikan' });
    expect(free).toEqual({ ok: true, value: { free: true }, rows: {} });
    expect(parseComponentForm('fee', {})).toEqual({
      ok: false,
      errors: [{ path: 'fee.free', key: 'standards.admin.validation.feeChoice' }],
    });
  });

  it('puts every refusal on the input of the row it came from', () => {
    const parsed = parseComponentForm('requirements', {
      'requirements.0.name': 'KTP',
      'requirements.0.kind': 'document',
      'requirements.0.fileTypes': 'application/pdf',
      'requirements.0.maxSizeKb': '2048',
      'requirements.1.name': '',
      'requirements.1.kind': 'document',
      'requirements.3.name': '',
      'requirements.3.kind': 'document',
      'requirements.3.notes': 'Tanpa nama',
      'requirements.3.fileTypesOther': 'bukan/mime/sama-sekali',
      'requirements.5.name': 'Data',
      'requirements.5.kind': 'data',
      'requirements.5.fieldType': 'choice',
      'requirements.5.choices': 'Satu',
    });
    expect(parsed.ok ? [] : parsed.errors).toEqual([
      { path: 'requirements.3.fileTypesOther', key: 'standards.admin.validation.mime', params: { value: 'bukan/mime/sama-sekali' } },
      { path: 'requirements.3.name', key: 'platform.validation.required' },
      { path: 'requirements.3.fileTypes', key: 'standards.validation.fileTypesRequired' },
      { path: 'requirements.3.maxSizeKb', key: 'standards.validation.maxSizeRequired' },
      { path: 'requirements.5.choices', key: 'standards.validation.choicesRequired' },
    ]);
    expect(parseComponentForm('timeLimit', { 'timeLimit.value': '0', 'timeLimit.unit': 'working_days' })).toEqual({
      ok: false,
      errors: [{ path: 'timeLimit.value', key: 'platform.validation.tooSmall', params: { minimum: '1' } }],
    });
    expect(parseComponentForm('legalBasis', { 'legalBasis.0.title': '' })).toEqual({
      ok: false,
      errors: [{ path: 'legalBasis.0.title', key: 'standards.admin.validation.listEmpty' }],
    });
  });

  it("moves the service's own paths onto the form's rows", () => {
    const rows = { requirements: [0, 3, 4], 'fee.items': [2], 'complaints.channels': [1] };
    expect(inputFor('requirements', 'requirements.2.key', rows)).toBe('requirements.4.key');
    expect(inputFor('requirements', [1, 'fileTypes', 0], rows)).toBe('requirements.3.fileTypesOther');
    expect(inputFor('requirements', 'requirements', rows)).toBe('requirements.0.name');
    expect(inputFor('procedure', 'procedure.0.duration.unit', { procedure: [2] })).toBe('procedure.2.durationUnit');
    expect(inputFor('fee', 'fee.items.0.amount', rows)).toBe('fee.items.2.amount');
    expect(inputFor('complaints', 'complaints.channels', rows)).toBe('complaints.channels.1.contact');
    expect(inputFor('complaints', 'complaints.responseDays', rows)).toBe('complaints.responseDays');
    expect(inputFor('facilities', 'facilities', {})).toBe('facilities');
    expect(inputFor('timeLimit', 'timeLimit', {})).toBe('timeLimit.value');
    expect(errorsOnInputs('products', [{ path: 'products.0.name', key: 'x.y' }], { products: [5] })).toEqual([
      { path: 'products.5.name', key: 'x.y' },
    ]);
  });
});

describe('the service form', () => {
  it('reads the details and the places it is offered, and puts location errors on their rows', () => {
    const form = {
      ...serviceToForm({ code: 'KK', name: 'Kartu Keluarga', audiences: ['citizen'], lifeEvents: [] }, [{ mallId: 'm1', boothId: 'b1' }]),
      'locations.1.mallId': '',
      'locations.2.mallId': 'm2',
      'locations.2.boothId': '',
      audiences: ['citizen', 'business'],
    };
    const read = serviceFromForm(form);
    expect(read.input).toMatchObject({
      code: 'KK',
      name: 'Kartu Keluarga',
      audiences: ['citizen', 'business'],
      lifeEvents: [],
      category: undefined,
    });
    expect(read.locations).toEqual([{ mallId: 'm1', boothId: 'b1' }, { mallId: 'm2' }]);
    expect(
      serviceErrorsOnInputs(
        [
          { path: 'locations.1.mallId', key: 'x.y' },
          { path: 'code', key: 'x.z' },
        ],
        read.rows,
      ),
    ).toEqual([
      { path: 'locations.2.mallId', key: 'x.y' },
      { path: 'code', key: 'x.z' },
    ]);
  });
});
