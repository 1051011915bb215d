import { type CellValue, excelSerialToWallClock, type SourceRow } from '@lattice/engine/import';
import { decodeXml } from './xml-scanner';

/** What cell values need besides the sheet: shared strings, which styles are dates, the date system. */
export interface SheetContext {
  sharedStrings: string[];
  dateStyles: boolean[];
  date1904: boolean;
}

const LT = 60;
const GT = 62;
const SLASH = 47;
const QUOTE = 34;
const APOS = 39;
const COLON = 58;
const MAX_PENDING_BYTES = 8 * 1024 * 1024;

enum CellType {
  Number,
  Shared,
  Str,
  Inline,
  Bool,
  Error,
  IsoDate,
}

enum Capture {
  None,
  Value,
  InlineText,
}

/**
 * A worksheet's XML → rows, fed raw UTF-8 chunks of any size. It works on bytes, not text: only cell
 * values are decoded (and numbers not even that), which makes it several times faster than a SAX parser
 * over decoded text on a 100,000-row sheet. A tag cut by a chunk border waits for the next chunk; a
 * value's text is kept as byte pieces until its cell closes, so neither UTF-8 characters nor entities
 * are ever split and a huge cell is not re-scanned. Completed rows wait in {@link take}.
 */
export class SheetRowParser {
  /** True once `</sheetData>` is seen: what follows (merges, print settings) is not needed. */
  done = false;
  private rest: Buffer | null = null;
  private ready: SourceRow[] = [];
  private inData = false;
  private rowNumber = 0;
  private cells: CellValue[] = [];
  private col = 0;
  private type = CellType.Number;
  private style = 0;
  private inCell = false;
  private inInline = false;
  private phonetic = 0;
  private capture = Capture.None;
  private hasValue = false;
  /** The value's bytes: one span of a chunk (the usual case) or, when cut by chunk borders, pieces. */
  private span: Buffer | null = null;
  private spanStart = 0;
  private spanEnd = 0;
  private pieces: Buffer[] = [];

  constructor(private readonly ctx: SheetContext) {}

  write(chunk: Buffer): void {
    const buf = this.rest ? Buffer.concat([this.rest, chunk]) : chunk;
    const used = this.scan(buf);
    this.rest = used < buf.length ? buf.subarray(used) : null;
    // Only an unfinished tag, comment or CDATA section is carried over; one that never ends would be
    // re-copied with every chunk (quadratic), so a forged sheet is refused instead.
    if (this.rest && this.rest.length > MAX_PENDING_BYTES)
      throw new Error(`worksheet XML has a tag longer than ${MAX_PENDING_BYTES / 1024 / 1024} MB`);
  }

  /** An unterminated tag at the end of the sheet is an error. */
  end(): void {
    if (this.rest && this.rest.indexOf(LT) >= 0) throw new Error('worksheet XML ends inside a tag');
  }

  take(): SourceRow[] {
    const out = this.ready;
    this.ready = [];
    return out;
  }

  /** Handles every complete item of `buf`; returns where its unfinished tail starts. */
  private scan(buf: Buffer): number {
    const n = buf.length;
    let i = 0;
    while (!this.done) {
      const lt = buf.indexOf(LT, i);
      if (lt < 0) {
        if (this.capture !== Capture.None && i < n) this.addPiece(buf, i, n);
        return n;
      }
      if (lt > i && this.capture !== Capture.None) this.addPiece(buf, i, lt);
      if (lt + 1 >= n) return lt;
      const next = buf[lt + 1]!;
      let end: number;
      if (next === SLASH) {
        end = buf.indexOf(GT, lt);
        if (end < 0) return lt;
        this.close(buf, lt + 2, end);
      } else if (next === 63 /* ? */ || next === 33 /* ! */) {
        end = this.special(buf, lt);
        if (end < 0) return lt;
      } else {
        end = tagEnd(buf, lt);
        if (end < 0) return lt;
        this.open(buf, lt + 1, end);
      }
      i = end + 1;
    }
    return n;
  }

