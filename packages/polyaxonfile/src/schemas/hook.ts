import * as v from 'valibot';
import { boolOrRef, model, opt, orRef, strictStr, strList } from './common';
import { FullParamsMapSchema } from './param';

const HOOK_TRIGGERS = ['failed', 'stopped', 'succeeded', 'skipped', 'upstream_failed', 'done'] as const;

/** A hook (V1Hook): params full form only. */
export const HookSchema = model({
  hubRef: strictStr,
  connection: opt(strictStr),
  trigger: opt(v.picklist(HOOK_TRIGGERS, `Trigger must be one of {${HOOK_TRIGGERS.map((t) => `'${t}'`).join(', ')}}`)),
  conditions: opt(strictStr),
  presets: opt(strList),
  queue: opt(strictStr),
  namespace: opt(strictStr),
  params: opt(orRef(FullParamsMapSchema)),
  disableDefaults: opt(boolOrRef),
});

/** A validated hook. */
export type V1Hook = v.InferOutput<typeof HookSchema>;
