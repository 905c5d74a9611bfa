// Fields shared by components, operations and compiled operations
// (upstream `BaseComponent` and `BaseOp`), without the recursive ones.
import * as v from 'valibot';
import { BuildSchema } from './build';
import { CacheSchema } from './cache';
import {
  boolOrRef,
  commaList,
  dispatch,
  isPlainObject,
  floatOrRef,
  laxBool,
  laxFloat,
  listOrRef,
  nameField,
  oneOf,
  opt,
  orRef,
  strictStr,
  strListOrRef,
} from './common';
import { EventTriggerSchema } from './events';
import { HookSchema } from './hook';
import { IOListSchema } from './io';
import { JoinSchema } from './join';
import { MatrixSchema } from './matrix';
import { PluginsSchema } from './plugins';
import { ScheduleSchema } from './schedule';
import { TemplateSchema } from './template';
import { TerminationSchema } from './termination';
import { MountSchema } from './value-types';

/** `BaseComponent` fields (everything but `kind`). */
export const baseComponentEntries = {
  version: opt(laxFloat),
  name: opt(nameField),
  description: opt(strictStr),
  tags: opt(commaList),
  presets: opt(commaList),
  queue: opt(strictStr),
  namespace: opt(strictStr),
  cache: opt(orRef(CacheSchema)),
  termination: opt(orRef(TerminationSchema)),
  plugins: opt(orRef(PluginsSchema)),
  build: opt(orRef(BuildSchema)),
  hooks: opt(listOrRef(HookSchema)),
  isApproved: opt(boolOrRef),
  cost: opt(floatOrRef),
  mount: opt(
    v.array(
      dispatch(
        [
          [(x) => typeof x === 'string', strictStr],
          [isPlainObject, MountSchema],
        ],
        'Expected a `from:to` string or a {from, to} object.',
      ),
      'Expected a list of mounts.',
    ),
  ),
};

/** Trigger policies of an operation. */
export const TRIGGER_POLICIES = ['all_succeeded', 'all_failed', 'all_done', 'one_succeeded', 'one_failed', 'one_done'] as const;

/** `BaseOp` fields: scheduling, matrix, joins, dependencies, trigger... */
export const baseOpEntries = {
  ...baseComponentEntries,
  schedule: opt(ScheduleSchema),
  events: opt(listOrRef(EventTriggerSchema)),
  matrix: opt(MatrixSchema),
  joins: opt(listOrRef(JoinSchema)),
  dependencies: opt(strListOrRef),
  trigger: opt(orRef(oneOf(TRIGGER_POLICIES, 'trigger'))),
  conditions: opt(strictStr),
  skipOnUpstreamSkip: opt(laxBool),
};

/** Component-only fields except `run`. */
export const componentOwnEntries = {
  inputs: opt(IOListSchema),
  outputs: opt(IOListSchema),
  template: opt(TemplateSchema),
};

// only its type is used (never called, so never built nor bundled)
const _componentFieldsObject = () => v.object({ ...baseComponentEntries, ...componentOwnEntries });

/** Output of the non-recursive component fields. */
export type ComponentFields = v.InferOutput<ReturnType<typeof _componentFieldsObject>>;
