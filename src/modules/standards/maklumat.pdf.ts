import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { lookupMessage, type Params } from '../../platform/i18n/catalog.js';
import { formatDate } from '../../platform/i18n/format.js';
import { BOLD, FONT, printable, useDocumentFonts } from '../../platform/pdf/fonts.js';
import { mk, type MaklumatKey } from './maklumat.messages.js';
import type { PublicMaklumat } from './maklumat.service.js';

/**
 * The pledge as a portrait poster for the wall of the service location (domain.md §1.3: published at the
 * location and online), in A4 or A3: the agency and unit, the title, the promises in large type, the place,
 * date and signatory with room for the wet signature and stamp, and a QR code to the unit's public page.
 *
 * The poster is the unit's Indonesian document, so it is always set in Indonesian whatever the reader's
 * language. Like every PDF it is set in the platform's embedded Unicode font (platform/pdf/fonts.ts), so a
 * promise prints as typed, curly quotes, "≥" and names with "Ā" or "ő" included.
 */

export type PosterSize = 'a4' | 'a3';

export interface PosterInput {
  maklumat: PublicMaklumat;
  unitName: string;
  agencyName: string;
  /** The unit's public page, which the QR code opens. */
  pageUrl: string;
  size: PosterSize;
  /** False leaves the page content readable as text (tests); compressed otherwise. */
  compress?: boolean;
}

const BRAND = '#00615a';
const TEXT = '#0b0c0c';
const MUTED = '#3d4447';

/** A3 is A4 scaled by √2 on each side, so every length of the A4 layout is multiplied by this. */
const SCALE: Record<PosterSize, number> = { a4: 1, a3: Math.SQRT2 };

const say = (key: MaklumatKey, params?: Params) => printable(lookupMessage(mk(key), 'id', params) ?? key);

/** "Mangupura, 5 Januari 2026" over the signature; noon UTC is the same date in every Indonesian zone. */
const signedLine = (m: PublicMaklumat) =>
  say('poster.signed', { place: m.place, date: formatDate(new Date(`${m.signedAt}T12:00:00Z`), 'id') });

/** The signature block takes the right half of the width, as on a letter. */
const SIGNATURE_WIDTH = 0.5;

export async function renderMaklumatPoster(input: PosterInput): Promise<Buffer> {
  const { maklumat, size } = input;
  const k = SCALE[size];
  const margin = 48 * k;
  const title = say('poster.documentTitle', { unit: input.unitName });
  const doc = new PDFDocument({
    size: size.toUpperCase(),
    layout: 'portrait',
    margins: { top: margin, bottom: margin, left: margin, right: margin },
    compress: input.compress ?? true,
    pdfVersion: '1.7',
    lang: 'id-ID',
    displayTitle: true,
    info: {
      Title: title,
      Author: `${input.unitName}, ${input.agencyName}`,
      Subject: say('poster.title'),
      Creator: 'Satupintu',
      // Dated by the pledge, so the same pledge always gives the same bytes.
      CreationDate: maklumat.publishedAt,
    },
  });
  useDocumentFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = margin;
  const width = doc.page.width - 2 * margin;
  const bottom = doc.page.height - margin;

  // A band in the brand colour across the top edge, then the issuer: agency over unit, centred.
  doc.rect(0, 0, doc.page.width, 14 * k).fill(BRAND);
  doc
    .font(FONT)
    .fontSize(13 * k)
    .fillColor(MUTED)
    .text(printable(input.agencyName), left, margin, { width, align: 'center' });
  doc
    .moveDown(0.2)
    .font(BOLD)
    .fontSize(19 * k)
    .fillColor(TEXT)
    .text(printable(input.unitName), left, doc.y, { width, align: 'center' });
  const rule = doc.y + 10 * k;
  doc
    .moveTo(left, rule)
    .lineTo(left + width, rule)
    .lineWidth(1.5 * k)
    .strokeColor(BRAND)
    .stroke();
  doc
    .font(BOLD)
    .fontSize(34 * k)
    .fillColor(BRAND)
    .text(say('poster.title'), left, rule + 18 * k, { width, align: 'center', characterSpacing: 1.5 * k });

  // The footer is fixed; the body takes the room between the title and the footer, its type as large as fits.
  const qrSize = 104 * k;
  const footerTop = bottom - qrSize;
  const bodyTop = doc.y + 22 * k;
  const room = footerTop - 24 * k - bodyTop;
  const body = bodyLayout(doc, maklumat, width, k, room);

  let y = bodyTop;
  if (maklumat.opening) y = paragraph(doc, printable(maklumat.opening), left, y, width, body.text, body.gap);
  maklumat.promises.forEach((promise, i) => {
    const indent = body.promise * 1.9;
    doc
      .font(BOLD)
      .fontSize(body.promise)
      .fillColor(BRAND)
      .text(`${i + 1}.`, left, y, { width: indent });
    const height = doc
      .font(BOLD)
      .fontSize(body.promise)
      .heightOfString(printable(promise), { width: width - indent, lineGap: body.promise * 0.25 });
    doc.fillColor(TEXT).text(printable(promise), left + indent, y, { width: width - indent, lineGap: body.promise * 0.25 });
    y += height + body.gap;
  });
  if (maklumat.closing) y = paragraph(doc, printable(maklumat.closing), left, y, width, body.text, body.gap);

  // The signature block on the right: place and date, position, room for the signature and stamp, name.
  const blockWidth = width * SIGNATURE_WIDTH;
  const blockLeft = left + width - blockWidth;
  y += body.gap;
  const line = (text: string, bold: boolean, size: number, options: { underline?: boolean } = {}) => {
    doc
      .font(bold ? BOLD : FONT)
      .fontSize(size)
      .fillColor(TEXT)
      .text(text, blockLeft, y, { width: blockWidth, align: 'center', ...options });
    y = doc.y;
  };
  line(signedLine(maklumat), false, body.text);
  line(printable(maklumat.signatoryTitle), true, body.text);
  y += body.signature;
  line(printable(maklumat.signatoryName), true, body.text, { underline: true });

  // The QR code to the unit's page, with what it opens written out for those who cannot scan.
  drawQrCode(doc, input.pageUrl, left, footerTop, qrSize);
  const captionLeft = left + qrSize + 14 * k;
  const captionWidth = width - qrSize - 14 * k;
  doc
    .font(FONT)
    .fontSize(10.5 * k)
    .fillColor(MUTED)
    .text(say('poster.qr'), captionLeft, footerTop + qrSize * 0.3, { width: captionWidth });
  // The address on one line for those who type it: set smaller (in tenths of a point, down to 8 pt) when it
  // is too wide at 11 pt, as a unit's address with its UUID is in DejaVu Sans Bold.
  const url = printable(input.pageUrl);
  doc.font(BOLD).fontSize(11 * k);
  const fitting = Math.floor(((11 * k * captionWidth) / doc.widthOfString(url)) * 10) / 10;
  doc
    .fontSize(Math.max(8 * k, Math.min(11 * k, fitting)))
    .fillColor(TEXT)
    .text(url, captionLeft, doc.y + 2 * k, { width: captionWidth, lineBreak: true });

  doc.end();
  return done;
}

