import { type FileRef, generateCreditCode } from '@lattice/engine';
import { testDatabaseKinds } from '@lattice/engine/storage';
import { describe, expect, it, vi } from 'vitest';
import { multipartBody, TINY_PNG } from '../testing/multipart-body';
import { MFG_APP as APP, mfgCrmScenario, type Rec } from './mfg-crm-scenario.test-helper';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

/** The pack's technical-solution and contract approvals, end to end (flows and outcome rules as data). */
describe.each(testDatabaseKinds())('manufacturing CRM pack approvals on %s', (kind) => {
  const sc = mfgCrmScenario(kind);
  const { fetch1, flowOf } = sc;

  /** Creates as `user` (their token): the account manager's own records, in their region. */
  const postAs = async (user: string, entity: string, values: Record<string, unknown>): Promise<Rec> => {
    const res = await sc.server.call('POST', `/api/apps/${APP}/records/${entity}`, {
      token: await sc.server.login(user),
      body: values,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const customerOf = (name: string) =>
    postAs('sales_east', 'customer', {
      name,
      credit_code: generateCreditCode(sc.rng, '320500'),
      customer_type: 'end_user',
    });
  /** Writes as `user` (their token), e.g. the account manager submitting their own record. */
  const patchAs = async (user: string, entity: string, rec: Rec, values: Record<string, unknown>) => {
    const res = await sc.server.call('PATCH', `/api/apps/${APP}/records/${entity}/${rec.id}`, {
      token: await sc.server.login(user),
      body: { version: rec.version, values },
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  /** What the signature pad sends: a PNG uploaded as a flow file of the record by the signer. */
  const signatureOf = async (user: string, entity: string, recordId: string): Promise<FileRef> => {
    const body = multipartBody(
      { entity, field: '$comment', recordId },
      { name: 'signature.png', type: 'image/png', content: TINY_PNG },
    );
    const res = await sc.server.app.inject({
      method: 'POST',
      url: `/api/apps/${APP}/files`,
      headers: { authorization: `Bearer ${await sc.server.login(user)}`, 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ file: FileRef }>().file;
  };
  const noticesOf = async (user: string) => {
    const res = await sc.server.call('GET', '/api/notifications?limit=200', {
      token: await sc.server.login(user),
    });
    return res.json<{ items: { title: { zh: string }; recordId: string }[] }>().items;
  };

  describe('technical solution (技术方案) approval', () => {
    const solution = async (title: string, impact: string) =>
      postAs('sales_east', 'tech_solution', {
        title,
        customer: (await customerOf(`${title}客户`)).id,
        impact,
        reviewer: sc.users.get('engineer'),
        owner: sc.users.get('sales_east'),
      });

    it('goes to the technical reviewer alone for a normal-impact solution; approval marks it approved and tells the owner', async () => {
      const ts = await solution('夹具改进方案', 'normal');
      expect(ts.status).toBe('draft');
      await patchAs('sales_east', 'tech_solution', ts, { status: 'pending_approval' });
      await sc.server.app.jobRunner.drain();
      const inst = await flowOf('tech_solution', ts.id);
      expect(inst).toMatchObject({ flow: 'tech_solution_approval', status: 'running' });
      expect(inst.activeNodes.map((n) => n.nodeId)).toEqual(['review']);

      const done = await sc.act('engineer', inst.id);
      expect(done.status).toBe('approved');
      await sc.server.app.jobRunner.drain();
      const after = await fetch1('tech_solution', ts.id);
      expect(after.status).toBe('approved');
      expect(after.approved_at).toBe(sc.server.clock.now().toISOString());
      expect((await noticesOf('sales_east')).map((n) => [n.recordId, n.title.zh])).toContainEqual([
        ts.id,
        '技术方案已批准',
      ]);
    });

    it('sends a solution that stops production on to the department head, escalating after 2 h', async () => {
      const ts = await solution('产线停机改造方案', 'stops_production');
      await patchAs('sales_east', 'tech_solution', ts, { status: 'pending_approval' });
      await sc.server.app.jobRunner.drain();
      const inst = await flowOf('tech_solution', ts.id);
      const atHead = await sc.act('engineer', inst.id);
      expect(atHead.status).toBe('running');
      expect(atHead.activeNodes.map((n) => n.nodeId)).toEqual(['head']);
      expect((await fetch1('tech_solution', ts.id)).status).toBe('pending_approval');

      // Nobody decides within 2 h: the timeout job escalates (a task for the submitter's department head).
      sc.server.clock.advance(2 * 3_600_000 + 1_000);
      sc.token = await sc.server.login('admin'); // access tokens live 15 min of clock time
      await sc.server.app.jobRunner.drain();
      const escalated = await flowOf('tech_solution', ts.id);
      expect(escalated.events.filter((e) => e.action === 'escalate').map((e) => e.nodeId)).toEqual(['head']);
      await sc.act('sales_manager', inst.id);
      await sc.server.app.jobRunner.drain();
      expect((await fetch1('tech_solution', ts.id)).status).toBe('approved');
    });

    it('marks a rejected solution rejected and asks the owner to revise it', async () => {
      const ts = await solution('影响交付的换料方案', 'affects_delivery');
      await patchAs('sales_east', 'tech_solution', ts, { status: 'pending_approval' });
      await sc.server.app.jobRunner.drain();
      const inst = await flowOf('tech_solution', ts.id);
      await sc.act('engineer', inst.id, { type: 'reject', comment: '材料验证不足' });
      await sc.server.app.jobRunner.drain();
      expect((await fetch1('tech_solution', ts.id)).status).toBe('rejected');
      expect((await noticesOf('sales_east')).map((n) => [n.recordId, n.title.zh])).toContainEqual([
        ts.id,
        '技术方案被驳回，请修改后重新提交',
      ]);
    });
  });

  describe('contract approval with e-signature', () => {
    const contract = async (title: string, amount: number) =>
      postAs('sales_east', 'contract', {
        title,
        customer: (await customerOf(`${title}客户`)).id,
        region: 'east',
        amount,
        start_date: '2026-01-01',
        end_date: '2026-12-31',
        status: 'draft',
        owner: sc.users.get('sales_east'),
      });

    it('needs the sales manager’s handwritten signature below 1M; signing activates the contract and records who signed and when', async () => {
      const c = await contract('年度备件供货合同', 300_000);
      await patchAs('sales_east', 'contract', c, { status: 'pending_approval' });
      await sc.server.app.jobRunner.drain();
      const inst = await flowOf('contract', c.id);
      expect(inst).toMatchObject({ flow: 'contract_approval', status: 'running' });
      expect(inst.activeNodes).toEqual([
        expect.objectContaining({ nodeId: 'manager_sign', requireSignature: true }),
      ]);

      const unsigned = await sc.server.call('POST', `/api/apps/${APP}/flows/instances/${inst.id}/actions`, {
        token: await sc.server.login('sales_manager'),
        body: { type: 'approve' },
      });
      expect(unsigned.statusCode).toBe(400);
      expect(unsigned.json().error.details[0].path).toBe('signature');

      const signature = await signatureOf('sales_manager', 'contract', c.id);
      const signed = await sc.act('sales_manager', inst.id, {
        type: 'approve',
        comment: '同意签署',
        signature,
      });
      expect(signed.status).toBe('approved');
      expect(signed.events.find((e) => e.action === 'approve')?.signature).toEqual(signature);
      await sc.server.app.jobRunner.drain();
      const after = await fetch1('contract', c.id);
      expect(after).toMatchObject({
        status: 'active',
        signed_by: sc.users.get('sales_manager'),
        signed_at: sc.server.clock.now().toISOString(),
        signer_signature: signature,
      });
      // The account manager sees the signature image on the contract.
      const image = await sc.server.call('GET', `/api/apps/${APP}/files/${signature.id}`, {
        token: await sc.server.login('sales_east'),
      });
      expect(image.statusCode).toBe(200);
      expect((await noticesOf('sales_east')).map((n) => [n.recordId, n.title.zh])).toContainEqual([
        c.id,
        '合同已审批签署，已生效',
      ]);
    });

    it('has the sales manager review and finance sign from 1M up; the finance signer is recorded', async () => {
      const c = await contract('整线设备采购合同', 2_500_000);
      await patchAs('sales_east', 'contract', c, { status: 'pending_approval' });
      await sc.server.app.jobRunner.drain();
      const inst = await flowOf('contract', c.id);
      const reviewed = await sc.act('sales_manager', inst.id);
      expect(reviewed.activeNodes).toEqual([
        expect.objectContaining({ nodeId: 'finance_sign', requireSignature: true }),
      ]);
      expect((await fetch1('contract', c.id)).status).toBe('pending_approval');
      const signature = await signatureOf('finance', 'contract', c.id);
      await sc.act('finance', inst.id, { type: 'approve', signature });
      await sc.server.app.jobRunner.drain();
      expect(await fetch1('contract', c.id)).toMatchObject({
        status: 'active',
        signed_by: sc.users.get('finance'),
        signer_signature: signature,
      });
    });

    it('shows a contract submitted with the record page’s button as in approval, and puts it back to draft when withdrawn', async () => {
      const c = await contract('模具开发合同', 150_000);
      const started = await sc.server.call('POST', `/api/apps/${APP}/flows/start`, {
        token: await sc.server.login('sales_east'),
        body: { flow: 'contract_approval', recordId: c.id },
      });
      expect(started.statusCode, started.body).toBe(201);
      await sc.server.app.jobRunner.drain();
      expect((await fetch1('contract', c.id)).status).toBe('pending_approval');
      // The status change starts the flow through a job, which leaves a record already in a flow alone.
      const runs = async () =>
        (
          await sc.server.call('GET', `/api/apps/${APP}/flows/records/contract/${c.id}`, { token: sc.token })
        ).json<{ status: string }[]>();
      expect((await runs()).map((r) => r.status)).toEqual(['running']);

      await sc.act('sales_east', started.json().id, { type: 'withdraw', comment: '金额有误' });
      await sc.server.app.jobRunner.drain();
      expect((await fetch1('contract', c.id)).status).toBe('draft');

      // Submitting again by status starts a new run.
      await patchAs('sales_east', 'contract', await fetch1('contract', c.id), { status: 'pending_approval' });
      await sc.server.app.jobRunner.drain();
      expect((await runs()).map((r) => r.status).sort()).toEqual(['running', 'withdrawn']);
    });

    it('puts a rejected contract back to draft, unsigned', async () => {
      const c = await contract('试制件合同', 80_000);
      await patchAs('sales_east', 'contract', c, { status: 'pending_approval' });
      await sc.server.app.jobRunner.drain();
      const inst = await flowOf('contract', c.id);
      await sc.act('sales_manager', inst.id, { type: 'reject', comment: '价格条款需修改' });
      await sc.server.app.jobRunner.drain();
      expect(await fetch1('contract', c.id)).toMatchObject({
        status: 'draft',
        signed_by: null,
        signer_signature: null,
      });
    });
  });
});
