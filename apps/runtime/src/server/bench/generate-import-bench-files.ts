/**
 * Writes the import benchmark's files in a process of their own, so generating the workbook (exceljs's
 * writer holds shared strings and styles) does not count towards the peak RSS the benchmark reports for
 * the imports: `node <this file> <csv path> <xlsx path> <rows>` (run through the caller's TS loader).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { writeBenchCsv, writeBenchXlsx } from './import-bench-data';

/** Generates both files in a child process (same Node binary and loader flags as this one). */
export function generateImportBenchFiles(csv: string, xlsx: string, rows: number): void {
  execFileSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), csv, xlsx, String(rows)],
    {
      stdio: 'inherit',
    },
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [csv, xlsx, rows] = process.argv.slice(2);
  if (!csv || !xlsx || !rows) throw new Error('usage: generate-import-bench-files <csv> <xlsx> <rows>');
  await writeBenchCsv(csv, Number(rows));
  await writeBenchXlsx(xlsx, Number(rows));
}
