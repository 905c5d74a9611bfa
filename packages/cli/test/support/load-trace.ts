// What a `px` process loaded and ran, read from V8's coverage (NODE_V8_COVERAGE): the script files it executed
// (the bundle, and the modules it imports at run time such as vega) and, inside the one-script bundle
// `dist/px.cjs`, which bundled modules were initialised. esbuild wraps each bundled module in an initialiser named
// after the module's path, which runs when the module is first imported.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { px, type PxResult, type Sandbox } from '../helpers';

interface Coverage {
  result: { url: string; functions: { functionName: string; ranges: { count: number }[] }[] }[];
}

/** The scripts a process ran and the bundled modules it initialised. */
export interface LoadTrace {
  readonly result: PxResult;
  /** URLs of every JavaScript file executed (not Node's own modules). */
  readonly scripts: string[];
  /** Node's own modules that ran, e.g. `node:http`. */
  readonly builtins: string[];
  /** Bundled modules (paths as esbuild names them, e.g. `../context/dist/index.js`) that were initialised. */
  readonly initialised: string[];
  /** Every bundled module, initialised or not. */
  readonly bundled: string[];
}

const MODULE_PATH = /\.(?:[cm]?js|ts)$/;

/**
 * Runs `px args` in `sb` with V8 coverage on and returns what it loaded.
 *
 * @param sb - the sandbox
 * @param args - the command line
 * @param nodeArgs - extra node options (e.g. an `--import` preload)
 * @param env - extra environment
 * @returns the trace (the command must exit 0)
 */
export async function traceLoads(sb: Sandbox, args: readonly string[], nodeArgs: readonly string[] = [], env: Record<string, string> = {}): Promise<LoadTrace> {
  const dir = join(sb.root, `coverage-${String(Date.now())}`);
  mkdirSync(dir);
  const result = await px(sb, args, { nodeArgs, env: { ...env, NODE_V8_COVERAGE: dir } });
  expect(result.code, result.stderr).toBe(0);
  const entries = readdirSync(dir).flatMap((name) => (JSON.parse(readFileSync(join(dir, name), 'utf8')) as Coverage).result);
  const scripts = entries.map((e) => e.url).filter((url) => url.startsWith('file:'));
  const bundle = entries.find((e) => e.url.endsWith('/dist/px.cjs'));
  const modules = (bundle?.functions ?? []).filter((f) => MODULE_PATH.test(f.functionName));
  return {
    result,
    scripts,
    builtins: entries.map((e) => e.url).filter((url) => url.startsWith('node:')),
    initialised: modules.filter((f) => (f.ranges[0]?.count ?? 0) > 0).map((f) => f.functionName),
    bundled: modules.map((f) => f.functionName),
  };
}
