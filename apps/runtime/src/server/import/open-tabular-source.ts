import { extname } from 'node:path';
import { openCsvSource } from './csv-source';
import { importFileError } from './import-file-error';
import { DEFAULT_SOURCE_LIMITS, type SourceLimits, type TabularSource } from './tabular-source';
import { openXlsxSource } from './xlsx-source';

/** Opens an .xlsx or .csv/.txt file by its extension (the original upload name). */
export async function openTabularSource(
  path: string,
  fileName: string,
  limits: SourceLimits = DEFAULT_SOURCE_LIMITS,
): Promise<TabularSource> {
  const ext = extname(fileName).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') return openXlsxSource(path, limits);
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') return openCsvSource(path, limits);
  throw importFileError(
    `不支持的文件类型 ${ext || '(无扩展名)'}，请上传 .xlsx 或 .csv`,
    `Unsupported file type ${ext || '(none)'}; upload .xlsx or .csv`,
  );
}
