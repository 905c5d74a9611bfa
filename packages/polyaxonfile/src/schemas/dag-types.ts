// Interfaces that let the recursive types (a DAG holds components and
// operations, which hold runs) be inferred from the schemas.
import type { ComponentFields } from './component-fields';
import type { OperationFields } from './operation-fields';
import type { V1Run } from './run';

/** A component as held in a DAG (same shape as `V1Component`). */
export interface DagComponent extends ComponentFields {
  /** Always `component` after validation. */
  kind?: 'component' | undefined;
  /** The run definition. */
  run: V1Run;
}

/** An operation as held in a DAG (same shape as `V1Operation`). */
export interface DagOperation extends OperationFields {
  /** Always `operation` after validation. */
  kind?: 'operation' | undefined;
  /** The inline component, when referenced by value. */
  component?: DagComponent | null | undefined;
}
