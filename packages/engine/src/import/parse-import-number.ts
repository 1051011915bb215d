const UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8, 千: 1e3, k: 1e3, K: 1e3 };
const FULL_WIDTH = /[０-９．，－＋]/g;
const NUMBER_RE = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:e([+-]?\d+))?$/i;
/** Plain decimal text, the common case: parsed without any rewriting. */
const PLAIN_RE = /^-?\d{1,15}(\.\d+)?$/;

/**
 * A spreadsheet number cell → number, or null when it is not one. Text may carry thousands separators
 * (`1,234.5`, `1 234`), full-width digits, a currency sign (`¥`, `￥`, `$`, `元`), a trailing `%`
 * (`12%` → 12, since percent fields store percent points) and a Chinese unit (`12.5万` → 125000, `3亿`).
 *
 * @example parseImportNumber('1,200.5万') // → 12005000
 */
export function parseImportNumber(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw === 'boolean' || typeof raw !== 'string') return null;
  if (PLAIN_RE.test(raw)) return Number(raw);
  let s = raw
    .trim()
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/^[¥￥$]|元$|RMB$/gi, '')
    .replace(/%$/, '')
    .trim();
  let factor = 1;
  const unit = UNITS[s.slice(-1)];
  if (unit !== undefined) {
    factor = unit;
    s = s.slice(0, -1).trim();
  }
  s = s.replace(/(\d)[,\s](?=\d{3}(\D|$))/g, '$1');
  const m = NUMBER_RE.exec(s);
  if (!m) return null;
  const n = Number(s) * factor;
  // Scale by the unit without binary noise (1.1万 → 11000, not 11000.000000000002).
  return Number.isFinite(n) ? Number(n.toPrecision(15)) : null;
}
