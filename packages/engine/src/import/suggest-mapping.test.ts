import { describe, expect, it } from 'vitest';
import type { EntityDoc } from '../model/entity';
import { prepareMapping, rowToInput } from './row-to-input';
import { suggestMapping } from './suggest-mapping';

const t = (zh: string, en: string) => ({ zh, en });
const customer: EntityDoc = {
  kind: 'entity',
  schemaVersion: 1,
  name: 'customer',
  label: t('客户', 'Customer'),
  titleField: 'name',
  fields: [
    { id: 'name', name: 'name', type: 'text', label: t('客户名称', 'Customer name'), required: true },
    { id: 'credit_code', name: 'credit_code', type: 'text', label: t('统一社会信用代码', 'Credit code') },
    { id: 'employees', name: 'employees', type: 'integer', label: t('员工人数', 'Employees') },
    {
      id: 'score',
      name: 'score',
      type: 'formula',
      label: t('评分', 'Score'),
      expression: 1,
      resultType: 'number',
    },
  ],
} as EntityDoc;

describe('suggestMapping', () => {
  it('matches by zh label, en label or API name, ignoring case, spaces and brackets', () => {
    const m = suggestMapping(customer, ['统一社会信用代码', 'customer NAME', 'employees', '备注']);
    expect(m.map((x) => x.field)).toEqual(['credit_code', 'name', 'employees', null]);
  });
  it('matches a header that contains a label, preferring exact headers, never a field twice or a computed field', () => {
    expect(suggestMapping(customer, ['客户名称(必填)', '评分']).map((x) => x.field)).toEqual(['name', null]);
    const m = suggestMapping(customer, ['客户名称(必填)', '客户名称']);
    expect(m.map((x) => x.field)).toEqual([null, 'name']);
  });
  it('lets a saved mapping win for the headers it knows', () => {
    const m = suggestMapping(customer, ['名字'], [{ column: 0, header: '名字', field: 'name' }]);
    expect(m[0]!.field).toBe('name');
  });
});

describe('rowToInput', () => {
  it('converts mapped cells, leaves blanks out and reports bad cells with the header', () => {
    const p = prepareMapping(customer, suggestMapping(customer, ['客户名称', '员工人数']));
    expect(rowToInput(p, { row: 2, cells: ['甲', '1,200'] })).toEqual({
      row: 2,
      input: { name: '甲', employees: 1200 },
      errors: [],
      blank: false,
    });
    expect(rowToInput(p, { row: 3, cells: [null, ' '] }).blank).toBe(true);
    const bad = rowToInput(p, { row: 4, cells: ['乙', 'many'] });
    expect(bad.errors).toMatchObject([{ row: 4, column: '员工人数', field: 'employees', value: 'many' }]);
  });
  it('refuses a mapping to unknown, computed or repeated fields', () => {
    expect(() =>
      prepareMapping(customer, [
        { column: 0, header: 'a', field: 'nope' },
        { column: 1, header: 'b', field: 'score' },
      ]),
    ).toThrow(/nope|Unknown/);
  });
});
