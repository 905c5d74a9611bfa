// Imports only compiled-operation.ts: the DAG's lazily resolved component and
// operation schemas must be registered by that import alone.
import * as v from 'valibot';
import { expect, it } from 'vitest';
import { CompiledOperationSchema } from './compiled-operation';

it('validates DAG runs when only the compiled-operation module is imported', () => {
  const result = v.safeParse(CompiledOperationSchema, {
    kind: 'compiled_operation',
    run: { kind: 'dag', operations: [{ name: 'a', component: { run: { kind: 'job' } } }], components: [{ name: 'c', run: { kind: 'job' } }] },
  });
  expect(result.success).toBe(true);
  expect(v.safeParse(CompiledOperationSchema, { run: { kind: 'dag', operations: [{ name: 'a' }] } }).success).toBe(false);
});
