import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline, type Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import type { ZipEntry } from './zip-entries';

const LOC_SIG = 0x04034b50;
const CHUNK = 256 * 1024;

/**
 * Streams one zip entry's content in chunks of bytes (stored or deflated, inflated with node:zlib as it is
 * read). Refuses an entry that inflates past the size its central directory declares — the zip-bomb guard
 * (`inspectZip`) trusts those sizes.
 */
export async function* readZipEntryBytes(path: string, entry: ZipEntry): AsyncGenerator<Buffer> {
  const start = await dataStart(path, entry);
  if (entry.method !== 0 && entry.method !== 8)
    throw new Error(`${entry.name} uses unsupported compression method ${entry.method}`);
  if (entry.compressedSize === 0) return;
  const raw = createReadStream(path, {
    start,
    end: start + Math.max(0, entry.compressedSize - 1),
    highWaterMark: CHUNK,
  });
  const stream: Readable =
    entry.method === 0 ? raw : pipeline(raw, createInflateRaw({ chunkSize: CHUNK }), () => {});
  let bytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > entry.uncompressedSize)
        throw new Error(`${entry.name} inflates to more than its declared ${entry.uncompressedSize} bytes`);
      yield chunk;
    }
  } finally {
    stream.destroy();
    raw.destroy();
  }
}

/** The offset of the entry's data: after its local header, whose name/extra lengths may differ from the CD's. */
async function dataStart(path: string, entry: ZipEntry): Promise<number> {
  const fh = await open(path, 'r');
  try {
    const loc = Buffer.alloc(30);
    await fh.read(loc, 0, 30, entry.localHeaderOffset);
    if (loc.readUInt32LE(0) !== LOC_SIG) throw new Error(`${entry.name}: bad local header`);
    return entry.localHeaderOffset + 30 + loc.readUInt16LE(26) + loc.readUInt16LE(28);
  } finally {
    await fh.close();
  }
}
