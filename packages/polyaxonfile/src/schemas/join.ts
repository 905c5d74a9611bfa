import type * as v from 'valibot';
import { intOrRef, model, opt, orRef, strictStr } from './common';
import { FullParamsMapSchema } from './param';

/** A join (V1Join): collects values from runs matching `query`. */
export const JoinSchema = model({
  ref: opt(strictStr),
  query: strictStr,
  sort: opt(strictStr),
  limit: opt(intOrRef),
  offset: opt(intOrRef),
  params: opt(orRef(FullParamsMapSchema)),
});

/** A validated join. */
export type V1Join = v.InferOutput<typeof JoinSchema>;
