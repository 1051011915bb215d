import { describe, expect, it } from 'vitest';
import { toCsv } from './to-csv';

describe('toCsv', () => {
  it('writes a BOM, localized headers, quoted cells and neutralised formulas', () => {
    const csv = toCsv(
      {
        columns: [
          { key: 'name', label: { zh: '客户', en: 'Customer' }, type: 'string', role: 'dimension' },
          { key: 'n', label: { zh: '数量', en: 'Count' }, type: 'number', role: 'measure' },
        ],
        rows: [
          { name: '华东 "一部", 上海', n: 3 },
          { name: '=HYPERLINK("x")', n: null },
        ],
      },
      'zh-CN',
    );
    expect(csv).toBe('\uFEFF客户,数量\r\n"华东 ""一部"", 上海",3\r\n"\'=HYPERLINK(""x"")",\r\n');
  });
});
