// fontkit (the font engine inside pdfkit) ships no types; this is the little of it that fonts.ts reads.
declare module 'fontkit' {
  export interface Font {
    postscriptName: string;
    /** Every code point the font's cmap maps to a glyph. */
    characterSet: number[];
  }
  export function create(buffer: Uint8Array): Font;
}
