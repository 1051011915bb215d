import type { AppDefinition, FileRef, FlowDoc } from '@lattice/engine';
import { testDatabaseKinds } from '@lattice/engine/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody, TINY_PNG } from '../testing/multipart-body';
import { startTestServer, type TestServer } from '../testing/test-server';
import type { FlowInstanceView, InboxItem } from './flow-views';

const api = '/api/apps/mfg-crm';

/** Sign-off on a customer: finance approves and must sign by hand. */
const SIGNOFF: FlowDoc = {
  kind: 'flow',
  schemaVersion: 1,
  name: 'signoff',
  label: { zh: '签字确认', en: 'Sign-off' },
  entity: 'customer',
  nodes: [
    { type: 'start', id: 'start', next: 'sign' },
    {
      type: 'approval',
      id: 'sign',
      label: { zh: '财务签字', en: 'Finance signs' },
      mode: 'single',
      approvers: [{ type: 'user', user: 'finance' }],
      requireSignature: true,
      next: 'end',
    },
    { type: 'end', id: 'end' },
  ],
};

describe.each(testDatabaseKinds())('approval steps that require a signature, over HTTP on %s', (kind) => {
  let s: TestServer;
  const tokens: Record<string, string> = {};
  const token = async (user: string) => {
    tokens[user] ??= await s.login(user);
    return tokens[user]!;
  };
  const upload = async (
    user: string,
    recordId: string,
    file: { name: string; type: string; content: Buffer },
  ) => {
    const body = multipartBody({ entity: 'customer', field: '$comment', recordId }, file);
    const res = await s.app.inject({
      method: 'POST',
      url: `${api}/files`,
      headers: { authorization: `Bearer ${await token(user)}`, 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ file: FileRef }>().file;
  };
  const submitted = async (name: string) => {
    const rec = await s.call('POST', `${api}/records/customer`, {
      token: await token('sales_east'),
      body: { name, region: 'east' },
    });
    expect(rec.statusCode, rec.body).toBe(201);
    const recordId = rec.json<{ id: string }>().id;
    const res = await s.call('POST', `${api}/flows/start`, {
      token: await token('sales_east'),
      body: { flow: 'signoff', recordId },
    });
    expect(res.statusCode, res.body).toBe(201);
    return { recordId, inst: res.json<FlowInstanceView>() };
  };
  const approve = async (user: string, id: string, extra: Record<string, unknown> = {}) =>
    s.call('POST', `${api}/flows/instances/${id}/actions`, {
      token: await token(user),
      body: { type: 'approve', ...extra },
      headers: { 'accept-language': 'en' },
    });

  beforeAll(async () => {
    s = await startTestServer(kind);
    const admin = await token('admin');
    const draft = (await s.call('GET', `${api}/draft`, { token: admin })).json<AppDefinition>();
    draft.documents = [...draft.documents, SIGNOFF];
    expect((await s.call('PUT', `${api}/draft`, { token: admin, body: draft })).statusCode).toBe(200);
    const pub = await s.call('POST', `${api}/publish`, { token: admin, body: { confirmLossy: true } });
    expect(pub.statusCode, pub.body).toBeLessThan(300);
  });
  afterAll(async () => s?.close());

  it('tells the inbox and the instance that the step needs a signature', async () => {
    const { inst } = await submitted('苏州签字测试一');
    expect(inst.activeNodes).toEqual([
      { nodeId: 'sign', label: { zh: '财务签字', en: 'Finance signs' }, requireSignature: true },
    ]);
    const todo = (
      await s.call('GET', `${api}/approvals/inbox?box=todo`, { token: await token('finance') })
    ).json<InboxItem[]>();
    expect(todo.find((i) => i.instanceId === inst.id)?.requireSignature).toBe(true);
  });

  it('refuses to approve without a signature, or with something that is not an image of this record', async () => {
    const { recordId, inst } = await submitted('苏州签字测试二');
    const bare = await approve('finance', inst.id, { comment: '同意' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error).toMatchObject({
      code: 'LATTICE_ERR_VALIDATION',
      details: [{ path: 'signature' }],
    });
    expect(bare.json().error.details[0].message).toContain('handwritten signature');

    const text = await upload('finance', recordId, {
      name: 'sign.txt',
      type: 'text/plain',
      content: Buffer.from('x'),
    });
    const notImage = await approve('finance', inst.id, { signature: text });
    expect(notImage.statusCode).toBe(400);
    expect(notImage.json().error.details[0].path).toBe('signature');

    // Someone else's upload cannot be passed off as one's own signature.
    const theirs = await upload('sales_east', recordId, {
      name: 'sign.png',
      type: 'image/png',
      content: TINY_PNG,
    });
    const stolen = await approve('finance', inst.id, { signature: theirs });
    expect(stolen.statusCode).toBe(400);
    expect(stolen.json().error.details[0].path).toBe('signature');

    const after = await s.call('GET', `${api}/flows/instances/${inst.id}`, { token: await token('finance') });
    expect(after.json<FlowInstanceView>().status).toBe('running');
  });

  it('stores the signature with the approval and shows it in the timeline to those who see the record', async () => {
    const { recordId, inst } = await submitted('苏州签字测试三');
    const signature = await upload('finance', recordId, {
      name: '签名.png',
      type: 'image/png',
      content: TINY_PNG,
    });
    const res = await approve('finance', inst.id, { comment: '已签字', signature });
    expect(res.statusCode, res.body).toBe(200);
    const done = res.json<FlowInstanceView>();
    expect(done.status).toBe('approved');
    expect(done.events.find((e) => e.action === 'approve')).toMatchObject({ comment: '已签字', signature });
    expect(done.tasks.find((t) => t.nodeId === 'sign')?.signature).toEqual(signature);

    const history = await s.call('GET', `${api}/flows/records/customer/${recordId}`, {
      token: await token('sales_east'),
    });
    const event = history.json<FlowInstanceView[]>()[0]!.events.find((e) => e.action === 'approve');
    expect(event?.signature).toEqual(signature);
    const image = await s.call('GET', `${api}/files/${signature.id}`, { token: await token('sales_east') });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toContain('image/png');
  });

  it('refuses a signature on actions other than approve', async () => {
    const { recordId, inst } = await submitted('苏州签字测试四');
    const signature = await upload('finance', recordId, {
      name: 's.png',
      type: 'image/png',
      content: TINY_PNG,
    });
    const res = await s.call('POST', `${api}/flows/instances/${inst.id}/actions`, {
      token: await token('finance'),
      body: { type: 'reject', signature },
    });
    expect(res.statusCode).toBe(400);
  });
});
