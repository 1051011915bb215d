import { describe, expect, it } from 'vitest';
import { isLatticeError } from '../errors';
import type { AppDefinition } from '../model/app';
import { FIELD_TYPES } from '../model/field-types';
import { assertValidApp } from './assert-valid-app';
import { fullSampleApp } from './testing/full-sample-app';
import { validateAppDefinition } from './validate-app-definition';

/** The sample app with `edit` applied to document `index` (found by name to keep tests readable). */
function appWith(
  name: string,
  edit: (doc: Record<string, unknown>) => void,
): { app: AppDefinition; i: number } {
  const app = fullSampleApp();
  const i = app.documents.findIndex((d) => d.name === name);
  edit(app.documents[i] as unknown as Record<string, unknown>);
  return { app, i };
}

function paths(app: unknown): string[] {
  return validateAppDefinition(app).map((e) => e.path);
}

describe('validateAppDefinition', () => {
  it('accepts a full sample app using every document kind and field type', () => {
    const app = fullSampleApp();
    const customer = app.documents[0];
    expect(customer?.kind === 'entity' && customer.fields.map((f) => f.type)).toEqual([...FIELD_TYPES]);
    expect(validateAppDefinition(app)).toEqual([]);
  });

  it('reports an unknown field type as exactly one error at its type, in both languages', () => {
    const { app, i } = appWith('customer', (d) => {
      (d.fields as Record<string, unknown>[])[3]!.type = 'txt';
    });
    const errors = validateAppDefinition(app);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe(`documents.${i}.fields.3.type`);
    expect(errors[0]!.message.en).toBe(`expected one of ${FIELD_TYPES.join(', ')}, got "txt"`);
    expect(errors[0]!.message.zh).toBe(`应为以下之一：${FIELD_TYPES.join(', ')}，实际为 "txt"`);
  });

  it('refuses a name that is not a snake_case identifier', () => {
    const { app, i } = appWith('customer', (d) => {
      d.name = 'x; drop table';
    });
    const errors = validateAppDefinition(app).filter((e) => e.path === `documents.${i}.name`);
    expect(errors).toEqual([
      {
        path: `documents.${i}.name`,
        reason: 'pattern',
        message: {
          en: 'expected a snake_case name (^[a-z][a-z0-9_]{0,62}$), got "x; drop table"',
          zh: '应为 snake_case 名称（^[a-z][a-z0-9_]{0,62}$），实际为 "x; drop table"',
        },
      },
    ]);
  });

  it('checks a report-driven schedule: the report must exist and excludes a record filter', () => {
    const ok = appWith('stale_leads', (d) => {
      d.trigger = { type: 'schedule', cron: '0 9 * * 1', report: 'sales_by_month' };
    });
    expect(paths(ok.app)).toEqual([]);
    const bad = appWith('stale_leads', (d) => {
      d.trigger = { type: 'schedule', cron: '0 9 * * 1', report: 'ghost', filter: { var: 'vip' } };
    });
    const errors = validateAppDefinition(bad.app);
    expect(errors.map((e) => e.path)).toEqual([
      `documents.${bad.i}.trigger.report`,
      `documents.${bad.i}.trigger.filter`,
    ]);
    expect(errors[1]!.message).toEqual({
      en: 'filter cannot be combined with report',
      zh: 'filter 不能与 report 同时使用',
    });
  });

  it('names the path of a reference to a missing entity', () => {
    const { app, i } = appWith('order', (d) => {
      (d.fields as Record<string, unknown>[])[1]!.target = 'client';
    });
    const errors = validateAppDefinition(app);
    expect(errors.map((e) => e.path)).toContain(`documents.${i}.fields.1.target`);
    const detail = errors.find((e) => e.path === `documents.${i}.fields.1.target`)!;
    expect(detail.message).toEqual({ en: 'unknown entity "client"', zh: '实体不存在："client"' });
  });

  it('names the path of a rule action writing a missing field', () => {
    const { app, i } = appWith('vip_follow_up', (d) => {
      (d.actions as Record<string, unknown>[])[0]!.values = { scroe: 1 };
    });
    const errors = validateAppDefinition(app);
    expect(errors).toEqual([
      {
        path: `documents.${i}.actions.0.values.scroe`,
        reason: 'unknownField',
        message: { en: 'entity "customer" has no field "scroe"', zh: '实体 "customer" 没有字段 "scroe"' },
      },
    ]);
  });

  it('names the path of a rule starting a missing flow and a flow edge to a missing node', () => {
    const rule = appWith('vip_follow_up', (d) => {
      (d.actions as Record<string, unknown>[])[6]!.flow = 'no_such_flow';
    });
    expect(paths(rule.app)).toEqual([`documents.${rule.i}.actions.6.flow`]);
    const flow = appWith('vip_approval', (d) => {
      (d.nodes as Record<string, unknown>[])[3]!.next = 'nowhere';
    });
    const errors = validateAppDefinition(flow.app);
    expect(errors.map((e) => e.path)).toEqual([`documents.${flow.i}.nodes.3.next`]);
    expect(errors[0]!.message).toEqual({ en: 'unknown node "nowhere"', zh: '节点不存在："nowhere"' });
  });

  it('names a form item bound to a missing field by its full path', () => {
    const { app, i } = appWith('customer_form', (d) => {
      const sections = d.sections as { items: { field: string }[] }[];
      sections[0]!.items[2]!.field = 'credit_limit';
    });
    expect(paths(app)).toEqual([`documents.${i}.sections.0.items.2.field`]);
  });

  it('reports duplicate document names per kind but allows the same name across kinds', () => {
    const app = fullSampleApp();
    const copy = structuredClone(app.documents[1]!);
    app.documents.push(copy);
    expect(paths(app)).toEqual([`documents.${app.documents.length - 1}.name`]);
    const other = fullSampleApp();
    const report = other.documents.find((d) => d.kind === 'report')!;
    report.name = 'customer';
    for (const d of other.documents) {
      if (d.kind === 'dashboard') d.tiles[0]!.report = 'customer';
      if (d.kind === 'view' && d.type === 'record')
        for (const s of d.sections) if (s.type === 'chart') s.report = 'customer';
    }
    expect(validateAppDefinition(other)).toEqual([]);
  });

  it('refuses system columns as field ids except the scoping trio with an allowed type', () => {
    const { app, i } = appWith('customer', (d) => {
      const fields = d.fields as Record<string, unknown>[];
      fields.push({ type: 'text', id: 'created_at', name: 'created', label: { zh: '建', en: 'C' } });
      fields.push({ type: 'text', id: 'owner', name: 'owner', label: { zh: '主', en: 'O' } });
    });
    const n = (app.documents[i] as { fields: unknown[] }).fields.length;
    expect(validateAppDefinition(app).map((e) => [e.path, e.reason])).toEqual([
      [`documents.${i}.fields.${n - 2}.id`, 'reservedFieldId'],
      [`documents.${i}.fields.${n - 1}.type`, 'scopingFieldType'],
    ]);
  });

  it('reports duplicate field ids and names, a missing titleField and a bad autonumber pattern', () => {
    const { app, i } = appWith('customer', (d) => {
      const fields = d.fields as Record<string, unknown>[];
      fields[1]!.id = 'name';
      fields[2]!.name = 'name';
      d.titleField = 'title';
      const auto = fields.find((f) => f.type === 'autonumber')!;
      auto.pattern = 'CUS-{yyyy}';
    });
    const auto = (app.documents[i] as { fields: { type: string }[] }).fields.findIndex(
      (f) => f.type === 'autonumber',
    );
    expect(paths(app)).toEqual([
      `documents.${i}.fields.1.id`,
      `documents.${i}.fields.2.name`,
      `documents.${i}.fields.${auto}.pattern`,
      `documents.${i}.titleField`,
    ]);
  });

  it('checks that a rollup relation exists and points back at the entity', () => {
    const { app, i } = appWith('customer', (d) => {
      const rollup = (d.fields as Record<string, unknown>[]).find((f) => f.type === 'rollup')!;
      rollup.relation = { entity: 'order', field: 'amount' };
    });
    const rollupIndex = (app.documents[i] as { fields: { type: string }[] }).fields.findIndex(
      (f) => f.type === 'rollup',
    );
    const errors = validateAppDefinition(app);
    expect(errors.map((e) => e.path)).toEqual([`documents.${i}.fields.${rollupIndex}.relation.field`]);
    expect(errors[0]!.message.en).toBe('field "amount" of "order" must be a reference to "customer"');
  });

  it('reports stage transitions to unknown stages', () => {
    const { app, i } = appWith('customer', (d) => {
      const stage = (d.fields as Record<string, unknown>[]).find((f) => f.type === 'stage')!;
      stage.transitions = { lead: ['won'], ghost: [] };
    });
    const s = (app.documents[i] as { fields: { type: string }[] }).fields.findIndex(
      (f) => f.type === 'stage',
    );
    expect(paths(app)).toEqual([
      `documents.${i}.fields.${s}.transitions.lead.0`,
      `documents.${i}.fields.${s}.transitions.ghost`,
    ]);
  });

  it('reports malformed JsonLogic at the operator path', () => {
    const { app, i } = appWith('vip_follow_up', (d) => {
      d.condition = { and: [true, { frobnicate: 1 }] };
    });
    expect(paths(app)).toEqual([`documents.${i}.condition.and.1.frobnicate`]);
  });

  it('reports a view column, a report field and a dashboard tile that name nothing', () => {
    const view = appWith('customer_list', (d) => {
      (d.columns as string[])[2] = 'parent.nickname';
    });
    expect(paths(view.app)).toEqual([`documents.${view.i}.columns.2`]);
    const report = appWith('sales_by_month', (d) => {
      const ds = d.dataset as { measures: { field?: string }[] };
      ds.measures[0]!.field = 'amout';
    });
    expect(paths(report.app)).toEqual([`documents.${report.i}.dataset.measures.0.field`]);
    const dash = appWith('sales_overview', (d) => {
      (d.tiles as { report: string }[])[0]!.report = 'missing';
    });
    expect(paths(dash.app)).toEqual([`documents.${dash.i}.tiles.0.report`]);
  });

  it('reports a role granting rights on a missing entity', () => {
    const { app, i } = appWith('sales', (d) => {
      (d.entities as Record<string, unknown>).supplier = { rights: ['read'], scope: { type: 'all' } };
    });
    expect(paths(app)).toEqual([`documents.${i}.entities.supplier`]);
  });

  it('does not cascade: a schema-invalid entity still resolves references to it', () => {
    const { app, i } = appWith('customer', (d) => {
      d.icon = 42;
    });
    expect(paths(app)).toEqual([`documents.${i}.icon`]);
  });

  it('reports envelope errors and document errors together', () => {
    const app = fullSampleApp() as unknown as Record<string, unknown>;
    app.id = 'Bad App';
    (app.documents as Record<string, unknown>[]).push({ kind: 'widget', name: 'x' });
    const errors = validateAppDefinition(app);
    expect(errors.map((e) => [e.path, e.reason])).toEqual([
      ['id', 'pattern'],
      [`documents.${(app.documents as unknown[]).length - 1}.kind`, 'enum'],
    ]);
  });

  it('reports a non-object app without throwing', () => {
    expect(validateAppDefinition(null).map((e) => e.reason)).toEqual(['type']);
  });
});

describe('assertValidApp', () => {
  it('throws LATTICE_ERR_VALIDATION with every detail', () => {
    const { app } = appWith('customer', (d) => {
      d.titleField = 'nope';
    });
    try {
      assertValidApp(app);
      expect.unreachable();
    } catch (e) {
      expect(isLatticeError(e) && e.code).toBe('LATTICE_ERR_VALIDATION');
      expect(isLatticeError(e) && e.details.map((d) => d.path)).toEqual(['documents.0.titleField']);
      expect(String(e)).toContain('At documents.0.titleField: entity "customer" has no field "nope"');
    }
  });

  it('returns normally for a valid app', () => {
    expect(() => assertValidApp(fullSampleApp())).not.toThrow();
  });
});
