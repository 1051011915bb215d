/**
 * A streaming RFC 4180 CSV parser: feed decoded text chunks, get complete records back. Quoted fields may
 * hold delimiters, doubled quotes and line breaks and may span chunks; `\r\n`, `\n` and `\r` end records;
 * a leading BOM is dropped. Unquoted fields are cut with `indexOf`-style scanning, which is what makes
 * it several times faster than a general-purpose parser on large exports.
 *
 * @example
 * const p = new CsvRecordParser(',');
 * p.push('a,"b ""x"""\n1,2\n'); // → [['a', 'b "x"'], ['1', '2']]
 * p.end(); // → [] (a last line without a newline comes out here)
 */
export class CsvRecordParser {
  private buf = '';
  private first = true;
  private failure: Error | null = null;
  private readonly d: number;

  constructor(
    delimiter: string,
    /** Longest record in characters; longer ones throw (a broken quote would otherwise eat the file). */
    private readonly maxRecordChars = 8 * 1024 * 1024,
  ) {
    this.d = delimiter.charCodeAt(0);
  }

  /** Parses as many whole records as `chunk` completes. */
  push(chunk: string): string[][] {
    if (this.failure) throw this.failure;
    let text = this.buf + chunk;
    if (this.first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.first = false;
    }
    const out: string[][] = [];
    const used = this.parse(text, out, false);
    this.buf = text.slice(used);
    if (this.buf.length > this.maxRecordChars) {
      // The records before the broken one are good: hand them out first, fail on the next call, so the
      // error names the right record.
      this.failure = new Error(
        `a record is longer than ${this.maxRecordChars} characters (unbalanced quote?)`,
      );
      if (out.length === 0) throw this.failure;
    }
    return out;
  }

  /** Parses what is left (a final record without a line break). */
  end(): string[][] {
    if (this.failure) throw this.failure;
    const out: string[][] = [];
    if (this.buf.length) this.parse(this.buf, out, true);
    this.buf = '';
    return out;
  }

  /** Parses records from `s`, returns how many characters were consumed (whole records only unless `final`). */
  private parse(s: string, out: string[][], final: boolean): number {
    const n = s.length;
    const d = this.d;
    let start = 0;
    let i = 0;
    let record: string[] = [];
    while (i <= n) {
      if (i === n) {
        if (!final) return start;
        if (i > start || record.length) {
          record.push('');
          out.push(record);
        }
        return n;
      }
      if (s.charCodeAt(i) === 34) {
        // Quoted field: find the closing quote (a doubled quote is an escaped one).
        let j = i + 1;
        let value = '';
        for (;;) {
          const q = s.indexOf('"', j);
          if (q === -1) {
            if (!final) return start;
            value += s.slice(j);
            i = n;
            break;
          }
          if (q + 1 < n && s.charCodeAt(q + 1) === 34) {
            value += s.slice(j, q + 1);
            j = q + 2;
            continue;
          }
          if (q + 1 === n && !final) return start;
          value += s.slice(j, q);
          i = q + 1;
          break;
        }
        // Tolerate text after the closing quote up to the delimiter (relaxed quotes).
        let k = i;
        while (k < n) {
          const c = s.charCodeAt(k);
          if (c === d || c === 10 || c === 13) break;
          k++;
        }
        if (k === n && !final) return start;
        value += s.slice(i, k);
        record.push(value);
        i = k;
      } else {
        let k = i;
        while (k < n) {
          const c = s.charCodeAt(k);
          if (c === d || c === 10 || c === 13) break;
          k++;
        }
        if (k === n && !final) return start;
        record.push(s.slice(i, k));
        i = k;
      }
      if (i >= n) {
        out.push(record);
        return n;
      }
      const c = s.charCodeAt(i);
      if (c === d) {
        i++;
        if (i === n && final) {
          record.push('');
          out.push(record);
          return n;
        }
        continue;
      }
      // Line break: \r\n, \n or \r.
      if (c === 13 && i + 1 === n && !final) return start;
      i += c === 13 && s.charCodeAt(i + 1) === 10 ? 2 : 1;
      out.push(record);
      record = [];
      start = i;
    }
    return start;
  }
}
