import * as v from 'valibot';
import { model, opt, piped } from './common';
import { baseOpEntries } from './component-fields';
import { IOListSchema } from './io';
import { RunSchema } from './run';

/**
 * A compiled operation (V1CompiledOperation): a component merged with its
 * operation's overrides; `plugins.sandbox`/`plugins.ssh` require a service run.
 */
export const CompiledOperationSchema = piped(
  model({
    kind: v.optional(v.literal('compiled_operation', 'The kind of a compiled operation must be `compiled_operation`.')),
    ...baseOpEntries,
    inputs: opt(IOListSchema),
    outputs: opt(IOListSchema),
    contexts: opt(IOListSchema),
    run: opt(RunSchema),
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const op = dataset.value;
    const plugins = typeof op.plugins === 'object' && op.plugins !== null ? op.plugins : undefined;
    const enabled = (x: unknown): boolean => x !== undefined && x !== null && x !== false;
    const sandbox = enabled(plugins?.sandbox);
    const ssh = enabled(plugins?.ssh);
    if (!sandbox && !ssh) return;
    const kind = op.run?.kind;
    if (kind === 'service') return;
    const which = sandbox ? 'sandbox' : 'ssh';
    addIssue({ message: `plugins.${which} is only supported on kind: service in this version. Got kind: ${kind ?? 'unset'}.` });
  }),
);

/** A validated compiled operation. */
export type V1CompiledOperation = v.InferOutput<typeof CompiledOperationSchema>;
