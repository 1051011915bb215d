import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, onNewPage, screenshot } from './support/browser';
import { signInStudio } from './support/demo-session';
import { centreOf, pointerDrag, settleDrop } from './support/pointer-drag';
import { type RunningRuntime, startRuntime } from './support/start-runtime';

const SUITE = 'reports';
const APP = 'mfg-crm';
type Row = Record<string, string | number | null>;
type JsonLogic = Record<string, unknown>;

/** A pointer drag from one element's centre to another's. */
async function drag(page: Page, from: Locator, to: Locator): Promise<void> {
  await pointerDrag(
    page,
    centreOf(await from.boundingBox(), 'drag source'),
    centreOf(await to.boundingBox(), 'drag target'),
  );
}

/** Drags a palette field onto a well and waits for the chip. */
async function dropField(page: Page, field: string, well: 'dimensions' | 'measures'): Promise<void> {
  const zone = page.locator(`[data-testid="well-${well}"]`);
  const chips = zone.locator('.rp-chip');
  const before = await chips.count();
  await drag(page, page.locator(`[data-testid="report-palette"] [data-field="${field}"]`), zone);
  await expect.poll(() => chips.count()).toBe(before + 1);
}

async function newReport(page: Page, name: string, zh: string, en: string, entity: string): Promise<void> {
  await page.click(`nav a[href="/studio/apps/${APP}/reports"]`);
  await page.click('[data-action="new-report"]');
  const form = page.locator('[data-testid="new-report-form"]');
  await form.locator('[data-prop="report.name"]').fill(name);
  await form.locator('[data-prop="report.label.zh"]').fill(zh);
  await form.locator('[data-prop="report.label.en"]').fill(en);
  await form.locator('[data-prop="report.entity"]').selectOption(entity);
  await form.locator('[data-action="create"]').click();
  await page.locator(`.rp-designer[data-report="${name}"]`).waitFor();
}

async function saveReport(page: Page, action: string): Promise<void> {
  await page.click(`[data-action="${action}"]`);
  await page
    .locator('.st-status', { hasText: /已保存|Saved/ })
    .first()
    .waitFor();
}

