const MAX_PENDING_CHARS = 8 * 1024 * 1024;
/** `&#x10FFFF;` */
const LONGEST_ENTITY = 10;

/** What an {@link XmlScanner} reports; names are local (a namespace prefix such as `x:` is dropped). */
export interface XmlHandler {
  /** `tag` is the whole start tag (`<c r="A1" t="s">`), for {@link xmlAttr}. */
  open(name: string, tag: string, selfClosing: boolean): void;
  close(name: string): void;
  /**
   * Raw character data between tags, entities still encoded (see {@link decodeXml}); one run may arrive in
   * several pieces (never splitting an entity), so concatenate until the next tag.
   */
  text(raw: string): void;
  /** A CDATA section's content (never entity-encoded). */
  cdata(text: string): void;
}

/**
 * A small push scanner for the XML inside .xlsx parts, fed decoded text chunks of any size: an incomplete
 * tag (or text run, so an entity is never cut) at the end of a chunk is kept and completed by the next.
 * It checks no well-formedness beyond what it needs — a hand-written scanner is several times faster than
 * a general SAX parser on multi-megabyte sheets, and xlsx parts are machine-written.
 */
export class XmlScanner {
  private rest = '';

  constructor(private readonly handler: XmlHandler) {}

  write(chunk: string): void {
    const buf = this.rest.length > 0 ? this.rest + chunk : chunk;
    this.rest = buf.slice(this.scan(buf));
    // Only an unfinished tag (or entity) is carried over; one that never ends would be re-scanned with
    // every chunk (quadratic), so forged XML is refused instead.
    if (this.rest.length > MAX_PENDING_CHARS)
      throw new Error(`XML has a tag longer than ${MAX_PENDING_CHARS / 1024 / 1024} M characters`);
  }

  /** Flushes trailing text; an unterminated tag at the end of the input is an error. */
  end(): void {
    if (this.rest.length === 0) return;
    if (this.rest.includes('<')) throw new Error('XML ends inside a tag');
    this.handler.text(this.rest);
    this.rest = '';
  }

  /** Handles every complete item of `buf`; returns where the unfinished tail starts. */
  private scan(buf: string): number {
    const h = this.handler;
    let i = 0;
    for (;;) {
      const lt = buf.indexOf('<', i);
      if (lt < 0) return this.flushText(buf, i);
      if (lt > i) h.text(buf.slice(i, lt));
      const next = buf.charCodeAt(lt + 1);
      if (Number.isNaN(next)) return lt;
      let end: number;
      if (next === 47 /* / */) {
        end = buf.indexOf('>', lt);
        if (end < 0) return lt;
        const name = buf.slice(lt + 2, end);
        h.close(name.length < 3 ? name : localName(name.trim()));
      } else if (next === 63 /* ? */) {
        end = buf.indexOf('?>', lt);
        if (end < 0) return lt;
        end++;
      } else if (next === 33 /* ! */) {
        end = this.special(buf, lt);
        if (end < 0) return lt;
      } else {
        end = tagEnd(buf, lt);
        if (end < 0) return lt;
        const selfClosing = buf.charCodeAt(end - 1) === 47;
        const tag = buf.slice(lt, end + 1);
        const ne = nameEnd(tag);
        const name = tag.slice(1, ne);
        h.open(ne < 4 ? name : localName(name), tag, selfClosing);
      }
      i = end + 1;
    }
  }

  /** Text with no tag after it yet: hands it on now (a huge cell need not pile up), except an unfinished entity. */
  private flushText(buf: string, i: number): number {
    let cut = buf.lastIndexOf('&');
    if (cut < i || buf.length - cut > LONGEST_ENTITY || buf.indexOf(';', cut) >= 0) cut = buf.length;
    if (cut > i) this.handler.text(buf.slice(i, cut));
    return cut;
  }

  /** Comments, CDATA sections and declarations; the index of their last character or -1. */
  private special(buf: string, lt: number): number {
    if (buf.startsWith('<!--', lt)) {
      const end = buf.indexOf('-->', lt + 4);
      return end < 0 ? -1 : end + 2;
    }
    if (buf.startsWith('<![CDATA[', lt)) {
      const end = buf.indexOf(']]>', lt + 9);
      if (end < 0) return -1;
      this.handler.cdata(buf.slice(lt + 9, end));
      return end + 2;
    }
    if (buf.length < lt + 9) return -1;
    return buf.indexOf('>', lt);
  }
}

/** The `>` closing the start tag at `lt`, skipping `>` inside quoted attribute values; -1 if not in `buf`. */
function tagEnd(buf: string, lt: number): number {
  let from = lt + 1;
  for (;;) {
    const gt = buf.indexOf('>', from);
    if (gt < 0) return -1;
    let quote = 0;
    for (let k = lt + 1; k < gt; k++) {
      const c = buf.charCodeAt(k);
      if (quote === 0) {
        if (c === 34 || c === 39) quote = c;
      } else if (c === quote) quote = 0;
    }
    if (quote === 0) return gt;
    from = gt + 1;
  }
}

function nameEnd(tag: string): number {
  let k = 1;
  for (; k < tag.length; k++) {
    const c = tag.charCodeAt(k);
    if (c === 32 || c === 47 || c === 62 || c === 9 || c === 10 || c === 13) break;
  }
  return k;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** The decoded value of attribute `name` (exact, prefix included: `r:id`) of a start tag, or null. */
export function xmlAttr(tag: string, name: string): string | null {
  let k = nameEnd(tag);
  const n = tag.length;
  while (k < n) {
    const c = tag.charCodeAt(k);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62) {
      k++;
      continue;
    }
    const eq = tag.indexOf('=', k);
    if (eq < 0) return null;
    const attrName = tag.slice(k, eq).trim();
    let q = eq + 1;
    while (q < n && tag.charCodeAt(q) !== 34 && tag.charCodeAt(q) !== 39) q++;
    const close = tag.indexOf(tag[q] ?? '"', q + 1);
    if (close < 0) return null;
    if (attrName === name) return decodeXml(tag.slice(q + 1, close));
    k = close + 1;
  }
  return null;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const ENTITY = /&(#[xX][0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;

/** Replaces the five predefined entities and character references; other `&` text is kept as is. */
export function decodeXml(raw: string): string {
  if (raw.indexOf('&') < 0) return raw;
  return raw.replace(ENTITY, (whole, ref: string) => {
    if (ref.charCodeAt(0) !== 35) return NAMED[ref] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
