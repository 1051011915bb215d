import { writeFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';

/**
 * Writes a minimal zip (no ZIP64, CRCs left 0 — our reader does not check them) whose entries are
 * deflated, or stored with `store: true`; `declaredSize` overrides an entry's uncompressed size, to fake
 * a lying central directory.
 */
export function writeZip(
  path: string,
  entries: { name: string; text: string; store?: boolean; declaredSize?: number }[],
): void {
  const locals: Buffer[] = [];
  const cens: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const raw = Buffer.from(e.text, 'utf8');
    const data = e.store ? raw : deflateRawSync(raw);
    const method = e.store ? 0 : 8;
    const size = e.declaredSize ?? raw.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0);
    cen.writeUInt16LE(20, 4);
    cen.writeUInt16LE(20, 6);
    cen.writeUInt16LE(method, 10);
    cen.writeUInt32LE(data.length, 20);
    cen.writeUInt32LE(size, 24);
    cen.writeUInt16LE(name.length, 28);
    cen.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    cens.push(cen, name);
    offset += local.length + name.length + data.length;
  }
  const cd = Buffer.concat(cens);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  writeFileSync(path, Buffer.concat([...locals, cd, eocd]));
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** A hand-written .xlsx: sheets as raw `<sheetData>` inner XML, optional shared strings and styles XML. */
export function writeRawXlsx(
  path: string,
  opts: {
    sheets: { name: string; rows: string }[];
    sharedStrings?: string;
    styles?: string;
    workbookPr?: string;
    store?: boolean;
  },
): void {
  const sheets = opts.sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
  const rels = opts.sheets.map(
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  writeZip(path, [
    {
      name: 'xl/workbook.xml',
      text: `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS} ${RNS}>${opts.workbookPr ?? ''}<sheets>${sheets.join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      text: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
    },
    ...(opts.sharedStrings === undefined
      ? []
      : [{ name: 'xl/sharedStrings.xml', text: `<sst ${NS}>${opts.sharedStrings}</sst>` }]),
    ...(opts.styles === undefined
      ? []
      : [{ name: 'xl/styles.xml', text: `<styleSheet ${NS}>${opts.styles}</styleSheet>` }]),
    ...opts.sheets.map((s, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      text: `<?xml version="1.0"?>\n<worksheet ${NS} ${RNS}><sheetData>${s.rows}</sheetData><mergeCells count="0"/></worksheet>`,
      store: opts.store,
    })),
  ]);
}
