import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CellValue, SourceRow } from '@lattice/engine/import';
import { afterAll, describe, expect, it } from 'vitest';
import { writeBenchXlsx } from '../bench/import-bench-data';
import { DEFAULT_SOURCE_LIMITS } from './tabular-source';
import { writeXlsx } from './testing/import-fixtures';
import { readXlsxRowsWithExceljs } from './testing/read-xlsx-rows-with-exceljs';
import { writeRawXlsx, writeZip } from './testing/write-zip';
import { openXlsxSource } from './xlsx-source';

const collect = async (rows: AsyncIterable<SourceRow>): Promise<SourceRow[]> => {
  const out: SourceRow[] = [];
  for await (const r of rows) out.push(r);
  return out;
};

describe('openXlsxSource', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lattice-xlsx-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const read = async (file: string, sheet: string | null = null) =>
    collect((await openXlsxSource(file, DEFAULT_SOURCE_LIMITS)).rows(sheet));

  it('keeps Chinese text intact across stream chunk borders', async () => {
    const names = Array.from({ length: 6000 }, (_, i) => `苏州精密机电第${i}号有限公司`);
    const file = join(dir, 'big.xlsx');
    await writeXlsx(file, [{ name: '客户', rows: [['客户名称'], ...names.map((n) => [n])] }]);
    const source = await openXlsxSource(file, DEFAULT_SOURCE_LIMITS);
    expect(await source.sheetNames()).toEqual(['客户']);
    const rows = await collect(source.rows('客户'));
    expect(rows.slice(1).map((r) => r.cells[0])).toEqual(names);
  });

  it('reads every cell of a benchmark-like sheet exactly as the exceljs reader did', async () => {
    const file = join(dir, 'bench.xlsx');
    await writeBenchXlsx(file, 3000);
    const mine = await read(file);
    expect(mine).toHaveLength(3001);
    expect(mine).toEqual(await collect(readXlsxRowsWithExceljs(file)));
    expect(mine[1]?.cells[12]).toBeInstanceOf(Date);
  });

  it('reads exceljs-written shared strings, formulas, dates, merged cells and sparse rows like exceljs', async () => {
    const file = join(dir, 'mixed.xlsx');
    await writeXlsx(file, [
      {
        name: 'S',
        rows: [
          ['名称', '数量', '日期', '布尔'],
          ['A & <B>', { formula: 'B3*2', result: 84 }, new Date(Date.UTC(2024, 2, 5, 13, 30)), true],
          [null, 42, null, false, null, null, 'far'],
          [],
          ['合并', null],
          ['', 1.5e-7],
        ],
        merges: ['A5:B6'],
      },
    ]);
    const mine = await read(file);
    expect(mine).toEqual(await collect(readXlsxRowsWithExceljs(file)));
    expect(mine[1]?.cells).toEqual(['A & <B>', 84, new Date(Date.UTC(2024, 2, 5, 13, 30)), true]);
    expect(mine[2]?.cells).toEqual([null, 42, null, false, null, null, 'far']);
  });

  it('reads shared and inline strings, rich text, booleans, errors, entities and sparse cells', async () => {
    const file = join(dir, 'raw.xlsx');
    writeRawXlsx(file, {
      sharedStrings:
        '<si><t>共享</t></si>' +
        '<si><r><rPr><b/></rPr><t xml:space="preserve">富 </t></r><r><t>文本</t></r><rPh><t>ふ</t></rPh></si>' +
        '<si><t>&lt;a&gt; &amp; &quot;q&quot; &apos;s&apos; &#20013;&#x6587;</t></si>',
      sheets: [
        {
          name: 'S & T',
          rows:
            '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c><c r="D2" t="s"><v>2</v></c></row>' +
            '<row r="5"><c r="B5" t="inlineStr"><is><t>内联</t></is></c>' +
            '<c r="C5" t="inlineStr"><is><r><t>富</t></r><r><t>内联</t></r></is></c>' +
            '<c r="D5" t="b"><v>1</v></c><c r="E5" t="b"><v>0</v></c><c r="F5" t="e"><v>#DIV/0!</v></c>' +
            '<c r="G5" t="str"><f>A1&amp;"x"</f><v>公式 &amp; 结果</v></c><c r="H5" s="0"/><c r="AA5"><v>-1.25E3</v></c></row>' +
            '<row r="6"/>' +
            '<row r="7"><c r="B7"><f>1/0</f><v>#DIV/0!</v></c><c r="C7"><![CDATA[x]]><v>7</v></c></row>',
        },
      ],
    });
    const source = await openXlsxSource(file, DEFAULT_SOURCE_LIMITS);
    expect(await source.sheetNames()).toEqual(['S & T']);
    const rows = await collect(source.rows('S & T'));
    const wide: CellValue[] = Array<CellValue>(27).fill(null);
    wide.splice(1, 6, '内联', '富内联', true, false, '#DIV/0!', '公式 & 结果');
    wide[26] = -1250;
    expect(rows).toEqual([
      { row: 2, cells: ['共享', null, '富 文本', '<a> & "q" \'s\' 中文'] },
      { row: 5, cells: wide },
      { row: 6, cells: [] },
      { row: 7, cells: [null, null, 7] },
    ]);
  });

  it('turns date-formatted numbers into wall-clock dates: built-in, custom and 1904 date systems', async () => {
    const styles =
      '<numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>' +
      '<numFmt numFmtId="165" formatCode="[Red]#,##0.00&quot;元&quot;"/><numFmt numFmtId="166" formatCode="[h]:mm"/></numFmts>' +
      '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
      '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="31"/><xf numFmtId="166"/></cellXfs>';
    const rows =
      '<row r="1"><c r="A1" s="1"><v>45356</v></c><c r="B1" s="2"><v>45356.5625</v></c><c r="C1" s="3"><v>45356</v></c>' +
      '<c r="D1" s="4"><v>45356</v></c><c r="E1" s="0"><v>45356</v></c><c r="F1" s="5"><v>1.5</v></c></row>' +
      '<row r="2"><c r="A2" s="1"><v>1</v></c><c r="B2" s="1"><v>59</v></c><c r="C2" s="1"><v>61</v></c></row>';
    const f1900 = join(dir, 'dates1900.xlsx');
    writeRawXlsx(f1900, { styles, sheets: [{ name: 'D', rows }] });
    const [r1, r2] = await read(f1900);
    expect(r1?.cells).toEqual([
      new Date(Date.UTC(2024, 2, 5)),
      new Date(Date.UTC(2024, 2, 5, 13, 30)),
      45356,
      new Date(Date.UTC(2024, 2, 5)),
      45356,
      new Date(Date.UTC(1900, 0, 1, 12)),
    ]);
    // Excel's serial 60 is the 29 February 1900 that never was: serials before it are one day later.
    expect(r2?.cells).toEqual([
      new Date(Date.UTC(1900, 0, 1)),
      new Date(Date.UTC(1900, 1, 28)),
      new Date(Date.UTC(1900, 2, 1)),
    ]);
    const f1904 = join(dir, 'dates1904.xlsx');
    writeRawXlsx(f1904, { styles, workbookPr: '<workbookPr date1904="1"/>', sheets: [{ name: 'D', rows }] });
    expect((await read(f1904))[0]?.cells[0]).toEqual(new Date(Date.UTC(2028, 2, 6)));
  });

  it('reads a big stored sheet whose tags straddle chunk borders, and a 1 MB cell', async () => {
    const huge = '长'.repeat(1024 * 1024);
    const body = Array.from(
      { length: 20_000 },
      (_, i) =>
        `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>行&amp;${i}</t></is></c><c r="B${i + 1}"><v>${i}</v></c></row>`,
    ).join('');
    for (const store of [true, false]) {
      const file = join(dir, `huge-${store}.xlsx`);
      writeRawXlsx(file, {
        store,
        sheets: [{ name: 'H', rows: `${body}<row r="20001"><c r="A20001" t="str"><v>${huge}</v></c></row>` }],
      });
      const rows = await read(file);
      expect(rows).toHaveLength(20_001);
      expect(rows.slice(0, 20_000).every((r, i) => r.cells[0] === `行&${i}` && r.cells[1] === i)).toBe(true);
      expect(rows[20_000]?.cells[0]).toBe(huge);
    }
  });

  it('names the missing sheet and the existing ones; refuses empty workbooks and lying zip entries', async () => {
    const two = join(dir, 'two.xlsx');
    writeRawXlsx(two, {
      sheets: [
        { name: '甲', rows: '' },
        { name: '乙', rows: '<row r="1"><c r="A1"><v>2</v></c></row>' },
      ],
    });
    expect(await read(two)).toEqual([]);
    expect(await read(two, '乙')).toEqual([{ row: 1, cells: [2] }]);
    await expect(read(two, '丙')).rejects.toMatchObject({
      code: 'LATTICE_ERR_IMPORT',
      details: [{ path: 'sheet', message: { zh: '工作表「丙」不存在（现有：甲、乙）' } }],
    });
    const none = join(dir, 'none.xlsx');
    writeRawXlsx(none, { sheets: [] });
    await expect((await openXlsxSource(none, DEFAULT_SOURCE_LIMITS)).sheetNames()).rejects.toMatchObject({
      details: [{ message: { en: 'The workbook has no worksheets' } }],
    });
    await expect(read(none)).rejects.toMatchObject({
      details: [{ message: { en: 'The workbook has no worksheets' } }],
    });
    const liar = join(dir, 'liar.xlsx');
    writeZip(liar, [
      {
        name: 'xl/workbook.xml',
        text: '<workbook><sheets><sheet name="L" r:id="rId1"/></sheets></workbook>',
      },
      {
        name: 'xl/_rels/workbook.xml.rels',
        text: '<Relationships><Relationship Id="rId1" Target="/xl/worksheets/l.xml"/></Relationships>',
      },
      {
        name: 'xl/worksheets/l.xml',
        text: `<worksheet><sheetData>${' '.repeat(100_000)}</sheetData></worksheet>`,
        declaredSize: 100,
      },
    ]);
    const garbled = join(dir, 'garbled.xlsx');
    writeRawXlsx(garbled, { sheets: [{ name: 'G', rows: '<row r="1"><c r="A1"><v>1</v></c></row>' }] });
    const bytes = readFileSync(garbled);
    const at = bytes.indexOf('xl/worksheets/sheet1.xml') + 'xl/worksheets/sheet1.xml'.length;
    bytes.fill(0xff, at, at + 12);
    writeFileSync(garbled, bytes);
    await expect(read(garbled)).rejects.toMatchObject({
      code: 'LATTICE_ERR_IMPORT',
      details: [{ path: 'file', message: { zh: expect.stringContaining('.xlsx 文件无法读取') } }],
    });
    await expect(read(liar)).rejects.toMatchObject({
      details: [
        { message: { en: expect.stringMatching(/cannot be read: .*more than its declared 100 bytes/) } },
      ],
    });
  });
});
