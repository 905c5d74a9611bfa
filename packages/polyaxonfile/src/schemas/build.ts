import type * as v from 'valibot';
import { anyObject, model, opt, orRef, strictStr, strListOrRef, dict } from './common';
import { CacheSchema } from './cache';
import { ParamSchema } from './param';
import { PatchStrategySchema } from './patch-strategy';

/** `build` (V1Build): params are full form only. */
export const BuildSchema = model({
  hubRef: strictStr,
  connection: opt(strictStr),
  presets: opt(strListOrRef),
  queue: opt(strictStr),
  namespace: opt(strictStr),
  cache: opt(orRef(CacheSchema)),
  params: opt(dict(orRef(ParamSchema), 'Params must be a mapping of name to param.')),
  runPatch: opt(anyObject),
  patchStrategy: opt(orRef(PatchStrategySchema)),
});

/** A validated `build` section. */
export type V1Build = v.InferOutput<typeof BuildSchema>;