interface BodySizes {
  /** Font size of the opening, closing and signature block. */
  text: number;
  /** Font size of the promises. */
  promise: number;
  /** Space after each paragraph. */
  gap: number;
  /** Height left blank for the signature and stamp. */
  signature: number;
}

/**
 * The largest type (from 22/25 pt down, on A4) at which the opening, promises, closing and signature block fit
 * in `room`; a long pledge is set smaller rather than spilling onto a second sheet.
 */
function bodyLayout(doc: PDFKit.PDFDocument, m: PublicMaklumat, width: number, k: number, room: number): BodySizes {
  const sizesAt = (f: number): BodySizes => ({ text: 15 * k * f, promise: 17 * k * f, gap: 12 * k * f, signature: 60 * k * f });
  const heightAt = (s: BodySizes) => {
    const prose = (text: string | null) =>
      text
        ? doc
            .font(FONT)
            .fontSize(s.text)
            .heightOfString(printable(text), { width, lineGap: s.text * 0.2 }) + s.gap
        : 0;
    const indent = s.promise * 1.9;
    const promises = m.promises.reduce(
      (sum, p) =>
        sum +
        doc
          .font(BOLD)
          .fontSize(s.promise)
          .heightOfString(printable(p), { width: width - indent, lineGap: s.promise * 0.25 }) +
        s.gap,
      0,
    );
    const line = (text: string, font: string) =>
      doc
        .font(font)
        .fontSize(s.text)
        .heightOfString(text, { width: width * SIGNATURE_WIDTH });
    const signature =
      s.gap + line(signedLine(m), FONT) + line(printable(m.signatoryTitle), BOLD) + s.signature + line(printable(m.signatoryName), BOLD);
    return prose(m.opening) + promises + prose(m.closing) + signature;
  };
  // In twentieths, from 1.5 down to 0.3: the longest pledge the form allows still fits at 0.3 on A4.
  for (let twentieths = 30; twentieths > 6; twentieths--) {
    if (heightAt(sizesAt(twentieths / 20)) <= room) return sizesAt(twentieths / 20);
  }
  return sizesAt(0.3);
}

function paragraph(doc: PDFKit.PDFDocument, text: string, x: number, y: number, width: number, size: number, gap: number): number {
  doc
    .font(FONT)
    .fontSize(size)
    .fillColor(TEXT)
    .text(text, x, y, { width, lineGap: size * 0.2 });
  return doc.y + gap;
}

/**
 * The QR code as vector rectangles, one per run of dark modules in a row, so it stays sharp at any print
 * size. Level Q survives a poster's creases and wear; the quiet zone is the four modules ISO/IEC 18004 asks.
 */
function drawQrCode(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'Q' });
  const quiet = 4;
  const cell = size / (modules.size + 2 * quiet);
  doc.save().rect(x, y, size, size).fill('#ffffff');
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size;) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      doc.rect(x + (start + quiet) * cell, y + (row + quiet) * cell, (col - start) * cell, cell);
    }
  }
  doc.fill('#000000').restore();
}
