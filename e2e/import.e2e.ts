import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxRows, writeXlsx } from '../apps/runtime/src/server/import/testing/import-fixtures';
import { launchBrowser, screenshot } from './support/browser';
import { waitForDemoSeed } from './support/demo-session';
import { type RunningRuntime, startRuntime } from './support/start-runtime';

const SUITE = 'import';

describe('import wizard (admin)', () => {
  let rt: RunningRuntime;
  let browser: Browser;
  let page: Page;
  const dir = mkdtempSync(join(tmpdir(), 'lattice-e2e-import-'));
  const file = join(dir, '新客户.xlsx');

  beforeAll(async () => {
    await writeXlsx(file, [
      {
        name: '客户',
        rows: [
          ['统一社会信用代码', '客户名称', '客户类型', '员工人数', '合作起始日期'],
          ['91330200E2E000001B', '宁波导入测试机械有限公司', '终端用户', '1,200', '2024/3/5'],
          ['91330200E2E000001A', '校验位错误的公司', '经销商', 10, '2024-03-06'],
          ['91440300E2E000002E', '深圳导入测试电子有限公司', '经销商', 85, new Date(Date.UTC(2023, 10, 1))],
        ],
      },
    ]);
    rt = await startRuntime({ LATTICE_DEMO_SCALE: '0.05' });
    await waitForDemoSeed(rt);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1100, height: 860 }, acceptDownloads: true });
  });

  afterAll(async () => {
    await browser?.close();
    await rt?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('uploads an xlsx, auto-maps the columns, previews per-cell errors, runs with progress and downloads the error report', async () => {
    await page.goto(rt.url);
    await page.fill('input[name=username]', 'admin');
    await page.fill('input[name=password]', 'demo1234');
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-nav=entity-customer]');
    await page.goto(`${rt.url}/apps/mfg-crm/import`);
    await page.waitForSelector('[data-testid=import-wizard]');
    await page.selectOption('[data-testid=import-entity]', 'customer');
    await page.setInputFiles('[data-testid=import-file]', file);
    await page.click('[data-testid=import-upload]');
    await page.waitForSelector('[data-testid=import-mapping]');
    // The entity's field list arrives after the mapping table: poll until the suggested targets are selectable.
    await expect
      .poll(() => page.locator('select[data-column="统一社会信用代码"]').inputValue(), { timeout: 15_000 })
      .toBe('credit_code');
    await expect.poll(() => page.locator('select[data-column="客户名称"]').inputValue()).toBe('name');
    await expect
      .poll(() => page.locator('select[data-column="客户类型"]').inputValue())
      .toBe('customer_type');
    await screenshot(page, SUITE, '01-mapping');

    await page.selectOption('[data-testid=import-mode]', 'upsert');
    await page.click('[data-testid=import-preview]');
    await page.waitForSelector('[data-testid=import-preview-table]');
    const bad = page.locator('tr[data-row="3"] [data-testid=cell-error]');
    expect(await bad.first().textContent()).toContain('校验位');
    expect(await page.locator('tr[data-row="2"] .imp-a-insert').count()).toBe(1);
    await screenshot(page, SUITE, '02-preview');

    await page.click('[data-testid=import-run]');
    await page.waitForSelector('[data-testid=import-run-panel][data-status=done]', { timeout: 60_000 });
    expect(await page.locator('[data-count=inserted]').textContent()).toBe('2');
    expect(await page.locator('[data-count=failed]').textContent()).toBe('1');
    expect(await page.locator('[role=progressbar]').getAttribute('aria-valuenow')).toBe('100');
    await screenshot(page, SUITE, '03-result');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=import-report]'),
    ]);
    expect(download.suggestedFilename()).toBe('新客户-errors.xlsx');
    const saved = join(dir, 'report.xlsx');
    await download.saveAs(saved);
    const rows = await readXlsxRows(saved);
    expect(rows[1]![0]).toBe(3);
    expect(String(rows[1]![4])).toContain('校验位');

    const list = await page.evaluate(async () => {
      const s = JSON.parse(localStorage.getItem('lattice.session') ?? '{}') as { accessToken: string };
      const res = await fetch('/api/apps/mfg-crm/records/customer?q=导入测试&limit=10', {
        headers: { authorization: `Bearer ${s.accessToken}` },
      });
      return ((await res.json()) as { items: { name: string; employees: number }[] }).items;
    });
    expect(list.map((r) => r.name).sort()).toEqual(['宁波导入测试机械有限公司', '深圳导入测试电子有限公司']);
    expect(list.find((r) => r.name.startsWith('宁波'))!.employees).toBe(1200);
  });
});
