import { IGNORE_XML, scanZipEntryXml } from './scan-zip-entry-xml';
import type { XlsxWorkbook } from './xlsx-workbook';
import { xmlAttr } from './xml-scanner';

/** Built-in number formats that show dates or times (ECMA-376 §18.8.30, incl. the East Asian ids). */
const BUILT_IN_DATE_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/**
 * Which cell styles (`s="N"` → `cellXfs/xf[N]`) format numbers as dates, from xl/styles.xml: a built-in
 * date format id or a custom `<numFmt formatCode>` with date tokens.
 */
export async function readDateStyles(wb: XlsxWorkbook): Promise<boolean[]> {
  const out: boolean[] = [];
  if (!wb.styles) return out;
  const custom = new Map<number, string>();
  let inCellXfs = false;
  await scanZipEntryXml(wb.path, wb.styles, {
    ...IGNORE_XML,
    open(name, tag, selfClosing) {
      if (name === 'numFmt') custom.set(Number(xmlAttr(tag, 'numFmtId')), xmlAttr(tag, 'formatCode') ?? '');
      else if (name === 'cellXfs') inCellXfs = !selfClosing;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(xmlAttr(tag, 'numFmtId') ?? 0);
        const code = custom.get(id);
        out.push(code === undefined ? BUILT_IN_DATE_IDS.has(id) : isDateFormat(code));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return out;
}

/**
 * Whether a number format code shows a date or time: after dropping quoted text, `\`-escaped and `_`/`*`
 * padding characters and `[…]` sections (colours, conditions, locales; `[h]` elapsed time counts), any of
 * y m d h s remains (exceljs's rule, which the previous reader used).
 */
export function isDateFormat(code: string): boolean {
  if (/\[(h+|m+|s+)\]/i.test(code)) return true;
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\.|[_*]./g, '')
    .replace(/\[[^\]]*\]/g, '');
  return /[ymdhsb]/i.test(bare.replace(/General/gi, '').replace(/E[+-]/g, ''));
}
