import { describe, expect, it } from 'vitest';
import type { EntityDoc } from '../model/entity';
import { fullSampleApp } from './testing/full-sample-app';
import { validateDocument } from './validate-document';

function entity(): EntityDoc {
  const doc = fullSampleApp().documents.find((d) => d.name === 'order');
  if (doc?.kind !== 'entity') throw new Error('sample app lost its order entity');
  return doc;
}

describe('validateDocument', () => {
  it('accepts every document of the sample app on its own', () => {
    for (const doc of fullSampleApp().documents)
      expect([doc.name, validateDocument(doc)]).toEqual([doc.name, []]);
  });

  it('roots paths at the document', () => {
    const doc = {
      ...entity(),
      fields: [...entity().fields, { type: 'txt', id: 'x', name: 'x', label: { zh: 'x', en: 'x' } }],
    };
    expect(validateDocument(doc).map((e) => e.path)).toEqual(['fields.5.type']);
  });

  it('does not check references to other documents, which it cannot see', () => {
    const doc = entity();
    const ref = doc.fields[1]!;
    if (ref.type === 'reference') ref.target = 'somewhere_else';
    expect(validateDocument(doc)).toEqual([]);
  });

  it('reports a missing required property at the property path', () => {
    const { label: _label, ...doc } = entity();
    expect(validateDocument(doc)).toEqual([
      {
        path: 'label',
        reason: 'required',
        message: { en: 'required property is missing', zh: '缺少必填属性' },
      },
    ]);
  });

  it('reports an unknown property at its own path', () => {
    expect(validateDocument({ ...entity(), lable: 'x' })).toEqual([
      {
        path: 'lable',
        reason: 'additionalProperties',
        message: { en: 'unknown property "lable"', zh: '未知属性 "lable"' },
      },
    ]);
  });

  it('reports a wrong JSON type with both languages naming the types', () => {
    expect(validateDocument({ ...entity(), schemaVersion: '1' })).toEqual([
      {
        path: 'schemaVersion',
        reason: 'type',
        message: { en: 'expected an integer, got a string', zh: '应为整数，实际为字符串' },
      },
    ]);
  });

  it('reports a wrong constant, a bad enum value and a number below its minimum', () => {
    const doc = entity();
    const errors = validateDocument({
      ...doc,
      schemaVersion: 0,
      fields: doc.fields.map((f) => (f.type === 'reference' ? { ...f, onDelete: 'nullify' } : f)),
    });
    expect(errors.map((e) => [e.path, e.reason, e.message.en])).toEqual([
      ['schemaVersion', 'minimum', 'expected a number ≥ 1, got 0'],
      ['fields.1.onDelete', 'enum', 'expected one of restrict, cascade, set_null, got "nullify"'],
    ]);
    expect(errors[1]!.message.zh).toBe('应为以下之一：restrict, cascade, set_null，实际为 "nullify"');
  });

  it('reports an empty zh label, an empty fields list and a missing union tag', () => {
    const doc = entity();
    const errors = validateDocument({ ...doc, label: { zh: '', en: 'Order' }, fields: [] });
    expect(errors.map((e) => [e.path, e.reason, e.message.zh])).toEqual([
      ['label.zh', 'minLength', '至少需要 1 个字符'],
      ['fields', 'minItems', '至少需要 1 项'],
    ]);
    const { type: _type, ...untyped } = doc.fields[0]!;
    expect(validateDocument({ ...doc, fields: [untyped] }).map((e) => [e.path, e.reason])).toEqual([
      ['fields.0.type', 'required'],
    ]);
  });

  it('reports a missing or unknown document kind once', () => {
    expect(validateDocument({ name: 'x' }).map((e) => [e.path, e.reason])).toEqual([['kind', 'required']]);
    expect(validateDocument({ kind: 'page' }).map((e) => e.message.en)).toEqual([
      'expected one of entity, form, view, rule, flow, report, dashboard, role, got "page"',
    ]);
  });

  it('reports an unknown view, section, trigger, action and node type at the tag', () => {
    const app = fullSampleApp();
    const byName = (n: string) =>
      structuredClone(app.documents.find((d) => d.name === n)) as unknown as Record<string, unknown>;
    const view = byName('customer_list');
    view.type = 'grid';
    expect(validateDocument(view).map((e) => e.path)).toEqual(['type']);
    const page = byName('customer_360');
    (page.sections as Record<string, unknown>[])[1]!.type = 'kpi';
    expect(validateDocument(page).map((e) => e.path)).toEqual(['sections.1.type']);
    const rule = byName('vip_follow_up');
    (rule.trigger as Record<string, unknown>).type = 'on_save';
    (rule.actions as Record<string, unknown>[])[2]!.type = 'email';
    expect(validateDocument(rule).map((e) => e.path)).toEqual(['trigger.type', 'actions.2.type']);
    const flow = byName('vip_approval');
    (flow.nodes as Record<string, unknown>[])[4]!.type = 'robot';
    expect(validateDocument(flow).map((e) => e.path)).toEqual(['nodes.4.type']);
  });

  it('checks a known tag against its own branch only', () => {
    const doc = entity();
    const errors = validateDocument({
      ...doc,
      fields: doc.fields.map((f) => (f.type === 'reference' ? { ...f, target: undefined, options: [] } : f)),
    });
    expect(errors.map((e) => [e.path, e.reason])).toEqual([
      ['fields.1.target', 'required'],
      ['fields.1.options', 'additionalProperties'],
    ]);
  });

  it('checks flows on their own: one start, an end, known edges, unique node ids', () => {
    const flow = structuredClone(fullSampleApp().documents.find((d) => d.kind === 'flow')!) as unknown as {
      nodes: Record<string, unknown>[];
    };
    flow.nodes = flow.nodes.filter((n) => n.type !== 'end' && n.type !== 'start');
    flow.nodes.push({ type: 'auto_approve', id: 'auto', next: 'cc' });
    expect(validateDocument(flow).map((e) => [e.path, e.reason])).toEqual([
      ['nodes.7.id', 'duplicate'],
      ['nodes', 'flowStartCount'],
      ['nodes', 'flowNoEnd'],
      ['nodes.6.next', 'unknownNode'],
    ]);
  });

  it('checks a form tab, an item span wider than its section and duplicate item ids', () => {
    const form = structuredClone(fullSampleApp().documents.find((d) => d.kind === 'form')!) as unknown as {
      sections: { tab?: string; items: { id: string; span?: number }[] }[];
    };
    form.sections[0]!.tab = 'details';
    form.sections[0]!.items[0]!.span = 3;
    form.sections[0]!.items[1]!.id = 'i1';
    expect(validateDocument(form).map((e) => [e.path, e.reason, e.message.en])).toEqual([
      ['sections.0.items.1.id', 'duplicate', 'duplicate item id "i1"'],
      ['sections.0.tab', 'unknownTab', 'unknown tab "details"'],
      ['sections.0.items.0.span', 'spanTooWide', 'span 3 exceeds the section’s 2 column(s)'],
    ]);
  });

  it('accepts relative dates in query filters but not in conditions', () => {
    const rule = structuredClone(
      fullSampleApp().documents.find((d) => d.name === 'nightly')!,
    ) as unknown as Record<string, unknown>;
    rule.trigger = {
      type: 'schedule',
      cron: '0 2 * * *',
      filter: { '<': [{ var: 'signed_on' }, { days_ago: 30 }] },
    };
    expect(validateDocument(rule)).toEqual([]);
    rule.condition = { '<': [{ var: 'signed_on' }, { days_ago: 30 }] };
    expect(validateDocument(rule).map((e) => e.path)).toEqual(['condition.<.1.days_ago']);
  });
});
