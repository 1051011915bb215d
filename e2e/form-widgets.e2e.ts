import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser';
import { type RunningRuntime, startRuntime } from './support/start-runtime';

const SUITE = 'form-widgets';
const APP = 'widget-lab';
const label = (zh: string, en: string) => ({ zh, en });
const opt = (value: string, zh: string, en: string) => ({ value, label: label(zh, en) });

/** An entity with one field of every type DESIGN §1 lists that a form edits or displays. */
const gadget = {
  kind: 'entity',
  schemaVersion: 1,
  name: 'gadget',
  label: label('小工具', 'Gadget'),
  titleField: 'name',
  fields: [
    { id: 'f_name', name: 'name', type: 'text', label: label('名称', 'Name'), required: true },
    { id: 'f_serial', name: 'serial', type: 'text', label: label('序列号', 'Serial'), unique: true },
    {
      id: 'f_kind',
      name: 'kind',
      type: 'select',
      label: label('类型', 'Kind'),
      options: [opt('std', '标准', 'Standard'), opt('custom', '定制', 'Custom')],
    },
    { id: 'f_spec', name: 'spec', type: 'longtext', label: label('定制说明', 'Custom spec') },
    {
      id: 'f_features',
      name: 'features',
      type: 'multiselect',
      label: label('特性', 'Features'),
      options: [opt('iot', '联网', 'IoT'), opt('ex', '防爆', 'Explosion-proof')],
    },
    { id: 'f_made', name: 'made_on', type: 'date', label: label('生产日期', 'Made on') },
    { id: 'f_checked', name: 'checked_at', type: 'datetime', label: label('检验时间', 'Checked at') },
    { id: 'f_price', name: 'price', type: 'currency', label: label('单价', 'Price') },
    { id: 'f_discount', name: 'discount', type: 'percent', label: label('折扣', 'Discount'), max: 100 },
    {
      id: 'f_total',
      name: 'total',
      type: 'formula',
      label: label('两件价', 'Price of two'),
      expression: { '*': [{ var: 'price' }, 2] },
      resultType: 'number',
    },
    {
      id: 'f_parent',
      name: 'parent',
      type: 'reference',
      label: label('上级', 'Parent'),
      target: 'gadget',
      onDelete: 'set_null',
    },
    {
      id: 'f_children',
      name: 'children',
      type: 'rollup',
      label: label('下级数', 'Children'),
      relation: { entity: 'gadget', field: 'parent' },
      aggregate: 'count',
    },
    { id: 'f_keeper', name: 'keeper', type: 'user', label: label('保管人', 'Keeper') },
    { id: 'f_dept', name: 'dept', type: 'department', label: label('所属部门', 'Department') },
    { id: 'f_site', name: 'site', type: 'geo', label: label('安装位置', 'Site') },
    { id: 'f_score', name: 'score', type: 'rating', label: label('评分', 'Score'), max: 5 },
    {
      id: 'f_tags',
      name: 'tags',
      type: 'tags',
      label: label('标签', 'Tags'),
      tree: [
        {
          value: 'line',
          label: label('产线', 'Line'),
          children: [{ value: 'line_a', label: label('A线', 'Line A') }],
        },
      ],
    },
    {
      id: 'f_stage',
      name: 'stage',
      type: 'stage',
      label: label('阶段', 'Stage'),
      stages: [opt('new', '新建', 'New'), opt('used', '使用中', 'In use'), opt('retired', '报废', 'Retired')],
      transitions: { new: ['used'], used: ['retired'] },
    },
    { id: 'f_sign', name: 'sign', type: 'signature', label: label('验收签字', 'Sign-off') },
    { id: 'f_notes', name: 'notes', type: 'notes', label: label('私人备注', 'Private notes') },
  ],
};

/** The form: 定制说明 only for 定制 (and then required), 序列号 read-only while 报废. */
const gadgetForm = {
  kind: 'form',
  schemaVersion: 1,
  name: 'gadget_form',
  entity: 'gadget',
  label: label('小工具表单', 'Gadget form'),
  sections: [
    {
      id: 's_main',
      title: label('基本信息', 'Details'),
      columns: 2,
      items: gadget.fields.map((f) => ({
        id: `i_${f.name}`,
        field: f.name,
        ...(f.name === 'spec'
          ? {
              visibleWhen: { '==': [{ var: 'kind' }, 'custom'] },
              requiredWhen: { '==': [{ var: 'kind' }, 'custom'] },
            }
          : {}),
        ...(f.name === 'serial' ? { readonlyWhen: { '==': [{ var: 'stage' }, 'retired'] } } : {}),
      })),
    },
  ],
};

