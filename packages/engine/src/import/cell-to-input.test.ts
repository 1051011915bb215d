import { describe, expect, it } from 'vitest';
import type { Field } from '../model/field';
import { cellToInput } from './cell-to-input';
import { detectCsvEncoding, detectDelimiter, detectHeaderRow } from './detect-csv-format';
import { parseImportNumber } from './parse-import-number';
import { parseImportDate, parseImportDateTime } from './parse-import-temporal';

const t = (zh: string, en: string) => ({ zh, en });

describe('parseImportDate', () => {
  it('reads Excel serials, reader dates and Chinese formats', () => {
    expect(parseImportDate(45292)).toBe('2024-01-01');
    expect(parseImportDate(new Date(Date.UTC(2024, 2, 5)))).toBe('2024-03-05');
    for (const s of ['2024-03-05', '2024/3/5', '2024.3.5', '2024年3月5日', '20240305', '2024-03-05 10:00'])
      expect(parseImportDate(s)).toBe('2024-03-05');
  });
  it('refuses impossible dates and text', () => {
    expect(parseImportDate('2024-02-30')).toBeNull();
    expect(parseImportDate('明天')).toBeNull();
    expect(parseImportDate(true)).toBeNull();
  });
});

describe('parseImportDateTime', () => {
  it('reads zone-less values as China time and keeps explicit zones', () => {
    expect(parseImportDateTime('2024/3/5 14:30')).toBe('2024-03-05T14:30:00.000+08:00');
    expect(parseImportDateTime('2024-03-05T06:30:00Z')).toBe('2024-03-05T06:30:00.000Z');
    expect(parseImportDateTime(45292.5)).toBe('2024-01-01T12:00:00.000+08:00');
  });
});

describe('parseImportNumber', () => {
  it('reads separators, currency signs, full-width digits and 万/亿 units', () => {
    expect(parseImportNumber('1,234.5')).toBe(1234.5);
    expect(parseImportNumber('¥1,200,000')).toBe(1_200_000);
    expect(parseImportNumber('12.5万')).toBe(125_000);
    expect(parseImportNumber('1.1万')).toBe(11_000);
    expect(parseImportNumber('3亿')).toBe(300_000_000);
    expect(parseImportNumber('１２３')).toBe(123);
    expect(parseImportNumber('15%')).toBe(15);
    expect(parseImportNumber('abc')).toBeNull();
  });
});

describe('cellToInput', () => {
  const select: Field = {
    id: 'industry',
    name: 'industry',
    type: 'select',
    label: t('行业', 'Industry'),
    options: [{ value: 'machinery', label: t('机械装备', 'Machinery') }],
  };
  it('matches select options by value or zh/en label', () => {
    expect(cellToInput(select, '机械装备')).toEqual({ ok: true, value: 'machinery' });
    expect(cellToInput(select, 'MACHINERY')).toEqual({ ok: true, value: 'machinery' });
    expect(cellToInput(select, '其他')).toEqual({ ok: true, value: '其他' });
  });
  it('reads booleans in Chinese and English and splits lists', () => {
    const b: Field = { id: 'b', name: 'b', type: 'boolean', label: t('b', 'b') };
    expect(cellToInput(b, '是')).toEqual({ ok: true, value: true });
    expect(cellToInput(b, 'N')).toEqual({ ok: true, value: false });
    expect(cellToInput(b, '也许').ok).toBe(false);
    const m: Field = { ...select, type: 'multiselect' } as Field;
    expect(cellToInput(m, '机械装备、x')).toEqual({ ok: true, value: ['machinery', 'x'] });
  });
  it('explains an unreadable date in both languages', () => {
    const d: Field = { id: 'd', name: 'd', type: 'date', label: t('d', 'd') };
    const r = cellToInput(d, '2024-13-01');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.zh).toContain('日期');
  });
});

describe('CSV format detection', () => {
  it('picks the consistent delimiter', () => {
    expect(detectDelimiter('a;b;c\n1;2;3')).toBe(';');
    expect(detectDelimiter('a\tb\n1\t2')).toBe('\t');
    expect(detectDelimiter('"a,x";b;c\n1;2;3')).toBe(';');
  });
  it('skips a title line above the header', () => {
    expect(detectHeaderRow([['2024年客户名单'], ['名称', '城市', '金额'], ['甲', '苏州', 1]])).toBe(1);
  });
  it('tells UTF-8 from GBK bytes', () => {
    expect(detectCsvEncoding(new TextEncoder().encode('名称,城市'))).toBe('utf-8');
    expect(detectCsvEncoding(new Uint8Array([0xc3, 0xfb, 0xb3, 0xc6]))).toBe('gb18030');
  });
});
