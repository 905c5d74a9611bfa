import type { Linter } from 'eslint';

/** Which workspace packages each package's source may import (besides itself). */
export declare const allowedImports: Record<string, string[]>;
/** Globs of files that are tests or benchmarks. */
export declare const testGlobs: string[];
/** Flat-config objects that forbid imports against the dependency direction. */
export declare function boundaryConfigs(root?: string): Linter.Config[];
