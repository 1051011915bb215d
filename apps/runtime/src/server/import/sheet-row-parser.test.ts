import type { SourceRow } from '@lattice/engine/import';
import { describe, expect, it } from 'vitest';
import { SheetRowParser } from './sheet-row-parser';

const SHEET = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?>\n<x:worksheet xmlns:x="urn:x"><!-- a > b --><x:sheetData>' +
    '<x:row r="1" spans="1:3"><x:c r="A1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:r><x:t>中</x:t></x:r>' +
    '<x:r><x:t xml:space="preserve">文 &amp; &#x41;</x:t></x:r><x:rPh><x:t>x</x:t></x:rPh></x:is></x:c></x:row>' +
    '<x:row r="3"><x:c r="B3" s="1"><x:v>45356.5</x:v></x:c><x:c r="D3" title="a>b"><x:f>A1</x:f><x:v>-12</x:v></x:c>' +
    '<x:c r="E3" t="str"><x:v><![CDATA[<&>]]></x:v></x:c><x:c r="F3" t="b"><x:v>1</x:v></x:c></x:row>' +
    '</x:sheetData><x:mergeCells><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>',
  'utf8',
);

const CTX = { sharedStrings: ['零', '一'], dateStyles: [false, true], date1904: false };

function parse(pieces: Buffer[]): SourceRow[] {
  const parser = new SheetRowParser(CTX);
  const rows: SourceRow[] = [];
  for (const p of pieces) {
    parser.write(p);
    rows.push(...parser.take());
  }
  parser.end();
  rows.push(...parser.take());
  return rows;
}

describe('SheetRowParser', () => {
  it('reads prefixed tags, rich inline text, entities, CDATA, formulas and date styles', () => {
    expect(parse([SHEET])).toEqual([
      { row: 1, cells: ['一', null, '中文 & A'] },
      {
        row: 3,
        cells: [null, new Date(Date.UTC(2024, 2, 5, 12)), null, -12, '<&>', true],
      },
    ]);
  });

  it('gives the same rows wherever the bytes are cut, even inside a tag, an entity or a UTF-8 character', () => {
    const whole = parse([SHEET]);
    for (let cut = 1; cut < SHEET.length; cut++)
      expect(parse([SHEET.subarray(0, cut), SHEET.subarray(cut)])).toEqual(whole);
    expect(parse([...SHEET].map((b) => Buffer.from([b])))).toEqual(whole);
  });

  it('stops at the end of sheetData and refuses a sheet cut off inside a tag', () => {
    const parser = new SheetRowParser(CTX);
    parser.write(SHEET);
    expect(parser.done).toBe(true);
    const cut = new SheetRowParser(CTX);
    cut.write(Buffer.from('<worksheet><sheetData><row r="1"><c r="A1"'));
    expect(() => cut.end()).toThrow('ends inside a tag');
  });

  it('refuses a tag or comment that never ends rather than re-copying it with every chunk', () => {
    const parser = new SheetRowParser(CTX);
    parser.write(Buffer.from('<worksheet><sheetData><!-- '));
    const mb = Buffer.alloc(1024 * 1024, 0x61);
    expect(() => {
      for (let k = 0; k < 9; k++) parser.write(mb);
    }).toThrow('longer than 8 MB');
  });

  it('refuses a cell reference beyond column XFD instead of growing the row without bound', () => {
    const row = (ref: string) =>
      parse([
        Buffer.from(
          `<worksheet><sheetData><row r="1"><c r="${ref}"><v>1</v></c></row></sheetData></worksheet>`,
        ),
      ]);
    expect(row('XFD1')[0]?.cells).toHaveLength(16_384);
    expect(() => row('ZZZZZZZ1')).toThrow('beyond Excel');
  });
});
