import * as v from 'valibot';
import { boolOrRef, datetimeOrRef, intOrRef, modelParts, opt, strictStr, tagged, timedeltaOrRef } from './common';

/** Cron schedule. */
export const CronScheduleParts = modelParts({
  kind: v.literal('cron'),
  cron: strictStr,
  startAt: opt(datetimeOrRef),
  endAt: opt(datetimeOrRef),
  maxRuns: opt(intOrRef),
  dependsOnPast: opt(boolOrRef),
});

/** Interval schedule (`frequency` normalised to seconds). */
export const IntervalScheduleParts = modelParts({
  kind: v.literal('interval'),
  startAt: opt(datetimeOrRef),
  endAt: opt(datetimeOrRef),
  maxRuns: opt(intOrRef),
  frequency: timedeltaOrRef,
  dependsOnPast: opt(boolOrRef),
});

/** One-off datetime schedule. */
export const DateTimeScheduleParts = modelParts({
  kind: v.literal('datetime'),
  startAt: datetimeOrRef,
});

/** `schedule`: tagged on `kind` (cron, interval, datetime); not Ref-able. */
export const ScheduleSchema = tagged(
  [CronScheduleParts, IntervalScheduleParts, DateTimeScheduleParts],
  'Schedule `kind` must be one of "cron", "interval", "datetime".',
);

/** A validated schedule. */
export type V1Schedule = v.InferOutput<typeof ScheduleSchema>;
