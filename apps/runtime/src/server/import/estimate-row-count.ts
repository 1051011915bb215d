import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { listZipEntries, readZipEntryPrefix, type ZipEntry } from './zip-entries';

/**
 * How many rows a sheet has, cheaply, for the progress bar's total and ETA (the final counts are exact):
 * xlsx — the `<dimension ref="A1:T100001">` at the top of the sheet part (found through workbook.xml and
 * its rels, inflating only a prefix); csv — the newline count. Null when unknown.
 */
export async function estimateRowCount(
  path: string,
  format: 'xlsx' | 'csv',
  sheet: string | null,
): Promise<number | null> {
  return format === 'csv' ? countLines(path) : xlsxDimensionRows(path, sheet);
}

async function countLines(path: string): Promise<number> {
  let lines = 0;
  let last = 10;
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    let i = chunk.indexOf(10);
    while (i !== -1) {
      lines++;
      i = chunk.indexOf(10, i + 1);
    }
    if (chunk.length) last = chunk[chunk.length - 1]!;
  }
  return last === 10 ? lines : lines + 1;
}

async function xlsxDimensionRows(path: string, sheet: string | null): Promise<number | null> {
  const fh = await open(path, 'r');
  try {
    const entries = await listZipEntries(fh);
    if (!entries) return null;
    const find = (name: string) => entries.find((e) => e.name === name);
    const wb = find('xl/workbook.xml');
    const rels = find('xl/_rels/workbook.xml.rels');
    if (!wb || !rels) return null;
    const wbXml = await readZipEntryPrefix(fh, wb, 1024 * 1024);
    const relsXml = await readZipEntryPrefix(fh, rels, 1024 * 1024);
    const sheets = [...wbXml.matchAll(/<sheet\b[^>]*>/g)].map((m) => ({
      name: decode(/\bname="([^"]*)"/.exec(m[0])?.[1] ?? ''),
      rid: /\br:id="([^"]*)"/.exec(m[0])?.[1] ?? '',
    }));
    const pick = sheet === null ? sheets[0] : sheets.find((s) => s.name === sheet);
    if (!pick) return null;
    const rel = [...relsXml.matchAll(/<Relationship\b[^>]*>/g)]
      .map((m) => m[0])
      .find((r) => r.includes(`Id="${pick.rid}"`));
    const target = rel ? /\bTarget="([^"]*)"/.exec(rel)?.[1] : undefined;
    if (!target) return null;
    const part: ZipEntry | undefined = find(target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    if (!part) return null;
    const head = await readZipEntryPrefix(fh, part, 16 * 1024);
    const dim = /<dimension\s+ref="[A-Z]+(\d+)(?::[A-Z]+(\d+))?"/.exec(head);
    return dim ? Number(dim[2] ?? dim[1]) : null;
  } finally {
    await fh.close();
  }
}

function decode(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
