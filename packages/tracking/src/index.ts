export { VERSION } from './version';
export { PolyaxonException, type PolyaxonExceptionOptions } from '@px/errors';
export { TrackingError, TrackingNotInitializedError, WriterClosedError } from './errors';
export * as tracking from './tracking';
export { Run, type RunOptions, type LogOptions, type EndReport } from './run/run';
export type { RunArtifact } from './run/run-artifact';
export type { JsonObject } from './serialization/py-json';
/** A status condition (`V1StatusCondition` of `@px/client`). */
export type { V1StatusCondition as StatusCondition } from '@px/client';
export type { CodeRef } from './run/code-ref';
export type { TraceSpan, TraceSpanKind } from './run/trace-span';
export type { PixelInput, PixelTensor, NestedPixels } from './media/image';
export type { DataframeRows } from './media/dataframe';
export type { PyDateTime, TimestampInput } from './serialization/py-datetime';
export { PyFloat, formatPyFloat } from '@px/client';
export { EventFileWriter, type EventFileWriterOptions, type MetricFile, type WriterBackend } from './writer/event-file-writer';
export { rocCurve, precisionRecallCurve, auc, averagePrecision, type CurvePoints } from './media/curves';
export { computeHistogram, type HistogramData } from './media/histogram';
/** Upstream's `to_fqn_name`, as tracking applies it to metric and event names (`@px/client`'s). */
export { toFqnName } from '@px/client';
