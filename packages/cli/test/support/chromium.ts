// Headless Chromium for the HTML report tests: Debian's /usr/bin/chromium
// (as the polyaxonfile browser test uses), every network request refused.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';

/** Whether Chromium can run here (tests skip with a notice when not). */
export const chromiumAvailable = existsSync(CHROMIUM) && spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).status === 0;
if (!chromiumAvailable) console.log(`[px] skipping the HTML report browser checks: ${CHROMIUM} is not available`);

/** Starts headless Chromium with background networking off. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** What a user would notice on an opened report. */
export interface OpenedReport {
  /** Console errors and uncaught exceptions. */
  readonly errors: string[];
  /** Every request the page tried (all refused). */
  readonly requests: string[];
  /** Per chart container: its heading, SVG elements and drawn line paths. */
  readonly charts: { title: string | null | undefined; svg: number; lines: number }[];
}

/**
 * Opens an HTML report offline (the context is offline and every request is
 * aborted and recorded), waits for the charts, and takes a full-page screenshot.
 */
export async function openOffline(browser: Browser, html: string, screenshot: string): Promise<OpenedReport> {
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
    nodes.map((n) => ({ title: n.previousElementSibling?.textContent, svg: n.querySelectorAll('svg').length, lines: n.querySelectorAll('.mark-line path').length })),
  );
  await page.screenshot({ path: screenshot, fullPage: true });
  await context.close();
  return { errors, requests, charts };
}
