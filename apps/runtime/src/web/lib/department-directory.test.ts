import { describe, expect, it } from 'vitest';
import { type DirectoryDepartment, departmentPathNames } from './department-directory';

const tree = new Map<string, DirectoryDepartment>(
  [
    { code: 'sales', name: { zh: '销售部', en: 'Sales' }, parent: null },
    { code: 'sales_east', name: { zh: '华东组', en: 'East team' }, parent: 'sales' },
    { code: 'a', name: { zh: 'A', en: 'A' }, parent: 'b' },
    { code: 'b', name: { zh: 'B', en: 'B' }, parent: 'a' },
  ].map((d) => [d.code, d]),
);

describe('departmentPathNames', () => {
  it('names a department from the root down in the chosen language', () => {
    expect(departmentPathNames('sales_east', tree, (d) => d.name.zh)).toEqual(['销售部', '华东组']);
    expect(departmentPathNames('sales_east', tree, (d) => d.name.en)).toEqual(['Sales', 'East team']);
  });

  it('stops at a loop in the parents and gives nothing for an unknown code', () => {
    expect(departmentPathNames('a', tree, (d) => d.name.en)).toEqual(['B', 'A']);
    expect(departmentPathNames('nope', tree, (d) => d.name.en)).toEqual([]);
  });
});
