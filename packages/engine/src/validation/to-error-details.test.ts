import { describe, expect, it } from 'vitest';
import { fullSampleApp } from './testing/full-sample-app';
import { validateDocument } from './validate-document';

function doc(name: string): Record<string, unknown> {
  return structuredClone(fullSampleApp().documents.find((d) => d.name === name)) as unknown as Record<
    string,
    unknown
  >;
}

describe('toErrorDetails (through validateDocument)', () => {
  it('reports a bad map key at the key itself', () => {
    const role = doc('sales');
    (role.entities as Record<string, unknown>)['Bad Key'] = { rights: ['read'], scope: { type: 'all' } };
    expect(validateDocument(role)).toEqual([
      {
        path: 'entities.Bad Key',
        reason: 'propertyNames',
        message: { en: 'invalid key "Bad Key"', zh: '无效的键 "Bad Key"' },
      },
    ]);
  });

  it('reports duplicate array items and a malformed URL in both languages', () => {
    const rule = doc('vip_follow_up');
    const actions = rule.actions as Record<string, unknown>[];
    actions[7]!.url = 'not a url';
    const role = doc('sales');
    (role.entities as Record<string, { rights: string[] }>).customer!.rights = ['read', 'read'];
    expect(validateDocument(rule)).toEqual([
      {
        path: 'actions.7.url',
        reason: 'format',
        message: { en: 'expected a valid uri, got "not a url"', zh: '应为有效的 uri，实际为 "not a url"' },
      },
    ]);
    expect(validateDocument(role)).toEqual([
      {
        path: 'entities.customer.rights',
        reason: 'uniqueItems',
        message: { en: 'items 0 and 1 are duplicates', zh: '第 0 项与第 1 项重复' },
      },
    ]);
  });

  it('names a value above its maximum and one outside an enum', () => {
    const dash = doc('sales_overview');
    (dash.tiles as Record<string, unknown>[])[0]!.w = 99;
    expect(validateDocument(dash).map((e) => [e.path, e.message.en])).toEqual([
      ['tiles.0.w', 'expected a number ≤ 24, got 99'],
    ]);
    const form = doc('customer_form');
    (form.sections as Record<string, unknown>[])[0]!.columns = 5;
    expect(validateDocument(form).map((e) => [e.path, e.reason, e.message.zh])).toEqual([
      ['sections.0.columns', 'enum', '应为以下之一：1, 2, 3, 4，实际为 5'],
    ]);
  });
});
