import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server';
import { CODES } from './testing/import-fixtures';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

function multipart(fields: Record<string, string>, file: { name: string; data: Buffer }) {
  const boundary = '----lattice-test-boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
  );
  parts.push(file.data, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('import API (pglite)', () => {
  let s: TestServer;
  let token: string;
  const dir = mkdtempSync(join(tmpdir(), 'lattice-import-api-'));
  const base = '/api/apps/mfg-crm';

  beforeAll(async () => {
    s = await startTestServer('pglite', { dataDir: dir });
    token = await s.login('admin');
  });
  afterAll(async () => {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function upload(name: string, data: Buffer, as = token) {
    const body = multipart({ entity: 'customer' }, { name, data });
    return s.app.inject({
      method: 'POST',
      url: `${base}/imports`,
      headers: { authorization: `Bearer ${as}`, 'content-type': body.contentType },
      payload: body.payload,
    });
  }

  it('walks upload → inspect → preview → start → status → error report → saved mapping', async () => {
    const csv = Buffer.from(
      `客户名称,统一社会信用代码,员工数\n导入客户甲,${CODES[0]},12\n导入客户乙,${CODES[1]},很多\n`,
    );
    const up = await upload('客户.csv', csv);
    expect(up.statusCode).toBe(201);
    const { import: job, inspection } = up.json();
    expect(inspection.suggested.map((m: { field: string }) => m.field)).toEqual([
      'name',
      'credit_code',
      'employees',
    ]);
    const settings = { mapping: inspection.suggested, mode: 'upsert', key: ['credit_code'], onError: 'skip' };
    const preview = await s.call('POST', `${base}/imports/${job.id}/preview`, { token, body: settings });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().rows.map((r: { action: string }) => r.action)).toEqual(['insert', 'error']);
    const start = await s.call('POST', `${base}/imports/${job.id}/start`, { token, body: settings });
    expect(start.statusCode).toBe(202);
    await s.app.imports.idle();
    const status = await s.call('GET', `${base}/imports/${job.id}`, { token });
    expect(status.json()).toMatchObject({ status: 'done', counts: { inserted: 1, failed: 1 } });
    const report = await s.call('GET', `${base}/imports/${job.id}/errors.xlsx`, {
      token,
      headers: { 'accept-language': 'en' },
    });
    expect(report.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(2).values).toEqual([
      undefined,
      3,
      '员工数',
      'employees',
      '很多',
      expect.stringContaining('number'),
    ]);
    const save = await s.call('PUT', `${base}/import-mappings/customer/客户表`, {
      token,
      body: { mapping: inspection.suggested },
    });
    expect(save.statusCode).toBe(200);
    const list = await s.call('GET', `${base}/import-mappings?entity=customer`, { token });
    expect(list.json().items[0].name).toBe('客户表');
  });

  it('answers bad files and non-admins with the standard error body', async () => {
    const bad = await upload('x.xlsx', Buffer.from('not a zip'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('LATTICE_ERR_IMPORT');
    const sales = await s.login('sales_east');
    const denied = await upload('x.csv', Buffer.from('a\n1\n'), sales);
    expect(denied.statusCode).toBe(403);
  });
});
