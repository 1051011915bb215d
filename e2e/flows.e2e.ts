import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, onNewPage, screenshot } from './support/browser';
import { signInStudio, waitForDemoSeed } from './support/demo-session';
import { centreOf, pointerDrag, settleDrop } from './support/pointer-drag';
import { type RunningRuntime, startRuntime } from './support/start-runtime';

const SUITE = 'flows';
const APP = '/api/apps/mfg-crm';

interface Instance {
  id: string;
  status: string;
  submitter: string | null;
  activeNodes: { nodeId: string }[];
  tasks: { assigneeName: string; nodeId: string; status: string }[];
  events: { action: string; actorName: string; comment: string | null }[];
}

/** Access tokens per user (logins are rate-limited per IP); cleared when the server clock moves. */
const tokens = new Map<string, string>();

async function login(rt: RunningRuntime, username: string): Promise<string> {
  const cached = tokens.get(username);
  if (cached) return cached;
  const res = await fetch(`${rt.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo1234' }),
  });
  const token = ((await res.json()) as { accessToken: string }).accessToken;
  if (!token) throw new Error(`login ${username} failed (${res.status})`);
  tokens.set(username, token);
  return token;
}

async function call<T>(
  rt: RunningRuntime,
  user: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${rt.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${await login(rt, user)}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
  return json;
}

const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A unified social credit code with a correct check character (GB 32100), unique per run. */
function creditCode(n: number): string {
  const body = `91320500${String(Date.now() % 1e7).padStart(7, '0')}${String(n).padStart(2, '0')}`;
  const sum = [...body].reduce((acc, ch, i) => acc + CODE_CHARS.indexOf(ch) * CODE_WEIGHTS[i]!, 0);
  return body + CODE_CHARS[(31 - (sum % 31)) % 31];
}

/** The flow designer's drop slot before position `index` of the step list at `path` (see flow-canvas slotId). */
function slot(path: (number | string)[], index: number): string {
  return `[data-slot='slot:${JSON.stringify(path)}:${index}']`;
}

/** The node ids of the steps directly in one designer step list, top to bottom. */
function stepOrder(list: Locator): Promise<string[]> {
  return list
    .locator(':scope > .fd-seq-item > .fd-block > [data-step]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-step') ?? ''));
}

describe('approval flows: new-customer admission and major-impact escalation', () => {
  let rt: RunningRuntime;
  let browser: Browser;
  let clockDir: string;
  let clockFile: string;

  beforeAll(async () => {
    clockDir = mkdtempSync(join(tmpdir(), 'lattice-clock-'));
    clockFile = join(clockDir, 'offset-ms');
    writeFileSync(clockFile, '0');
    rt = await startRuntime({ LATTICE_DEMO_SCALE: '0.05', LATTICE_TEST_CLOCK_FILE: clockFile });
    await waitForDemoSeed(rt);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await rt?.stop();
    rmSync(clockDir, { recursive: true, force: true });
  });

  /** The record's flow instances once the rule's `flow.start` job has run. */
  async function flowsOf(entity: string, id: string, count = 1): Promise<Instance[]> {
    let list: Instance[] = [];
    await expect
      .poll(
        async () => {
          list = await call<Instance[]>(rt, 'admin', 'GET', `${APP}/flows/records/${entity}/${id}`);
          return list.length;
        },
        { timeout: 60_000, interval: 500 },
      )
      .toBeGreaterThanOrEqual(count);
    return list;
  }

  async function signIn(page: Page, username: string): Promise<void> {
    await page.goto(`${rt.url}/`);
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${rt.url}/`);
    await page.fill('input[name=username]', username);
    await page.fill('input[name=password]', 'demo1234');
    await page.click('button[type=submit]');
    await page.locator('a[href="/apps/mfg-crm/approvals"]').waitFor();
  }

  /** Approves (or rejects) the inbox line of `title` with a comment, as the signed-in user. */
  async function decideInInbox(
    page: Page,
    title: string,
    comment: string,
    kind: 'approve' | 'reject' = 'approve',
  ) {
    const link = page.locator('a[href="/apps/mfg-crm/approvals"]');
    await link.locator('.rt-nav-badge').waitFor();
    await link.click();
    const item = page.locator(`[data-testid="approval-inbox"] [data-record-title="${title}"]`);
    await item.waitFor();
    await item.locator(`[data-action="inbox-${kind}"]`).click();
    await page.fill('[data-dialog] [data-field="comment"]', comment);
    await page.click('[data-dialog] [data-action="confirm"]');
    await page.locator('[data-dialog]').waitFor({ state: 'detached' });
    await item.waitFor({ state: 'detached' });
  }

  it('an analyst drags a CC step into the admission flow, across a condition branch and out again by keyboard, validates and publishes', async () => {
    await onNewPage(browser, SUITE, 'designer', async (page) => {
      await signInStudio(page, rt.url, 'analyst');
      await page.click('[data-app="mfg-crm"]');
      await page.click('nav a[href="/studio/apps/mfg-crm/flows"]');
      await page.click('[data-flow="customer_admission"] a');
      const canvas = page.locator('[data-testid="flow-canvas"]');
      await canvas.locator('[data-step="green_channel"]').waitFor();
      await canvas.locator('[data-step="countersign"]').click();
      expect(await page.locator('[data-props="approval"] [data-prop="mode"]').inputValue()).toBe(
        'countersign',
      );
      await page.click('[data-action="validate-flow"]');
      expect(await page.locator('[data-testid="flow-validation"]').innerText()).toContain('校验通过');

      // Drag "抄送" from the palette into the slot just above the end.
      await pointerDrag(
        page,
        centreOf(await page.locator('[data-palette="cc"]').boundingBox(), 'palette CC'),
        centreOf(await canvas.locator(slot([], 2)).boundingBox(), 'slot above the end'),
      );
      await canvas.locator('[data-step="cc_1"]').waitFor();
      await page.fill('[data-props="cc"] [data-prop="label.zh"]', '抄送部门负责人');

      // Drag the new step by its handle into the green-channel branch of the condition, below the green channel.
      await pointerDrag(
        page,
        centreOf(await canvas.locator('[data-drag-step="cc_1"]').boundingBox(), 'cc_1 handle'),
        centreOf(await canvas.locator(slot([0, 'b', 0], 1)).boundingBox(), 'slot below the green channel'),
      );
      const green = canvas.locator('[data-step-block="route"] [data-branch-col="0"]');
      await green.locator('[data-step="cc_1"]').waitFor();
      expect(await stepOrder(green.locator(':scope > .fd-seq'))).toEqual(['green_channel', 'cc_1']);

      // And by keyboard out of the branch again: Space picks it up, each arrow key goes to the next place in
      // reading order (after it in its branch, the two places of "otherwise", then the main line after the
      // condition), Space drops it there — between the condition and the final CC.
      await canvas.locator('[data-drag-step="cc_1"]').focus();
      await page.keyboard.press('Space');
      await settleDrop(page);
      for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
      await canvas.locator(`${slot([], 1)}.is-over`).waitFor();
      await page.keyboard.press('Space');
      await settleDrop(page);
      await expect
        .poll(() => stepOrder(canvas.locator(':scope > .fd-seq')))
        .toEqual(['route', 'cc_1', 'cc_all']);
      expect(await green.locator('[data-step="cc_1"]').count()).toBe(0);

      // Validation names the broken steps and marks them: on another entity the countersign's editable fields
      // (credit limit, payment terms, rating) do not exist. Back on the customer the flow is valid again.
      await page.selectOption('[data-prop="entity"]', 'contact');
      await page.click('[data-action="validate-flow"]');
      const problems = page.locator('[data-testid="flow-validation"]');
      await expect.poll(() => problems.innerText()).toContain('(id: countersign).editableFields');
      await canvas.locator('[data-step="countersign"].has-problem').waitFor();
      await screenshot(page, SUITE, '00a-validation-problems');
      await page.selectOption('[data-prop="entity"]', 'customer');
      await page.click('[data-action="validate-flow"]');
      await expect.poll(() => problems.innerText()).toContain('校验通过');
      expect(await canvas.locator('.has-problem').count()).toBe(0);
      await screenshot(page, SUITE, '00-flow-designer');
      await page.click('[data-action="save-flow"]');
      await page
        .locator('[data-testid="draft-status"]', { hasText: /草稿已保存|已保存|Draft saved|Saved/ })
        .waitFor();
      await page.click('nav a[href="/studio/apps/mfg-crm/publish"]');
      await page.locator('[data-testid="publish-preview"]').waitFor();
      await page.fill('[data-prop="note"]', '准入流程：增加抄送部门负责人');
      await page.click('[data-action="publish"]');
      await page.locator('[data-testid="published"]').waitFor();
    });
    const live = await call<{
      definition: { documents: { kind: string; name: string; nodes?: { id: string }[] }[] };
    }>(rt, 'admin', 'GET', APP);
    const flow = live.definition.documents.find((d) => d.kind === 'flow' && d.name === 'customer_admission');
    const byId = new Map((flow?.nodes ?? []).map((n) => [n.id, n as { id: string; next?: string }]));
    expect(byId.get('cc_1')?.next).toBe('cc_all');
    expect(byId.get('green_channel')?.next).toBe('cc_1');
  });

  it('sales, risk and finance countersign a new customer (admitted by the outcome rule); another, urged by its submitter, is rejected from the inbox (marked rejected)', async () => {
    const name = `苏州恒力精密（E2E ${Date.now() % 10000}）`;
    const customer = await call<{ id: string }>(rt, 'sales_east', 'POST', `${APP}/records/customer`, {
      name,
      credit_code: creditCode(1),
      customer_type: 'end_user',
      tier: 'normal',
      region: 'east',
    });
    const [inst] = await flowsOf('customer', customer.id);
    expect(inst!.activeNodes.map((n) => n.nodeId)).toEqual(['countersign']);
    expect(new Set(inst!.tasks.map((t) => t.assigneeName)).size).toBe(3);
    // A second applicant, whose submitter urges the approvers.
    const doubtful = `无锡试产客户（E2E ${Date.now() % 10000}）`;
    const second = await call<{ id: string }>(rt, 'sales_east', 'POST', `${APP}/records/customer`, {
      name: doubtful,
      credit_code: creditCode(3),
      customer_type: 'end_user',
      tier: 'normal',
      region: 'east',
    });
    const [secondInst] = await flowsOf('customer', second.id);
    await call(rt, 'sales_east', 'POST', `${APP}/flows/instances/${secondInst!.id}/actions`, {
      type: 'urge',
      comment: '客户急需下单，请尽快审批',
    });

    const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
    const page = await context.newPage();
    try {
      await signIn(page, 'risk');
      await screenshot(page, SUITE, '01-risk-signed-in');
      await decideInInbox(page, name, '风险评估通过');
      // Risk rejects the second one from the inbox (back to the submitter): its timeline shows the urge and
      // the rejection with its comment, and the record is no longer locked.
      await decideInInbox(page, doubtful, '资信不足，暂不准入', 'reject');
      await page.goto(`${rt.url}/apps/mfg-crm/e/customer/r/${second.id}`);
      const rejected = page.locator('[data-testid="approval-timeline"]');
      await rejected.locator('[data-status="rejected"]').waitFor();
      await rejected.locator('li[data-action="urge"]', { hasText: '客户急需下单' }).waitFor();
      await rejected.locator('li[data-action="reject"]', { hasText: '资信不足，暂不准入' }).waitFor();
      expect(await rejected.locator('[data-testid="record-locked"]').count()).toBe(0);
      await screenshot(page, SUITE, '01b-rejected-timeline');
      await signIn(page, 'finance');
      await decideInInbox(page, name, '信用额度同意');

      // Still waiting for the sales manager: the record is locked, the timeline shows both decisions.
      await signIn(page, 'sales_manager');
      await page.goto(`${rt.url}/apps/mfg-crm/e/customer/r/${customer.id}`);
      const timeline = page.locator('[data-testid="approval-timeline"]');
      await timeline.waitFor();
      await timeline.locator('[data-testid="record-locked"]').waitFor();
      await expect.poll(() => timeline.innerText()).toContain('风险评估通过');
      expect(await timeline.innerText()).toContain('信用额度同意');
      await screenshot(page, SUITE, '02-record-countersign');

      // The record's form follows the lock too: the approver may change only the node's editable fields.
      await page.goto(`${rt.url}/apps/mfg-crm/e/customer/r/${customer.id}/edit`);
      await page.locator('[data-testid="flow-lock-banner"]').waitFor();
      await page.locator('[data-field="name"].is-readonly').waitFor();
      expect(await page.locator('[data-field="credit_limit"]').getAttribute('class')).not.toContain(
        'is-readonly',
      );
      await screenshot(page, SUITE, '02b-locked-form');
      await page.goto(`${rt.url}/apps/mfg-crm/e/customer/r/${customer.id}`);
      await timeline.waitFor();
      await timeline.locator('[data-action="flow-approve"]').click();
      await page.fill('[data-dialog] [data-field="comment"]', '同意准入');
      await page.click('[data-dialog] [data-action="confirm"]');
      await timeline.locator('[data-status="approved"]').waitFor();
      await screenshot(page, SUITE, '03-record-approved');
    } catch (e) {
      await screenshot(page, SUITE, 'failure-countersign');
      throw e;
    } finally {
      await context.close();
    }
    // The flow outcome rules write the admission status after commit, through durable jobs.
    const admissionStatus = async (id: string) =>
      (await call<{ admission_status: string | null }>(rt, 'admin', 'GET', `${APP}/records/customer/${id}`))
        .admission_status;
    await expect
      .poll(() => admissionStatus(customer.id), { timeout: 30_000, interval: 500 })
      .toBe('approved');
    await expect.poll(() => admissionStatus(second.id), { timeout: 30_000, interval: 500 }).toBe('rejected');
  });

  it('a strategic customer takes the green channel: one approval', async () => {
    const name = `宁波战略客户（E2E ${Date.now() % 10000}）`;
    const customer = await call<{ id: string }>(rt, 'sales_east', 'POST', `${APP}/records/customer`, {
      name,
      credit_code: creditCode(2),
      customer_type: 'oem',
      tier: 'strategic',
      region: 'east',
    });
    const [inst] = await flowsOf('customer', customer.id);
    expect(inst!.activeNodes.map((n) => n.nodeId)).toEqual(['green_channel']);
    expect(inst!.tasks).toHaveLength(1);
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    try {
      await signIn(page, 'sales_manager');
      await decideInInbox(page, name, '战略客户，绿色通道放行');
      await page.click('[data-tab="done"]');
      await page.locator(`[data-record-title="${name}"]`).waitFor();
      await screenshot(page, SUITE, '04-green-channel-done');
    } catch (e) {
      await screenshot(page, SUITE, 'failure-green');
      throw e;
    } finally {
      await context.close();
    }
    const [done] = await flowsOf('customer', customer.id);
    expect(done!.status).toBe('approved');
    expect(done!.events.filter((e) => e.action === 'approve')).toHaveLength(1);
  });

  it('a 重大影响 ticket not handled within 2 hours escalates to the department head', async () => {
    const customers = await call<{ items: { id: string }[] }>(
      rt,
      'admin',
      'GET',
      `${APP}/records/customer?limit=1`,
    );
    const subject = `产线停机：伺服电机过热（E2E ${Date.now() % 10000}）`;
    const ticket = await call<{ id: string }>(rt, 'service', 'POST', `${APP}/records/service_ticket`, {
      subject,
      customer: customers.items[0]!.id,
      impact: 'stops_production',
      ticket_type: 'repair',
      reported_at: new Date().toISOString(),
    });
    const none = await call<Instance[]>(
      rt,
      'admin',
      'GET',
      `${APP}/flows/records/service_ticket/${ticket.id}`,
    );
    expect(none).toHaveLength(0);

    // Two hours (and a bit) pass on the server's clock without anyone handling the ticket.
    writeFileSync(clockFile, String(2 * 3600_000 + 5 * 60_000));
    tokens.clear();
    const [inst] = await flowsOf('service_ticket', ticket.id);
    expect(inst!.tasks.map((t) => t.assigneeName)).toEqual(['服务部经理 孙海燕']);

    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    try {
      await signIn(page, 'service_head');
      const link = page.locator('a[href="/apps/mfg-crm/approvals"]');
      await link.locator('.rt-nav-badge').waitFor();
      await link.click();
      const item = page.locator(`[data-record-title="${subject}"]`);
      await item.waitFor();
      await screenshot(page, SUITE, '05-head-inbox');
      await item.locator('a', { hasText: '查看记录' }).click();
      const timeline = page.locator('[data-testid="approval-timeline"]');
      await timeline.waitFor();
      await timeline.locator('[data-action="flow-approve"]').waitFor();
      await screenshot(page, SUITE, '06-escalated-ticket');
    } catch (e) {
      await screenshot(page, SUITE, 'failure-escalation');
      throw e;
    } finally {
      await context.close();
    }
  });
});
