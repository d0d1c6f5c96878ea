import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

/**
 * The typeface of every PDF: DejaVu Sans from the `dejavu-fonts-ttf` package (Bitstream Vera licence), regular
 * and bold, embedded as subsets so a document carries only the glyphs it draws. PDF's standard fonts cover
 * Windows-1252 alone; DejaVu Sans also has Latin Extended (Ā, ő, Ş, İ, Vietnamese), Greek, Cyrillic, general
 * punctuation (“ ” – …), arrows and mathematical operators (≥ →). See docs/decisions/0015-pdf-unicode-font.md.
 */

/** The name the regular face is registered under on a document. */
export const FONT = 'body';
/** The name the bold face is registered under on a document. */
export const BOLD = 'body-bold';

/** Resolved from the package, not from this file's folder, so src/ (tsx) and the dist/ bundle find the same files. */
const FILES = {
  [FONT]: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  [BOLD]: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
} as const;

/** U+FFFD, drawn where a face has no glyph for a character: visible, and searchable, unlike an empty box. */
const REPLACEMENT = '\uFFFD';

interface Faces {
  buffers: Record<keyof typeof FILES, Buffer>;
  /** The code points both faces draw, so a text reads the same in either. */
  covered: Set<number>;
}

let faces: Faces | undefined;

/** The font files, read once per process (about 1.4 MB); pdfkit keeps only the glyphs a document uses. */
function loadFaces(): Faces {
  if (faces) return faces;
  const require = createRequire(import.meta.url);
  const buffers = {
    [FONT]: readFileSync(require.resolve(FILES[FONT])),
    [BOLD]: readFileSync(require.resolve(FILES[BOLD])),
  };
  const bold = new Set(fontkit.create(buffers[BOLD]).characterSet);
  const covered = new Set(fontkit.create(buffers[FONT]).characterSet.filter((c) => bold.has(c)));
  faces = { buffers, covered };
  return faces;
}

/** Registers the regular (`FONT`) and bold (`BOLD`) faces on a new document and makes the regular one current. */
export function useDocumentFonts(doc: PDFKit.PDFDocument): PDFKit.PDFDocument {
  const { buffers } = loadFaces();
  return doc.registerFont(FONT, buffers[FONT]).registerFont(BOLD, buffers[BOLD]).font(FONT);
}

/**
 * Text as the fonts can draw it: composed (NFC, so "e" + combining acute is the one glyph "é"), line ends as
 * "\n", and any character neither face has (a script DejaVu lacks, a control character) as U+FFFD rather than
 * an empty box that copies out as nothing.
 */
export function printable(text: string): string {
  const { covered } = loadFaces();
  let out = '';
  for (const char of text.normalize('NFC').replace(/\r\n?/g, '\n')) {
    out += char === '\n' || covered.has(char.codePointAt(0)!) ? char : REPLACEMENT;
  }
  return out;
}
