import { describe, expect, it } from 'vitest';
import { standardContent } from './catalog.test-support.js';
import { COMPONENTS } from './standards.content.js';
import { canonical, diffContent, diffItems } from './standards.diff.js';

describe('diffContent', () => {
  const base = standardContent();

  it('reports all 14 components in the order of the law, unchanged when equal whatever the key order', () => {
    const reordered = Object.fromEntries(Object.entries(base).reverse()) as typeof base;
    const diff = diffContent(base, reordered);
    expect(diff.map((d) => d.component)).toEqual([...COMPONENTS]);
    expect(diff.every((d) => d.change === 'unchanged')).toBe(true);
  });

  it('tells added and removed components apart from changed ones', () => {
    const { facilities: _f, ...without } = base;
    expect(diffContent(without, base).find((d) => d.component === 'facilities')).toEqual({ component: 'facilities', change: 'added' });
    expect(diffContent(base, without).find((d) => d.component === 'facilities')).toEqual({ component: 'facilities', change: 'removed' });
    expect(diffContent(base, { ...base, facilities: 'Ruang tunggu baru' }).find((d) => d.component === 'facilities')).toEqual({
      component: 'facilities',
      change: 'changed',
    });
  });

  it('matches procedure steps by key: an edited step is changed, a new one added, reordering noted', () => {
    const [first, second, ...rest] = base.procedure;
    const after = [
      second!,
      { ...first!, title: 'Pemohon mengisi formulir daring' },
      ...rest,
      { key: 'arsip', title: 'Berkas diarsipkan', actor: 'processor' as const },
    ];
    expect(diffContent(base, { ...base, procedure: after }).find((d) => d.component === 'procedure')).toEqual({
      component: 'procedure',
      change: 'changed',
      items: [
        { match: 'ajukan', change: 'changed', fields: ['title'] },
        { match: 'arsip', change: 'added' },
      ],
      reordered: true,
    });
  });

  it('matches fee items, products, regulations and complaint channels by name, title or kind', () => {
    const before = {
      ...base,
      fee: { free: false as const, items: [{ name: 'Blanko', amount: 5_000, legalBasis: 'Perda 1/2024' }] },
    };
    const after = {
      ...base,
      fee: {
        free: false as const,
        items: [
          { name: 'Blanko', amount: 7_500, legalBasis: 'Perda 1/2024' },
          { name: 'Legalisir', amount: 2_000, legalBasis: 'Perda 1/2024' },
        ],
      },
      legalBasis: [...base.legalBasis, { title: 'Peraturan Daerah tentang Retribusi', number: '1', year: 2024 }],
      complaints: { ...base.complaints, channels: base.complaints.channels.filter((c) => c.kind !== 'whatsapp') },
    };
    const diff = Object.fromEntries(diffContent(before, after).map((d) => [d.component, d]));
    expect(diff.fee!.items).toEqual([
      { match: 'Blanko', change: 'changed', fields: ['amount'] },
      { match: 'Legalisir', change: 'added' },
    ]);
    expect(diff.legalBasis!.items).toEqual([{ match: 'Peraturan Daerah tentang Retribusi', change: 'added' }]);
    expect(diff.complaints!.items).toEqual([{ match: 'whatsapp', change: 'removed' }]);
    // Becoming free removes every item.
    expect(diffContent(before, { ...base, fee: { free: true } }).find((d) => d.component === 'fee')!.items).toEqual([
      { match: 'Blanko', change: 'removed' },
    ]);
  });

  it('keeps repeated names apart instead of losing one', () => {
    const item = { name: 'Biaya cetak', amount: 1 };
    expect(diffItems([item], [item, { ...item, amount: 2 }], (i) => String(i.name))).toEqual({
      items: [{ match: 'Biaya cetak #2', change: 'added' }],
      reordered: false,
    });
  });

  it('compares values, not the order of their keys', () => {
    expect(canonical({ b: 1, a: [1, { d: 2, c: undefined }] })).toBe(canonical({ a: [1, { d: 2 }], b: 1 }));
    expect(canonical([1, 2])).not.toBe(canonical([2, 1]));
  });
});