  /** Declarations, comments and CDATA (taken as literal value text); the index of their last byte or -1. */
  private special(buf: Buffer, lt: number): number {
    if (buf[lt + 1] === 63) {
      const end = buf.indexOf('?>', lt, 'latin1');
      return end < 0 ? -1 : end + 1;
    }
    if (lt + 9 > buf.length) return -1;
    if (buf.toString('latin1', lt, lt + 4) === '<!--') {
      const end = buf.indexOf('-->', lt + 4, 'latin1');
      return end < 0 ? -1 : end + 2;
    }
    if (buf.toString('latin1', lt, lt + 9) === '<![CDATA[') {
      const end = buf.indexOf(']]>', lt + 9, 'latin1');
      if (end < 0) return -1;
      if (this.capture !== Capture.None) {
        const text = buf
          .toString('utf8', lt + 9, end)
          .replaceAll('&', '&amp;')
          .replaceAll('<', '&lt;');
        const bytes = Buffer.from(text, 'utf8');
        this.addPiece(bytes, 0, bytes.length);
      }
      return end + 2;
    }
    return buf.indexOf(GT, lt);
  }

  private open(buf: Buffer, start: number, gt: number): void {
    const selfClosing = buf[gt - 1] === SLASH;
    let nameEnd = start;
    while (nameEnd < gt && !isNameEnd(buf[nameEnd]!)) nameEnd++;
    const s = localStart(buf, start, nameEnd);
    const len = nameEnd - s;
    const c0 = buf[s];
    if (len === 1) {
      if (c0 === 99 /* c */) {
        if (this.inData) this.openCell(buf, nameEnd, gt, selfClosing);
      } else if (c0 === 118 /* v */) {
        if (this.inCell && !selfClosing) this.startCapture(Capture.Value);
      } else if (c0 === 116 /* t */ && this.inInline) {
        if (this.phonetic > 0) return;
        if (selfClosing) this.hasValue = true;
        else this.startCapture(Capture.InlineText);
      }
    } else if (len === 2 && c0 === 105 && buf[s + 1] === 115 /* is */) {
      this.inInline = this.inCell && !selfClosing;
    } else if (len === 3 && c0 === 114 /* r */) {
      if (buf[s + 1] === 111 && buf[s + 2] === 119 /* row */) this.openRow(buf, nameEnd, gt, selfClosing);
      else if (buf[s + 1] === 80 && buf[s + 2] === 104 /* rPh */ && !selfClosing) this.phonetic++;
    } else if (len === 9 && buf.toString('latin1', s, nameEnd) === 'sheetData') {
      this.inData = !selfClosing;
      if (selfClosing) this.done = true;
    }
  }

  private close(buf: Buffer, start: number, gt: number): void {
    let nameEnd = start;
    while (nameEnd < gt && !isNameEnd(buf[nameEnd]!)) nameEnd++;
    const s = localStart(buf, start, nameEnd);
    const len = nameEnd - s;
    const c0 = buf[s];
    if (len === 1) {
      if (c0 === 99 /* c */) {
        if (this.inCell) this.closeCell();
      } else if (c0 === 118 /* v */) {
        if (this.capture === Capture.Value) this.capture = Capture.None;
      } else if (c0 === 116 /* t */) {
        if (this.capture === Capture.InlineText) this.capture = Capture.None;
      }
    } else if (len === 2 && c0 === 105 && buf[s + 1] === 115 /* is */) {
      this.inInline = false;
    } else if (len === 3 && c0 === 114 /* r */) {
      if (buf[s + 1] === 111 && buf[s + 2] === 119 /* row */) {
        if (this.inData) this.ready.push({ row: this.rowNumber, cells: this.cells });
      } else if (buf[s + 1] === 80 && buf[s + 2] === 104 /* rPh */) this.phonetic--;
    } else if (len === 9 && buf.toString('latin1', s, nameEnd) === 'sheetData') {
      this.inData = false;
      this.done = true;
    }
  }

