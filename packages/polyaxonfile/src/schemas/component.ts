import * as v from 'valibot';
// Loads and registers OperationSchema (used lazily inside DAGs).
import './operation';
import { model } from './common';
import { baseComponentEntries, componentOwnEntries } from './component-fields';
import { dagRefs } from './dag-refs';
import { RunSchema } from './run';

/**
 * A component (V1Component): IO definitions plus a required `run`.
 * `version`/`kind` are optional at the model level (inline components).
 */
export const ComponentSchema = model({
  kind: v.optional(v.literal('component', 'The kind of an inline component must be `component`.')),
  ...baseComponentEntries,
  ...componentOwnEntries,
  run: RunSchema,
});

/** A validated component. */
export type V1Component = v.InferOutput<typeof ComponentSchema>;

dagRefs.component = ComponentSchema;
