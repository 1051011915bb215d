import { describe, expect, it } from 'vitest';
import { departmentOptions, departmentPath, type OrgUnit } from './department-options';

const units: OrgUnit[] = [
  { code: 'sales_east', name: { zh: '华东组', en: 'East team' }, parent: 'sales' },
  { code: 'sales', name: { zh: '销售部', en: 'Sales' }, parent: null },
  { code: 'a', name: { zh: 'A', en: 'A' }, parent: 'b' },
  { code: 'b', name: { zh: 'B', en: 'B' }, parent: 'a' },
];
const byCode = new Map(units.map((u) => [u.code, u]));

describe('departmentPath', () => {
  it('names a department from the root down in the chosen language', () => {
    expect(departmentPath('sales_east', byCode, 'zh-CN')).toEqual(['销售部', '华东组']);
    expect(departmentPath('sales_east', byCode, 'en')).toEqual(['Sales', 'East team']);
  });

  it('stops at a loop in the parents and gives nothing for an unknown code', () => {
    expect(departmentPath('a', byCode, 'en')).toEqual(['B', 'A']);
    expect(departmentPath('nope', byCode, 'en')).toEqual([]);
  });
});

describe('departmentOptions', () => {
  it('titles each department by its path, sorted so children follow their parent', () => {
    const options = departmentOptions(units.slice(0, 2), 'zh-CN');
    expect(options.map((o) => [o.id, o.title])).toEqual([
      ['sales', '销售部'],
      ['sales_east', '销售部 / 华东组'],
    ]);
  });
});
