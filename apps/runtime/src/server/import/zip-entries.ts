import type { FileHandle } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;

/** One entry of a zip's central directory. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** The central directory of the zip open in `fh`, or null when it is not a (non-ZIP64) zip. */
export async function listZipEntries(fh: FileHandle): Promise<ZipEntry[] | null> {
  const { size } = await fh.stat();
  const tailLen = Math.min(size, 65_557);
  if (tailLen < 22) return null;
  const tail = Buffer.alloc(tailLen);
  await fh.read(tail, 0, tailLen, size - tailLen);
  let eocd = -1;
  for (let i = tailLen - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (cdOffset === 0xffffffff || count === 0xffff || cdOffset + cdSize > size) return null;
  const cd = Buffer.alloc(cdSize);
  await fh.read(cd, 0, cdSize, cdOffset);
  const out: ZipEntry[] = [];
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CEN_SIG) return null;
    const nameLen = cd.readUInt16LE(p + 28);
    out.push({
      method: cd.readUInt16LE(p + 10),
      compressedSize: cd.readUInt32LE(p + 20),
      uncompressedSize: cd.readUInt32LE(p + 24),
      name: cd.toString('utf8', p + 46, p + 46 + nameLen),
      localHeaderOffset: cd.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
  }
  return out;
}

/**
 * The first `maxBytes` (or all, when smaller) of an entry's uncompressed content: stored entries are
 * read directly, deflated ones inflated from a bounded prefix of the compressed data.
 */
export async function readZipEntryPrefix(fh: FileHandle, entry: ZipEntry, maxBytes: number): Promise<string> {
  const loc = Buffer.alloc(30);
  await fh.read(loc, 0, 30, entry.localHeaderOffset);
  if (loc.readUInt32LE(0) !== LOC_SIG) return '';
  const start = entry.localHeaderOffset + 30 + loc.readUInt16LE(26) + loc.readUInt16LE(28);
  const want = Math.min(entry.compressedSize, entry.method === 0 ? maxBytes : Math.max(maxBytes, 64 * 1024));
  const data = Buffer.alloc(want);
  await fh.read(data, 0, want, start);
  if (entry.method === 0) return data.toString('utf8');
  if (entry.method !== 8) return '';
  try {
    // A truncated deflate stream: `finishFlush` makes zlib return what it could inflate.
    return inflateRawSync(data, { finishFlush: 2, maxOutputLength: maxBytes }).toString('utf8');
  } catch {
    return '';
  }
}
