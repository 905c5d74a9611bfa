// V1Operation fields except the recursive `component`.
import * as v from 'valibot';
import { anyObject, laxBool, opt, strictStr } from './common';
import { baseOpEntries } from './component-fields';
import { ParamsMapSchema } from './param';
import { PatchStrategySchema } from './patch-strategy';
import { TemplateSchema } from './template';

/** Operation-only fields (params, references, patching) plus `BaseOp`. */
export const operationEntries = {
  ...baseOpEntries,
  params: opt(ParamsMapSchema),
  hubRef: opt(strictStr),
  dagRef: opt(strictStr),
  urlRef: opt(strictStr),
  pathRef: opt(strictStr),
  patchStrategy: opt(PatchStrategySchema),
  isPreset: opt(laxBool),
  runPatch: opt(anyObject),
  template: opt(TemplateSchema),
};

// only its type is used (never called, so never built nor bundled)
const _operationFieldsObject = () => v.object(operationEntries);

/** Output of the non-recursive operation fields. */
export type OperationFields = v.InferOutput<ReturnType<typeof _operationFieldsObject>>;
