import { describe, expect, it } from 'vitest';
import { renderFragment } from '../../platform/views/render.js';
import { Flowchart, wrapText } from './flowchart.js';
import type { ProcedureStep } from './standards.content.js';

const steps: ProcedureStep[] = [
  { key: 'a', title: 'Pemohon mengajukan permohonan dan menyerahkan berkas persyaratan lengkap', actor: 'citizen' },
  { key: 'b', title: 'Petugas <memeriksa> & "mencatat"', actor: 'counter_officer', duration: { value: 30, unit: 'minutes' } },
  { key: 'c', title: 'Dokumen diserahkan', actor: 'counter_officer' },
];

describe('Flowchart', () => {
  const svg = renderFragment(
    <Flowchart
      steps={steps}
      describe={(s) => s.actor}
      title="Bagan alur layanan"
      description="Langkah yang sama tertulis di atas."
      id="uji"
    />,
  );

  it('is an inline SVG image named by its title and described by its description', () => {
    expect(svg).toMatch(/^<svg[^>]*role="img"[^>]*aria-labelledby="uji-title uji-desc"/);
    expect(svg).toContain('<title id="uji-title">Bagan alur layanan</title>');
    expect(svg).toContain('<desc id="uji-desc">Langkah yang sama tertulis di atas.</desc>');
    expect(svg).not.toMatch(/<script|style=/);
  });

  it('draws one box per step, numbered in order, with an arrow between each pair', () => {
    expect(svg.match(/<rect /g)).toHaveLength(3);
    expect(svg.match(/marker-end="url\(#uji-arrow\)"/g)).toHaveLength(2);
    expect(svg.indexOf('1. Pemohon')).toBeLessThan(svg.indexOf('2. Petugas'));
    expect(svg.indexOf('2. Petugas')).toBeLessThan(svg.indexOf('3. Dokumen'));
  });

  it('escapes step text like any other text', () => {
    expect(svg).toContain('2. Petugas &lt;memeriksa> &amp;</text>');
    expect(svg).toContain('>&quot;mencatat&quot;</text>');
  });

  it('grows with the steps, so long titles wrap instead of running out of the box', () => {
    const height = Number(/viewBox="0 0 340 (\d+(?:\.\d+)?)"/.exec(svg)![1]);
    expect(height).toBeGreaterThan(3 * 50);
  });
});

describe('wrapText', () => {
  it('wraps at word boundaries and cuts a word longer than a line', () => {
    expect(wrapText('satu dua tiga empat', 9)).toEqual(['satu dua', 'tiga', 'empat']);
    expect(wrapText('abcdefghijkl', 5)).toEqual(['abcde', 'fghij', 'kl']);
    expect(wrapText('', 5)).toEqual([]);
  });
});
