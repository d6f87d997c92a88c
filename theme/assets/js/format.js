// Formatting with no DOM and no storage (unit-tested in Jint): CSV cells, times for status lines, dated file names.

/** One CSV cell (RFC 4180), neutralising cells a spreadsheet would run as a formula. */
export function csvCell(value) {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV file with a byte-order mark (so spreadsheets read it as UTF-8) and CRLF line ends. */
export function csv(rows) {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** A short, local time for "Saved at 14:32". */
export function timeOf(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
}

export function dateTimeOf(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? 'an unknown time' : d.toLocaleString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** The local calendar date as YYYY-MM-DD (for file names: a team's downloads sort by date). */
export function dateStamp(date = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "cqc-readiness-answers-2026-11-26.json": what a download is, and the day it was made. */
export function datedName(stem, extension, date = new Date()) {
  return `${stem}-${dateStamp(date)}.${extension}`;
}

/** A YAML double-quoted scalar: every string is quoted, so nothing a team types can change the structure of a file. */
export function yamlString(text) {
  return `"${String(text).replace(/[\\"\u0000-\u001f\u007f\u0085\u2028\u2029]/g, (c) => ({
    '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t',
  }[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))}"`;
}
