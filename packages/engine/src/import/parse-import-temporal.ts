import { excelSerialToDate } from './excel-serial-date';

/** 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, 20240305 — optionally followed by a time. */
const DATE_RE =
  /^(\d{4})(?:[-/.年]\s*(\d{1,2})[-/.月]\s*(\d{1,2})日?|(\d{2})(\d{2}))(?:[T\s]+(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2})(?:\.(\d{1,3}))?秒?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** China time: a spreadsheet datetime without a zone is read as UTC+8 (the product's home zone). */
const DEFAULT_OFFSET = '+08:00';

interface Parts {
  y: number;
  m: number;
  d: number;
  hh: number;
  mi: number;
  ss: number;
  ms: number;
  zone: string | null;
}

function parts(raw: string): Parts | null {
  const m = DATE_RE.exec(raw.trim());
  if (!m) return null;
  const p: Parts = {
    y: Number(m[1]),
    m: Number(m[2] ?? m[4]),
    d: Number(m[3] ?? m[5]),
    hh: Number(m[6] ?? 0),
    mi: Number(m[7] ?? 0),
    ss: Number(m[8] ?? 0),
    ms: Number((m[9] ?? '0').padEnd(3, '0')),
    zone: m[10] ?? null,
  };
  if (p.m < 1 || p.m > 12 || p.d < 1 || p.d > new Date(Date.UTC(p.y, p.m, 0)).getUTCDate()) return null;
  if (p.hh > 23 || p.mi > 59 || p.ss > 59) return null;
  return p;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function fromDate(d: Date): Parts {
  return {
    y: d.getUTCFullYear(),
    m: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    hh: d.getUTCHours(),
    mi: d.getUTCMinutes(),
    ss: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
    zone: null,
  };
}

function toParts(raw: unknown): Parts | null {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : fromDate(raw);
  if (typeof raw === 'number') {
    const d = excelSerialToDate(raw);
    return d ? fromDate(d) : null;
  }
  if (typeof raw === 'string') {
    const s = raw.trim();
    if (/^\d+(\.\d+)?$/.test(s) && s.length <= 7) {
      const d = excelSerialToDate(Number(s));
      return d ? fromDate(d) : null;
    }
    return parts(s);
  }
  return null;
}

/**
 * A spreadsheet date cell → `YYYY-MM-DD`, or null when it is not a real date. Accepts Excel serials,
 * reader `Date`s (their UTC fields are the cell's fields), ISO dates and the common Chinese forms
 * (`2024/3/5`, `2024.3.5`, `2024年3月5日`, `20240305`); a time part is dropped.
 *
 * @example parseImportDate('2024年3月5日') // → '2024-03-05'
 */
export function parseImportDate(raw: unknown): string | null {
  const p = toParts(raw);
  return p ? `${pad(p.y, 4)}-${pad(p.m)}-${pad(p.d)}` : null;
}

/**
 * A spreadsheet datetime cell → ISO 8601 with offset (the form the record API takes), or null. Values
 * without a zone are China time (UTC+8); Excel serials and reader `Date`s are wall-clock values too.
 *
 * @example parseImportDateTime('2024/3/5 14:30') // → '2024-03-05T14:30:00.000+08:00'
 */
export function parseImportDateTime(raw: unknown): string | null {
  const p = toParts(raw);
  if (!p) return null;
  const zone = p.zone === null ? DEFAULT_OFFSET : p.zone.toUpperCase() === 'Z' ? 'Z' : p.zone;
  return `${pad(p.y, 4)}-${pad(p.m)}-${pad(p.d)}T${pad(p.hh)}:${pad(p.mi)}:${pad(p.ss)}.${pad(p.ms, 3)}${zone}`;
}
