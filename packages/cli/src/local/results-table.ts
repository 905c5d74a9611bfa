// The table printed after a local sweep or pipeline: each child's status, params and metric,
// ranked by the optimisation metric when there is one.
import { cellText, renderTable } from '../output/table';

/** One finished child. */
export interface ChildRow {
  readonly uuid: string;
  readonly name: string | undefined;
  readonly status: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly outputs: Readonly<Record<string, unknown>>;
}

/** The metric a sweep ranks by. */
export interface RankBy {
  readonly name: string;
  readonly maximize: boolean;
}

/** Children sorted best first by `rank` (children without the metric last), else as given. */
export function rankChildren(rows: readonly ChildRow[], rank: RankBy | undefined): ChildRow[] {
  if (rank === undefined) return [...rows];
  const score = (row: ChildRow): number => {
    const value = row.outputs[rank.name];
    return typeof value === 'number' && !Number.isNaN(value) ? (rank.maximize ? value : -value) : Number.NEGATIVE_INFINITY;
  };
  return [...rows].sort((a, b) => score(b) - score(a));
}

/** The table text: rank, uuid, name, status, each param, then the metric. */
export function resultsTable(rows: readonly ChildRow[], rank: RankBy | undefined): string {
  const ranked = rankChildren(rows, rank);
  const params = [...new Set(ranked.flatMap((r) => Object.keys(r.params)))];
  const headers = ['#', 'uuid', 'name', 'status', ...params, ...(rank === undefined ? [] : [rank.name])];
  const body = ranked.map((row, i) => [
    i + 1,
    row.uuid.slice(0, 8),
    row.name ?? '',
    row.status,
    ...params.map((p) => cellText(row.params[p])),
    ...(rank === undefined ? [] : [cellText(row.outputs[rank.name])]),
  ]);
  return renderTable(headers, body);
}
