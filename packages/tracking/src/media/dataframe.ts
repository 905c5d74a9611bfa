/** A table as rows of records (column order = first-seen key order). */
export type DataframeRows = readonly Readonly<Record<string, unknown>>[];

function columnsOf(rows: DataframeRows): string[] {
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
    }
  }
  return columns;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? `${value}` : `${value}`;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return JSON.stringify(value);
}

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows as pandas' `DataFrame(rows).to_csv()` writes them: an unnamed index
 * column first, `\n` line endings, RFC 4180 quoting.
 *
 * @param rows - the records
 * @returns the CSV text
 */
export function rowsToCsv(rows: DataframeRows): string {
  const columns = columnsOf(rows);
  const lines = [['', ...columns].map(csvCell).join(',')];
  rows.forEach((row, i) => lines.push([`${i}`, ...columns.map((c) => cellText(row[c]))].map(csvCell).join(',')));
  return `${lines.join('\n')}\n`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Rows as an HTML table in the layout of pandas' `DataFrame.to_html()`.
 *
 * @param rows - the records
 * @returns the HTML text
 */
export function rowsToHtml(rows: DataframeRows): string {
  const columns = columnsOf(rows);
  const out = ['<table border="1" class="dataframe">', '  <thead>', '    <tr style="text-align: right;">', '      <th></th>'];
  for (const c of columns) out.push(`      <th>${escapeHtml(c)}</th>`);
  out.push('    </tr>', '  </thead>', '  <tbody>');
  rows.forEach((row, i) => {
    out.push('    <tr>', `      <th>${i}</th>`);
    for (const c of columns) out.push(`      <td>${escapeHtml(row[c] === undefined || row[c] === null ? 'NaN' : cellText(row[c]))}</td>`);
    out.push('    </tr>');
  });
  out.push('  </tbody>', '</table>');
  return out.join('\n');
}
