// Late-bound references that break the component → run → dag → component
// cycle without a module import cycle: component.ts and operation.ts register
// their schemas here when they load.
import type * as v from 'valibot';

/** Registered recursive schemas. */
export const dagRefs: { component?: v.GenericSchema; operation?: v.GenericSchema } = {};
