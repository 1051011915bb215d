import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

const artifacts = resolve(import.meta.dirname, '../artifacts');

/** Debian chromium, headless; flags keep it off the (closed) network. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Saves `e2e/artifacts/<suite>/<step>.png` (ignored by git). */
export async function screenshot(page: Page, suite: string, step: string): Promise<void> {
  const dir = join(artifacts, suite);
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${step}.png`), fullPage: true });
}

/**
 * Runs `steps` on a new page of `browser`: a failure is saved as `<suite>/failure-<name>.png` before it
 * propagates, the page always closes, and an error thrown in the page (uncaught) fails the test.
 */
export async function onNewPage(
  browser: Browser,
  suite: string,
  name: string,
  steps: (page: Page) => Promise<void>,
): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await steps(page);
  } catch (e) {
    await screenshot(page, suite, `failure-${name}`);
    throw e;
  } finally {
    await page.close();
  }
  expect(errors).toEqual([]);
}
