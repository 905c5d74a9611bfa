#!/usr/bin/env node
// `pnpm bench`: bundles every packages/*/bench/*.bench.ts with its dependencies
// using esbuild (resolving the `@px/source` condition), runs each in a fresh node process, passes its JSON
// result lines through to stdout and ends with a readable table.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const only = process.argv.slice(2);

function benchFiles() {
  const files = [];
  for (const pkg of readdirSync(join(root, 'packages'))) {
    const dir = join(root, 'packages', pkg, 'bench');
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).sort()) {
      if (!file.endsWith('.bench.ts')) continue;
      if (only.length > 0 && !only.some((o) => `${pkg}/${file}`.includes(o))) continue;
      files.push({ pkg, file: join(dir, file) });
    }
  }
  return files;
}

async function bundle({ pkg, file }) {
  const outDir = join(root, 'packages', pkg, '.px-bench');
  mkdirSync(outDir, { recursive: true });
  const version = JSON.parse(readFileSync(join(root, 'packages', pkg, 'package.json'), 'utf8')).version;
  const outfile = join(outDir, `${basename(file, '.ts')}.mjs`);
  await build({
    entryPoints: [file],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@px/source'],
    define: { __PX_VERSION__: JSON.stringify(version) },
    banner: { js: "import { createRequire as __pxCreateRequire } from 'node:module'; const require = __pxCreateRequire(import.meta.url);" },
    logLevel: 'error',
  });
  return outfile;
}

function run(outfile, cwd) {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, ['--expose-gc', outfile], { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
    const results = [];
    let buffer = '';
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      let newline;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        try {
          const parsed = JSON.parse(line);
          if (parsed && typeof parsed.name === 'string' && typeof parsed.value === 'number') {
            results.push(parsed);
            process.stdout.write(`${line}\n`);
            continue;
          }
        } catch {
          // not a result line
        }
        process.stderr.write(`${line}\n`);
      }
    });
    child.on('close', (code) => resolvePromise({ code, results }));
  });
}

function table(results) {
  const rows = results.map((r) => [r.package, r.name, formatNumber(r.value), r.unit, String(r.n), r.goal === undefined ? '' : String(r.goal)]);
  const head = ['package', 'benchmark', 'value', 'unit', 'n', 'goal'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 2 || i === 4 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function formatNumber(value) {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1000) return value.toFixed(0);
  if (Math.abs(value) >= 1) return value.toFixed(2);
  return value.toPrecision(3);
}

const all = [];
let failed = 0;
for (const entry of benchFiles()) {
  const outfile = await bundle(entry);
  const { code, results } = await run(outfile, join(root, 'packages', entry.pkg));
  all.push(...results);
  if (code !== 0) {
    failed++;
    process.stderr.write(`bench ${entry.pkg}/${basename(entry.file)} exited with ${code}\n`);
  }
  rmSync(outfile, { force: true });
}
if (all.length > 0) process.stdout.write(`\n${table(all)}\n`);
process.exitCode = failed > 0 ? 1 : 0;
