import { open } from 'node:fs/promises';
import { IGNORE_XML, scanZipEntryXml } from './scan-zip-entry-xml';
import { xmlAttr } from './xml-scanner';
import { listZipEntries, type ZipEntry } from './zip-entries';

/** One sheet of the workbook, in workbook order; `entry` is null for a chartsheet or a missing part. */
export interface XlsxSheet {
  name: string;
  entry: ZipEntry | null;
}

/** What reading any sheet needs: the sheets, the shared strings and styles parts, the date system. */
export interface XlsxWorkbook {
  path: string;
  sheets: XlsxSheet[];
  sharedStrings: ZipEntry | null;
  styles: ZipEntry | null;
  date1904: boolean;
}

const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

/**
 * Reads the zip's central directory, xl/workbook.xml (sheet names and order, `date1904`) and
 * xl/_rels/workbook.xml.rels (r:id → part) — a few kilobytes, never a sheet.
 */
export async function readXlsxWorkbook(path: string): Promise<XlsxWorkbook> {
  const fh = await open(path, 'r');
  let entries: ZipEntry[] | null;
  try {
    entries = await listZipEntries(fh);
  } finally {
    await fh.close();
  }
  if (!entries) throw new Error('not a zip file');
  const byName = new Map(entries.map((e) => [e.name, e]));
  const part = (name: string) => byName.get(name) ?? null;
  const workbook = part('xl/workbook.xml');
  if (!workbook) throw new Error('xl/workbook.xml is missing');

  const declared: { name: string; rid: string }[] = [];
  let date1904 = false;
  await scanZipEntryXml(path, workbook, {
    ...IGNORE_XML,
    open(name, tag) {
      if (name === 'sheet')
        declared.push({ name: xmlAttr(tag, 'name') ?? '', rid: xmlAttr(tag, 'r:id') ?? relId(tag) });
      else if (name === 'workbookPr') date1904 = isTrue(xmlAttr(tag, 'date1904'));
    },
  });

  const rels = new Map<string, { type: string; target: string }>();
  const relsEntry = part('xl/_rels/workbook.xml.rels');
  if (relsEntry)
    await scanZipEntryXml(path, relsEntry, {
      ...IGNORE_XML,
      open(name, tag) {
        if (name !== 'Relationship') return;
        const id = xmlAttr(tag, 'Id');
        const target = xmlAttr(tag, 'Target');
        if (id && target) rels.set(id, { type: xmlAttr(tag, 'Type') ?? '', target: resolveTarget(target) });
      },
    });
  const relOfType = (type: string) =>
    [...rels.values()].find((r) => r.type === REL_TYPE + type || r.type.endsWith(`/${type}`))?.target;

  return {
    path,
    sheets: declared.map(({ name, rid }) => {
      const rel = rels.get(rid);
      const isChart = rel?.type.endsWith('/chartsheet') ?? false;
      return { name, entry: rel && !isChart ? part(rel.target) : null };
    }),
    sharedStrings: part(relOfType('sharedStrings') ?? 'xl/sharedStrings.xml'),
    styles: part(relOfType('styles') ?? 'xl/styles.xml'),
    date1904,
  };
}

/** The relationship id when its prefix is not `r:` (any `…:id` attribute). */
function relId(tag: string): string {
  return /\s[\w]+:id\s*=\s*["']([^"']*)["']/.exec(tag)?.[1] ?? '';
}

function isTrue(v: string | null): boolean {
  return v === '1' || v === 'true';
}

/** A relationship target as a zip path: relative to xl/, or absolute from the package root. */
function resolveTarget(target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `xl/${target}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}