  private openRow(buf: Buffer, from: number, gt: number, selfClosing: boolean): void {
    if (!this.inData) return;
    let r = 0;
    forEachShortAttr(buf, from, gt, (name, vs, ve) => {
      if (name === 114 /* r */) r = parseDigits(buf, vs, ve);
    });
    this.rowNumber = r > 0 ? r : this.rowNumber + 1;
    this.cells = [];
    this.col = 0;
    if (selfClosing) this.ready.push({ row: this.rowNumber, cells: this.cells });
  }

  /** Reads r, s and t straight from the bytes (the hot path: once per cell). */
  private openCell(buf: Buffer, from: number, gt: number, selfClosing: boolean): void {
    let col = 0;
    let type = CellType.Number;
    let style = 0;
    forEachShortAttr(buf, from, gt, (name, vs, ve) => {
      if (name === 114 /* r */) col = columnIndex(buf, vs, ve);
      else if (name === 115 /* s */) style = parseDigits(buf, vs, ve);
      else if (name === 116 /* t */) type = cellType(buf, vs, ve);
    });
    this.col = col > 0 ? col : this.col + 1;
    // A forged reference (`ZZZZZZ1`) must not make the row array billions of cells long.
    if (this.col > MAX_COLUMNS) throw new Error(`cell column ${this.col} is beyond Excel's last column XFD`);
    if (selfClosing) return;
    this.inCell = true;
    this.type = type;
    this.style = style;
    this.hasValue = false;
    this.clearValue();
  }

  private startCapture(kind: Capture): void {
    this.capture = kind;
    if (!this.hasValue) this.clearValue();
    this.hasValue = true;
  }

  private closeCell(): void {
    this.inCell = false;
    this.inInline = false;
    this.capture = Capture.None;
    if (!this.hasValue) return;
    const value = this.value();
    if (value === null) return;
    const cells = this.cells;
    const at = this.col - 1;
    while (cells.length < at) cells.push(null);
    cells[at] = value;
  }

  private addPiece(buf: Buffer, start: number, end: number): void {
    if (this.span === null && this.pieces.length === 0) {
      this.span = buf;
      this.spanStart = start;
      this.spanEnd = end;
      return;
    }
    if (this.span !== null) {
      this.pieces.push(this.span.subarray(this.spanStart, this.spanEnd));
      this.span = null;
    }
    this.pieces.push(buf.subarray(start, end));
  }

  private clearValue(): void {
    this.span = null;
    if (this.pieces.length > 0) this.pieces = [];
  }

  private value(): CellValue {
    let buf = this.span ?? EMPTY;
    let s = this.spanStart;
    let e = this.spanEnd;
    if (this.pieces.length > 0) {
      buf = Buffer.concat(this.pieces);
      s = 0;
      e = buf.length;
    } else if (this.span === null) e = s = 0;
    switch (this.type) {
      case CellType.Shared:
        return this.ctx.sharedStrings[sharedIndex(buf, s, e)] ?? null;
      case CellType.Str:
      case CellType.Inline:
      case CellType.Error:
        return decodeXml(buf.toString('utf8', s, e));
      case CellType.Bool:
        return e === s ? null : Number(buf.toString('latin1', s, e)) !== 0;
      case CellType.IsoDate:
        return isoToWallClock(buf.toString('latin1', s, e));
      default: {
        if (e === s) return null;
        const n = parseNumber(buf, s, e);
        if (Number.isNaN(n)) return null;
        return this.ctx.dateStyles[this.style] ? excelSerialToWallClock(n, this.ctx.date1904) : n;
      }
    }
  }
}

const EMPTY = Buffer.alloc(0);
/** Excel's last column, XFD. */
const MAX_COLUMNS = 16_384;

function isNameEnd(c: number): boolean {
  return c === 32 || c === SLASH || c === GT || c === 9 || c === 10 || c === 13;
}

/** Where the local part of a tag name starts (after a namespace prefix such as `x:`). */
function localStart(buf: Buffer, start: number, end: number): number {
  for (let k = start; k < end; k++) if (buf[k] === COLON) return k + 1;
  return start;
}

