import { testDatabaseKinds } from '@lattice/engine/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobQueue } from '../jobs/job-queue';
import { startTestServer, type TestServer } from '../testing/test-server';
import type { FlowOutcomeEvent } from './flow-service';
import { installTestFlow } from './flow-test-fixture';
import type { FlowInstanceView, InboxItem } from './flow-views';

const api = '/api/apps/mfg-crm';

describe.each(testDatabaseKinds())('approval flows over HTTP on %s', (kind) => {
  let s: TestServer;
  const tokens: Record<string, string> = {};
  const outcomes: FlowOutcomeEvent[] = [];
  const token = async (user: string) => {
    tokens[user] ??= await s.login(user);
    return tokens[user]!;
  };
  const newCustomer = async (values: Record<string, unknown>) => {
    const res = await s.call('POST', `${api}/records/customer`, {
      token: await token('sales_east'),
      body: { region: 'east', ...values },
    });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const submit = async (recordId: string, user = 'sales_east') => {
    const res = await s.call('POST', `${api}/flows/start`, {
      token: await token(user),
      body: { flow: 'admission', recordId, comment: '请审批' },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<FlowInstanceView>();
  };
  const act = async (user: string, id: string, body: Record<string, unknown>) =>
    s.call('POST', `${api}/flows/instances/${id}/actions`, { token: await token(user), body });
  const todo = async (user: string) =>
    (await s.call('GET', `${api}/approvals/inbox?box=todo`, { token: await token(user) })).json<
      InboxItem[]
    >();

  beforeAll(async () => {
    // Many users sign in within a minute here; login throttling has its own tests.
    s = await startTestServer(kind, { loginPolicy: { rateLimitMax: 100 } });
    await installTestFlow(s);
    const me = (await s.call('GET', '/api/auth/me', { token: await token('sales_east') })).json<{
      id: string;
    }>();
    expect(me.id).toBeTruthy();
  });
  afterAll(async () => s?.close());

  it('runs a countersign node until everyone approved, then any-sign, CC and the outcome', async () => {
    const id = await newCustomer({ name: '常州精工机械' });
    const inst = await submit(id);
    expect(inst.status).toBe('running');
    expect(inst.activeNodes.map((n) => n.nodeId)).toEqual(['countersign']);
    expect(
      (await todo('risk')).some((i) => i.instanceId === inst.id && i.recordTitle === '常州精工机械'),
    ).toBe(true);
    const inbox = (await s.call('GET', '/api/notifications', { token: await token('risk') })).json<{
      items: { title: { zh: string }; recordId: string; source: string }[];
    }>();
    expect(inbox.items.find((n) => n.recordId === id)).toMatchObject({
      title: { zh: '待您审批：新客户准入 · 常州精工机械' },
      source: 'flow:admission',
    });

    const r1 = await act('risk', inst.id, { type: 'approve', comment: '风险可控' });
    expect(r1.statusCode, r1.body).toBe(200);
    expect(r1.json<FlowInstanceView>().activeNodes.map((n) => n.nodeId)).toEqual(['countersign']);
    const r2 = await act('finance', inst.id, { type: 'approve', comment: '同意' });
    expect(r2.json<FlowInstanceView>().activeNodes.map((n) => n.nodeId)).toEqual(['sales']);

    const r3 = await act('sales_south', inst.id, { type: 'approve' });
    const done = r3.json<FlowInstanceView>();
    expect(done.status).toBe('approved');
    expect(done.events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['submit', 'enter', 'approve', 'complete', 'cc']),
    );
    expect(done.events.find((e) => e.action === 'approve')).toMatchObject({
      actorName: '风控专员 刘洋',
      comment: '风险可控',
      nodeLabel: { zh: '风控财务会签', en: 'Risk and finance countersign' },
    });
    const done4 = (
      await s.call('GET', `${api}/approvals/inbox?box=done`, { token: await token('finance') })
    ).json<InboxItem[]>();
    expect(done4.some((i) => i.instanceId === inst.id)).toBe(true);
    const mine = (
      await s.call('GET', `${api}/approvals/counts`, { token: await token('sales_east') })
    ).json();
    expect(mine.mine).toBeGreaterThanOrEqual(1);
    // The CC node copied the record's owner (the submitter here): "CC'd to me" and "submitted by me" list it.
    expect(mine.cc).toBeGreaterThanOrEqual(1);
    for (const box of ['cc', 'mine']) {
      const items = (
        await s.call('GET', `${api}/approvals/inbox?box=${box}`, { token: await token('sales_east') })
      ).json<InboxItem[]>();
      expect(
        items.some((i) => i.instanceId === inst.id),
        box,
      ).toBe(true);
    }
    const riskCounts = (
      await s.call('GET', `${api}/approvals/counts`, { token: await token('risk') })
    ).json();
    expect(riskCounts.todo).toBe((await todo('risk')).length);
  });

  it('refuses a draft whose flow has a step nobody can reach, naming the step', async () => {
    const admin = await token('admin');
    const draft = (await s.call('GET', '/api/apps/mfg-crm/draft', { token: admin })).json<{
      documents: { kind: string; name: string; nodes?: unknown[] }[];
    }>();
    const i = draft.documents.findIndex((d) => d.kind === 'flow' && d.name === 'admission');
    draft.documents[i]!.nodes = [
      ...draft.documents[i]!.nodes!,
      { type: 'auto_approve', id: 'orphan', next: 'end' },
    ];
    const res = await s.call('PUT', '/api/apps/mfg-crm/draft', { token: admin, body: draft });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      `documents.${i}.nodes.${draft.documents[i]!.nodes!.length - 1} (id: orphan)`,
    ]);
  });

  it('takes the green channel for a tier A customer: one approval', async () => {
    const id = await newCustomer({ name: '苏州战略客户', tier: 'A' });
    const inst = await submit(id);
    expect(inst.activeNodes.map((n) => n.nodeId)).toEqual(['green']);
    const res = await act('finance', inst.id, { type: 'approve' });
    expect(res.json<FlowInstanceView>().status).toBe('approved');
  });

  it('counts exactly one of two simultaneous any-sign decisions; the other gets "already decided"', async () => {
    const id = await newCustomer({ name: '并发客户' });
    const inst = await submit(id);
    await act('risk', inst.id, { type: 'approve' });
    await act('finance', inst.id, { type: 'approve' });
    const [a, b] = await Promise.all([
      act('sales_east', inst.id, { type: 'approve', comment: 'east' }),
      act('sales_south', inst.id, { type: 'reject', comment: 'south' }),
    ]);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error.code).toBe('LATTICE_ERR_ALREADY_DECIDED');
    const view = (
      await s.call('GET', `${api}/flows/instances/${inst.id}`, { token: await token('sales_east') })
    ).json<FlowInstanceView>();
    expect(
      view.events.filter((e) => e.nodeId === 'sales' && ['approve', 'reject'].includes(e.action)),
    ).toHaveLength(1);
  });

  it('locks the record while in flow except the node’s editable fields for its approvers', async () => {
    const id = await newCustomer({ name: '锁定客户' });
    const inst = await submit(id);
    // sales_south (region south) neither takes part nor may read an east customer: no comment either.
    const outsider = await act('sales_south', inst.id, { type: 'comment', comment: '路过' });
    expect([403, 404]).toContain(outsider.statusCode);
    const rec = (
      await s.call('GET', `${api}/records/customer/${id}`, { token: await token('sales_east') })
    ).json();
    const blocked = await s.call('PATCH', `${api}/records/customer/${id}`, {
      token: await token('sales_east'),
      body: { version: rec.version, values: { name: '改名' } },
    });
    expect(blocked.statusCode).toBe(423);
    expect(blocked.json().error.details[0].path).toBe('name');
    const allowed = await s.call('PATCH', `${api}/records/customer/${id}`, {
      token: await token('risk'),
      body: { version: rec.version, values: { industry: '机械' } },
    });
    expect(allowed.statusCode, allowed.body).toBe(200);
  });

  it('escalates an unhandled node to the submitter’s department head after the timeout', async () => {
    const id = await newCustomer({ name: '超时客户' });
    const inst = await submit(id);
    s.clock.advance(2 * 3600_000 + 1000);
    for (const user of Object.keys(tokens)) delete tokens[user];
    await s.app.jobRunner.drain();
    const heads = await todo('analyst');
    expect(heads.some((i) => i.instanceId === inst.id && i.nodeId === 'countersign')).toBe(true);
    const res = await act('analyst', inst.id, { type: 'approve', comment: '升级处理：同意' });
    const view = res.json<FlowInstanceView>();
    expect(view.activeNodes.map((n) => n.nodeId)).toEqual(['sales']);
    expect(view.events.some((e) => e.action === 'escalate' && e.target === '业务分析师 王敏')).toBe(true);
  });

  it('rejects back to the submitter, raising the outcome, and unlocks the record', async () => {
    s.app.flows?.onOutcome(async (_trx, e) => {
      outcomes.push(e);
    });
    const id = await newCustomer({ name: '驳回客户' });
    const inst = await submit(id);
    const res = await act('risk', inst.id, { type: 'reject', comment: '资质不足' });
    expect(res.json<FlowInstanceView>().status).toBe('rejected');
    expect(outcomes.at(-1)).toMatchObject({ flow: 'admission', recordId: id, outcome: 'rejected' });
    const rec = (
      await s.call('GET', `${api}/records/customer/${id}`, { token: await token('sales_east') })
    ).json();
    const edit = await s.call('PATCH', `${api}/records/customer/${id}`, {
      token: await token('sales_east'),
      body: { version: rec.version, values: { name: '驳回客户（修改）' } },
    });
    expect(edit.statusCode).toBe(200);
  });

  it('sends the record back to an earlier step, which asks all its approvers again', async () => {
    const id = await newCustomer({ name: '退回客户' });
    const inst = await submit(id);
    await act('risk', inst.id, { type: 'approve' });
    await act('finance', inst.id, { type: 'approve' });
    const back = await act('sales_south', inst.id, {
      type: 'reject',
      comment: '额度需重新评估',
      to: { node: 'countersign' },
    });
    const view = back.json<FlowInstanceView>();
    expect(view.status).toBe('running');
    expect(view.activeNodes.map((n) => n.nodeId)).toEqual(['countersign']);
    expect(view.events.find((e) => e.action === 'reject')).toMatchObject({
      comment: '额度需重新评估',
      target: '风控财务会签 / Risk and finance countersign',
    });
    expect((await todo('risk')).some((i) => i.instanceId === inst.id)).toBe(true);
    const bad = await act('risk', inst.id, { type: 'reject', to: { node: 'green' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('to.node');
  });

  it('transfers, adds a signer before, comments with attachments, urges and withdraws', async () => {
    const id = await newCustomer({ name: '操作客户' });
    const inst = await submit(id);
    expect(
      (await act('risk', inst.id, { type: 'transfer', to: 'analyst', comment: '请王敏看' })).statusCode,
    ).toBe(200);
    expect((await act('risk', inst.id, { type: 'approve' })).json().error.code).toBe('LATTICE_ERR_FORBIDDEN');
    const added = await act('finance', inst.id, {
      type: 'add_signer',
      user: 'sales_south',
      position: 'before',
    });
    expect(added.statusCode, added.body).toBe(200);
    expect((await act('finance', inst.id, { type: 'approve' })).statusCode).toBe(403);
    const c = await act('sales_east', inst.id, {
      type: 'comment',
      comment: '补充营业执照',
      attachments: ['https://files.example.com/license.pdf'],
    });
    expect(c.json<FlowInstanceView>().events.at(-1)).toMatchObject({
      action: 'comment',
      attachments: ['https://files.example.com/license.pdf'],
    });
    expect((await act('sales_east', inst.id, { type: 'urge' })).statusCode).toBe(200);
    expect((await act('risk', inst.id, { type: 'withdraw' })).statusCode).toBe(403);
    const w = await act('sales_east', inst.id, { type: 'withdraw', comment: '撤回修改' });
    expect(w.json<FlowInstanceView>().status).toBe('withdrawn');
    const bad = await act('sales_east', inst.id, { type: 'transfer' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('to');
  });

  it('starts a flow from the rules’ flow.start job, once', async () => {
    const id = await newCustomer({ name: '规则启动客户' });
    const me = (await s.call('GET', '/api/auth/me', { token: await token('sales_east') })).json<{
      id: string;
    }>();
    const payload = {
      flow: 'admission',
      entity: 'customer',
      recordId: id,
      rule: 'r1',
      submittedBy: me.id,
      depth: 1,
    };
    const queue = createJobQueue(s.db, { clock: s.clock });
    await s.db.kysely.transaction().execute(async (trx) => {
      await queue.enqueue(trx, { appId: 'mfg-crm', kind: 'flow.start', payload, idempotencyKey: `a:${id}` });
      await queue.enqueue(trx, { appId: 'mfg-crm', kind: 'flow.start', payload, idempotencyKey: `b:${id}` });
    });
    await s.app.jobRunner.drain();
    const list = (
      await s.call('GET', `${api}/flows/records/customer/${id}`, { token: await token('sales_east') })
    ).json<FlowInstanceView[]>();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ status: 'running', submitter: me.id });
  });
});