describe('reports: funnel and heatmap built in the designer, on a dashboard, filtered and drilled', () => {
  let runtime: RunningRuntime;
  let browser: Browser;
  beforeAll(async () => {
    runtime = await startRuntime({ LATTICE_DEMO_SCALE: '0.05' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await runtime?.stop();
  });

  it('designs two reports, publishes a dashboard, filters by region and drills into a heatmap cell', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await flow(page, errors);
    } catch (e) {
      await screenshot(page, SUITE, 'failure');
      throw e;
    }
  });

  it("renders every tile of the pack's five dashboards", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${runtime.url}/`);
    await page.fill('input[name="username"]', 'admin');
    await page.fill('input[name="password"]', 'demo1234');
    await page.click('button[type="submit"]');
    await page.locator('[data-testid="current-user"]').waitFor();
    await page.goto(`${runtime.url}/apps/${APP}/dashboards`);
    await page.locator('a[data-dashboard]').first().waitFor();
    const names = await page
      .locator('a[data-dashboard]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('data-dashboard')));
    for (const name of [
      'sales_overview',
      'customer_insight',
      'finance_overview',
      'service_overview',
      'data_quality',
    ]) {
      expect(names).toContain(name);
    }
    for (const name of names) {
      await page.goto(`${runtime.url}/apps/${APP}/dashboards/${name}`);
      const tiles = page.locator('.db-tile');
      await tiles.first().waitFor();
      await page.waitForFunction(() => !document.querySelector('.db-tile[aria-busy="true"]'));
      await screenshot(page, SUITE, `pack-${name}`);
      expect(await page.locator('.db-tile .lt-error-banner').count(), `${name} has a failing tile`).toBe(0);
      const drawn = await page
        .locator('.db-tile')
        .evaluateAll((els) => els.filter((el) => el.querySelector('canvas, table, .db-empty')).length);
      expect(drawn, `${name}: every tile draws`).toBe(await tiles.count());
    }
    // Tablet width: tiles stack full width in reading order.
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto(`${runtime.url}/apps/${APP}/dashboards/sales_overview`);
    await page.locator('.db-tile canvas').first().waitFor();
    await page.waitForFunction(() => !document.querySelector('.db-tile[aria-busy="true"]'));
    const widths = await page
      .locator('.db-cell')
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().width));
    const grid = await page.locator('.db-grid').evaluate((el) => el.getBoundingClientRect().width);
    expect(widths.every((w) => Math.abs(w - grid) < 2)).toBe(true);
    await screenshot(page, SUITE, 'pack-sales_overview-tablet');
    expect(errors).toEqual([]);
  });

  it('shows and edits the group condition (HAVING) of the suspected-duplicates report in the designer', async () => {
    await onNewPage(browser, SUITE, 'having', async (page) => {
      await signInStudio(page, runtime.url, 'analyst');
      await page.click(`[data-app="${APP}"]`);
      await page.click(`nav a[href="/studio/apps/${APP}/reports"]`);
      await page.click('[data-report="suspected_duplicate_customers"]');
      await page.locator('.rp-designer[data-report="suspected_duplicate_customers"]').waitFor();
      await page.locator('.rp-advanced summary').click();
      const having = page.locator('[data-prop="dataset.having"]');
      expect(JSON.parse(await having.inputValue())).toEqual({ '>': [{ var: 'credit_codes' }, 1] });
      await having.fill('{">": [{"var": "credit_codes"}, ');
      await expect.poll(() => having.getAttribute('class')).toContain('st-input-error');
      await having.fill('{">": [{"var": "credit_codes"}, 2]}');
      await expect.poll(() => having.getAttribute('class')).not.toContain('st-input-error');
      await screenshot(page, SUITE, 'having-designer');
    });
  });

  async function flow(page: Page, errors: string[]): Promise<void> {
    await signInStudio(page, runtime.url, 'analyst');
    await page.click(`[data-app="${APP}"]`);

    // Report 1: sales funnel by stage — drag "stage" onto dimensions, keep the record count, pick funnel.
    await newReport(page, 'e2e_stage_funnel', '按阶段销售漏斗', 'Sales funnel by stage', 'opportunity');
    await dropField(page, 'stage', 'dimensions');
    await page.click('[data-chart-type="funnel"]');
    await page.locator('[data-testid="report-preview"] [data-chart-type="funnel"]').waitFor();
    await screenshot(page, SUITE, '01-funnel-designer');
    await saveReport(page, 'save-report');

    // A bad measure shows the server's error with its spec path, then goes away again.
    await dropField(page, 'name', 'measures');
    await page
      .locator('[data-testid="well-measures"] select[aria-label="aggregate"]')
      .last()
      .selectOption('sum');
    await page
      .locator('[data-testid="preview-problems"] [data-error-path="dataset.measures.1.field"]')
      .waitFor();
    await page.locator('[data-testid="well-measures"] .rp-chip').last().locator('.st-chip-remove').click();
    await page.locator('[data-testid="preview-problems"]').waitFor({ state: 'detached' });
    await saveReport(page, 'save-report');

    // Report 2: repurchase rate by region × quarter — heatmap with a formula measure.
    await newReport(
      page,
      'e2e_repurchase',
      '区域×季度复购率',
      'Repurchase rate by region × quarter',
      'order',
    );
    await dropField(page, 'region', 'dimensions');
    await dropField(page, 'order_date', 'dimensions');
    await page.locator('[data-prop="dimensions.1.bucket"]').selectOption('quarter');
    await page.locator('[data-dimension="order_date_quarter"]').waitFor();
    await dropField(page, 'customer', 'measures');
    await page.click('[data-action="add-formula"]');
    await page.fill('[data-prop="formula.as"]', 'repurchase_rate');
    await page.fill('[data-prop="formula.expression"]', '(count - count_distinct_customer) / count');
    await page.click('[data-action="confirm-formula"]');
    await page.locator('[data-measure="repurchase_rate"]').waitFor();
    await page.click('[data-chart-type="heatmap"]');
    await page.locator('[data-prop="chart.value"]').selectOption('repurchase_rate');
    await page.locator('[data-prop="chart.options.format"]').selectOption('percent');
    expect(await page.locator('[data-prop="chart.x"]').inputValue()).toBe('region');
    expect(await page.locator('[data-prop="chart.series"]').inputValue()).toBe('order_date_quarter');
    await page.locator('[data-testid="report-preview"] [data-chart-type="heatmap"]').waitFor();
    await screenshot(page, SUITE, '02-heatmap-designer');
    await saveReport(page, 'save-report');

    // Dashboard with both reports and a shared region filter; one tile resized by its corner.
    await page.click(`nav a[href="/studio/apps/${APP}/reports"]`);
    await page.click('[data-action="new-dashboard"]');
    const form = page.locator('[data-testid="new-dashboard-form"]');
    await form.locator('[data-prop="dashboard.name"]').fill('e2e_sales');
    await form.locator('[data-prop="dashboard.label.zh"]').fill('销售分析');
    await form.locator('[data-prop="dashboard.label.en"]').fill('Sales analysis');
    await form.locator('[data-action="create"]').click();
    await page.locator('[data-testid="dashboard-grid"]').waitFor();
    for (const report of ['e2e_stage_funnel', 'e2e_repurchase']) {
      await page.locator('[data-prop="tile.report"]').selectOption(report);
      await page.click('[data-action="add-tile"]');
      await page.locator(`[data-tile-report="${report}"]`).waitFor();
    }
    const heat = page.locator('[data-tile-report="e2e_repurchase"]');
    expect(await heat.locator('.dd-tile-meta').textContent()).toContain('6×4');
    const corner = await heat.locator('[data-drag="resize"]').boundingBox();
    const grid = await page.locator('[data-testid="dashboard-grid"]').boundingBox();
    if (!corner || !grid) throw new Error('no tile corner');
    await page.mouse.move(corner.x + 8, corner.y + 8);
    await page.mouse.down();
    await page.mouse.move(corner.x + 20, corner.y + 20, { steps: 4 });
    await page.mouse.move(corner.x + 8, corner.y + 8 + 2 * 48, { steps: 10 });
    await page.mouse.up();
    await settleDrop(page);
    await expect.poll(() => heat.locator('.dd-tile-meta').textContent()).toContain('6×6');
    await page.locator('[data-testid="shared-filters"] [data-filter="region"]').check();
    await screenshot(page, SUITE, '03-dashboard-designer');
    await saveReport(page, 'save-dashboard');

    // Publish.
    await page.click(`nav a[href="/studio/apps/${APP}/publish"]`);
    await page.locator('[data-testid="publish-preview"]').waitFor();
    await page.click('[data-action="publish"]');
    await page.locator('[data-testid="published"]').waitFor();

    // Runtime: the dashboard renders both charts.
    await page.goto(`${runtime.url}/apps/${APP}/dashboards`);
    await page.locator(`[data-dashboard="e2e_sales"]`).click();
    const funnelTile = page.locator('[data-report="e2e_stage_funnel"]');
    const heatTile = page.locator('[data-report="e2e_repurchase"]');
    await funnelTile.locator('[data-chart-type="funnel"] canvas').waitFor();
    await heatTile.locator('[data-chart-type="heatmap"] canvas').waitFor();

    // Filter by region: both tiles rerun with region = east.
    const token = await page.evaluate(
      () => JSON.parse(localStorage.getItem('lattice.session') ?? '{}').accessToken,
    );
    const runReport = async (report: string, filters: object): Promise<Row[]> => {
      const res = await fetch(`${runtime.url}/api/apps/${APP}/reports/${report}/run`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ dashboard: 'e2e_sales', filters }),
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { rows: Row[] }).rows;
    };
    const allRegions = new Set((await runReport('e2e_repurchase', {})).map((r) => r.region));
    expect(allRegions.size).toBeGreaterThan(1);
    const runs = page.waitForResponse((r) => r.url().includes('/reports/e2e_repurchase/run'));
    await page.locator('[data-filter="region"] select').selectOption('east');
    await runs;
    await heatTile.locator('[data-chart-type="heatmap"] canvas').waitFor();
    await page.waitForFunction(() => !document.querySelector('.db-tile[aria-busy="true"]'));
    await screenshot(page, SUITE, '04-dashboard-filtered');
    const east = await runReport('e2e_repurchase', { region: 'east' });
    expect(east.length).toBeGreaterThan(0);
    expect(east.every((r) => r.region === 'east')).toBe(true);

    // Drill into a heatmap cell: lands on the order list filtered to that region and quarter.
    const canvas = heatTile.locator('[data-chart-type="heatmap"]');
    const box = await canvas.boundingBox();
    if (!box) throw new Error('no heatmap');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height * 0.45);
    await page.waitForURL(/\/apps\/mfg-crm\/e\/order\?filter=/);
    await page.locator('[data-testid="drill-banner"]').waitFor();
    await page.locator('[data-testid="list-view"][aria-busy="false"]').waitFor();
    const filter = JSON.parse(new URL(page.url()).searchParams.get('filter') ?? 'null') as JsonLogic;
    const text = JSON.stringify(filter);
    expect(text).toContain('{"==":[{"var":"region"},"east"]}');
    const from = /\{">=":\[\{"var":"order_date"\},"(\d{4})-(\d{2})-01"\]\}/.exec(text);
    expect(from).not.toBeNull();
    const quarter = `${from![1]}-Q${(Number(from![2]) - 1) / 3 + 1}`;
    const cell = east.find((r) => r.order_date_quarter === quarter);
    expect(cell).toBeDefined();
    const list = await fetch(
      `${runtime.url}/api/apps/${APP}/records/order?limit=200&filter=${encodeURIComponent(JSON.stringify(filter))}`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    const items = ((await list.json()) as { items: { region: string }[] }).items;
    expect(items.length).toBe(Number(cell!.count));
    expect(items.every((o) => o.region === 'east')).toBe(true);
    const shown = await page.locator('[data-testid="list-view"] tbody tr').count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThanOrEqual(items.length);
    await screenshot(page, SUITE, '05-drilled-list');
    expect(errors).toEqual([]);
  }
});