/** The `>` closing the start tag at `lt`, skipping `>` inside quoted attribute values; -1 if not in `buf`. */
function tagEnd(buf: Buffer, lt: number): number {
  const n = buf.length;
  let quote = 0;
  for (let k = lt + 1; k < n; k++) {
    const c = buf[k]!;
    if (quote === 0) {
      if (c === GT) return k;
      if (c === QUOTE || c === APOS) quote = c;
    } else if (c === quote) quote = 0;
  }
  return -1;
}

/**
 * Calls `fn(nameByte, valueStart, valueEnd)` for each attribute with a one-letter name (r, s, t: all that
 * rows and cells need); longer or prefixed names (`x14ac:dyDescent`, `spans`) pass as 0.
 */
function forEachShortAttr(
  buf: Buffer,
  from: number,
  gt: number,
  fn: (name: number, valueStart: number, valueEnd: number) => void,
): void {
  let k = from;
  while (k < gt) {
    while (k < gt && buf[k]! <= 32) k++;
    const nameStart = k;
    while (k < gt && buf[k] !== 61 /* = */ && buf[k]! > 32 && buf[k] !== SLASH && buf[k] !== GT) k++;
    const nameEnd = k;
    while (k < gt && buf[k] !== QUOTE && buf[k] !== APOS) k++;
    if (k >= gt) return;
    const q = buf[k]!;
    const close = buf.indexOf(q, k + 1);
    if (close < 0 || close > gt) return;
    fn(nameEnd - nameStart === 1 ? buf[nameStart]! : 0, k + 1, close);
    k = close + 1;
  }
}

/** `C5` → 3 (1-based column of a cell reference); 0 when there are no letters. */
function columnIndex(buf: Buffer, start: number, end: number): number {
  let col = 0;
  for (let k = start; k < end; k++) {
    const c = buf[k]! & ~32;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return col;
}

/** A non-negative integer; NaN when the bytes are not all digits (or there are none). */
function parseDigits(buf: Buffer, start: number, end: number): number {
  if (end <= start) return Number.NaN;
  let n = 0;
  for (let k = start; k < end; k++) {
    const d = buf[k]! - 48;
    if (d < 0 || d > 9) return Number.NaN;
    n = n * 10 + d;
  }
  return n;
}

function sharedIndex(buf: Buffer, start: number, end: number): number {
  const n = parseDigits(buf, start, end);
  return Number.isNaN(n) ? Number.parseInt(buf.toString('latin1', start, end), 10) : n;
}

/** `<v>` of a number cell: plain integers digit by digit (exact below 2^53), anything else via parseFloat. */
function parseNumber(buf: Buffer, start: number, end: number): number {
  const neg = buf[start] === 45; /* - */
  const from = neg ? start + 1 : start;
  if (end - from <= 15) {
    const n = parseDigits(buf, from, end);
    if (!Number.isNaN(n)) return neg ? -n : n;
  }
  return Number.parseFloat(buf.toString('latin1', start, end));
}

function cellType(buf: Buffer, start: number, end: number): CellType {
  const len = end - start;
  switch (buf[start]) {
    case 115 /* s, str */:
      return len === 1 ? CellType.Shared : CellType.Str;
    case 105 /* inlineStr */:
      return CellType.Inline;
    case 98 /* b */:
      return CellType.Bool;
    case 101 /* e */:
      return CellType.Error;
    case 100 /* d */:
      return CellType.IsoDate;
    default:
      return CellType.Number;
  }
}

/** A `t="d"` cell (ISO 8601 text): its wall clock as UTC fields, like the date-styled numbers. */
function isoToWallClock(text: string): CellValue {
  const local = text.replace(/(Z|[+-]\d\d:?\d\d)$/, '');
  const ms = Date.parse(local.includes('T') ? `${local}Z` : `${local}T00:00:00Z`);
  return Number.isNaN(ms) ? text : new Date(ms);
}
