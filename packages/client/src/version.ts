declare const __PX_VERSION__: string;

/** The version of `@px/client`, baked in at build time. */
export const VERSION: string = __PX_VERSION__;
