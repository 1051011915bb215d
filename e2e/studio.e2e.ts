import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser';
import { signInStudio } from './support/demo-session';
import { centreOf, pointerDrag, settleDrop } from './support/pointer-drag';
import { type RunningRuntime, startRuntime } from './support/start-runtime';

const SUITE = 'studio';

/** A pointer drag onto the target's centre, or near its bottom edge (to append to a list). */
async function drag(
  page: Page,
  from: Locator,
  to: Locator,
  at: 'center' | 'bottom' = 'center',
): Promise<void> {
  const b = await to.boundingBox();
  const target = centreOf(b, 'drag target');
  if (at === 'bottom' && b) target.y = b.y + b.height - 12;
  await pointerDrag(page, centreOf(await from.boundingBox(), 'drag source'), target);
}

/** Drags a palette type onto the end of the field list, then names the new (selected) field. */
async function addField(page: Page, type: string, name: string, zh: string, en: string): Promise<Locator> {
  const rows = page.locator('[data-field-row]');
  const before = await rows.count();
  await drag(
    page,
    page.locator(`[data-palette-item="palette-type-${type}"]`),
    page.locator('[data-field-list]'),
    'bottom',
  );
  await expect.poll(() => rows.count()).toBe(before + 1);
  // New fields are named <type>_<n>; select it explicitly and wait for its property panel.
  const fresh = page.locator(`[data-field-row^="${type}_"]`).last();
  await fresh.click();
  const props = page.locator(`[data-field-props="${await fresh.getAttribute('data-field-row')}"]`);
  await props.waitFor();
  await props.locator('[data-prop="name"]').fill(name);
  const renamed = page.locator(`[data-field-props="${name}"]`);
  await renamed.waitFor();
  await renamed.locator('[data-prop="label.zh"]').fill(zh);
  await renamed.locator('[data-prop="label.en"]').fill(en);
  await page.locator(`[data-field-row="${name}"]`).waitFor();
  return renamed;
}

async function saveDraft(page: Page): Promise<void> {
  await page.click('[data-action="save-draft"]');
  await page.locator('[data-testid="draft-status"]', { hasText: /草稿已保存|Draft saved/ }).waitFor();
  expect(await page.locator('[data-testid="draft-errors"]').count()).toBe(0);
}

