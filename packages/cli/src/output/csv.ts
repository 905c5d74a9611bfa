import { cellText } from './table';

function field(value: unknown): string {
  const text = cellText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV (RFC 4180 quoting, `\n` line ends, header first). */
export function toCsv(headers: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [headers.map(field).join(','), ...rows.map((row) => headers.map((_, i) => field(row[i])).join(','))].join('\n') + '\n';
}
