import type { AppDefinition, EntityDoc } from '@lattice/engine';
import { testDatabaseKinds } from '@lattice/engine/storage';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server';

const app = '/api/apps/mfg-crm';

describe.each(testDatabaseKinds())('bad input on %s', (kind) => {
  let s: TestServer;
  let admin: string;
  let draft: AppDefinition;

  /** Everything a bad request must leave alone: tables, row counts and the draft. */
  async function snapshot() {
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'app_mfg_crm' order by 1`.execute(
      s.db.kysely,
    );
    const counts = await sql<{ n: string }>`select count(*)::text as n from app_mfg_crm.customer`.execute(
      s.db.kysely,
    );
    const draftNow = (await s.call('GET', `${app}/draft`, { token: admin })).json();
    return { tables: tables.rows.map((r) => r.table_name), customers: counts.rows[0]?.n, draft: draftNow };
  }

  function withEntity(entity: Record<string, unknown>): AppDefinition {
    return { ...draft, documents: [...draft.documents, entity as unknown as EntityDoc] };
  }

  beforeAll(async () => {
    s = await startTestServer(kind);
    admin = await s.login('admin');
    draft = (await s.call('GET', `${app}/draft`, { token: admin })).json();
  });
  afterAll(async () => s?.close());

  it('refuses malformed metadata with the path of the problem', async () => {
    const before = await snapshot();
    const res = await s.call('PUT', `${app}/draft`, {
      token: admin,
      body: { id: 'mfg-crm', label: 'x', documents: {} },
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['label', 'schemaVersion', 'documents']));
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an unknown field type, naming the field', async () => {
    const before = await snapshot();
    const bad = withEntity({
      kind: 'entity',
      schemaVersion: 1,
      name: 'gadget',
      label: { zh: '设备', en: 'Gadget' },
      titleField: 'serial',
      fields: [{ id: 'f_serial', name: 'serial', type: 'txt', label: { zh: '序列号', en: 'Serial' } }],
    });
    const res = await s.call('PUT', `${app}/draft`, { token: admin, body: bad });
    expect(res.statusCode).toBe(400);
    const idx = bad.documents.length - 1;
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(
      `documents.${idx}.fields.0.type`,
    );
    expect(await snapshot()).toEqual(before);
  });

  it('refuses SQL-looking identifiers before any SQL runs', async () => {
    const before = await snapshot();
    const bad = withEntity({
      kind: 'entity',
      schemaVersion: 1,
      name: 'x; drop table',
      label: { zh: '坏', en: 'Bad' },
      titleField: 'name',
      fields: [{ id: 'f_name', name: 'name', type: 'text', label: { zh: '名', en: 'Name' } }],
    });
    const res = await s.call('PUT', `${app}/draft`, { token: admin, body: bad });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(
      `documents.${bad.documents.length - 1}.name`,
    );
    expect(await snapshot()).toEqual(before);
    const url = await s.call('GET', `${app}/records/${encodeURIComponent('customer; drop table x')}`, {
      token: admin,
    });
    expect(url.statusCode).toBe(400);
    expect(url.json().error.details[0].path).toBe('params.entity');
  });

  it('refuses wrong value types with the field path and writes nothing', async () => {
    const before = await snapshot();
    const res = await s.call('POST', `${app}/records/customer`, {
      token: admin,
      body: { name: '类型错误', employees: 'many', annual_revenue: { x: 1 }, tier: 'Z' },
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['employees', 'annual_revenue', 'tier']));
    expect(await snapshot()).toEqual(before);
  });

  it('refuses unknown entities (404) and unknown fields (400 at the field)', async () => {
    const before = await snapshot();
    const entity = await s.call('POST', `${app}/records/spaceship`, { token: admin, body: { name: 'x' } });
    expect(entity.statusCode).toBe(404);
    expect(entity.json().error.code).toBe('LATTICE_ERR_UNKNOWN_ENTITY');
    const field = await s.call('POST', `${app}/records/customer`, {
      token: admin,
      body: { name: 'x', colour: 'red' },
    });
    expect(field.statusCode).toBe(400);
    expect(field.json().error.details.map((d: { path: string }) => d.path)).toContain('colour');
    const system = await s.call('POST', `${app}/records/customer`, {
      token: admin,
      body: { name: 'x', id: 'abc', version: 7 },
    });
    expect(system.statusCode).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an oversized body with 413 and the standard error body', async () => {
    const before = await snapshot();
    const res = await s.call('POST', `${app}/records/customer`, {
      token: admin,
      body: { name: 'big', industry: 'x'.repeat(1_100_000) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('LATTICE_ERR_BODY_TOO_LARGE');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a body that is not JSON', async () => {
    const res = await s.call('POST', `${app}/records/customer`, {
      token: admin,
      body: '{"name": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('LATTICE_ERR_BAD_REQUEST');
  });

  it('answers in English or Chinese following Accept-Language', async () => {
    const body = { name: 'x', colour: 'red' };
    const en = await s.call('POST', `${app}/records/customer`, {
      token: admin,
      body,
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    const zh = await s.call('POST', `${app}/records/customer`, {
      token: admin,
      body,
      headers: { 'accept-language': 'zh-CN' },
    });
    const plain = await s.call('POST', `${app}/records/customer`, { token: admin, body });
    const msg = (r: typeof en) => r.json().error.message as string;
    expect(msg(en)).toMatch(/[a-z]/i);
    expect(msg(en)).not.toMatch(/[\u4e00-\u9fff]/);
    expect(msg(zh)).toMatch(/[\u4e00-\u9fff]/);
    expect(msg(plain)).toBe(msg(zh));
    const notFound = await s.call('GET', '/api/nowhere', { headers: { 'accept-language': 'en' } });
    expect(notFound.json().error).toMatchObject({ code: 'LATTICE_ERR_NOT_FOUND', message: 'No such route' });
  });
});
