import { open } from 'node:fs/promises';
import { importFileError } from './import-file-error';
import { listZipEntries } from './zip-entries';

/** A genuine xlsx part compresses 5–50×; a zip bomb thousands of times. */
const MAX_RATIO = 1000;

/**
 * Reads a zip's central directory (at the end of the file) without unpacking anything and refuses files
 * that are not xlsx zips, use ZIP64 sizes, expand to more than `maxUncompressedBytes` in total, or contain
 * an entry with a bomb-like compression ratio. Run before any streaming reader touches the file.
 */
export async function inspectZip(
  path: string,
  maxUncompressedBytes: number,
): Promise<{ uncompressedBytes: number }> {
  const fh = await open(path, 'r');
  try {
    const entries = await listZipEntries(fh);
    if (!entries || !entries.some((e) => e.name === 'xl/workbook.xml')) {
      throw importFileError(
        '文件已损坏或不是有效的 .xlsx 文件',
        'The file is corrupted or not a valid .xlsx workbook',
      );
    }
    let total = 0;
    for (const e of entries) {
      if (e.uncompressedSize === 0xffffffff || e.compressedSize === 0xffffffff)
        throw tooLarge(maxUncompressedBytes);
      if (e.uncompressedSize > 1_000_000 && e.uncompressedSize / Math.max(1, e.compressedSize) > MAX_RATIO) {
        throw importFileError(
          `文件中的 ${e.name} 压缩比异常（疑似压缩炸弹），已拒绝`,
          `${e.name} in the file has a suspicious compression ratio (zip bomb?); refused`,
        );
      }
      total += e.uncompressedSize;
    }
    if (total > maxUncompressedBytes) throw tooLarge(maxUncompressedBytes);
    return { uncompressedBytes: total };
  } finally {
    await fh.close();
  }
}

function tooLarge(max: number) {
  const mb = Math.round(max / 1024 / 1024);
  return importFileError(
    `解压后超过 ${mb} MB 的上限，已拒绝（可拆分文件或改用 CSV）`,
    `Expands to more than the ${mb} MB limit; refused (split the file or use CSV)`,
  );
}
