import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlReport } from '../src/charts/html-report';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM) && spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).status === 0;
if (!available) console.log(`[px] skipping the HTML report browser test: ${CHROMIUM} is not available`);

const rows = ['loss', 'accuracy'].flatMap((name, m) => Array.from({ length: 30 }, (_, step) => ({ step, metric: m === 0 ? 1 / (step + 1) : step / 30, name })));
const chart = (name: string): Record<string, unknown> => ({
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  data: { values: rows.filter((r) => r.name === name) },
  mark: 'line',
  encoding: { x: { field: 'step', type: 'quantitative' }, y: { field: 'metric', type: 'quantitative', title: name } },
});

/**
 * Opens an HTML report the way a user does, in headless Chromium with every
 * network request refused, and collects what a user would notice broken.
 */
async function openOffline(browser: Browser, html: string, screenshot: string) {
  const context = await browser.newContext({ offline: true });
  const requests: string[] = [];
  await context.route('**/*', (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.setContent(html, { waitUntil: 'load' });
  await page.waitForFunction(() => document.body.dataset.rendered !== undefined || document.querySelector('.error') !== null, undefined, { timeout: 20_000 });
  const charts = await page.$$eval('.chart', (nodes) =>
    nodes.map((n) => ({ svg: n.querySelectorAll('svg').length, lines: n.querySelectorAll('.mark-line path').length, title: n.previousElementSibling?.textContent })),
  );
  await page.screenshot({ path: screenshot, fullPage: true });
  await context.close();
  return { errors, requests, charts };
}

describe.runIf(available)('HTML report in headless Chromium without network', () => {
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'px-html-report-'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
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
      { svg: 1, lines: 1, title: 'loss' },
      { svg: 1, lines: 1, title: 'accuracy' },
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
