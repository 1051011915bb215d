import { documentsOfKind, type ReportDoc } from '@lattice/engine';
import { testDatabaseKinds } from '@lattice/engine/storage';
import { drillDownFilter } from '@lattice/report-engine';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packDemoSource } from '../demo/pack-demo-source';
import { startTestServer, type TestServer } from '../testing/test-server';

const base = '/api/apps/mfg-crm';
type Row = Record<string, string | number | boolean | null>;
type Result = { columns: { key: string; role: string }[]; rows: Row[] };

describe.each(testDatabaseKinds())('report routes on %s', (kind) => {
  let s: TestServer;
  let admin: string;
  let east: string;
  let finance: string;
  let service: string;

  beforeAll(async () => {
    s = await startTestServer(kind, { demoSources: [packDemoSource(undefined, 0.03)] });
    await s.app.demoSeeded;
    admin = await s.login('admin');
    east = await s.login('sales_east');
    finance = await s.login('finance');
    service = await s.login('service');
  }, 120_000);
  afterAll(async () => s?.close());

  const run = (token: string, report: string, body: object = {}) =>
    s.call('POST', `${base}/reports/${report}/run`, { token, body });

  it('runs every report of the pack', async () => {
    const live = (await s.call('GET', base, { token: admin })).json();
    const reports = documentsOfKind(live.definition, 'report');
    expect(reports.length).toBeGreaterThanOrEqual(21);
    for (const r of reports) {
      const res = await run(admin, r.name);
      expect(res.statusCode, `${r.name}: ${res.body}`).toBe(200);
      const result = res.json<Result>();
      expect(result.columns.length).toBeGreaterThan(0);
    }
  });

  it('applies the user scope to the base entity and to joined entities', async () => {
    const res = await run(east, 'repurchase_heatmap');
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json<Result>().rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.region === 'east' || r.region === null)).toBe(true);
    const all = (await run(admin, 'repurchase_heatmap')).json<Result>().rows;
    expect(new Set(all.map((r) => r.region)).size).toBeGreaterThan(1);
  });

  it("applies a dashboard's shared filters to the report's entity", async () => {
    const total = sum((await run(admin, 'sales_funnel')).json<Result>().rows, 'deals');
    const res = await run(admin, 'sales_funnel', {
      dashboard: 'sales_overview',
      filters: { region: 'south' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const south = res.json<Result & { extraFilter: unknown }>();
    expect(south.extraFilter).toEqual({ '==': [{ var: 'region' }, 'south'] });
    expect(sum(south.rows, 'deals')).toBeGreaterThan(0);
    expect(sum(south.rows, 'deals')).toBeLessThan(total);
    const list = await s.call(
      'GET',
      `${base}/records/opportunity?limit=200&filter=${encodeURIComponent(
        JSON.stringify({
          and: [{ '==': [{ var: 'region' }, 'south'] }, { '!=': [{ var: 'stage' }, 'lost'] }],
        }),
      )}`,
      { token: admin },
    );
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.length).toBe(sum(south.rows, 'deals'));
    // Scope AND filter: an east user filtering on south sees nothing.
    const none = await run(east, 'sales_funnel', {
      dashboard: 'sales_overview',
      filters: { region: 'south' },
    });
    expect(none.json<Result>().rows).toEqual([]);
  });

  it('refuses a dashboard or report that does not exist, and malformed filter values', async () => {
    expect((await run(admin, 'nope')).statusCode).toBe(404);
    expect((await run(admin, 'sales_funnel', { dashboard: 'nope' })).statusCode).toBe(404);
    const bad = await run(admin, 'sales_funnel', {
      dashboard: 'sales_overview',
      filters: { period: { from: 'yesterday' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toMatch(/^filters/);
  });

  it('names the spec path of unknown fields, non-numeric measures and bad date buckets', async () => {
    const res = await s.call('POST', `${base}/datasets/run`, {
      token: admin,
      headers: { 'accept-language': 'en' },
      body: {
        dataset: {
          entity: 'opportunity',
          dimensions: [
            { field: 'nope', as: 'a' },
            { field: 'stage', bucket: 'month', as: 'b' },
          ],
          measures: [{ type: 'sum', field: 'name', as: 'c' }],
        },
      },
    });
    expect(res.statusCode).toBe(400);
    const details = res.json().error.details as { path: string; message: string }[];
    expect(details.map((d) => d.path).sort()).toEqual([
      'dataset.dimensions.0.field',
      'dataset.dimensions.1.bucket',
      'dataset.measures.0.field',
    ]);
    expect(details.find((d) => d.path === 'dataset.dimensions.1.bucket')?.message).toContain(
      'not a date field',
    );
    const shape = await s.call('POST', `${base}/datasets/run`, {
      token: admin,
      body: { dataset: { entity: 'opportunity', dimensions: 'stage', measures: [] } },
    });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().error.details[0].path).toBe('dataset.dimensions');
  });

  it('treats fields hidden from the role as unknown', async () => {
    const dataset = {
      entity: 'customer',
      dimensions: [{ field: 'tier', as: 'tier' }],
      measures: [{ type: 'sum', field: 'credit_limit', as: 'limit' }],
    };
    const hidden = await s.call('POST', `${base}/datasets/run`, { token: service, body: { dataset } });
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json().error.details[0].path).toBe('dataset.measures.0.field');
    const ok = await s.call('POST', `${base}/datasets/run`, { token: admin, body: { dataset } });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('drills from a joined-dimension cell to exactly its records (customer.region in the list filter)', async () => {
    const live = (await s.call('GET', base, { token: admin })).json();
    const report = documentsOfKind(live.definition, 'report').find(
      (r) => r.name === 'repurchase_heatmap',
    ) as ReportDoc;
    const rows = (await run(admin, report.name)).json<Result>().rows;
    const cell = rows.find((r) => r.region === 'east' && Number(r.orders) > 0)!;
    expect(cell).toBeDefined();
    const filter = drillDownFilter(report.dataset, { region: cell.region, quarter: cell.quarter });
    const list = await s.call(
      'GET',
      `${base}/records/order?limit=200&filter=${encodeURIComponent(JSON.stringify(filter))}`,
      { token: admin },
    );
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.length).toBe(cell.orders);
  });

  it('refuses a joined filter on a field the role hides on the referenced entity', async () => {
    const probe = { '>': [{ var: 'customer.credit_limit' }, 0] };
    const res = await s.call(
      'GET',
      `${base}/records/service_ticket?filter=${encodeURIComponent(JSON.stringify(probe))}`,
      { token: service, headers: { 'accept-language': 'en' } },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].message).toContain('customer.credit_limit');
    const visible = { '==': [{ var: 'customer.region' }, 'east'] };
    const ok = await s.call(
      'GET',
      `${base}/records/service_ticket?filter=${encodeURIComponent(JSON.stringify(visible))}`,
      { token: service },
    );
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('exports xlsx and csv with the export right, and refuses without it', async () => {
    const xlsx = await s.call('POST', `${base}/reports/top_customers/export`, {
      token: finance,
      body: { format: 'xlsx' },
    });
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(String(xlsx.headers['content-disposition'])).toContain("filename*=UTF-8''");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const json = (await run(finance, 'top_customers')).json<Result>();
    expect(sheet.rowCount).toBe(json.rows.length + 1);
    expect(sheet.getRow(1).getCell(1).value).toBe('客户名称');

    const csv = await s.call('POST', `${base}/reports/top_customers/export`, {
      token: finance,
      headers: { 'accept-language': 'en' },
      body: { format: 'csv' },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
    expect(csv.body.split('\r\n').length).toBe(json.rows.length + 2);

    const refused = await s.call('POST', `${base}/reports/top_customers/export`, {
      token: east,
      body: { format: 'csv' },
    });
    expect(refused.statusCode).toBe(403);
  });
});

function sum(rows: Row[], key: string): number {
  return rows.reduce((n, r) => n + Number(r[key] ?? 0), 0);
}
