import * as v from 'valibot';
import { model, piped } from './common';
import { ComponentSchema } from './component';
import type { DagComponent } from './dag-types';
import { operationEntries } from './operation-fields';

const REFERENCE_ERROR = 'One and only one reference must be specified: hub_ref, dag_ref, url_ref, path_ref, component.';

const operationObject = model({
  kind: v.optional(v.literal('operation', 'The kind of an inline operation must be `operation`.')),
  ...operationEntries,
  // lazy: component.ts → run.ts → this module
  component: v.nullish(v.lazy((): v.GenericSchema<unknown, DagComponent> => ComponentSchema)),
});

/** Operation fields without the reference rule (presets and overrides: upstream's partial model). */
export const PartialOperationSchema = operationObject;

/**
 * An operation (V1Operation): params and exactly one reference among
 * `hubRef`, `dagRef`, `urlRef`, `pathRef`, `component` (an inline component
 * counts only when no other reference is set); presets skip the rule.
 */
export const OperationSchema = piped(
  operationObject,
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const op = dataset.value;
    if (op.isPreset) return;
    let count = [op.hubRef, op.dagRef, op.urlRef, op.pathRef].filter((r) => typeof r === 'string' && r !== '').length;
    if (op.component && count === 0) count = 1;
    if (count !== 1) addIssue({ message: REFERENCE_ERROR, expected: 'exactly one reference' });
  }),
);

/** A validated operation. */
export type V1Operation = v.InferOutput<typeof OperationSchema>;
