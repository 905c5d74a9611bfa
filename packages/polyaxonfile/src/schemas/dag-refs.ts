// Late-bound references that break the component → run → dag → component
// cycle without a module evaluation cycle: component.ts and operation.ts
// register their schemas here when they load (each imports the other, so
// importing either one registers both).
import * as v from 'valibot';
import type { DagComponent, DagOperation } from './dag-types';

/** Registered recursive schemas. */
export const dagRefs: { component?: v.GenericSchema; operation?: v.GenericSchema } = {};

const missing = (name: string): Error =>
  new Error(`${name} is not loaded: import the schemas from './schemas' (or './component'/'./operation') before validating a DAG.`);

/** A component, resolved lazily (used inside DAGs and operations). */
export const lazyComponent = v.lazy((): v.GenericSchema<unknown, DagComponent> => {
  if (!dagRefs.component) throw missing('ComponentSchema');
  return dagRefs.component as v.GenericSchema<unknown, DagComponent>;
});

/** An operation, resolved lazily (used inside DAGs). */
export const lazyOperation = v.lazy((): v.GenericSchema<unknown, DagOperation> => {
  if (!dagRefs.operation) throw missing('OperationSchema');
  return dagRefs.operation as v.GenericSchema<unknown, DagOperation>;
});
