import { readZipEntryText } from './read-zip-entry-text';
import { type XmlHandler, XmlScanner } from './xml-scanner';
import type { ZipEntry } from './zip-entries';

/** Runs `handler` over the whole XML of one zip entry, streamed (for the small parts and shared strings). */
export async function scanZipEntryXml(path: string, entry: ZipEntry, handler: XmlHandler): Promise<void> {
  const scanner = new XmlScanner(handler);
  for await (const text of readZipEntryText(path, entry)) scanner.write(text);
  scanner.end();
}

/** A handler that ignores everything, to extend with the events a reader needs. */
export const IGNORE_XML: XmlHandler = {
  open() {},
  close() {},
  text() {},
  cdata() {},
};
