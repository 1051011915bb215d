import { generateCreditCode } from '@lattice/engine';
import { testDatabaseKinds } from '@lattice/engine/storage';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { MFG_APP as APP, mfgCrmScenario, type Rec } from './mfg-crm-scenario.test-helper';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

/** The manufacturing CRM pack's automations, end to end through the records API (rules as data). */
describe.each(testDatabaseKinds())('manufacturing CRM pack scenarios on %s', (kind) => {
  const sc = mfgCrmScenario(kind);
  const { post, patch, list, newCustomer, flowOf, fetch1, rng } = sc;

  it('publishing an ECN for a part on two open orders gives each order’s account manager a task', async () => {
    const [part] = await list('part', { '!=': [{ var: 'id' }, null] });
    const managers = ['sales_east', 'sales_south'].map((u) => sc.users.get(u)!);
    const orders: Rec[] = [];
    for (const [i, manager] of managers.entries()) {
      const customer = await newCustomer(`ECN 测试客户 ${i}`);
      const order = await post('order', {
        customer: customer.id,
        order_date: '2025-06-01',
        amount: 10_000,
        status: 'open',
      });
      await post('order_line', {
        order: order.id,
        customer: customer.id,
        part: part!.id,
        part_number: 'ECN-E2E-01',
        quantity: 5,
        unit_price: 2_000,
        line_status: 'open',
        account_manager: manager,
      });
      orders.push(order);
    }
    let ecn = await post('ecn', {
      title: '更换密封圈材质',
      affected_part_numbers: ['ECN-E2E-01'],
      status: 'draft',
    });
    ecn = await patch('ecn', ecn, { status: 'reviewing' });
    await patch('ecn', ecn, { status: 'published' });
    await sc.server.app.jobRunner.drain();
    const tasks = await list('task', { '==': [{ var: 'ecn' }, ecn.id] });
    expect(tasks.map((t) => t.order).sort()).toEqual(orders.map((o) => o.id).sort());
    expect(tasks.map((t) => t.assignee).sort()).toEqual([...managers].sort());
    expect(tasks.every((t) => t.task_type === 'ecn_confirmation')).toBe(true);
    expect(
      (await list('order', { in: [{ var: 'id' }, orders.map((o) => o.id)] })).map((o) => o.ecn_acceptance),
    ).toEqual(['pending', 'pending']);

    // The account manager must record the customer's answer before closing the task; it lands on the order.
    const [task] = tasks;
    const blind = await sc.server.call('PATCH', `/api/apps/${APP}/records/task/${task!.id}`, {
      token: sc.token,
      body: { version: task!.version, values: { status: 'done' } },
    });
    expect(blind.statusCode).toBe(400);
    expect(blind.json().error.details[0].path).toBe('status');
    await patch('task', task!, { status: 'done', outcome: 'accepted' });
    const [order] = await list('order', { '==': [{ var: 'id' }, task!.order] });
    expect(order!.ecn_acceptance).toBe('accepted');
  });

  it('orders that lift a customer’s RFM score to 80 or more make it strategic', async () => {
    const customer = await newCustomer('RFM 测试客户');
    const today = sc.server.clock.now();
    for (let i = 0; i < 12; i++) {
      const day = new Date(today.getTime() - (12 - i) * 86_400_000).toISOString().slice(0, 10);
      await post('order', { customer: customer.id, order_date: day, amount: 50_000, status: 'completed' });
    }
    await sc.server.app.jobRunner.drain();
    const [after] = await list('customer', { '==': [{ var: 'id' }, customer.id] });
    expect(Number(after!.rfm_score)).toBeGreaterThanOrEqual(80);
    expect(after!.tier).toBe('strategic');
  });

  it('grades the reference’s worked example (50 M revenue, 1 M a month, 45-day terms, one category) 86 → B, in real time and by the manual button', async () => {
    const customer = await post('customer', {
      name: '某中型汽车主机厂',
      credit_code: generateCreditCode(rng, '320500'),
      customer_type: 'oem',
      annual_revenue: 50_000_000,
      payment_terms_days: 45,
      product_category_count: 1,
    });
    const today = sc.server.clock.now();
    for (let month = 11; month >= 0; month--) {
      const day = new Date(today.getTime() - (month * 30 + 1) * 86_400_000).toISOString().slice(0, 10);
      await post('order', { customer: customer.id, order_date: day, amount: 1_000_000, status: 'completed' });
    }
    await sc.server.app.jobRunner.drain();
    const [graded] = await list('customer', { '==': [{ var: 'id' }, customer.id] });
    expect(Number(graded!.risk_score)).toBe(86);
    expect(graded!.risk_grade).toBe('B');

    // 30k CNY overdue costs payment behaviour 3 of its 10 points (weight 20 %): 80 on the manual button.
    for (let i = 0; i < 3; i++) {
      await post('receivable', {
        customer: customer.id,
        amount: 10_000,
        due_date: '2025-01-31',
        status: 'overdue',
      });
    }
    const run = await sc.server.call('POST', `/api/apps/${APP}/rules/risk_score_manual/run`, {
      token: sc.token,
      body: { recordId: customer.id },
    });
    expect(run.statusCode, run.body).toBe(200);
    const [after] = await list('customer', { '==': [{ var: 'id' }, customer.id] });
    expect(Number(after!.risk_score)).toBe(80);
    expect(after!.risk_grade).toBe('B');
  });

  it('refuses to move a non-standard part project to the next stage without the current stage’s deliverable', async () => {
    const customer = await newCustomer('非标件测试客户');
    const project = await post('project', { name: '非标支架', customer: customer.id });
    expect(project.stage).toBe('requirement');
    const res = await sc.server.call('PATCH', `/api/apps/${APP}/records/project/${project.id}`, {
      token: sc.token,
      body: { version: project.version, values: { stage: 'design' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ path: 'requirement_doc' })]);
  });

  const act = async (user: string, instanceId: string) => {
    await sc.act(user, instanceId);
  };

  it('admits a strategic customer through the green channel on the sales manager’s approval alone', async () => {
    const customer = await post('customer', {
      name: '绿色通道战略客户',
      credit_code: generateCreditCode(rng, '320500'),
      customer_type: 'oem',
      tier: 'strategic',
    });
    await sc.server.app.jobRunner.drain();
    const instance = await flowOf('customer', customer.id);
    expect(instance).toMatchObject({ flow: 'customer_admission', status: 'running' });
    await act('sales_manager', instance.id);
    await sc.server.app.jobRunner.drain();
    expect((await fetch1('customer', customer.id)).admission_status).toBe('approved');
  });

  it('approves a quote discount by amount band: small ones automatically, large ones by sales manager then finance', async () => {
    const customer = await newCustomer('报价折扣测试客户');
    const quote = (list_amount: number, discount_rate: number) =>
      post('quote', {
        customer: customer.id,
        quote_date: '2025-06-01',
        list_amount,
        discount_rate,
        status: 'draft',
      });
    const small = await quote(80_000, 3);
    const large = await quote(2_000_000, 15);
    for (const q of [small, large]) await patch('quote', q, { status: 'pending_approval' });
    await sc.server.app.jobRunner.drain();
    expect((await fetch1('quote', small.id)).status).toBe('approved');
    const instance = await flowOf('quote', large.id);
    await act('sales_manager', instance.id);
    await sc.server.app.jobRunner.drain();
    expect((await fetch1('quote', large.id)).status).toBe('pending_approval');
    await act('finance', instance.id);
    await sc.server.app.jobRunner.drain();
    expect((await fetch1('quote', large.id)).status).toBe('approved');
  });

  describe('daily schedules and timers (one day later)', () => {
    const day = (offset: number) =>
      new Date(sc.server.clock.now().getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    let overdueCustomer: Rec;
    let overdueReceivable: Rec;
    let declining: Rec;
    let contract: Rec;
    let equipment: Rec;
    let major: Rec;
    let general: Rec;

    beforeAll(async () => {
      overdueCustomer = await post('customer', {
        name: '逾期测试客户',
        credit_code: generateCreditCode(rng, '320500'),
        customer_type: 'dealer',
        credit_rating: 'AA',
      });
      overdueReceivable = await post('receivable', {
        customer: overdueCustomer.id,
        amount: 80_000,
        due_date: day(-1),
        status: 'open',
      });
      // Credit C, three overdue receivables, no orders, contact, interactions, NPS or opportunities: health 37 < 50.
      declining = await post('customer', {
        name: '流失风险客户',
        credit_code: generateCreditCode(rng, '320500'),
        customer_type: 'end_user',
        credit_rating: 'C',
        lifecycle_stage: 'stable',
        owner: sc.users.get('sales_north'),
      });
      for (let i = 0; i < 3; i++) {
        await post('receivable', {
          customer: declining.id,
          amount: 10_000,
          due_date: day(-60),
          status: 'overdue',
        });
      }
      contract = await post('contract', {
        title: '年度供货框架合同',
        customer: overdueCustomer.id,
        amount: 1_200_000,
        start_date: day(-340),
        end_date: day(20),
        status: 'active',
        owner: sc.users.get('sales_south'),
      });
      equipment = await post('equipment', {
        serial_number: 'EQ-SCENARIO-001',
        model: 'CNC-850',
        customer: overdueCustomer.id,
        install_date: day(-100),
        maintenance_interval_days: 90,
        service_engineer: sc.users.get('engineer'),
      });
      const reported = sc.server.clock.now().toISOString();
      major = await post('service_ticket', {
        subject: '主轴异响导致停产',
        customer: overdueCustomer.id,
        impact: 'stops_production',
        reported_at: reported,
        account_manager: sc.users.get('sales_east'),
      });
      general = await post('service_ticket', {
        subject: '咨询操作培训',
        customer: overdueCustomer.id,
        impact: 'general',
        reported_at: reported,
      });
      await sc.server.app.jobRunner.drain();
      await sc.server.app.rules.engine.syncSchedules(APP);
      sc.server.clock.advance(86_400_000);
      await sc.server.app.jobRunner.drain();
      sc.token = await sc.server.login('admin'); // access tokens live 15 min of clock time
    });

    const tasksOf = (filter: unknown) => list('task', filter);

    it('marks a receivable past its due date overdue, downgrades the customer’s credit rating and alerts finance', async () => {
      const [receivable] = await list('receivable', { '==': [{ var: 'id' }, overdueReceivable.id] });
      expect(receivable!.status).toBe('overdue');
      const [customer] = await list('customer', { '==': [{ var: 'id' }, overdueCustomer.id] });
      expect(customer!.credit_rating).toBe('A');
      const review = await tasksOf({
        and: [
          { '==': [{ var: 'customer' }, overdueCustomer.id] },
          { '==': [{ var: 'task_type' }, 'credit_review'] },
        ],
      });
      expect(review.map((t) => t.assignee)).toEqual([sc.users.get('finance')]);
      const financeToken = await sc.server.login('finance');
      const inbox = await sc.server.call('GET', '/api/notifications?limit=200', { token: financeToken });
      expect(inbox.json().items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ source: 'rule:overdue_credit_alert', recordId: overdueReceivable.id }),
        ]),
      );
    });

    it('scores health daily and starts a win-back below the threshold', async () => {
      const [customer] = await list('customer', { '==': [{ var: 'id' }, declining.id] });
      expect(Number(customer!.health_score)).toBe(37);
      expect(customer!.lifecycle_stage).toBe('declining');
      const winBack = await tasksOf({
        and: [{ '==': [{ var: 'customer' }, declining.id] }, { '==': [{ var: 'task_type' }, 'win_back'] }],
      });
      expect(winBack.map((t) => t.assignee)).toEqual([sc.users.get('sales_north')]);
    });

    it('gives the account manager a renewal task for a contract ending within 30 days, once', async () => {
      const renewal = await tasksOf({ '==': [{ var: 'contract' }, contract.id] });
      expect(renewal).toHaveLength(1);
      expect(renewal[0]).toMatchObject({ task_type: 'renewal', assignee: sc.users.get('sales_south') });
      const [after] = await list('contract', { '==': [{ var: 'id' }, contract.id] });
      expect(after!.renewal_reminded).toBe(true);
    });

    it('gives the service engineer a preventive maintenance task when the equipment’s interval is due', async () => {
      const due = await tasksOf({ '==': [{ var: 'equipment' }, equipment.id] });
      expect(due).toHaveLength(1);
      expect(due[0]).toMatchObject({ task_type: 'maintenance', assignee: sc.users.get('engineer') });
      const [after] = await list('equipment', { '==': [{ var: 'id' }, equipment.id] });
      expect(after!.maintenance_task_open).toBe(true);
    });

    it('reminds the owner of a service request within 15 min and escalates only the major-impact one after 2 h', async () => {
      const reminder = await tasksOf({ '==': [{ var: 'service_ticket' }, major.id] });
      expect(reminder[0]).toMatchObject({
        task_type: 'service_reminder',
        assignee: sc.users.get('sales_east'),
      });
      expect(
        new Date(String(reminder[0]!.due_at)).getTime() - new Date(String(major.reported_at)).getTime(),
      ).toBe(15 * 60_000);
      const [escalated] = await list('service_ticket', { '==': [{ var: 'id' }, major.id] });
      const [calm] = await list('service_ticket', { '==': [{ var: 'id' }, general.id] });
      expect(escalated!.escalated).toBe(true);
      expect(calm!.escalated).not.toBe(true);
    });
  });
});
