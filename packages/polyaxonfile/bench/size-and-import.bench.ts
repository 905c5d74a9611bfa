// Minified + gzipped size of the browser entry, cold import time of the
// package entry (a fresh node process importing the bundled main entry), and
// of the built Node entry `px check` loads, alone and with a first check of a job
// (schemas are built on first use, so importing builds none).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { emit, median } from '@px/testkit/bench';
import { bundleBrowserEntry } from '../test/support/bundle';

const dir = process.cwd();
const minified = await bundleBrowserEntry({ minify: true, dir });
emit({ package: '@px/polyaxonfile', name: 'browser entry min+gz', unit: 'bytes', value: gzipSync(minified, { level: 9 }).length, n: 1 });
emit({ package: '@px/polyaxonfile', name: 'browser entry min', unit: 'bytes', value: Buffer.byteLength(minified), n: 1 });

const temp = mkdtempSync(join(tmpdir(), 'px-import-'));
try {
  const entry = join(temp, 'polyaxonfile.mjs');
  writeFileSync(entry, await bundleBrowserEntry({ minify: false, dir }));
  const empty = join(temp, 'empty.mjs');
  writeFileSync(empty, 'export const x = 1;\n');
  const timeImport = (file: string, after = ''): number[] => {
    const script = `const t = performance.now(); const m = await import(${JSON.stringify(file)}); ${after} process.stdout.write(String(performance.now() - t));`;
    const samples: number[] = [];
    for (let i = 0; i < 15; i++) {
      const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
      if (child.status === 0) samples.push(Number(child.stdout));
    }
    return samples;
  };
  const full = timeImport(entry);
  const baseline = timeImport(empty);
  emit({ package: '@px/polyaxonfile', name: 'cold import of the entry (raw)', unit: 'ms', value: median(full), n: full.length });
  emit({ package: '@px/polyaxonfile', name: 'cold import of the entry (minus an empty module)', unit: 'ms', value: median(full) - median(baseline), n: full.length });
  const nodeEntry = join(dir, 'dist', 'node.js');
  if (!existsSync(nodeEntry)) {
    console.error('[px] @px/polyaxonfile built-entry import figures skipped: dist/node.js not built');
  } else {
    const job = join(temp, 'job.yaml');
    writeFileSync(job, 'version: 1.1\nkind: component\nname: job\nrun:\n  kind: job\n  container:\n    image: busybox\n    command: [echo, hi]\n');
    const url = pathToFileURL(nodeEntry).href;
    const imported = timeImport(url);
    const checked = timeImport(url, `m.toDict(await m.checkPolyaxonfile({ polyaxonfile: [${JSON.stringify(job)}], toOp: true }));`);
    emit({ package: '@px/polyaxonfile', name: 'cold import of dist/node.js (minus an empty module)', unit: 'ms', value: median(imported) - median(baseline), n: imported.length });
    emit({ package: '@px/polyaxonfile', name: 'cold import of dist/node.js + first check of a job (minus an empty module)', unit: 'ms', value: median(checked) - median(baseline), n: checked.length });
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}
