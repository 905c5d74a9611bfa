import type * as v from 'valibot';
import { oneOf } from './common';

/** Patch strategies for presets, overrides and `runPatch`. */
export const PATCH_STRATEGIES = ['replace', 'isnull', 'post_merge', 'pre_merge'] as const;

/** `patchStrategy`. */
export const PatchStrategySchema = oneOf(PATCH_STRATEGIES, 'patchStrategy');

/** A patch strategy name. */
export type PatchStrategy = v.InferOutput<typeof PatchStrategySchema>;
