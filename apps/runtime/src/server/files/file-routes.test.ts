import { randomUUID } from 'node:crypto';
import type { AppDefinition, EntityDoc, FileRef, RoleDoc } from '@lattice/engine';
import { testDatabaseKinds } from '@lattice/engine/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installTestFlow } from '../flows/flow-test-fixture';
import type { FlowInstanceView } from '../flows/flow-views';
import { multipartBody as multipart, TINY_PNG as PNG } from '../testing/multipart-body';
import { startTestServer, type TestServer } from '../testing/test-server';

const api = '/api/apps/mfg-crm';
/** Adds file fields to customer (`secret_doc` hidden from sales) and publishes. */
async function addFileFields(s: TestServer) {
  const admin = await s.login('admin');
  const draft = (await s.call('GET', `${api}/draft`, { token: admin })).json<AppDefinition>();
  const customer = draft.documents.find((d) => d.kind === 'entity' && d.name === 'customer') as EntityDoc;
  const label = (zh: string) => ({ zh, en: zh });
  customer.fields.push(
    {
      id: 'contract_scan',
      name: 'contract_scan',
      type: 'file',
      label: label('合同扫描件'),
      multiple: true,
      accept: ['.pdf', '.txt'],
      maxSizeMb: 1,
    },
    { id: 'logo', name: 'logo', type: 'image', label: label('标志') },
    { id: 'secret_doc', name: 'secret_doc', type: 'file', label: label('内部文件') },
  );
  const sales = draft.documents.find((d) => d.kind === 'role' && d.name === 'sales') as RoleDoc;
  sales.entities.customer = { ...sales.entities.customer!, fields: { secret_doc: 'hidden' } };
  const saved = await s.call('PUT', `${api}/draft`, { token: admin, body: draft });
  expect(saved.statusCode, saved.body).toBe(200);
  const pub = await s.call('POST', `${api}/publish`, { token: admin, body: { confirmLossy: true } });
  expect(pub.statusCode, pub.body).toBeLessThan(300);
}