describe('studio: an analyst builds 设备台账 by drag and drop, publishes, and rolls back', () => {
  let runtime: RunningRuntime;
  let browser: Browser;
  beforeAll(async () => {
    runtime = await startRuntime({ LATTICE_DEMO_SCALE: '0.05' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await runtime?.stop();
  });

  it('designs, publishes, is used in the runtime, refuses a lossy drop and rolls back', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await flow(page, errors);
    } catch (e) {
      await screenshot(page, SUITE, 'failure');
      throw e;
    }
  });

  async function flow(page: Page, errors: string[]): Promise<void> {
    // Sign in as analyst; the app list shows the demo app.
    await signInStudio(page, runtime.url, 'analyst');
    await page.locator('[data-app="mfg-crm"]').waitFor();
    await screenshot(page, SUITE, '01-app-list');

    // English UI switch works and comes back.
    await page.click('[data-testid="lang-switch"] button:has-text("English")');
    await page.locator('h1', { hasText: 'Apps' }).waitFor();
    await page.click('[data-testid="lang-switch"] button:has-text("中文")');
    await page.locator('h1', { hasText: '我的应用' }).waitFor();

    // New entity 设备台账.
    await page.click('[data-app="mfg-crm"]');
    await page.locator('[data-kind="entity"]').waitFor();
    await page.click('nav a[href="/studio/apps/mfg-crm/entities"]');
    await page.click('[data-action="new-entity"]');
    await page.fill('[data-prop="entity.name"]', 'equipment_ledger');
    await page.fill('[data-testid="new-entity-form"] [data-prop="entity.label.zh"]', '设备台账');
    await page.fill('[data-testid="new-entity-form"] [data-prop="entity.label.en"]', 'Equipment ledger');
    await page.click('[data-testid="new-entity-form"] button[type="submit"]');
    await page.locator('[data-field-list]').waitFor();

    // Fields by drag and drop: text, date, select, reference to customer, number.
    const serial = await addField(page, 'text', 'serial_no', '序列号', 'Serial number');
    await serial.locator('[data-prop="required"]').check();
    await addField(page, 'date', 'install_date', '安装日期', 'Install date');
    await addField(page, 'select', 'status', '状态', 'Status');
    const customer = await addField(page, 'reference', 'customer', '客户', 'Customer');
    expect(await customer.locator('[data-prop="target"]').inputValue()).toBe('customer');
    await customer.locator('[data-prop="relatedList"]').check();
    const interval = await addField(
      page,
      'number',
      'maintenance_interval',
      '保养周期（天）',
      'Maintenance interval (days)',
    );
    await interval.locator('[data-prop="min"]').fill('1');
    await addField(page, 'longtext', 'retire_reason', '停用原因', 'Retirement reason');
    await page.selectOption('[data-prop="titleField"]', 'serial_no');
    // Undo/redo: the button takes the title field back, Ctrl+Shift+Z (outside inputs) redoes it.
    const undoBar = page.locator('[data-testid="draft-undo"]');
    await undoBar.locator('[data-action="undo"]').click();
    await expect.poll(() => page.locator('[data-prop="titleField"]').inputValue()).not.toBe('serial_no');
    await page.locator('[data-testid="entity-settings"] h2').click();
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => page.locator('[data-prop="titleField"]').inputValue()).toBe('serial_no');
    expect(
      await page
        .locator('[data-field-row]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-field-row'))),
    ).toEqual([
      'name',
      'serial_no',
      'install_date',
      'status',
      'customer',
      'maintenance_interval',
      'retire_reason',
    ]);
    // Who can use it: sales may create, read and update ledgers of their own records.
    const salesRow = page.locator('[data-testid="entity-access"] [data-role-row="sales"]');
    for (const right of ['create', 'read', 'update'])
      await salesRow.locator(`[data-right="${right}"]`).check();
    await salesRow.locator('[data-prop="scope"]').selectOption('own');
    await screenshot(page, SUITE, '02-entity-designer');
    await saveDraft(page);

    // Form: generate it, add a section and drag 安装日期 into it.
    await page.click('[data-tab-link="form"]');
    await page.click('[data-action="create-form"]');
    await page.locator('[data-canvas]').waitFor();
    await page.click('[data-action="add-section"]');
    const sections = page.locator('[data-canvas] [data-section]');
    await expect.poll(() => sections.count()).toBe(2);
    const second = sections.nth(1);
    const installItem = page.locator('[data-canvas] [data-item]', { hasText: '安装日期' });
    await drag(page, installItem.locator('.lf-handle'), second.locator('[data-drop-section]'));
    await expect.poll(() => second.locator('[data-item]', { hasText: '安装日期' }).count()).toBe(1);
    // 停用原因 shows only when 状态 is 选项2.
    await page.locator('[data-canvas] [data-item]', { hasText: '停用原因' }).click();
    const visibleWhen = page.locator('[data-prop="visibleWhen"]');
    await visibleWhen.locator('[data-action="add-condition"]').click();
    await visibleWhen.locator('[data-role="condition-field"]').selectOption('status');
    await visibleWhen.locator('[data-role="condition-operator"]').selectOption('eq');
    await visibleWhen.locator('[data-role="condition-value"]').selectOption('option_2');
    await screenshot(page, SUITE, '03-form-designer');
    await saveDraft(page);

    // Views: a list view with a column dragged in, and a record page whose field is dragged to a new group.
    await page.click('[data-tab-link="views"]');
    await page.click('[data-new-view="list"]');
    const columns = page.locator('[data-arranger="columns"]');
    await columns.waitFor();
    const chips = () =>
      columns.locator('[data-chip]').evaluateAll((els) => els.map((e) => e.getAttribute('data-chip')));
    expect(await chips()).not.toContain('created_at');
    await drag(
      page,
      columns.locator('[data-palette-value="created_at"]'),
      columns.locator('[data-zone="columns"]'),
      'bottom',
    );
    await expect.poll(chips).toContain('created_at');
    // The view designer undoes and redoes the column drop.
    await undoBar.locator('[data-action="undo"]').click();
    await expect.poll(chips).not.toContain('created_at');
    await undoBar.locator('[data-action="redo"]').click();
    await expect.poll(chips).toContain('created_at');
    // Keyboard drag: focus a column's handle, Space, arrow, Space — it moves one place left.
    const order = await chips();
    const secondColumn = order[1]!;
    const moving = columns.locator(`[data-chip="${secondColumn}"]`);
    await moving.locator('.st-chip-handle').focus();
    await page.keyboard.press('Space');
    await columns.locator('.st-chip.is-dragging').waitFor();
    // dnd-kit's keyboard sensor attaches its key listener on a zero-delay timer after activation.
    await settleDrop(page);
    await page.keyboard.press('ArrowLeft');
    await expect
      .poll(() => moving.evaluate((e) => (e as HTMLElement).style.transform))
      .toMatch(/translate3d\(-/);
    // Drop only once dnd-kit has taken the first column as the target: the sortable strategy then shifts it right.
    const firstChip = columns.locator(`[data-chip="${order[0]}"]`);
    await expect
      .poll(() => firstChip.evaluate((e) => (e as HTMLElement).style.transform))
      .toMatch(/translate3d\([1-9]/);
    await page.keyboard.press('Space');
    await expect.poll(async () => (await chips())[0]).toBe(secondColumn);
    await page.click('[data-new-view="record"]');
    await page.locator('[data-record-section]').first().waitFor();
    await page.click('[data-add-section="fields"]');
    const group = page.locator('[data-record-section="fields"]');
    await group.waitFor();
    await drag(
      page,
      page.locator('[data-zone="details"] [data-chip="status"] .st-chip-handle'),
      group.locator('[data-zone]'),
    );
    await expect.poll(() => group.locator('[data-chip="status"]').count()).toBe(1);
    expect(await page.locator('[data-zone="details"] [data-chip="status"]').count()).toBe(0);
    await screenshot(page, SUITE, '04-view-designer');
    await saveDraft(page);

    // Publish: the diff preview lists the new entity and form; nothing is lossy.
    await page.click('nav a[href="/studio/apps/mfg-crm/publish"]');
    const preview = page.locator('[data-testid="publish-preview"]');
    await preview.waitFor();
    expect(await preview.locator('[data-change-group="added"]').textContent()).toContain('equipment_ledger');
    expect(await page.locator('[data-testid="lossy"]').count()).toBe(0);
    await screenshot(page, SUITE, '05-publish-preview');
    await page.fill('[data-prop="note"]', '新增设备台账');
    await page.click('[data-action="publish"]');
    await page.locator('[data-testid="published"]').waitFor();

    const analystToken = await page.evaluate(
      () => JSON.parse(localStorage.getItem('lattice.session') ?? '{}').accessToken,
    );
    const published = (await (
      await fetch(`${runtime.url}/api/apps/mfg-crm`, { headers: { Authorization: `Bearer ${analystToken}` } })
    ).json()) as {
      definition: { documents: { kind: string; name: string; entities?: Record<string, unknown> }[] };
    };
    const salesRole = published.definition.documents.find((d) => d.kind === 'role' && d.name === 'sales');
    expect(salesRole?.entities?.equipment_ledger).toEqual({
      rights: ['create', 'read', 'update'],
      scope: { type: 'own' },
    });

    // Runtime: an admin (analysts edit metadata, not records) creates a ledger record.
    const user = await browser.newContext({ viewport: { width: 1024, height: 900 } });
    const rt = await user.newPage();
    await rt.goto(`${runtime.url}/`);
    await rt.fill('input[name="username"]', 'admin');
    await rt.fill('input[name="password"]', 'demo1234');
    await rt.click('button[type="submit"]');
    await rt.locator('[data-testid="current-user"]').waitFor();
    await rt.goto(`${runtime.url}/apps/mfg-crm/e/equipment_ledger/new`);
    await rt.locator('[data-field="serial_no"]').waitFor();
    await rt.fill('[data-field="name"] input', '注塑机 A');
    await rt.fill('[data-field="serial_no"] input', 'SN-2026-001');
    await rt.fill('[data-field="install_date"] input', '2026-03-15');
    // A bad value is flagged on its own field; the conditional field appears with its condition.
    await rt.fill('[data-field="maintenance_interval"] input', '0');
    expect(await rt.locator('[data-field="retire_reason"]').count()).toBe(0);
    await rt.locator('[data-field="status"] select').selectOption('option_2');
    await rt.locator('[data-field="retire_reason"]').waitFor();
    await rt.click('[data-action="save"]');
    await rt.locator('[data-error-for="maintenance_interval"]').waitFor();
    expect(rt.url()).toContain('/new');
    await rt.fill('[data-field="maintenance_interval"] input', '90');
    await rt.locator('[data-field="customer"] input[role="combobox"]').click();
    await rt.locator('[data-field="customer"] [role="option"]').first().click();
    await screenshot(rt, SUITE, '06-runtime-form');
    await rt.click('[data-action="save"]');
    await rt.waitForURL(/\/e\/equipment_ledger\/r\//);
    await rt.locator('text=SN-2026-001').first().waitFor();
    await screenshot(rt, SUITE, '07-runtime-record');
    // …and it shows in the related list the analyst put on the customer's record page.
    const recordId = rt.url().split('/r/')[1]!.split(/[/?]/)[0]!;
    const adminToken = await rt.evaluate(
      () => JSON.parse(localStorage.getItem('lattice.session') ?? '{}').accessToken,
    );
    const saved = (await (
      await fetch(`${runtime.url}/api/apps/mfg-crm/records/equipment_ledger/${recordId}`, {
        headers: { Authorization: `Bearer ${adminToken}` },
      })
    ).json()) as { customer: string | { id: string } };
    const customerId = typeof saved.customer === 'string' ? saved.customer : saved.customer.id;
    await rt.goto(`${runtime.url}/apps/mfg-crm/e/customer/r/${customerId}`);
    await rt.locator('text=SN-2026-001').first().waitFor();
    await screenshot(rt, SUITE, '08-customer-related-list');
    await user.close();

    // Drop 安装日期 (it has a value) → the preview refuses it as lossy until confirmed.
    await page.click('nav a[href="/studio/apps/mfg-crm/entities"]');
    await page.click('[data-entity="equipment_ledger"]');
    await page.click('[data-field-row="install_date"]');
    await page.click('[data-action="remove-field"]');
    await saveDraft(page);
    await page.click('nav a[href="/studio/apps/mfg-crm/publish"]');
    const lossy = page.locator('[data-testid="lossy"]');
    await lossy.waitFor();
    expect(await lossy.textContent()).toMatch(/install_date|安装日期/);
    expect(await page.locator('[data-change][data-lossy="true"]').count()).toBe(1);
    expect(await page.locator('[data-action="publish"]').isDisabled()).toBe(true);
    await screenshot(page, SUITE, '09-lossy-refused');
    await page.check('[data-action="confirm-lossy"]');
    await page.click('[data-action="publish"]');
    await page.locator('[data-testid="published"]').waitFor();

    // Roll back to the version that still had the field.
    await page.click('nav a[href="/studio/apps/mfg-crm/versions"]');
    await page.locator('[data-version="3"]').waitFor();
    await page.click('[data-version="2"] [data-action="rollback"]');
    await page.locator('[data-testid="rolled-back"]').waitFor();
    await page.locator('[data-version="4"]', { hasText: /线上|Live/ }).waitFor();
    await screenshot(page, SUITE, '10-rolled-back');
    const token = await page.evaluate(
      () => JSON.parse(localStorage.getItem('lattice.session') ?? '{}').accessToken,
    );
    const live = await fetch(`${runtime.url}/api/apps/mfg-crm/entities/equipment_ledger`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const entity = (await live.json()) as { fields: { name: string }[] };
    expect(entity.fields.map((f) => f.name)).toContain('install_date');
    // The draft was reset to the rolled-back definition, so the designer shows the field again.
    await page.click('nav a[href="/studio/apps/mfg-crm/entities"]');
    await page.click('[data-entity="equipment_ledger"]');
    await page.locator('[data-field-row="install_date"]').waitFor();
    expect(errors).toEqual([]);
  }
});
