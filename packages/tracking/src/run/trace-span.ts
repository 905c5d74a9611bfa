import { randomUUID } from 'node:crypto';
import { TrackingError } from '../errors';
import { formatIsoDateTime, toPyDateTime, type TimestampInput } from '../serialization/py-datetime';
import { compactJson } from '@px/client';
import { type JsonInput } from '../serialization/py-json';

/** Kinds of spans upstream knows. */
export type TraceSpanKind = 'llm' | 'chain' | 'agent' | 'tool' | 'embedding' | 'retriever';

/** A trace span (upstream's `V1EventSpan`), e.g. one LLM call or one step of an agent. */
export interface TraceSpan {
  /** Span id (default: a new hex uuid). */
  uuid?: string;
  /** Name; also the event file name (default `trace`). */
  name?: string;
  /** Tags. */
  tags?: string[];
  /** Start time. */
  startedAt?: TimestampInput;
  /** End time. */
  finishedAt?: TimestampInput;
  /** Status (`running`, `succeeded`, `failed`, ...). */
  status?: string;
  /** Free metadata (token counts, model name, ...). */
  metadata?: Record<string, unknown>;
  /** Inputs (also merged into the run's inputs). */
  inputs?: Record<string, unknown>;
  /** Outputs (also merged into the run's outputs). */
  outputs?: Record<string, unknown>;
  /** Child spans. */
  children?: TraceSpan[];
  /** The span kind. */
  kind?: TraceSpanKind;
}

const KINDS: ReadonlySet<string> = new Set(['llm', 'chain', 'agent', 'tool', 'embedding', 'retriever']);

function toJson(span: TraceSpan, depth: number): JsonInput {
  if (typeof span !== 'object' || span === null) throw new TrackingError('A trace span must be an object.');
  if (depth > 64) throw new TrackingError('Trace spans are nested too deeply (more than 64 levels).');
  if (span.kind !== undefined && !KINDS.has(span.kind)) {
    throw new TrackingError(`Invalid span kind ${JSON.stringify(span.kind)}: use one of ${[...KINDS].join(', ')}.`);
  }
  const iso = (t: TimestampInput | undefined) => (t === undefined ? undefined : formatIsoDateTime(toPyDateTime(t)));
  return {
    uuid: span.uuid ?? randomUUID().replace(/-/g, ''),
    name: span.name,
    tags: span.tags,
    started_at: iso(span.startedAt),
    finished_at: iso(span.finishedAt),
    status: span.status,
    metadata: span.metadata as JsonInput,
    inputs: span.inputs as JsonInput,
    outputs: span.outputs as JsonInput,
    children: span.children?.map((c) => toJson(c, depth + 1)),
    kind: span.kind,
  };
}

/**
 * The span event value: compact JSON in upstream's field order, datetimes in
 * ISO format, unset fields dropped.
 *
 * @param span - the span
 * @returns the compact JSON text
 * @throws {@link TrackingError} on an invalid kind, timestamp or structure
 */
export function spanValue(span: TraceSpan): string {
  return compactJson(toJson(span, 0));
}
