import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleBrowserEntry } from './support/bundle';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM) && spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).status === 0;
if (!available) console.log(`[px] skipping browser test: ${CHROMIUM} is not available`);

const VALID = 'version: 1.1\nkind: component\nrun:\n  kind: job\n  container:\n    image: busybox\n';
const DAG =
  'version: 1.1\nkind: component\nrun:\n  kind: dag\n  operations:\n  - {name: a, dagRef: c}\n  - {name: b, dagRef: c, dependencies: [a]}\n  components:\n  - {name: c, run: {kind: job, container: {image: x}}}\n';
const INVALID = 'version: 1.1\nkind: component\nrun:\n  kind: job\n  containr:\n    image: busybox\n';

describe.runIf(available)('browser bundle in headless Chromium', () => {
  let server: Server;
  let browser: BrowserContext;
  let profile: string;
  let url: string;

  beforeAll(async () => {
    const bundle = await bundleBrowserEntry();
    server = createServer((req, res) => {
      if (req.url === '/polyaxonfile.js') {
        res.writeHead(200, { 'content-type': 'text/javascript' });
        res.end(bundle);
      } else {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<!doctype html><html><body><script type="module">import * as px from "/polyaxonfile.js"; window.px = px;</script></body></html>');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    profile = mkdtempSync(join(tmpdir(), 'px-chromium-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync',
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('parses a valid spec and rejects an invalid one', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForFunction(() => 'px' in window);
    const result = await page.evaluate(
      ({ valid, invalid, dag }) => {
        const px = (window as unknown as { px: Record<string, unknown> }).px as {
          ComponentSpecification: { read(data: string): { run: { container: { image: string } }; toDict(): unknown } };
          compile(data: string): { run: { operations: { name: string }[] } };
          PolyaxonSchemaError: { isInstance(value: unknown): boolean };
        };
        const spec = px.ComponentSpecification.read(valid);
        let rejected: { schemaError: boolean; line?: number; path?: unknown } = { schemaError: false };
        try {
          px.ComponentSpecification.read(invalid);
        } catch (error) {
          const e = error as { line?: number; path?: unknown };
          rejected = { schemaError: px.PolyaxonSchemaError.isInstance(error), line: e.line, path: e.path };
        }
        const dagOps = px.compile(dag).run.operations.map((op) => op.name);
        return { image: spec.run.container.image, dict: spec.toDict(), rejected, dagOps };
      },
      { valid: VALID, invalid: INVALID, dag: DAG },
    );
    expect(result.image).toBe('busybox');
    expect(result.dict).toEqual({ version: 1.1, kind: 'component', run: { kind: 'job', container: { image: 'busybox' } } });
    expect(result.rejected).toEqual({ schemaError: true, line: 5, path: ['run', 'containr'] });
    expect(result.dagOps).toEqual(['a', 'b']);
    await page.close();
  });
});
