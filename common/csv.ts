// Shared by the API (CSV exports) and the dashboard (chart data downloads): pure, no dependencies.
// RFC 4180 CSV text, safe to open in a spreadsheet.
//
// Formula injection (OWASP "CSV Injection"): a text cell starting with = + - @ TAB or CR is run
// as a formula by Excel, LibreOffice and Google Sheets, so such cells get a leading single quote,
// which spreadsheets show as text. Numbers are written as numbers (a negative number is data, not
// a formula). Cells with a comma, double quote, CR or LF are quoted, with quotes doubled.

export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows to CSV text, CRLF line ends, ending with a line break. */
export function csvText(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
