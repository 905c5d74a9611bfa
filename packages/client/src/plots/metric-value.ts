/**
 * A metric cell as a number: numbers as they are; the texts upstream writes
 * for special floats (`nan`, `inf`, `-inf`, also `NaN`/`Infinity`) as those
 * values; numeric text parsed; anything else (non-numeric, null) `NaN`.
 */
export function metricValue(cell: unknown): number {
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'boolean') return cell ? 1 : 0;
  if (typeof cell !== 'string') return Number.NaN;
  const text = cell.trim();
  if (text === '') return Number.NaN;
  const n = Number(text);
  if (!Number.isNaN(n)) return n;
  switch (text.toLowerCase()) {
    case 'inf':
    case '+inf':
    case 'infinity':
    case '+infinity':
      return Number.POSITIVE_INFINITY;
    case '-inf':
    case '-infinity':
      return Number.NEGATIVE_INFINITY;
    default:
      return Number.NaN;
  }
}
