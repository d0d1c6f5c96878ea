import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { Locale } from '../../platform/i18n/catalog.js';
import { lookupMessage } from '../../platform/i18n/catalog.js';
import { formatDate, formatRupiah, ZONE_ABBREVIATION } from '../../platform/i18n/format.js';
import { BOLD, FONT, printable, useDocumentFonts } from '../../platform/pdf/fonts.js';
import { complaintHref, durationText, fileTypesText, hoursLines, m, sizeText, type CatalogKey } from './catalog.messages.js';
import type { PublishedService } from './catalog.queries.js';

/**
 * The service standard as an A4 PDF for offices that print and post it: the checklist with boxes to tick,
 * cost, time, where, steps, how to complain, the decree, and a QR code back to the live page. Set in the
 * platform's embedded Unicode font (platform/pdf/fonts.ts), so names and notes print as typed: "≥", "→",
 * curly quotes, "Ā" or "ő" included.
 */

const BRAND = '#00615a';
const TEXT = '#0b0c0c';
const MUTED = '#3d4447';

export async function renderServicePdf(
  service: PublishedService,
  options: { locale: Locale; pageUrl: string; now?: Date },
): Promise<Buffer> {
  const { locale, pageUrl } = options;
  const t = (key: string, params?: Record<string, string | number>) => lookupMessage(key, locale, params) ?? key;
  const tk = (key: CatalogKey, params?: Record<string, string | number>) => t(m(key), params);
  const c = service.version.content;
  const title = tk('pdf.title', { name: service.name });

  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 64, left: 56, right: 56 },
    bufferPages: true,
    pdfVersion: '1.7',
    lang: locale === 'id' ? 'id-ID' : 'en-GB',
    displayTitle: true,
    info: {
      Title: title,
      Author: `${service.unit.name}, ${service.agency.name}`,
      Subject: service.summary,
      Keywords: service.keywords,
      Creator: 'Satupintu',
      CreationDate: options.now ?? new Date(),
    },
  });
  useDocumentFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const left = doc.page.margins.left;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const ensure = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };
  const heading = (text: string) => {
    ensure(60);
    doc.moveDown(0.8).font(BOLD).fontSize(14).fillColor(BRAND).text(printable(text), left, doc.y, { width });
    doc.moveDown(0.3).font(FONT).fontSize(11).fillColor(TEXT);
  };
  const para = (text: string, opts: { size?: number; bold?: boolean; color?: string } = {}) => {
    doc
      .font(opts.bold ? BOLD : FONT)
      .fontSize(opts.size ?? 11)
      .fillColor(opts.color ?? TEXT)
      .text(printable(text), left, doc.y, { width });
    doc.moveDown(0.3);
  };
  const item = (marker: 'box' | 'bullet' | number, main: string, notes: string[] = []) => {
    const indent = 22;
    const text = printable(main);
    const notesText = notes.map(printable);
    const needed =
      doc
        .font(BOLD)
        .fontSize(11)
        .heightOfString(text, { width: width - indent }) +
      notesText.reduce(
        (h, n) =>
          h +
          doc
            .font(FONT)
            .fontSize(9.5)
            .heightOfString(n, { width: width - indent }),
        0,
      ) +
      6;
    ensure(needed);
    const top = doc.y;
    if (marker === 'box') {
      doc
        .lineWidth(1)
        .strokeColor(TEXT)
        .rect(left + 2, top + 1, 10, 10)
        .stroke();
    } else if (marker === 'bullet') {
      doc
        .circle(left + 6, top + 6, 2)
        .fillColor(TEXT)
        .fill();
    } else doc.font(BOLD).fontSize(11).fillColor(TEXT).text(`${marker}.`, left, top, { width: indent });
    doc
      .font(marker === 'bullet' ? FONT : BOLD)
      .fontSize(11)
      .fillColor(TEXT)
      .text(text, left + indent, top, { width: width - indent });
    for (const note of notesText) {
      doc
        .font(FONT)
        .fontSize(9.5)
        .fillColor(MUTED)
        .text(note, left + indent, doc.y, { width: width - indent });
    }
    doc.moveDown(0.4);
  };

  // Title block with the QR code on the right.
  const qrSize = 84;
  const textWidth = width - qrSize - 16;
  const top = doc.y;
  doc
    .font(FONT)
    .fontSize(10)
    .fillColor(MUTED)
    .text(printable(`${service.unit.name}, ${service.agency.name}`), left, top, { width: textWidth });
  doc.moveDown(0.2).font(BOLD).fontSize(20).fillColor(TEXT).text(printable(service.name), left, doc.y, { width: textWidth });
  doc.moveDown(0.3).font(FONT).fontSize(11).text(printable(service.summary), left, doc.y, { width: textWidth });
  drawQr(doc, pageUrl, left + width - qrSize, top, qrSize);
  doc.y = Math.max(doc.y, top + qrSize + 4);
  doc
    .font(FONT)
    .fontSize(8)
    .fillColor(MUTED)
    .text(printable(tk('print.qr')), left + width - qrSize - 40, top + qrSize + 2, { width: qrSize + 40, align: 'right' });
  doc.x = left;

  if (c.requirements) {
    heading(tk(service.channels === 'online' ? 'service.checklist.online' : 'service.checklist'));
    para(tk('service.checklist.lead'), { size: 10, color: MUTED });
    for (const mandatory of [true, false]) {
      const list = c.requirements.filter((r) => r.mandatory === mandatory);
      if (list.length === 0) continue;
      para(tk(mandatory ? 'service.checklist.mandatory' : 'service.checklist.optional'), { bold: true, size: 10.5 });
      for (const r of list) {
        const notes = [r.notes];
        if (r.kind === 'document' && r.fileTypes.length > 0 && r.maxSizeKb !== undefined) {
          notes.push(tk('service.checklist.upload', { types: fileTypesText(r.fileTypes), size: sizeText(r.maxSizeKb, locale) }));
        }
        if (r.kind === 'data') notes.push(tk('service.checklist.data'));
        if (r.kind === 'presence') notes.push(tk('service.checklist.presence'));
        item(
          'box',
          r.name,
          notes.filter((n): n is string => Boolean(n)),
        );
      }
    }
  }

  if (c.fee) {
    heading(tk('service.cost'));
    if (c.fee.free) {
      para(tk('service.fee.free'), { bold: true, size: 13 });
      para(tk('service.fee.freeLead'));
      if (c.fee.legalBasis) para(tk('service.fee.basisOf', { basis: c.fee.legalBasis }), { size: 9.5, color: MUTED });
    } else {
      for (const fee of c.fee.items) {
        item('bullet', `${fee.name}: ${formatRupiah(fee.amount, locale)}`, [tk('service.fee.basisOf', { basis: fee.legalBasis })]);
      }
      if (c.fee.items.length > 1) {
        para(
          `${tk('service.fee.total')}: ${formatRupiah(
            c.fee.items.reduce((sum, i) => sum + i.amount, 0),
            locale,
          )}`,
          { bold: true },
        );
      }
      if (c.fee.notes) para(c.fee.notes);
      para(tk('service.fee.warning'), { size: 9.5, color: MUTED });
    }
  }

  if (c.timeLimit) {
    heading(tk('service.time'));
    para(tk('service.time.limit', { duration: durationText(t, c.timeLimit) }), { bold: true, size: 13 });
    if (c.timeLimit.pausesWhileWaiting) para(tk('service.time.pauses'), { size: 10, color: MUTED });
    if (c.timeLimit.notes) para(c.timeLimit.notes);
  }

  heading(tk('service.where'));
  if (service.channels === 'online') para(tk('service.where.onlineOnly'));
  if (service.channels === 'both') para(tk('service.where.online'));
  if (service.channels !== 'online') {
    for (const loc of service.locations) {
      const zone = ZONE_ABBREVIATION[loc.timeZone];
      const hours = loc.hours.length
        ? hoursLines(t, locale, loc.hours).map((l) => `${l.days}: ${l.time}${/\d/.test(l.time) ? ` ${zone}` : ''}`)
        : [tk('service.where.noHours')];
      item('bullet', loc.mallName, [
        loc.boothName ? tk('service.where.booth', { booth: loc.boothName }) : tk('service.where.office'),
        loc.mallAddress,
        ...hours,
      ]);
    }
    if (service.unit.address) item('bullet', tk('service.where.unitOffice', { unit: service.unit.name }), [service.unit.address]);
  }

  if (c.procedure) {
    heading(tk('service.procedure'));
    c.procedure.forEach((step, i) => {
      const who = [tk(`actor.${step.actor}` as CatalogKey), step.duration ? durationText(t, step.duration) : undefined]
        .filter(Boolean)
        .join(' - ');
      item(
        i + 1,
        step.title,
        [who, step.description, step.output && `${tk('service.procedure.output')}: ${step.output}`].filter((n): n is string => Boolean(n)),
      );
    });
  }

  if (c.complaints) {
    heading(tk('service.complaints'));
    para(tk('service.complaints.lead'));
    for (const channel of c.complaints.channels) {
      const href = complaintHref(channel.kind, channel.contact);
      item(
        'bullet',
        `${tk(`complaint.${channel.kind}` as CatalogKey)}: ${channel.contact}`,
        href && !href.startsWith('mailto:') && !href.startsWith('tel:') ? [href] : [],
      );
    }
    para(tk('service.complaints.response', { days: c.complaints.responseDays }), { bold: true });
  }

  if (c.legalBasis) {
    heading(tk('service.legalBasis'));
    for (const law of c.legalBasis) {
      item('bullet', [law.title, law.number && `No. ${law.number}`, law.year && String(law.year)].filter(Boolean).join(', '));
    }
  }

  const v = service.version;
  const date = (d: string | Date) => formatDate(typeof d === 'string' ? new Date(`${d}T00:00:00+07:00`) : d, locale);
  doc.moveDown(0.8);
  para(
    [
      v.decreeNumber && v.decreeDate
        ? tk('service.decree', { number: v.decreeNumber, date: date(v.decreeDate), signatory: v.decreeSignatory ?? '' })
        : '',
      v.effectiveDate ? tk('service.effective', { date: date(v.effectiveDate) }) : '',
      tk('service.version', { number: v.number, date: date(v.publishedAt) }),
    ]
      .filter(Boolean)
      .join(' '),
    { size: 9.5, color: MUTED },
  );

  // Footer on every page: the live address and the page number. The bottom margin is lifted while
  // writing it, or the text would spill onto a new page.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(FONT)
      .fontSize(8)
      .fillColor(MUTED)
      .text(printable(`${tk('print.source', { url: pageUrl })} - ${tk('pdf.page', { page: i + 1 })}`), left, doc.page.height - 40, {
        width,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = margin;
  }
  doc.end();
  return done;
}

/** The QR code as filled squares, so it stays sharp at any print size. */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const cell = size / (modules.size + 2 * quiet);
  doc.save().rect(x, y, size, size).fill('#ffffff').fillColor('#000000');
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) doc.rect(x + (col + quiet) * cell, y + (row + quiet) * cell, cell, cell);
    }
  }
  doc.fill('#000000').restore();
}
