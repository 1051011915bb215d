import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser';
import { signIn, token, waitForDemoSeed } from './support/demo-session';
import { type RunningRuntime, startRuntime } from './support/start-runtime';

const SUITE = 'files';
const APP = 'mfg-crm';
const DOC = Buffer.from('%PDF-1.4\n需求确认：非标支架 200 件\n%%EOF\n');

describe('file fields in the runtime', () => {
  let rt: RunningRuntime;
  let browser: Browser;
  let page: Page;
  let customer: { id: string; name: string };

  beforeAll(async () => {
    rt = await startRuntime({ LATTICE_DEMO_SCALE: '0.05' });
    await waitForDemoSeed(rt);
    const east = await token(rt, 'sales_east');
    const res = await fetch(`${rt.url}/api/apps/${APP}/records/customer?limit=1`, {
      headers: { authorization: `Bearer ${east}` },
    });
    customer = ((await res.json()) as { items: { id: string; name: string }[] }).items[0]!;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1024, height: 800 }, acceptDownloads: true });
  });

  afterAll(async () => {
    await browser?.close();
    await rt?.stop();
  });

  it('uploads a deliverable in the project form, shows it on the record page and downloads it', async () => {
    expect(customer?.id).toBeTruthy();
    await signIn(page, rt.url, 'sales_east');
    await page.goto(`${rt.url}/apps/${APP}/e/project/new?customer=${customer.id}`);
    await page.waitForSelector('[data-field="requirement_doc"]');
    await page.fill('[data-field="name"] input', '非标支架项目');
    await page.setInputFiles('[data-field="requirement_doc"] input[type=file]', {
      name: '需求确认书.pdf',
      mimeType: 'application/pdf',
      buffer: DOC,
    });
    const uploaded = page.locator('[data-field="requirement_doc"] .lf-files li');
    await expect.poll(async () => (await uploaded.textContent()) ?? '').toContain('需求确认书.pdf');
    // The form links the fresh upload through its signed URL.
    expect(await page.locator('[data-field="requirement_doc"] .lf-files a').getAttribute('href')).toMatch(
      /\/api\/apps\/mfg-crm\/files\/[0-9a-f-]{36}\?u=.+&exp=\d+&sig=/,
    );
    await screenshot(page, SUITE, '01-uploaded-in-form');
    await page.click('[data-action=save]');
    await page.waitForURL(/\/e\/project\/r\/[0-9a-f-]{36}$/);

    // The field group shows it first; the history section lists the same file again.
    const link = page.locator('[data-testid=file-links] a[data-file]', { hasText: '需求确认书.pdf' }).first();
    await link.waitFor();
    await screenshot(page, SUITE, '02-record-page');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('需求确认书.pdf');
    const path = await download.path();
    expect((await readFile(path)).equals(DOC)).toBe(true);

    // Another region's sales rep cannot fetch it, even with the id.
    const href = (await link.getAttribute('href')) ?? '';
    const fileId = /files\/([0-9a-f-]{36})/.exec(href)?.[1];
    const south = await token(rt, 'sales_south');
    const res = await fetch(`${rt.url}/api/apps/${APP}/files/${fileId}`, {
      headers: { authorization: `Bearer ${south}` },
    });
    expect(res.status).toBe(404);
  });

  it('attaches a file to an approval comment; approvers can download it, other regions cannot', async () => {
    const east = await token(rt, 'sales_east');
    const started = await fetch(`${rt.url}/api/apps/${APP}/flows/start`, {
      method: 'POST',
      headers: { authorization: `Bearer ${east}`, 'content-type': 'application/json' },
      body: JSON.stringify({ flow: 'customer_admission', recordId: customer.id }),
    });
    expect(started.status, await started.clone().text()).toBe(201);
    const approvers = ((await started.json()) as { tasks: { assignee: string; status: string }[] }).tasks;
    await page.goto(`${rt.url}/apps/${APP}/e/customer/r/${customer.id}`);
    await page.click('[data-action=flow-comment]');
    await page.setInputFiles('[data-field=attachment-files]', {
      name: '资信报告.pdf',
      mimeType: 'application/pdf',
      buffer: DOC,
    });
    await page.waitForSelector('[data-testid=comment-files] li');
    await page.fill('[data-field=comment]', '资信报告见附件');
    await page.click('[data-action=confirm]');
    const link = page.locator('.ap-attachments a[data-file]', { hasText: '资信报告.pdf' });
    await link.waitFor();
    await screenshot(page, SUITE, '03-comment-attachment');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('资信报告.pdf');
    expect((await readFile(await download.path())).equals(DOC)).toBe(true);

    const fileId = /files\/([0-9a-f-]{36})/.exec((await link.getAttribute('href')) ?? '')?.[1];
    const users = (await (
      await fetch(`${rt.url}/api/directory/users`, { headers: { authorization: `Bearer ${east}` } })
    ).json()) as { id: string; username: string }[];
    const approver = users.find((u) => approvers.some((t) => t.assignee === u.id && t.status === 'pending'));
    expect(approver).toBeTruthy();
    const get = async (username: string) =>
      fetch(`${rt.url}/api/apps/${APP}/files/${fileId}`, {
        headers: { authorization: `Bearer ${await token(rt, username)}` },
      });
    expect((await get(approver!.username)).status).toBe(200);
    expect((await get('sales_south')).status).toBe(404);
  });
});
