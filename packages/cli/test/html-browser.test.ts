import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlReport } from '../src/charts/html-report';
import { chromiumAvailable, launchChromium, openOffline } from './support/chromium';

const rows = ['loss', 'accuracy'].flatMap((name, m) => Array.from({ length: 30 }, (_, step) => ({ step, metric: m === 0 ? 1 / (step + 1) : step / 30, name })));
const chart = (name: string): Record<string, unknown> => ({
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  data: { values: rows.filter((r) => r.name === name) },
  mark: 'line',
  encoding: { x: { field: 'step', type: 'quantitative' }, y: { field: 'metric', type: 'quantitative', title: name } },
});

describe.runIf(chromiumAvailable)('HTML report in headless Chromium without network', () => {
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'px-html-report-'));
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    // the screenshot stays for people to look at (its path is printed); the rest goes
    if (dir) rmSync(join(dir, 'broken.png'), { force: true });
  });

  it('renders one chart per metric with no console error and no request', async () => {
    const html = await htmlReport('Run abc', [
      { title: 'loss', spec: chart('loss') },
      { title: 'accuracy', spec: chart('accuracy') },
    ]);
    const screenshot = join(dir, 'report.png');
    const result = await openOffline(browser, html, screenshot);
    expect(result.errors).toEqual([]);
    expect(result.requests).toEqual([]);
    expect(result.charts).toEqual([
      { title: 'loss', svg: 1, lines: 1 },
      { title: 'accuracy', svg: 1, lines: 1 },
    ]);
    expect(statSync(screenshot).size).toBeGreaterThan(5_000);
    console.log(`[px] HTML report screenshot: ${screenshot} (${statSync(screenshot).size} bytes)`);
  }, 60_000);

  it('shows an error on the page, not a blank one, when a spec cannot render', async () => {
    const html = await htmlReport('Broken', [{ title: 'bad', spec: { mark: 'nope' } }]);
    const result = await openOffline(browser, html, join(dir, 'broken.png'));
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.requests).toEqual([]);
  }, 60_000);
});
