import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser';
import { signIn, token, waitForDemoSeed } from './support/demo-session';
import { type RunningRuntime, startRuntime } from './support/start-runtime';

const SUITE = 'contract-sign';
const APP = '/api/apps/mfg-crm';

interface Contract {
  id: string;
  version: number;
  status: string;
  signed_by: string | null;
  signed_at: string | null;
  signer_signature: { id: string; mime: string } | null;
}

/**
 * The pack's contract approval: the account manager submits a contract, the sales manager opens the
 * approval inbox, cannot approve before signing, signs on the pad, and the contract shows signed (active,
 * signer, time, signature image; the signature in the approval timeline).
 */
describe('contract approval with a handwritten signature (browser)', () => {
  let rt: RunningRuntime;
  let browser: Browser;
  const tokens = new Map<string, string>();

  async function call<T>(user: string, method: string, path: string, body?: unknown): Promise<T> {
    if (!tokens.has(user)) tokens.set(user, await token(rt, user));
    const res = await fetch(`${rt.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${tokens.get(user)}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const json = (await res.json()) as T;
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
    return json;
  }

  /** Draws a stroke across the signature pad with the mouse (pointer events, like a finger or pen). */
  async function sign(page: Page): Promise<void> {
    const pad = page.locator('[data-dialog] [data-testid="approval-signature"] canvas');
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.15, box.y + box.height * 0.6);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) {
      await page.mouse.move(
        box.x + box.width * (0.15 + i * 0.07),
        box.y + box.height * (0.6 - (i % 2) * 0.3),
      );
    }
    await page.mouse.up();
  }

  beforeAll(async () => {
    rt = await startRuntime({ LATTICE_DEMO_SCALE: '0.05' });
    await waitForDemoSeed(rt);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await rt?.stop();
  });

  it('the sales manager signs on the pad in the inbox and the contract shows signed', async () => {
    const title = `设备供货合同 ${Date.now() % 100_000}`;
    const customers = await call<{ items: { id: string }[] }>(
      'sales_east',
      'GET',
      `${APP}/records/customer?limit=1`,
    );
    const created = await call<Contract>('sales_east', 'POST', `${APP}/records/contract`, {
      title,
      customer: customers.items[0]!.id,
      amount: 360_000,
      start_date: '2026-01-01',
      end_date: '2026-12-31',
      status: 'draft',
      region: 'east',
    });
    await call('sales_east', 'PATCH', `${APP}/records/contract/${created.id}`, {
      version: created.version,
      values: { status: 'pending_approval' },
    });
    // The rule's flow.start job submits it into the contract approval.
    await expect
      .poll(
        async () =>
          (
            await call<{ status: string }[]>(
              'sales_east',
              'GET',
              `${APP}/flows/records/contract/${created.id}`,
            )
          )[0]?.status,
        { timeout: 60_000, interval: 500 },
      )
      .toBe('running');

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, rt.url, 'sales_manager');
    await page.goto(`${rt.url}/apps/mfg-crm/approvals`);
    const item = page.locator(`[data-testid="approval-inbox"] [data-record-title="${title}"]`);
    await item.waitFor();
    await item.locator('[data-action="inbox-approve"]').click();

    const confirm = page.locator('[data-dialog="approve"] [data-action="confirm"]');
    await page.locator('[data-dialog="approve"] [data-testid="approval-signature"] canvas').waitFor();
    expect(await confirm.isDisabled()).toBe(true); // no approval without a signature
    await sign(page);
    await page.fill('[data-dialog] [data-field="comment"]', '同意，已签署');
    await screenshot(page, SUITE, '1-signed-pad');
    expect(await confirm.isDisabled()).toBe(false);
    await confirm.click();
    await page.locator('[data-dialog]').waitFor({ state: 'detached' });
    await item.waitFor({ state: 'detached' });

    const me = await call<{ id: string }>('sales_manager', 'GET', '/api/auth/me');
    let contract: Contract | undefined;
    await expect
      .poll(
        async () => {
          contract = await call<Contract>('sales_east', 'GET', `${APP}/records/contract/${created.id}`);
          return contract.status;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe('active');
    expect(contract!.signed_by).toBe(me.id);
    expect(contract!.signed_at).toBeTruthy();
    expect(contract!.signer_signature?.mime).toBe('image/png');

    // The account manager's contract page shows it signed: status, signer, signature image and timeline.
    await page.close();
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const owner = await context.newPage();
    owner.on('pageerror', (e) => errors.push(e.message));
    await signIn(owner, rt.url, 'sales_east');
    await owner.goto(`${rt.url}/apps/mfg-crm/e/contract/r/${created.id}`);
    await owner.locator('[data-testid="record-page"]').waitFor();
    await expect.poll(() => owner.locator('[data-field-view="status"]').textContent()).toContain('执行中');
    await expect.poll(() => owner.locator('[data-field-view="signed_by"]').textContent()).toContain('周国平');
    // Both show the pad's own 480×160 PNG, served through signed URLs.
    for (const img of [
      '[data-field-view="signer_signature"] img',
      '[data-testid="approval-signature-image"] img',
    ]) {
      const el = owner.locator(img);
      await el.scrollIntoViewIfNeeded();
      await expect
        .poll(() =>
          el.evaluate((i) => [(i as HTMLImageElement).naturalWidth, (i as HTMLImageElement).naturalHeight]),
        )
        .toEqual([480, 160]);
    }
    await screenshot(owner, SUITE, '2-contract-signed');
    expect(errors).toEqual([]);
    await context.close();
  });
});