async function api(rt: RunningRuntime, token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${rt.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

const field = (page: Page, name: string) => page.locator(`[data-field="${name}"]`);

describe('every form widget in a real runtime form', () => {
  let rt: RunningRuntime;
  let browser: Browser;
  let page: Page;
  let token: string;

  beforeAll(async () => {
    rt = await startRuntime({ LATTICE_DEMO_SCALE: '0.02' });
    const login = await fetch(`${rt.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'demo1234' }),
    });
    token = ((await login.json()) as { accessToken: string }).accessToken;
    await api(rt, token, 'POST', '/api/apps', { id: APP, label: label('控件实验室', 'Widget lab') });
    await api(rt, token, 'PUT', `/api/apps/${APP}/draft`, {
      id: APP,
      label: label('控件实验室', 'Widget lab'),
      schemaVersion: 1,
      documents: [gadget, gadgetForm],
    });
    await api(rt, token, 'POST', `/api/apps/${APP}/publish`, {});
    await api(rt, token, 'POST', `/api/apps/${APP}/records/gadget`, {
      values: { name: '母机', serial: 'SN-TAKEN' },
    });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(rt.url);
    await page.fill('input[name=username]', 'admin');
    await page.fill('input[name=password]', 'demo1234');
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=user-menu]');
  });

  afterAll(async () => {
    await browser?.close();
    await rt?.stop();
  });

  it('fills every widget, with live conditions, formatting and the server error on its field', async () => {
    await page.goto(`${rt.url}/apps/${APP}/e/gadget/new`);
    await field(page, 'name').locator('input').waitFor();
    await page.fill('[data-field=name] input', '检测仪');
    await page.fill('[data-field=serial] input', 'SN-TAKEN');

    // Conditional visibility and requiredness follow the select as the user changes it.
    expect(await field(page, 'spec').count()).toBe(0);
    await page.selectOption('[data-field=kind] select', 'custom');
    await field(page, 'spec').waitFor();
    await page.selectOption('[data-field=kind] select', 'std');
    await field(page, 'spec').waitFor({ state: 'detached' });

    await field(page, 'features').getByText('防爆').click();
    await page.fill('[data-field=made_on] input', '2026-03-05');
    await page.fill('[data-field=checked_at] input', '2026-03-05T09:30');
    await page.fill('[data-field=price] input', '1234.5');
    await page.fill('[data-field=discount] input', '12.5');
    // Formula: read-only and recomputed live from the price.
    await expect.poll(() => field(page, 'total').textContent()).toMatch(/2,469|2469/);
    expect(await field(page, 'total').locator('input:not([readonly]):not([disabled])').count()).toBe(0);

    await page.fill('[data-field=parent] input', '母机');
    await page.click('[data-field=parent] [role=option]:has-text("母机")');
    await page.fill('[data-field=keeper] input', 'admin');
    await page.click('[data-field=keeper] [role=option] >> nth=0');
    await page.fill('[data-field=dept] input', '华东');
    await page.click('[data-field=dept] [role=option]:has-text("销售部 / 华东组")');

    const site = field(page, 'site');
    await site.locator('input').nth(0).fill('苏州工业园区星湖街 328 号');
    await site.locator('input').nth(1).fill('31.3');
    await site.locator('input').nth(2).fill('120.7');
    await field(page, 'score').locator('[role=radio]').nth(3).click();
    await field(page, 'tags').getByText('A线').click();
    // Read-only follows the stage live: 报废 locks the serial, 新建 unlocks it.
    await field(page, 'stage').getByRole('button', { name: '报废' }).click();
    await page.waitForSelector('[data-field=serial].is-readonly input:disabled');
    await field(page, 'stage').getByRole('button', { name: '新建' }).click();
    await page.waitForSelector('[data-field=serial]:not(.is-readonly) input:enabled');

    const pad = field(page, 'sign').locator('canvas');
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + 40);
    await page.mouse.down();
    for (let i = 1; i <= 6; i++) await page.mouse.move(box.x + 20 + i * 30, box.y + 40 + (i % 2) * 30);
    await page.mouse.up();
    await field(page, 'sign').getByRole('button').waitFor();

    await field(page, 'notes').locator('textarea').fill('只有我能看到');
    await field(page, 'notes').getByRole('button').click();
    await field(page, 'notes').getByText('只有我能看到').waitFor();
    await screenshot(page, SUITE, '01-filled');

    // The duplicate serial is refused by the server and shown on the serial field.
    await page.click('[data-action=save]');
    await page.waitForSelector('[data-error-for=serial]');
    await screenshot(page, SUITE, '02-server-error');
    await page.fill('[data-field=serial] input', 'SN-0002');
    await page.click('[data-action=save]');
    await page.waitForSelector('[data-testid=record-title]:has-text("检测仪")');
    await screenshot(page, SUITE, '03-record');

    const id = page.url().split('/r/')[1]!.split(/[/?#]/)[0]!;
    const saved = await api(rt, token, 'GET', `/api/apps/${APP}/records/gadget/${id}`);
    expect(saved).toMatchObject({
      features: ['ex'],
      made_on: '2026-03-05',
      price: 1234.5,
      discount: 12.5,
      dept: 'sales_east',
      site: { address: '苏州工业园区星湖街 328 号', lat: 31.3, lng: 120.7 },
      score: 4,
      tags: ['line_a'],
      stage: 'new',
      notes: [expect.objectContaining({ text: '只有我能看到' })],
    });
    expect(String(saved.sign)).toMatch(/^data:image\/png;base64,/);
    expect(new Date(String(saved.checked_at)).getTime()).not.toBeNaN();

    // The record page shows names, not stored codes.
    const shown = (name: string) => page.locator(`[data-field-view=${name}] dd`);
    expect(await shown('dept').textContent()).toBe('销售部 / 华东组');
    expect(await shown('tags').textContent()).toBe('产线 / A线');
    expect(await shown('features').textContent()).toBe('防爆');
    expect(await shown('price').textContent()).toBe('¥1,234.50');
    expect(await shown('discount').textContent()).toBe('12.5%');
    expect(await shown('sign').locator('img').getAttribute('src')).toMatch(/^data:image\/png/);
    expect(await shown('notes').textContent()).toContain('只有我能看到');

    // Editing: the stage bar only offers the allowed transitions from the stored stage.
    await page.click('[data-action=edit]');
    await field(page, 'stage').waitFor();
    expect(await field(page, 'stage').getByRole('button', { name: '报废' }).isDisabled()).toBe(true);
    expect(await field(page, 'stage').getByRole('button', { name: '使用中' }).isDisabled()).toBe(false);
  });

  it('lists the records with a chosen column and filters them by department', async () => {
    await page.goto(`${rt.url}/apps/${APP}/e/gadget`);
    const rows = page.locator('[data-testid=list-view][aria-busy=false] tbody tr[data-record]');
    await expect.poll(() => rows.count()).toBe(2);
    await page.click('[data-action=open-columns]');
    await page.check('[data-testid=column-chooser] input[data-column=dept]');
    await page.waitForSelector('th[data-column=dept]');
    expect(await rows.filter({ hasText: '检测仪' }).textContent()).toContain('销售部 / 华东组');

    await page.click('[data-action=open-filter]');
    const filter = page.locator('[data-testid=filter-builder]');
    await filter.locator('[data-role=filter-field]').selectOption('dept');
    await filter.locator('[data-role=filter-op]').selectOption('eq');
    await filter.locator('[data-role=filter-value]').selectOption({ label: '销售部 / 华东组' });
    await filter.locator('[data-action=apply-filter]').click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('检测仪');
    await screenshot(page, SUITE, '04-list-filtered');
  });

  it('fits the edit form at tablet width (768 px) without sideways scrolling', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.click('tbody tr[data-record]');
    await page.click('[data-action=edit]');
    await field(page, 'site').waitFor();
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(768);
    const site = await field(page, 'site').boundingBox();
    expect(site!.x + site!.width).toBeLessThanOrEqual(768);
    await screenshot(page, SUITE, '05-tablet-form');
  });
});
