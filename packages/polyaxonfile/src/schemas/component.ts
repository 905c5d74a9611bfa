import * as v from 'valibot';
import { model } from './common';
import { baseComponentEntries, componentOwnEntries } from './component-fields';
import { RunSchema, type V1Run } from './run';

/**
 * A component (V1Component): IO definitions plus a required `run`.
 * `version`/`kind` are optional at the model level (inline components).
 */
export const ComponentSchema = model({
  kind: v.optional(v.literal('component', 'The kind of an inline component must be `component`.')),
  ...baseComponentEntries,
  ...componentOwnEntries,
  // lazy: run.ts imports this module (DAGs hold components)
  run: v.lazy((): v.GenericSchema<unknown, V1Run> => RunSchema),
});

/** A validated component. */
export type V1Component = v.InferOutput<typeof ComponentSchema>;
