import { StringDecoder } from 'node:string_decoder';
import { readZipEntryBytes } from './read-zip-entry-bytes';
import type { ZipEntry } from './zip-entries';

/** One zip entry's content as UTF-8 text chunks; a character split between two byte chunks is decoded whole. */
export async function* readZipEntryText(path: string, entry: ZipEntry): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of readZipEntryBytes(path, entry)) yield decoder.write(chunk);
  const tail = decoder.end();
  if (tail) yield tail;
}
