import type * as v from 'valibot';
import { boolOrRef, model, opt, strictStr, strListOrRef } from './common';

/** `template` (V1Template). */
export const TemplateSchema = model({
  enabled: opt(boolOrRef),
  description: opt(strictStr),
  fields: opt(strListOrRef),
});

/** A validated `template` section. */
export type V1Template = v.InferOutput<typeof TemplateSchema>;
