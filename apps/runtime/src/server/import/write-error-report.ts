import type { Writable } from 'node:stream';
import type { Locale } from '@lattice/engine';
import ExcelJS from 'exceljs';
import type { ImportStore } from './import-store';

const HEADERS: Record<'zh' | 'en', string[]> = {
  zh: ['行号', '列', '字段', '值', '原因'],
  en: ['Row', 'Column', 'Field', 'Value', 'Reason'],
};

/**
 * Streams an import's error report as .xlsx (row, column, field, value, reason in `locale`) into `out`,
 * reading the error rows page by page, so a report of any size never sits in memory.
 */
export async function writeErrorReport(
  store: ImportStore,
  appId: string,
  importId: string,
  locale: Locale,
  out: Writable,
): Promise<void> {
  const lang = locale === 'en' ? 'en' : 'zh';
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet(lang === 'zh' ? '导入错误' : 'Import errors');
  ws.columns = [{ width: 8 }, { width: 24 }, { width: 20 }, { width: 40 }, { width: 60 }];
  const head = ws.addRow(HEADERS[lang]);
  head.font = { bold: true };
  head.commit();
  let after = 0;
  for (;;) {
    const page = await store.errors(appId, importId, after, 2000);
    if (!page.length) break;
    for (const e of page) ws.addRow([e.row, e.column ?? '', e.field ?? '', e.value, e.reason[lang]]).commit();
    after = page[page.length - 1]!.seq;
  }
  ws.commit();
  await wb.commit();
}
