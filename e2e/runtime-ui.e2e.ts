import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser';
import { waitForDemoSeed } from './support/demo-session';
import { pointerDrag } from './support/pointer-drag';
import { type RunningRuntime, startRuntime } from './support/start-runtime';

const SUITE = 'runtime-ui';
const repoRoot = resolve(import.meta.dirname, '..');

/** Demo seeding runs in the background after the server listens; its last log line says it is done. */
async function apiToken(rt: RunningRuntime): Promise<string> {
  const res = await fetch(`${rt.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'demo1234' }),
  });
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function rowCount(page: Page): Promise<number> {
  return page.locator('[data-testid=list-view] tbody tr[data-record]').count();
}

/** Drags a kanban card (grabbed near its top) into a column (below its header). */
async function drag(page: Page, from: string, to: string): Promise<void> {
  const a = await page.locator(from).boundingBox();
  const b = await page.locator(to).boundingBox();
  if (!a || !b) throw new Error(`cannot drag ${from} → ${to}`);
  await pointerDrag(page, { x: a.x + a.width / 2, y: a.y + 20 }, { x: b.x + b.width / 2, y: b.y + 80 });
}

describe('runtime end-user UI', () => {
  let rt: RunningRuntime;
  let browser: Browser;
  let page: Page;
  let token: string;

  beforeAll(async () => {
    rt = await startRuntime({ LATTICE_DEMO_SCALE: '0.05' });
    await waitForDemoSeed(rt);
    token = await apiToken(rt);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  });

  afterAll(async () => {
    await browser?.close();
    await rt?.stop();
  });

  it('signs in as admin in Chinese and builds the navigation from the app metadata', async () => {
    await page.goto(rt.url);
    await page.fill('input[name=username]', 'admin');
    await page.fill('input[name=password]', 'wrong-password');
    await page.click('button[type=submit]');
    await page.waitForSelector('.lt-login [role=alert]');
    await page.fill('input[name=password]', 'demo1234');
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-nav=entity-customer]');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('[data-nav=entity-customer]').textContent()).toContain('客户');
    await screenshot(page, SUITE, '01-home');
  });

  it('switches the language to English and back, remembering the choice', async () => {
    await page.click('[data-lang=en]');
    expect(await page.locator('[data-nav=entity-customer]').textContent()).toContain('Customer');
    await page.reload();
    await page.waitForSelector('[data-nav=entity-customer]');
    expect(await page.locator('[data-nav=entity-customer]').textContent()).toContain('Customer');
    await page.click('[data-lang=zh-CN]');
    expect(await page.locator('[data-nav=entity-customer]').textContent()).toContain('客户');
  });

  it('opens the customer list, searches, sorts by a column and loads the next page', async () => {
    await page.click('[data-nav=entity-customer]');
    await page.waitForSelector('[data-testid=list-view] tbody tr[data-record]');
    const first = await rowCount(page);
    expect(first).toBe(50);
    await screenshot(page, SUITE, '02-customer-list');

    // Keyset paging: the demo has more than one page of customers.
    await page.click('[data-action=load-more]');
    await page.waitForFunction(() => document.querySelectorAll('tbody tr[data-record]').length > 50);
    expect(await rowCount(page)).toBeGreaterThan(50);

    // Sort by the name column, then click again: the header shows the direction and the order flips.
    const idle = '[data-testid=list-view][aria-busy=false] tbody tr[data-record]';
    const nameHeader = page.locator('th[data-column=name]');
    const firstName = () => page.locator('tbody tr[data-record] td:first-child').first().textContent();
    await nameHeader.click();
    await page.waitForSelector(idle);
    const firstDir = await nameHeader.getAttribute('aria-sort');
    expect(['ascending', 'descending']).toContain(firstDir);
    const before = await firstName();
    await nameHeader.click();
    await page.waitForSelector(
      `th[data-column=name][aria-sort=${firstDir === 'ascending' ? 'descending' : 'ascending'}]`,
    );
    await page.waitForSelector(idle);
    const names = await page.locator('tbody tr[data-record] td:first-child').allInnerTexts();
    expect(names[0]).not.toBe(before);

    // Search for the first name shown: the list narrows to matching rows.
    const needle = names[0]!.slice(0, 6);
    await page.fill('[data-testid=list-search]', needle);
    await page.waitForFunction((n) => {
      const rows = [...document.querySelectorAll('tbody tr[data-record]')];
      return rows.length > 0 && rows.length < 50 && rows.every((r) => r.textContent?.includes(n));
    }, needle);
    await screenshot(page, SUITE, '03-search');
  });

  it('opens the customer 360 page, edits a field and sees the change in the history', async () => {
    await page.click('tbody tr[data-record]');
    await page.waitForSelector('[data-testid=record-page] [data-section-type=kpis]');
    await page.waitForSelector('[data-section-type=related] tbody tr');
    await screenshot(page, SUITE, '04-customer-360');

    await page.click('[data-action=edit]');
    await page.waitForSelector('[data-field=city] input');
    await page.fill('[data-field=city] input', '苏州工业园区');
    // The department picker (商务 tab) searches the directory's tree and shows the path.
    await page.click('[data-tab=t_commercial]');
    await page.fill('[data-field=department] input', '华东');
    await page.click('[data-field=department] [role=option]:has-text("销售部 / 华东组")');
    expect(await page.locator('[data-field=department] input').inputValue()).toBe('销售部 / 华东组');
    await page.click('[data-action=save]');
    await page.waitForSelector('[data-testid=record-page] [data-field-view=city]');
    expect(await page.locator('[data-field-view=city] dd').textContent()).toBe('苏州工业园区');
    const change = page.locator('[data-section-type=history] [data-history-field=city]').first();
    await change.waitFor();
    expect(await change.textContent()).toContain('苏州工业园区');
    const department = page.locator('[data-section-type=history] [data-history-field=department]').first();
    expect(await department.textContent()).toContain('销售部 / 华东组');
    expect(await page.locator('[data-section-type=history] li').first().textContent()).toContain(
      '系统管理员',
    );
    await screenshot(page, SUITE, '05-history');
  });

  it('creates a contact from the related list (customer pre-filled) and deletes it after confirming', async () => {
    const customerUrl = page.url();
    const customerName = (await page.locator('[data-testid=record-title]').textContent()) ?? '';
    await page.click('[data-related=contact] [data-action=related-new]');
    await page.waitForSelector('[data-field=name] input');
    const customerInput = page.locator('[data-field=customer] input').first();
    await page.waitForFunction(
      (name) =>
        (document.querySelector('[data-field=customer] input') as HTMLInputElement | null)?.value === name,
      customerName,
    );
    expect(await customerInput.inputValue()).toBe(customerName);
    await page.fill('[data-field=name] input', 'E2E 联系人');
    await page.selectOption('[data-field=decision_role] select', { index: 1 });
    await page.click('[data-action=save]');
    await page.waitForSelector('[data-testid=record-title]:has-text("E2E 联系人")');
    await page.click('[data-action=delete]');
    await page.click('[role=alertdialog] [data-action=confirm]');
    await page.waitForSelector('[data-testid=list-view]');
    await page.goto(customerUrl);
    await page.waitForSelector('[data-related=contact][aria-busy=false]');
    expect(await page.locator('[data-related=contact]').textContent()).not.toContain('E2E 联系人');
  });

  it('shows a server error (duplicate credit code) on the field it belongs to', async () => {
    const taken = (await page.locator('[data-field-view=credit_code] dd').textContent()) ?? '';
    await page.click('.rt-crumb a');
    await page.click('[data-action=new-record]');
    await page.waitForSelector('[data-field=credit_code] input');
    await page.fill('[data-field=credit_code] input', taken);
    await page.fill('[data-field=name] input', 'E2E 重复信用代码客户');
    await page.selectOption('[data-field=customer_type] select', { index: 1 });
    await page.click('[data-action=save]');
    await page.waitForSelector('[data-error-for=credit_code]');
    expect(await page.locator('[data-testid=form-error]').isVisible()).toBe(true);
    expect(await page.locator('.rt-toast-error').count()).toBeGreaterThan(0);
    await screenshot(page, SUITE, '06-field-error');
  });

  it('moves an opportunity to the next stage by dragging its card on the kanban board', async () => {
    await page.goto(`${rt.url}/apps/mfg-crm/e/opportunity/v/opportunity_funnel_board`);
    const card = page.locator('.rt-kanban-col[data-column=lead] [data-card]').first();
    await card.waitFor();
    const id = await card.getAttribute('data-card');
    await drag(page, `[data-card="${id}"]`, '.rt-kanban-col[data-column=qualified]');
    await page.waitForSelector(`.rt-kanban-col[data-column=qualified] [data-card="${id}"]:not(.rt-pending)`);
    const res = await fetch(`${rt.url}/api/apps/mfg-crm/records/opportunity/${id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(((await res.json()) as { stage: string }).stage).toBe('qualified');
    await screenshot(page, SUITE, '07-kanban');
  });

  it('refuses a drag the stage transitions do not allow and keeps the card', async () => {
    const card = page.locator('.rt-kanban-col[data-column=lead] [data-card]').first();
    const id = await card.getAttribute('data-card');
    await drag(page, `[data-card="${id}"]`, '.rt-kanban-col[data-column=proposal]');
    await page.waitForSelector('.rt-toast-error');
    expect(await page.locator(`.rt-kanban-col[data-column=lead] [data-card="${id}"]`).count()).toBe(1);
  });

  it('shows a conflict and reloads when the card was changed by someone else meanwhile', async () => {
    await page.reload();
    const card = page.locator('.rt-kanban-col[data-column=lead] [data-card]').first();
    await card.waitFor();
    const id = (await card.getAttribute('data-card'))!;
    const url = `${rt.url}/api/apps/mfg-crm/records/opportunity/${id}`;
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const current = (await (await fetch(url, { headers })).json()) as { version: number };
    const other = await fetch(url, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ version: current.version, values: { probability: 15 } }),
    });
    expect(other.status).toBe(200);
    await drag(page, `[data-card="${id}"]`, '.rt-kanban-col[data-column=qualified]');
    const toast = page.locator('.rt-toast-error').last();
    await toast.waitFor();
    expect(await toast.textContent()).toMatch(/已被他人修改|changed this record/);
    await page.waitForSelector(`.rt-kanban-col[data-column=lead] [data-card="${id}"]`);
    const after = (await (await fetch(url, { headers })).json()) as { stage: string };
    expect(after.stage).toBe('lead');
  });

  it('works at tablet width (768 px): the sidebar becomes a drawer', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto(`${rt.url}/apps/mfg-crm/e/customer`);
    await page.waitForSelector('tbody tr[data-record]');
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(768);
    await page.click('.rt-menu-toggle');
    await page.waitForSelector('.rt-menu-open [data-nav=entity-opportunity]');
    await screenshot(page, SUITE, '08-tablet-menu');
    await page.click('[data-nav=entity-customer]');
    await page.click('tbody tr[data-record]');
    await page.waitForSelector('[data-section-type=related] tbody tr');
    await screenshot(page, SUITE, '09-tablet-360');
  });

  // The README picture (docs/screenshot.png) is a copy of this file.
  it('saves a README screenshot of the customer 360 page', async () => {
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.evaluate(() => document.querySelector('.lt-main')?.scrollTo(0, 0));
    await page.waitForSelector('[data-section-type=related] tbody tr');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.rt-kpi-value')].every((k) => !k.textContent?.includes('…')),
    );
    const file = join(repoRoot, 'e2e/artifacts', SUITE, 'readme.png');
    mkdirSync(join(repoRoot, 'e2e/artifacts', SUITE), { recursive: true });
    await page.screenshot({ path: file });
  });

  it('signs out from the user menu', async () => {
    await page.click('[data-testid=user-menu]');
    await page.click('[data-action=logout]');
    await page.waitForSelector('input[name=username]');
  });
});
