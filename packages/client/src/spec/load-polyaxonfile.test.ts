import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MissingDependencyError, PolyaxonClientException } from '../errors/errors';
import { importOptional, isMissingPackage, loadPolyaxonfile } from './load-polyaxonfile';

function notFound(message: string, code = 'ERR_MODULE_NOT_FOUND'): Error {
  return Object.assign(new Error(message), { code });
}

describe('loadPolyaxonfile', () => {
  it('loads the Node entry of @px/polyaxonfile when it is installed', async () => {
    const pf = await loadPolyaxonfile('RunClient.createFromPolyaxonfile');
    expect(typeof pf.checkPolyaxonfile).toBe('function');
    expect(typeof pf.toDict).toBe('function');
  });
});

describe('@px/polyaxonfile stays optional', () => {
  it('is never imported statically by the sources (only as types, or by loadPolyaxonfile)', () => {
    const src = new URL('..', import.meta.url).pathname;
    const sources = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(sources.length).toBeGreaterThan(20);
    const offenders = sources.filter((f) => /^\s*(import|export)\s+(?!type\b)[^;]*from\s+['"]@px\/polyaxonfile/m.test(readFileSync(join(src, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});

describe('importOptional', () => {
  it('names the package to install when the import really fails to find it', async () => {
    const name = '@px/not-installed-anywhere';
    const error = await importOptional(name, 'RunClient.createFromHub', () => import(/* @vite-ignore */ `${name}/node`)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingDependencyError);
    expect(error).toBeInstanceOf(PolyaxonClientException);
    const missing = error as MissingDependencyError;
    expect(missing.packageName).toBe(name);
    expect(missing.message).toBe(
      `RunClient.createFromHub needs the optional package \`${name}\`, which is not installed: run \`npm install ${name}\` (or pnpm/yarn add).`,
    );
    expect((missing.cause as { code?: string }).code).toBe('ERR_MODULE_NOT_FOUND');
    expect(MissingDependencyError.isInstance(missing)).toBe(true);
  });

  it('lets other import failures through', async () => {
    const broken = new SyntaxError('Unexpected token');
    await expect(importOptional('@px/polyaxonfile', 'f', () => Promise.reject(broken))).rejects.toBe(broken);
  });
});

describe('isMissingPackage', () => {
  it('matches Node ESM and CommonJS messages for the package and its subpaths', () => {
    expect(isMissingPackage(notFound("Cannot find package '@px/polyaxonfile' imported from /app/dist/index.js"), '@px/polyaxonfile')).toBe(true);
    expect(isMissingPackage(notFound("Cannot find package '@px/polyaxonfile/node' imported from /app/x.ts"), '@px/polyaxonfile')).toBe(true);
    expect(isMissingPackage(notFound("Cannot find module '@px/polyaxonfile/node'", 'MODULE_NOT_FOUND'), '@px/polyaxonfile')).toBe(true);
  });

  it('does not blame the package for a dependency of its own that is missing', () => {
    const inner = notFound("Cannot find package 'valibot' imported from /app/node_modules/@px/polyaxonfile/dist/node.js");
    expect(isMissingPackage(inner, '@px/polyaxonfile')).toBe(false);
    expect(isMissingPackage(notFound("Cannot find package '@px/polyaxonfile-extra'"), '@px/polyaxonfile')).toBe(false);
    expect(isMissingPackage(notFound("Cannot find package '@px/polyaxonfile'", 'ERR_OTHER'), '@px/polyaxonfile')).toBe(false);
    expect(isMissingPackage('Cannot find package', '@px/polyaxonfile')).toBe(false);
    expect(isMissingPackage(null, '@px/polyaxonfile')).toBe(false);
  });
});
