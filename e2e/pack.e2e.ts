import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser';
import { signInStudio, waitForDemoSeed } from './support/demo-session';
import { type RunningRuntime, startRuntime } from './support/start-runtime';

const SUITE = 'pack';
const APP = 'mfg-crm';
type Rec = { id: string; version: number } & Record<string, unknown>;

/** Demo seeding runs in the background after the server listens; its last log line says it is done. */
/** A tiny typed client of the records API (test data set-up; the checks happen in the browser). */
function apiClient(rt: RunningRuntime, token: string) {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${rt.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  return {
    call,
    create: (entity: string, values: Record<string, unknown>) =>
      call<Rec>('POST', `/api/apps/${APP}/records/${entity}`, values),
    list: async (entity: string, filter: unknown, extra = '') =>
      (
        await call<{ items: Rec[] }>(
          'GET',
          `/api/apps/${APP}/records/${entity}?limit=100&filter=${encodeURIComponent(JSON.stringify(filter))}${extra}`,
        )
      ).items,
  };
}

async function login(rt: RunningRuntime, username: string): Promise<string> {
  const res = await fetch(`${rt.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo1234' }),
  });
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** A valid unified social credit code (GB 32100-2015 mod-31 check) from a 17-character body. */
function creditCode(body17: string): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...body17].reduce((s, c, i) => s + alphabet.indexOf(c) * weights[i]!, 0);
  return body17 + alphabet[(31 - (sum % 31)) % 31];
}

async function signIn(page: Page, rt: RunningRuntime, username: string): Promise<void> {
  await page.goto(rt.url);
  await page.evaluate(() => localStorage.clear());
  await page.goto(rt.url);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', 'demo1234');
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-nav=entity-customer]');
}

describe('manufacturing CRM pack in the browser', () => {
  let rt: RunningRuntime;
  let browser: Browser;
  let page: Page;
  let api: ReturnType<typeof apiClient>;
  let users: Map<string, string>;

  beforeAll(async () => {
    rt = await startRuntime({ LATTICE_DEMO_SCALE: '0.05' });
    await waitForDemoSeed(rt);
    api = apiClient(rt, await login(rt, 'admin'));
    const directory = await api.call<{ id: string; username: string }[]>('GET', '/api/directory/users');
    users = new Map(directory.map((u) => [u.username, u.id]));
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, rt, 'admin');
  });

  afterAll(async () => {
    await browser?.close();
    await rt?.stop();
  });

  it('publishing an ECN for a part on two open orders creates a task for each order’s account manager', async () => {
    const [part] = await api.list('part', { '!=': [{ var: 'id' }, null] });
    const managers = ['sales_east', 'sales_south'];
    const orders: Rec[] = [];
    for (const [i, manager] of managers.entries()) {
      const customer = await api.create('customer', {
        name: `ECN联动测试客户${i + 1}`,
        credit_code: creditCode(`913205000ECN0000${i}`),
        customer_type: 'oem',
        region: i === 0 ? 'east' : 'south',
      });
      const order = await api.create('order', {
        customer: customer.id,
        order_date: new Date().toISOString().slice(0, 10),
        amount: 24_000,
        status: 'open',
      });
      await api.create('order_line', {
        order: order.id,
        customer: customer.id,
        part: part!.id,
        part_number: 'P-E2E1',
        quantity: 12,
        unit_price: 2_000,
        line_status: 'open',
        account_manager: users.get(manager),
      });
      orders.push(order);
    }
    const ecn = await api.create('ecn', {
      title: '密封圈材质由丁腈改为氟橡胶',
      affected_part_numbers: ['P-E2E1'],
      status: 'reviewing',
    });

    // Engineering publishes the ECN in the UI: the stage bar on the edit form, then save.
    await page.goto(`${rt.url}/apps/${APP}/e/ecn/r/${ecn.id}/edit`);
    await page.waitForSelector('[data-field=status] .lf-stages');
    await page.locator('[data-field=status] .lf-stages button', { hasText: '已发布' }).click();
    await page.click('[data-action=save]');
    await page.waitForSelector('[data-testid=record-page]');
    await page.goto(`${rt.url}/apps/${APP}/e/ecn/r/${ecn.id}`);
    const taskRows = page.locator('[data-section=tasks] tbody tr');
    await expect.poll(() => taskRows.count(), { timeout: 30_000 }).toBe(2);
    const text = await page.locator('[data-section=tasks]').textContent();
    expect(text).toContain('华东销售');
    expect(text).toContain('华南销售');
    await screenshot(page, SUITE, '01-ecn-tasks');

    // Each account manager has exactly one of the tasks, on their own order.
    const tasks = await api.list('task', { '==': [{ var: 'ecn' }, ecn.id] });
    expect(tasks.map((t) => t.assignee).sort()).toEqual(managers.map((m) => users.get(m)).sort());
    expect(tasks.map((t) => t.order).sort()).toEqual(orders.map((o) => o.id).sort());
  });

  it('orders that lift a customer’s RFM score past 80 make it strategic, and its 360 page shows it', async () => {
    const customer = await api.create('customer', {
      name: 'RFM升级测试客户',
      credit_code: creditCode('91320500000RFM001'),
      customer_type: 'end_user',
      region: 'east',
    });
    expect(customer.tier).not.toBe('strategic');
    for (let i = 0; i < 12; i++) {
      const day = new Date(Date.now() - (12 - i) * 86_400_000).toISOString().slice(0, 10);
      await api.create('order', {
        customer: customer.id,
        order_date: day,
        amount: 50_000,
        status: 'completed',
      });
    }
    await page.goto(`${rt.url}/apps/${APP}/e/customer/r/${customer.id}`);
    await page.waitForSelector('[data-kpi=tier]');
    await expect
      .poll(() => page.locator('[data-kpi=tier] .rt-kpi-value').textContent())
      .toContain('战略客户');
    const rfm = Number(
      (await page.locator('[data-kpi=rfm_score] .rt-kpi-value').textContent())?.replace(/[^\d.]/g, ''),
    );
    expect(rfm).toBeGreaterThanOrEqual(80);
    await screenshot(page, SUITE, '02-rfm-strategic');
  });

  it('renders every section of the customer 360 page for a demo customer', async () => {
    // A demo customer with contacts and orders (a scaled-down demo keeps only some of each).
    const contacts = await api.list('contact', { '!=': [{ var: 'customer' }, null] });
    let customerId: string | undefined;
    for (const id of [...new Set(contacts.map((c) => String(c.customer)))]) {
      if ((await api.list('order', { '==': [{ var: 'customer' }, id] })).length > 0) {
        customerId = id;
        break;
      }
    }
    expect(customerId).toBeDefined();
    const view = await api.call<{
      definition: { documents: { kind: string; name: string; sections?: { id: string; type: string }[] }[] };
    }>('GET', `/api/apps/${APP}`);
    const sections = view.definition.documents.find((d) => d.kind === 'view' && d.name === 'customer_360')!
      .sections!;
    await page.goto(`${rt.url}/apps/${APP}/e/customer/r/${customerId}`);
    await page.waitForSelector('[data-testid=record-page]');
    for (const s of sections) {
      if (s.type === 'approvals') continue; // shown only where the approval extension is registered
      await page.waitForSelector(`[data-section=${s.id}]`);
    }
    for (const card of ['tier', 'risk_grade', 'health_score', 'lifecycle_stage', 'credit_rating']) {
      expect(await page.locator(`[data-kpi=${card}] .rt-kpi-value`).textContent()).not.toBe('');
    }
    // The open-opportunity card counts in the database, with the card's own stage filter.
    const open = await api.list('opportunity', {
      and: [
        { '==': [{ var: 'customer' }, customerId] },
        { in: [{ var: 'stage' }, ['lead', 'qualified', 'proposal', 'negotiation']] },
      ],
    });
    await expect
      .poll(() => page.locator('[data-kpi=opportunity] .rt-kpi-value').textContent())
      .toBe(String(open.length));
    await expect.poll(() => page.locator('[data-section=orders] tbody tr').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('[data-section=contacts] tbody tr').count()).toBeGreaterThan(0);
    await page.waitForSelector('[data-section=order_history] canvas');
    await expect
      .poll(() => page.locator('[data-section=timeline] .rt-timeline-item').count())
      .toBeGreaterThan(0);
    await screenshot(page, SUITE, '03-customer-360');
  });

  it('exports the app as a pack file in the studio and upgrades it from that file, refusing a tampered file', async () => {
    const studio = await browser.newPage({ viewport: { width: 1100, height: 900 }, acceptDownloads: true });
    try {
      await signInStudio(studio, rt.url, 'admin');
      await studio.click('nav a[href="/studio/packs"]');
      await studio.waitForSelector('[data-testid=installed-packs]');
      expect(await studio.locator('[data-testid=installed-packs]').textContent()).toContain('mfg-crm');

      await studio.selectOption('[data-testid=export-app]', APP);
      await studio.fill('[data-testid=pack-export] input >> nth=1', '0.3.0');
      const [download] = await Promise.all([
        studio.waitForEvent('download'),
        studio.click('[data-action=export-pack]'),
      ]);
      expect(download.suggestedFilename()).toBe('mfg-crm-0.3.0.lattice-pack.json');
      const file = join(rt.dataDir, download.suggestedFilename());
      await download.saveAs(file);
      await screenshot(studio, SUITE, '04-studio-packs');

      // A tampered copy is refused with the reason; nothing is installed.
      const tampered = join(rt.dataDir, 'tampered.lattice-pack.json');
      writeFileSync(tampered, readFileSync(file, 'utf8').replace('客户档案', '客户档案X'));
      await studio.setInputFiles('[data-testid=pack-file]', tampered);
      await studio.waitForSelector('[data-testid=pack-error]');

      // The exported file is a newer version of the installed pack: preview the merge, then apply it.
      await studio.setInputFiles('[data-testid=pack-file]', file);
      await studio.waitForSelector('[data-testid=pack-check]');
      await studio.click('[data-action=preview-upgrade]');
      await studio.waitForSelector('[data-testid=upgrade-preview]');
      await studio.click('[data-action=apply-upgrade]');
      await studio.waitForSelector('[data-testid=pack-done]');
      expect(await studio.locator('[data-testid=pack-done]').textContent()).toContain('0.3.0');
      await expect
        .poll(() => studio.locator('[data-testid=installed-packs]').textContent())
        .toContain('0.3.0');
      await screenshot(studio, SUITE, '05-studio-upgraded');
    } catch (e) {
      await screenshot(studio, SUITE, 'failure');
      throw e;
    } finally {
      await studio.close();
    }
  });
});
