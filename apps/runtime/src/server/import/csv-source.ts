import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  type CellValue,
  CsvRecordParser,
  detectCsvEncoding,
  detectDelimiter,
  type SourceRow,
} from '@lattice/engine/import';
import iconv from 'iconv-lite';
import { importFileError } from './import-file-error';
import { flattenChunks, type SourceLimits, type TabularSource } from './tabular-source';

const SAMPLE_BYTES = 64 * 1024;

/**
 * A CSV file as a {@link TabularSource}: encoding (UTF-8, else GB18030/GBK) and delimiter detected from
 * the first 64 KB, then streamed through iconv-lite and the engine's `CsvRecordParser` — never read whole.
 */
export async function openCsvSource(path: string, limits: SourceLimits): Promise<TabularSource> {
  const fh = await open(path, 'r');
  const head = Buffer.alloc(SAMPLE_BYTES);
  const { bytesRead } = await fh.read(head, 0, SAMPLE_BYTES, 0);
  await fh.close();
  if (bytesRead === 0) throw importFileError('文件是空的', 'The file is empty');
  const encoding = detectCsvEncoding(head.subarray(0, bytesRead));
  const sample = iconv.decode(head.subarray(0, bytesRead), encoding);
  const delimiter = detectDelimiter(sample);
  const name = basename(path).replace(/\.[^.]+$/, '') || 'csv';
  const rowChunks = (sheet: string | null) => {
    if (sheet !== null && sheet !== name) {
      throw importFileError(`CSV 文件没有工作表「${sheet}」`, `A CSV file has no sheet "${sheet}"`, 'sheet');
    }
    return readCsv(path, encoding, delimiter, limits);
  };
  return {
    format: 'csv',
    sheetNames: async () => [name],
    rowChunks,
    rows: (sheet) => flattenChunks(rowChunks(sheet)),
  };
}

async function* readCsv(
  path: string,
  encoding: 'utf-8' | 'gb18030',
  delimiter: string,
  limits: SourceLimits,
): AsyncIterable<SourceRow[]> {
  const raw = createReadStream(path, { highWaterMark: 1024 * 1024 });
  const text: AsyncIterable<string> =
    encoding === 'utf-8'
      ? raw.setEncoding('utf8')
      : (raw.pipe(iconv.decodeStream('gb18030')) as unknown as AsyncIterable<string>);
  const parser = new CsvRecordParser(delimiter, limits.maxRecordChars);
  let row = 0;
  const toRow = (record: string[]): SourceRow => {
    const cells: CellValue[] = new Array(record.length);
    for (let i = 0; i < record.length; i++) {
      const v = record[i]!;
      cells[i] = v === '' ? null : v;
    }
    return { row: ++row, cells };
  };
  try {
    for await (const chunk of text) {
      const records = parser.push(chunk);
      if (records.length) yield records.map(toRow);
    }
    const last = parser.end();
    if (last.length) yield last.map(toRow);
  } catch (error) {
    raw.destroy();
    if (error instanceof Error && error.name === 'LatticeError') throw error;
    const msg = error instanceof Error ? error.message : String(error);
    throw importFileError(
      `CSV 第 ${row + 1} 行无法解析：${msg}`,
      `CSV row ${row + 1} cannot be parsed: ${msg}`,
    );
  } finally {
    raw.destroy();
  }
}
