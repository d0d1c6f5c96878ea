import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { lookupMessage, type Params } from '../../platform/i18n/catalog.js';
import { formatDate, type IndonesianTimeZone } from '../../platform/i18n/format.js';
import { BOLD, FONT, printable, useDocumentFonts } from '../../platform/pdf/fonts.js';
import { pk, type ProcessKey } from './process.messages.js';
import { formatCode } from './tracking-number.js';

/**
 * The output document generated from the unit's template: the issuer (agency and unit), the product's name,
 * who it is for, the service and tracking number, the date of issue in the unit's time zone, and the
 * verification code with a QR code to the public verification page, where anyone holding the paper can
 * check that it is authentic. Always in Indonesian, the language of the unit's documents. Set in the
 * platform's embedded Unicode font (platform/pdf/fonts.ts), so the applicant's name prints as written.
 */
export interface OutputDocument {
  agencyName: string;
  unitName: string;
  serviceName: string;
  productName: string;
  applicantName: string;
  trackingNumber: string;
  verificationCode: string;
  issuedAt: Date;
  timeZone: IndonesianTimeZone;
  /** The public verification page of this code, which the QR code opens. */
  verifyUrl: string;
  /** False leaves the page content readable as text (tests). */
  compress?: boolean;
}

const BRAND = '#00615a';
const TEXT = '#0b0c0c';
const MUTED = '#3d4447';

const say = (key: Extract<ProcessKey, `pdf.${string}`>, params?: Params) => printable(lookupMessage(pk(key), 'id', params) ?? key);

export async function renderOutputPdf(input: OutputDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    compress: input.compress ?? true,
    pdfVersion: '1.7',
    lang: 'id-ID',
    displayTitle: true,
    info: {
      Title: input.productName,
      Author: `${input.unitName}, ${input.agencyName}`,
      Subject: say('pdf.subject', { code: input.verificationCode }),
      Creator: 'Satupintu',
      CreationDate: input.issuedAt,
    },
  });
  useDocumentFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = 56;
  const width = doc.page.width - 112;

  doc.rect(0, 0, doc.page.width, 12).fill(BRAND);
  doc.font(FONT).fontSize(12).fillColor(MUTED).text(printable(input.agencyName), left, 56, { width, align: 'center' });
  doc.font(BOLD).fontSize(16).fillColor(TEXT).text(printable(input.unitName), { width, align: 'center' });
  const rule = doc.y + 8;
  doc
    .moveTo(left, rule)
    .lineTo(left + width, rule)
    .lineWidth(1.2)
    .strokeColor(BRAND)
    .stroke();
  doc
    .font(BOLD)
    .fontSize(22)
    .fillColor(BRAND)
    .text(printable(input.productName), left, rule + 24, { width, align: 'center' });
  doc.moveDown(1.5);

  const row = (label: string, value: string) => {
    const y = doc.y;
    doc.font(FONT).fontSize(11).fillColor(MUTED).text(label, left, y, { width: 170 });
    doc
      .font(BOLD)
      .fontSize(11)
      .fillColor(TEXT)
      .text(printable(value), left + 180, y, { width: width - 180 });
    doc.moveDown(0.6);
  };
  row(say('pdf.applicant'), input.applicantName);
  row(say('pdf.service'), input.serviceName);
  row(say('pdf.trackingNumber'), formatCode(input.trackingNumber));
  row(say('pdf.issuedAt'), formatDate(input.issuedAt, 'id', input.timeZone));
  row(say('pdf.issuer'), `${input.unitName}, ${input.agencyName}`);
  doc.moveDown(1);
  doc.font(FONT).fontSize(11).fillColor(TEXT).text(say('pdf.statement'), left, doc.y, { width });

  // The verification block at the foot of the page: the QR code and the code written out.
  const qrSize = 110;
  const top = doc.page.height - 56 - qrSize;
  const png = await QRCode.toBuffer(input.verifyUrl, { errorCorrectionLevel: 'Q', margin: 4, width: 440 });
  doc.image(png, left, top, { width: qrSize, height: qrSize });
  const captionLeft = left + qrSize + 16;
  const captionWidth = width - qrSize - 16;
  doc
    .font(FONT)
    .fontSize(10)
    .fillColor(MUTED)
    .text(say('pdf.verify'), captionLeft, top + 14, { width: captionWidth });
  doc
    .font(BOLD)
    .fontSize(14)
    .fillColor(TEXT)
    .text(say('pdf.code', { code: formatCode(input.verificationCode) }), captionLeft, doc.y + 4, { width: captionWidth });
  doc
    .font(FONT)
    .fontSize(10)
    .fillColor(TEXT)
    .text(printable(input.verifyUrl), captionLeft, doc.y + 4, { width: captionWidth });
  doc.end();
  return done;
}
