import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser';
import { signInStudio } from './support/demo-session';
import { centreOf, pointerDrag } from './support/pointer-drag';
import { type RunningRuntime, startRuntime } from './support/start-runtime';

const SUITE = 'form-designer';

/** Item ids of a canvas section, in order. */
async function itemsOf(page: Page, section: string): Promise<string[]> {
  return page
    .locator(`[data-canvas] [data-section="${section}"] [data-item]`)
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-item') ?? ''));
}

describe('studio form designer on the pack customer form (two tabs)', () => {
  let rt: RunningRuntime;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    rt = await startRuntime({ LATTICE_DEMO_SCALE: '0.02' });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signInStudio(page, rt.url, 'analyst');
    await page.locator('[data-app="mfg-crm"]').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await rt?.stop();
  });

  it('drags an item onto another tab, undoes it with Ctrl+Z and redoes it with Ctrl+Shift+Z', async () => {
    await page.goto(`${rt.url}/studio/apps/mfg-crm/entities/customer/form`);
    await page.locator('[data-canvas] [data-tab="t_commercial"]').waitFor();
    expect(await itemsOf(page, 's_location')).toContain('i_city');

    const handle = page.locator('[data-canvas] [data-item="i_city"] .lf-handle');
    const tab = page.locator('[data-canvas] [data-tab="t_commercial"]');
    await pointerDrag(
      page,
      centreOf(await handle.boundingBox(), 'city handle'),
      centreOf(await tab.boundingBox(), 'commercial tab'),
    );
    // The item lands at the end of the tab's last section (历史摘要).
    await tab.click();
    await expect.poll(() => itemsOf(page, 's_history')).toContain('i_city');
    await screenshot(page, SUITE, '01-moved-to-tab');

    // Focus is on the tab button, inside the designer, so the chord reaches it.
    await page.keyboard.press('Control+z');
    await expect.poll(() => itemsOf(page, 's_history')).not.toContain('i_city');
    await page.locator('[data-canvas] [data-tab="t_profile"]').click();
    await expect.poll(() => itemsOf(page, 's_location')).toContain('i_city');
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => itemsOf(page, 's_location')).not.toContain('i_city');
  });
});
