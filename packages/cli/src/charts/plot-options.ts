import { UsageError } from '../errors';
import type { XAxisKind } from './axis-format';

const X_AXES: readonly XAxisKind[] = ['step', 'timestamp', 'relative'];

/** `--x step|timestamp|relative` (default `step`). */
export function parseXAxis(raw: string | undefined): XAxisKind {
  if (raw === undefined) return 'step';
  if (!(X_AXES as readonly string[]).includes(raw)) throw new UsageError(`Invalid value for '--x': '${raw}'. Use ${X_AXES.join(', ')}.`);
  return raw as XAxisKind;
}

/** `--smooth W`: the EMA weight in [0, 1), as the web UI's smoothing slider (default 0 = off). */
export function parseSmoothing(raw: string | undefined): number {
  if (raw === undefined) return 0;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < 0 || value >= 1) {
    throw new UsageError(`Invalid value for '--smooth': '${raw}'. Use a weight between 0 and 1, e.g. 0.6.`);
  }
  return value;
}

/** A comma separated list (`loss,acc`), trimmed, empty entries dropped; `undefined` when absent or empty. */
export function parseNameList(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  const names = [...new Set(raw.split(',').map((n) => n.trim()).filter((n) => n !== ''))];
  return names.length === 0 ? undefined : names;
}
