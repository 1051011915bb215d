/**
 * Reads what a user typed into a numeric input: thousands separators, currency symbols, `%` and
 * full-width digits are accepted. Empty → null; text that is not a number is returned unchanged so
 * validation can point at it (instead of silently dropping the user's input).
 */
export function parseNumberInput(text: string): number | string | null {
  const normalised = text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[¥￥$,，\s%]/g, '');
  if (normalised === '') return null;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normalised)) return text;
  return Number(normalised);
}

/** Formats a number for display: currency with ¥ and two decimals, percent with a % sign. */
export function formatNumber(
  value: number,
  kind: 'number' | 'integer' | 'currency' | 'percent',
  precision?: number,
): string {
  const digits = kind === 'currency' ? 2 : kind === 'integer' ? 0 : precision;
  const fmt = new Intl.NumberFormat('zh-CN', {
    minimumFractionDigits: digits ?? 0,
    maximumFractionDigits: digits ?? 6,
  });
  const text = fmt.format(value);
  if (kind === 'currency') return `¥${text}`;
  if (kind === 'percent') return `${text}%`;
  return text;
}
