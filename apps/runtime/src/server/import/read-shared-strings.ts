import { IGNORE_XML, scanZipEntryXml } from './scan-zip-entry-xml';
import type { XlsxWorkbook } from './xlsx-workbook';
import { decodeXml } from './xml-scanner';

/**
 * xl/sharedStrings.xml, streamed, as an array (cells refer to it by index, so it must stay in memory):
 * each `<si>` is its `<t>` or the concatenated `<t>`s of its rich-text runs; phonetic hints (`<rPh>`) are
 * not part of the text.
 */
export async function readSharedStrings(wb: XlsxWorkbook): Promise<string[]> {
  const out: string[] = [];
  if (!wb.sharedStrings) return out;
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  let text = '';
  let raw = '';
  await scanZipEntryXml(wb.path, wb.sharedStrings, {
    ...IGNORE_XML,
    open(name, _tag, selfClosing) {
      if (name === 'si') {
        inSi = !selfClosing;
        text = '';
        if (selfClosing) out.push('');
      } else if (name === 't' && inSi && phonetic === 0 && !selfClosing) {
        inT = true;
        raw = '';
      } else if (name === 'rPh' && !selfClosing) phonetic++;
    },
    close(name) {
      if (name === 't' && inT) {
        inT = false;
        text += decodeXml(raw);
      } else if (name === 'rPh') phonetic--;
      else if (name === 'si' && inSi) {
        inSi = false;
        out.push(text);
      }
    },
    text(piece) {
      if (inT) raw += piece;
    },
    cdata(piece) {
      if (inT) raw += piece.replaceAll('&', '&amp;');
    },
  });
  return out;
}
