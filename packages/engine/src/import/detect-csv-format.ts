const DELIMITERS = [',', ';', '\t', '|'] as const;
export type CsvDelimiter = (typeof DELIMITERS)[number];

/**
 * Picks the delimiter that splits the sample's first lines into the most consistent, widest rows
 * (quotes respected). Defaults to a comma.
 *
 * @example detectDelimiter('名称;城市\n甲;苏州') // → ';'
 */
export function detectDelimiter(sample: string): CsvDelimiter {
  const lines = sample
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 20);
  let best: CsvDelimiter = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const consistent = counts.filter((c) => c === first).length;
    const score = consistent * 100 + first;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}

/**
 * The 0-based index of the header row among the first rows: the first row whose non-blank cells are
 * mostly text and which is at least half as wide as the widest row (titles such as "2024年客户名单" above
 * the table are skipped).
 */
export function detectHeaderRow(rows: readonly (readonly unknown[])[]): number {
  const width = (r: readonly unknown[]) =>
    r.filter((c) => c !== null && c !== undefined && String(c).trim() !== '').length;
  const widest = Math.max(0, ...rows.map(width));
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const w = width(row);
    if (w === 0 || w * 2 < widest) continue;
    const texts = row.filter(
      (c) => typeof c === 'string' && c.trim() !== '' && !/^[\d.,\s-]+$/.test(c),
    ).length;
    if (texts * 2 >= w) return i;
  }
  return 0;
}

/**
 * Which text encoding a CSV's first bytes are in: a UTF-8 BOM or valid UTF-8 means `utf-8`; anything
 * else is taken as `gb18030` (a superset of GBK and GB2312, what Chinese Excel writes).
 */
export function detectCsvEncoding(head: Uint8Array): 'utf-8' | 'gb18030' {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  // A multi-byte character may be cut at the end of the sample: ignore up to 3 trailing bytes.
  let end = head.length;
  for (let k = 1; k <= 3 && end - k >= 0; k++) {
    const b = head[end - k]!;
    if ((b & 0xc0) === 0xc0) {
      end -= k;
      break;
    }
    if ((b & 0x80) === 0) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}
