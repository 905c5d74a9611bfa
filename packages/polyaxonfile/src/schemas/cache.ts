import type * as v from 'valibot';
import { boolOrRef, intOrRef, listOrRef, model, oneOf, opt, strListOrRef } from './common';

/** `cache` (V1Cache). */
export const CacheSchema = model({
  disable: opt(boolOrRef),
  ttl: opt(intOrRef),
  io: opt(strListOrRef),
  sections: opt(listOrRef(oneOf(['containers', 'init', 'connections'] as const, 'cache section'))),
});

/** A validated `cache` section. */
export type V1Cache = v.InferOutput<typeof CacheSchema>;
