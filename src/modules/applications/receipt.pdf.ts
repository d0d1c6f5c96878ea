import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { lookupMessage, type Locale, type Params } from '../../platform/i18n/catalog.js';
import { formatDateTime, formatRupiah } from '../../platform/i18n/format.js';
import { BOLD, FONT, printable, useDocumentFonts } from '../../platform/pdf/fonts.js';
import { ak, type ApplyKey } from './apply.messages.js';
import type { ApplicationView } from './apply.js';
import { receivedItems } from './apply.pages.js';
import { formatCode } from './tracking-number.js';

/**
 * The receipt (tanda terima) as an A5 PDF to keep or print at the counter: the tracking number in large
 * type, the service, unit and place, the applicant, when it was received and when it is due (in the
 * unit's time zone), the requirements received, the bill or "Gratis", and a QR code to the public
 * tracking page. Set in the platform's embedded Unicode font (platform/pdf/fonts.ts), so the applicant's
 * and the service's names print as typed.
 */

const BRAND = '#00615a';
const TEXT = '#0b0c0c';
const MUTED = '#3d4447';

export async function renderReceiptPdf(
  view: ApplicationView,
  options: { locale: Locale; trackUrl: string; compress?: boolean },
): Promise<Buffer> {
  const say = (key: ApplyKey, params?: Params) => printable(lookupMessage(ak(key), options.locale, params) ?? key);
  const app = view.application;
  const number = formatCode(app.trackingNumber ?? '');
  const doc = new PDFDocument({
    size: 'A5',
    margins: { top: 36, bottom: 36, left: 36, right: 36 },
    compress: options.compress ?? true,
    lang: options.locale === 'id' ? 'id-ID' : 'en-GB',
    displayTitle: true,
    info: {
      Title: `${say('receipt.title')} ${number}`,
      Author: view.unitName,
      Creator: 'Satupintu',
      CreationDate: app.submittedAt ?? undefined,
    },
  });
  useDocumentFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.rect(0, 0, doc.page.width, 10).fill(BRAND);
  doc.font(FONT).fontSize(9).fillColor(MUTED).text(printable(view.agencyName), left, 30, { width });
  doc.font(BOLD).fontSize(11).fillColor(TEXT).text(printable(view.unitName), { width });
  doc.moveDown(0.6).font(BOLD).fontSize(16).fillColor(BRAND).text(say('receipt.title'), { width });
  doc.moveDown(0.3).font(FONT).fontSize(9).fillColor(MUTED).text(say('receipt.number'), { width });
  doc.font(BOLD).fontSize(22).fillColor(TEXT).text(number, { width, characterSpacing: 1.5 });

  const row = (label: string, value: string) => {
    doc.moveDown(0.35).font(FONT).fontSize(8.5).fillColor(MUTED).text(label, { width });
    doc.font(FONT).fontSize(10.5).fillColor(TEXT).text(printable(value), { width });
  };
  const when = (date: Date) => formatDateTime(date, options.locale, view.timeZone);
  row(say('receipt.service'), view.serviceName);
  if (view.mallName) row(say('receipt.mall'), view.mallName);
  row(say('receipt.applicant'), view.contact.name);
  row(say('receipt.channel'), say(`receipt.channel.${app.channel}`));
  if (app.submittedAt) row(say('receipt.submittedAt'), when(app.submittedAt));
  if (app.dueAt) row(say('receipt.due'), when(app.dueAt));

  doc.moveDown(0.7).font(BOLD).fontSize(10.5).fillColor(TEXT).text(say('receipt.received'), { width });
  for (const item of receivedItems(view)) {
    doc
      .font(FONT)
      .fontSize(9.5)
      .text(`- ${say(item.kind === 'document' ? 'receipt.document' : 'receipt.data', { name: item.name })}`, { width });
  }
  doc.moveDown(0.7).font(BOLD).fontSize(10.5).text(say('receipt.bill'), { width });
  if (!view.bill || view.bill.status === 'free') {
    doc.font(FONT).fontSize(10).text(say('receipt.free'), { width });
  } else {
    for (const item of view.bill.items) {
      doc
        .font(FONT)
        .fontSize(9.5)
        .text(printable(`${item.name}: ${formatRupiah(item.amount, options.locale)}`), { width });
    }
    doc
      .font(BOLD)
      .fontSize(10)
      .text(printable(`${say('receipt.total')}: ${formatRupiah(view.bill.total, options.locale)}`), { width });
  }

  const qrSize = 84;
  const qrY = Math.max(doc.y + 12, doc.page.height - doc.page.margins.bottom - qrSize);
  drawQr(doc, options.trackUrl, left, qrY, qrSize);
  doc
    .font(FONT)
    .fontSize(8)
    .fillColor(MUTED)
    .text(say('receipt.qr', { url: options.trackUrl }), left + qrSize + 10, qrY + 20, { width: width - qrSize - 10 });
  doc.end();
  return done;
}

/** The QR code as filled squares, so it stays sharp at any print size. */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const cell = size / modules.size;
  doc.save().fillColor('#000000');
  for (let r = 0; r < modules.size; r++) {
    for (let c = 0; c < modules.size; c++) if (modules.get(r, c)) doc.rect(x + c * cell, y + r * cell, cell, cell);
  }
  doc.fill().restore();
}
