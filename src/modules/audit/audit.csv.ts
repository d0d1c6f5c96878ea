/**
 * CSV for spreadsheets (RFC 4180). A cell that a spreadsheet would run as a formula (starting with
 * = + - @, or a tab or carriage return that some strip first) gets a leading apostrophe: the trail holds
 * text typed by the public, and an auditor opening the export must not execute it (OWASP "CSV injection").
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: readonly (string | number | boolean | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
