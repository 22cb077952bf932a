import { type Audience, countText, isSuppressed, shareText } from './suppress';

/** A table cell: words, a count, or a share of a whole (shown as a percentage). */
export type Cell = string | { n: number } | { part: number; whole: number };

/**
 * One table of a report, as the page shows it and its CSV gives it: the same cells, made into text by one function,
 * so the two cannot differ. `serviceOnly`: free text a commissioner never sees.
 */
export type ReportTable = {
  id: string;
  title: string;
  columns: string[];
  rows: Cell[][];
  serviceOnly?: boolean;
};

export function cellText(cell: Cell, audience: Audience): string {
  if (typeof cell === 'string') return cell;
  if ('n' in cell) return countText(cell.n, audience);
  return shareText(cell.part, cell.whole, audience);
}

/** A cell's number for a chart: a count, or a share in per cent; undefined for words or when suppressed. */
export function cellValue(cell: Cell | undefined, audience: Audience): number | undefined {
  if (cell === undefined || typeof cell === 'string') return undefined;
  if ('n' in cell) return isSuppressed(cell.n, audience) ? undefined : cell.n;
  if (cell.whole === 0 || isSuppressed(cell.part, audience) || isSuppressed(cell.whole, audience)) return undefined;
  return (100 * cell.part) / cell.whole;
}

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled; lines end CRLF. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The table as CSV, cell for cell what the page shows. A cell starting with =, +, - or @ is prefixed with a quote mark
 * so that a spreadsheet does not run it as a formula (free text such as a decline's reason reaches these tables).
 */
export function tableCsv(table: ReportTable, audience: Audience): string {
  const safe = (text: string) => (/^[=+\-@]/.test(text) ? `'${text}` : text);
  const lines = [table.columns, ...table.rows.map((row) => row.map((cell) => cellText(cell, audience)))];
  return `${lines.map((line) => line.map((text) => csvField(safe(text))).join(',')).join('\r\n')}\r\n`;
}