describe.each(testDatabaseKinds())('file storage on %s', (kind) => {
  let s: TestServer;
  const tokens: Record<string, string> = {};
  const token = async (user: string) => {
    tokens[user] ??= await s.login(user);
    return tokens[user]!;
  };
  const upload = async (
    user: string,
    fields: Record<string, string>,
    file: { name: string; type: string; content: Buffer },
  ) => {
    const body = multipart(fields, file);
    return s.app.inject({
      method: 'POST',
      url: `${api}/files`,
      headers: {
        authorization: `Bearer ${await token(user)}`,
        'content-type': body.contentType,
        'accept-language': 'en',
      },
      payload: body.payload,
    });
  };
  const uploadOk = async (
    user: string,
    field: string,
    name = '报价单.txt',
    content = Buffer.from('报价 100 元'),
  ) => {
    const res = await upload(user, { entity: 'customer', field }, { name, type: 'text/plain', content });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ file: FileRef; url: string }>();
  };
  const createCustomer = async (user: string, values: Record<string, unknown>) =>
    s.call('POST', `${api}/records/customer`, {
      token: await token(user),
      body: values,
      headers: { 'accept-language': 'en' },
    });
  const download = async (user: string | null, id: string) =>
    s.call('GET', `${api}/files/${id}`, user ? { token: await token(user) } : {});

  beforeAll(async () => {
    s = await startTestServer(kind);
    await installTestFlow(s);
    await addFileFields(s);
  });
  afterAll(async () => s?.close());

  it('stores an upload, attaches it with the record and serves it with its zh-CN name', async () => {
    const { file, url } = await uploadOk('sales_east', 'contract_scan');
    expect(file).toMatchObject({
      name: '报价单.txt',
      mime: 'text/plain',
      size: Buffer.byteLength('报价 100 元'),
    });
    const rec = await createCustomer('sales_east', {
      name: '无锡文件测试',
      region: 'east',
      contract_scan: [file],
    });
    expect(rec.statusCode, rec.body).toBe(201);
    const res = await download('sales_east', file.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toBe('报价 100 元');
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('报价单.txt')}`,
    );
    // The signed URL works without the Authorization header (<img>, <a>); a forged signature does not.
    expect((await s.call('GET', url)).body).toBe('报价 100 元');
    expect((await s.call('GET', url.replace(/sig=[^&]+/, 'sig=forged'))).statusCode).toBe(401);
    // Someone else who can read the record gets a URL for it too.
    const urls = await s.call('POST', `${api}/files/urls`, {
      token: await token('risk'),
      body: { ids: [file.id] },
    });
    expect(Object.keys(urls.json<{ urls: Record<string, string> }>().urls)).toEqual([file.id]);
    const audit = await s.db.kysely
      .selectFrom('lattice.audit_log')
      .select('action')
      .where('action', 'in', ['file.upload', 'file.download'])
      .execute();
    expect(new Set(audit.map((a) => a.action))).toEqual(new Set(['file.upload', 'file.download']));
  });

  it('attaches files added by an update and keeps those already on the record', async () => {
    const first = await uploadOk('sales_east', 'contract_scan', '一.txt');
    const rec = await createCustomer('sales_east', {
      name: '更新附件',
      region: 'east',
      contract_scan: [first.file],
    });
    const { id, version } = rec.json<{ id: string; version: number }>();
    const second = await uploadOk('sales_east', 'contract_scan', '二.txt');
    const patch = await s.call('PATCH', `${api}/records/customer/${id}`, {
      token: await token('sales_east'),
      body: { version, values: { contract_scan: [first.file, second.file] } },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    // Attached now: another user who can read the record downloads it.
    expect((await download('risk', second.file.id)).statusCode).toBe(200);
  });

  it('refuses files over the size limit, of a type the field does not accept, and fake images', async () => {
    const big = await upload(
      'sales_east',
      { entity: 'customer', field: 'contract_scan' },
      {
        name: 'big.pdf',
        type: 'application/pdf',
        content: Buffer.alloc(1024 * 1024 + 1, 1),
      },
    );
    expect(big.statusCode).toBe(400);
    expect(big.json().error.details).toEqual([{ path: 'file', message: '"big.pdf" is larger than 1 MB' }]);
    const exe = await upload(
      'sales_east',
      { entity: 'customer', field: 'contract_scan' },
      {
        name: 'tool.exe',
        type: 'application/pdf',
        content: Buffer.from('MZ'),
      },
    );
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error.details[0]).toMatchObject({ path: 'file' });
    expect(exe.json().error.details[0].message).toContain('not an accepted type');
    const fake = await upload(
      'sales_east',
      { entity: 'customer', field: 'logo' },
      {
        name: 'logo.png',
        type: 'image/png',
        content: Buffer.from('<script>alert(1)</script>'),
      },
    );
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error.details[0].message).toContain('not a supported image');
    // A real PNG is accepted whatever the client claims, and stored as image/png.
    const png = await upload(
      'sales_east',
      { entity: 'customer', field: 'logo' },
      {
        name: 'logo.png',
        type: 'application/octet-stream',
        content: PNG,
      },
    );
    expect(png.statusCode, png.body).toBe(201);
    expect(png.json().file.mime).toBe('image/png');
  });

  it('answers 404 for files of records out of scope, random ids and other users’ unattached uploads', async () => {
    const south = await uploadOk('sales_south', 'contract_scan', '华南合同.txt');
    const rec = await createCustomer('sales_south', {
      name: '佛山华南客户',
      region: 'south',
      contract_scan: [south.file],
    });
    expect(rec.statusCode, rec.body).toBe(201);
    expect((await download('sales_south', south.file.id)).statusCode).toBe(200);
    expect((await download('sales_east', south.file.id)).statusCode).toBe(404);
    expect((await download('sales_east', randomUUID())).statusCode).toBe(404);
    expect((await download(null, south.file.id)).statusCode).toBe(401);
    const urls = await s.call('POST', `${api}/files/urls`, {
      token: await token('sales_east'),
      body: { ids: [south.file.id] },
    });
    expect(urls.json()).toEqual({ urls: {} });
    const loose = await uploadOk('sales_east', 'contract_scan', '草稿.txt');
    expect((await download('sales_east', loose.file.id)).statusCode).toBe(200);
    expect((await download('sales_south', loose.file.id)).statusCode).toBe(404);
  });

  it('refuses to save a record referencing another user’s upload or another record’s file', async () => {
    const theirs = await uploadOk('sales_east', 'contract_scan', '别人的.txt');
    const stolen = await createCustomer('sales_south', {
      name: '盗用附件',
      region: 'south',
      contract_scan: [theirs.file],
    });
    expect(stolen.statusCode).toBe(400);
    expect(stolen.json().error.details[0].path).toBe('contract_scan');
    const mine = await uploadOk('sales_east', 'contract_scan', '本人的.txt');
    const first = await createCustomer('sales_east', {
      name: '第一个',
      region: 'east',
      contract_scan: [mine.file],
    });
    expect(first.statusCode).toBe(201);
    const second = await createCustomer('sales_east', {
      name: '第二个',
      region: 'east',
      contract_scan: [mine.file],
    });
    expect(second.statusCode).toBe(400);
    expect(second.json().error.details[0].path).toBe('contract_scan');
    // A ref whose size was edited by the client is refused too.
    const other = await uploadOk('sales_east', 'contract_scan', '改过的.txt');
    const edited = await createCustomer('sales_east', {
      name: '改过',
      region: 'east',
      contract_scan: [{ ...other.file, size: 1 }],
    });
    expect(edited.statusCode).toBe(400);
    // Uploading into another field than the one saved is refused (logo upload in contract_scan).
    const logo = await upload(
      'sales_east',
      { entity: 'customer', field: 'logo' },
      { name: 'a.png', type: 'image/png', content: PNG },
    );
    const wrong = await createCustomer('sales_east', {
      name: '错字段',
      region: 'east',
      contract_scan: [{ ...logo.json().file, name: 'a.txt', mime: 'text/plain' }],
    });
    expect(wrong.statusCode).toBe(400);
  });

  it('keeps files of a field hidden from the role out of reach', async () => {
    const refused = await upload(
      'sales_east',
      { entity: 'customer', field: 'secret_doc' },
      {
        name: 'x.txt',
        type: 'text/plain',
        content: Buffer.from('x'),
      },
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].path).toBe('field');
    const secret = await uploadOk('admin', 'secret_doc', '内部评估.txt');
    const rec = await createCustomer('admin', {
      name: '华东保密客户',
      region: 'east',
      secret_doc: secret.file,
    });
    expect(rec.statusCode, rec.body).toBe(201);
    const id = rec.json<{ id: string }>().id;
    expect(
      (await s.call('GET', `${api}/records/customer/${id}`, { token: await token('sales_east') })).statusCode,
    ).toBe(200);
    expect((await download('sales_east', secret.file.id)).statusCode).toBe(404);
    expect((await download('admin', secret.file.id)).statusCode).toBe(200);
  });

  it('lists the file routes in the OpenAPI document', async () => {
    const doc = (await s.call('GET', '/api/docs/json', { token: await token('admin') })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    expect(Object.keys(doc.paths['/api/apps/{app}/files'] ?? {})).toContain('post');
    expect(Object.keys(doc.paths['/api/apps/{app}/files/{id}'] ?? {})).toContain('get');
    expect(Object.keys(doc.paths['/api/apps/{app}/files/urls'] ?? {})).toContain('post');
  });

  it('stores flow comment attachments for people who can see the flow', async () => {
    const rec = await createCustomer('sales_east', { name: '审批附件客户', region: 'east' });
    const recordId = rec.json<{ id: string }>().id;
    const started = await s.call('POST', `${api}/flows/start`, {
      token: await token('sales_east'),
      body: { flow: 'admission', recordId },
    });
    expect(started.statusCode, started.body).toBe(201);
    const inst = started.json<FlowInstanceView>();
    const up = await upload(
      'risk',
      { entity: 'customer', field: '$comment', recordId },
      {
        name: '风控意见.txt',
        type: 'text/plain',
        content: Buffer.from('风险可控'),
      },
    );
    expect(up.statusCode, up.body).toBe(201);
    const ref = up.json<{ file: FileRef }>().file;
    // Nobody may post someone else's upload.
    const foreign = await s.call('POST', `${api}/flows/instances/${inst.id}/actions`, {
      token: await token('finance'),
      body: { type: 'comment', comment: '转发', attachments: [ref] },
    });
    expect(foreign.statusCode).toBe(400);
    const posted = await s.call('POST', `${api}/flows/instances/${inst.id}/actions`, {
      token: await token('risk'),
      body: { type: 'comment', comment: '见附件', attachments: [ref, 'https://example.com/old-link'] },
    });
    expect(posted.statusCode, posted.body).toBe(200);
    const comment = posted.json<FlowInstanceView>().events.find((e) => e.action === 'comment');
    expect(comment?.attachments).toEqual([ref, 'https://example.com/old-link']);
    expect((await download('finance', ref.id)).body).toBe('风险可控');
    expect((await download('sales_east', ref.id)).statusCode).toBe(200);
    expect((await download('sales_south', ref.id)).statusCode).toBe(404);
    const outsider = await upload(
      'sales_south',
      { entity: 'customer', field: '$comment', recordId },
      {
        name: 'x.txt',
        type: 'text/plain',
        content: Buffer.from('x'),
      },
    );
    expect(outsider.statusCode).toBe(404);
  });
});
