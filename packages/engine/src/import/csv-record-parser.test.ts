import { describe, expect, it } from 'vitest';
import { CsvRecordParser } from './csv-record-parser';

const all = (delim: string, chunks: string[]) => {
  const p = new CsvRecordParser(delim);
  return [...chunks.flatMap((c) => p.push(c)), ...p.end()];
};

describe('CsvRecordParser', () => {
  it('splits records and fields, keeping empty fields', () => {
    expect(all(',', ['a,b,c\n1,,3\n'])).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
    ]);
  });
  it('handles quotes with delimiters, doubled quotes and line breaks, across chunk borders', () => {
    const text = '名称,备注\r\n"甲,乙","说""好""\n第二行"\r\n丙,x';
    const expected = [
      ['名称', '备注'],
      ['甲,乙', '说"好"\n第二行'],
      ['丙', 'x'],
    ];
    expect(all(',', [text])).toEqual(expected);
    for (let cut = 1; cut < text.length; cut++)
      expect(all(',', [text.slice(0, cut), text.slice(cut)])).toEqual(expected);
  });
  it('drops a BOM, accepts other delimiters and a trailing delimiter', () => {
    expect(all(';', ['\ufeffa;b;\n'])).toEqual([['a', 'b', '']]);
    expect(all('\t', ['a\tb'])).toEqual([['a', 'b']]);
  });
  it('refuses a record that never ends', () => {
    const p = new CsvRecordParser(',', 10);
    expect(() => p.push('"unbalanced quote that goes on and on')).toThrow(/longer than 10/);
  });
  it('hands out the records before a record that never ends, then refuses it', () => {
    const p = new CsvRecordParser(',', 10);
    expect(p.push('a,b\n1,2\n"unbalanced quote that goes on and on')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(() => p.push('more')).toThrow(/longer than 10/);
    expect(() => p.end()).toThrow(/longer than 10/);
  });
});
