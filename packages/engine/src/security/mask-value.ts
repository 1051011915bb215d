/**
 * Masks a sensitive value for display: a phone number keeps its first three and last four digits
 * (`13812345678` → `138****5678`); shorter text keeps its first character. Null stays null.
 *
 * @example maskValue('13812345678') // '138****5678'
 */
export function maskValue(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const chars = [...text];
  if (chars.length >= 7) return `${chars.slice(0, 3).join('')}****${chars.slice(-4).join('')}`;
  return `${chars[0] ?? ''}***`;
}
