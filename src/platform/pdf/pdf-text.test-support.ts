/**
 * Reading a PDF made by pdfkit back in tests, as a viewer's copy and search do: the text through each font's
 * ToUnicode map, and the names of the embedded fonts. Enough PDF for pdfkit's own output (compressed or not),
 * not a general parser.
 */
import { inflateSync } from 'node:zlib';
import { expect } from 'vitest';

interface PdfObject {
  dictionary: string;
  stream: Buffer | undefined;
}

/** Every `n 0 obj … endobj` of the file by number, its stream (cut by its /Length) inflated when it is compressed. */
function objectsOf(pdf: Buffer): Map<number, PdfObject> {
  const raw = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\s/g;
  let match: RegExpExecArray | null;
  while ((match = header.exec(raw))) {
    const from = match.index + match[0].length;
    const streamAt = raw.indexOf('stream', from);
    const endAt = raw.indexOf('endobj', from);
    if (streamAt < 0 || endAt < streamAt) {
      objects.set(Number(match[1]), { dictionary: raw.slice(from, endAt), stream: undefined });
      header.lastIndex = endAt;
      continue;
    }
    const dictionary = raw.slice(from, streamAt);
    const start = streamAt + (raw.startsWith('stream\r\n', streamAt) ? 8 : 7);
    const length = Number(/\/Length (\d+)/.exec(dictionary)?.[1]);
    let stream = pdf.subarray(start, start + length);
    if (/\/FlateDecode/.test(dictionary)) stream = inflateSync(stream);
    objects.set(Number(match[1]), { dictionary, stream });
    header.lastIndex = start + length;
  }
  return objects;
}

/** A ToUnicode CMap as glyph code → text, from the `bfrange` and `bfchar` sections pdfkit writes. */
function parseCMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const text = (hex: string) => {
    const units = hex.replace(/\s+/g, '').match(/.{4}/g) ?? [];
    return String.fromCharCode(...units.map((u) => parseInt(u, 16)));
  };
  for (const section of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const range of section[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F\s]+>)/g)) {
      const from = parseInt(range[1]!, 16);
      const to = parseInt(range[2]!, 16);
      if (range[3]!.startsWith('[')) {
        [...range[3]!.matchAll(/<([0-9a-fA-F\s]*)>/g)].forEach((entry, i) => map.set(from + i, text(entry[1]!)));
      } else {
        const first = text(range[3]!.slice(1, -1));
        const last = first.charCodeAt(first.length - 1);
        for (let code = from; code <= to; code++) map.set(code, first.slice(0, -1) + String.fromCharCode(last + code - from));
      }
    }
  }
  for (const section of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const entry of section[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g)) map.set(parseInt(entry[1]!, 16), text(entry[2]!));
  }
  return map;
}

/** How to turn a font's codes into text: two-byte codes through its ToUnicode map, or a byte a character for a standard font. */
type Decoder = (hex: string) => string;

const latin1: Decoder = (hex) => Buffer.from(hex, 'hex').toString('latin1');

/** The decoder of each font resource name (`F2`), found through the fonts' dictionaries. */
function decoders(objects: Map<number, PdfObject>): Map<string, Decoder> {
  const byName = new Map<string, Decoder>();
  for (const object of objects.values()) {
    for (const entry of object.dictionary.matchAll(/\/Font\s*<<([^>]*)>>/g)) {
      for (const [, name, ref] of entry[1]!.matchAll(/\/([^\s/]+)\s+(\d+) 0 R/g)) {
        const font = objects.get(Number(ref));
        const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(font?.dictionary ?? '');
        const stream = toUnicode ? objects.get(Number(toUnicode[1]))?.stream : undefined;
        if (!stream) {
          byName.set(name!, latin1);
          continue;
        }
        const cmap = parseCMap(stream.toString('latin1'));
        byName.set(name!, (hex) => (hex.match(/.{4}/g) ?? []).map((code) => cmap.get(parseInt(code, 16)) ?? '\u0000').join(''));
      }
    }
  }
  return byName;
}

/**
 * The lines of text a PDF shows, in drawing order: every text operator (`Tj`, `TJ`) of every content stream,
 * decoded with the font set before it (`Tf`), one line per operator.
 */
export function pdfLines(pdf: Buffer): string[] {
  const objects = objectsOf(pdf);
  const fonts = decoders(objects);
  const kids = [...objects.values()].find((o) => /\/Type \/Pages\b/.test(o.dictionary))?.dictionary.match(/\/Kids \[([^\]]*)\]/)?.[1] ?? '';
  const pages = [...kids.matchAll(/(\d+) 0 R/g)].map((ref) => objects.get(Number(ref[1])));
  const lines: string[] = [];
  for (const page of pages) {
    const contents = /\/Contents (\d+) 0 R/.exec(page?.dictionary ?? '');
    const content = objects.get(Number(contents?.[1]))?.stream?.toString('latin1') ?? '';
    let decode: Decoder | undefined;
    for (const op of content.matchAll(/\/([^\s/]+)\s+[\d.]+\s+Tf|\[((?:<[0-9a-fA-F]*>|[^\]])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      if (op[1] !== undefined) {
        decode = fonts.get(op[1]);
        continue;
      }
      const hexes = op[2] !== undefined ? [...op[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]!) : [op[3]!];
      lines.push(hexes.map(decode ?? latin1).join(''));
    }
  }
  return lines;
}

/**
 * The text a PDF shows as one string: its lines joined by a space, except after a line that ends in a hyphen
 * (a word broken there, "terus-" and "menerus"), and any run of white space, a no-break space too, as one space.
 */
export function pdfText(pdf: Buffer): string {
  return pdfLines(pdf).join('\n').replace(/-\n/g, '-').replace(/\s+/g, ' ');
}

/** The fonts a PDF embeds, by the `/FontName` of their descriptors: a subset's name starts with six capitals and "+" (`CZZZZZ+DejaVuSans`). */
export function embeddedFonts(pdf: Buffer): { name: string; subset: boolean }[] {
  const names = new Set([...pdf.toString('latin1').matchAll(/\/FontName \/([^\s/>]+)/g)].map((m) => m[1]!));
  return [...names].sort().map((name) => ({ name: name.replace(/^[A-Z]{6}\+/, ''), subset: /^[A-Z]{6}\+/.test(name) }));
}

/**
 * The rule every PDF keeps: each text comes out as typed (no "?" in place of a character Latin-1 lacks),
 * set in subsets of the embedded Unicode font, regular and bold.
 */
export function expectPrintedAsTyped(pdf: Buffer, typed: readonly string[]): void {
  const text = pdfText(pdf);
  for (const part of typed) expect(text).toContain(part);
  expect(text).not.toContain('?');
  expect(embeddedFonts(pdf)).toEqual([
    { name: 'DejaVuSans', subset: true },
    { name: 'DejaVuSans-Bold', subset: true },
  ]);
}
