const TOKEN = /\{(yyyy|yy|mm|dd|0+)\}/g;
/** China Standard Time: "today's" numbers must roll over at local midnight, not UTC midnight. */
const DEFAULT_UTC_OFFSET_MINUTES = 480;

interface DateParts {
  yyyy: string;
  mm: string;
  dd: string;
}

/**
 * Renders an autonumber pattern: `{yyyy}` `{yy}` `{mm}` `{dd}` from `date` (in the given UTC offset, China
 * time by default) and `{0000}` as `seq` zero-padded to the number of zeros (longer numbers are not cut).
 * Other text is kept literally.
 *
 * @example formatAutonumber('CUS-{yyyy}-{0000}', new Date('2024-03-05T02:00:00Z'), 42) // → 'CUS-2024-0042'
 */
export function formatAutonumber(
  pattern: string,
  date: Date,
  seq: number,
  utcOffsetMinutes = DEFAULT_UTC_OFFSET_MINUTES,
): string {
  const p = dateParts(date, utcOffsetMinutes);
  return pattern.replace(TOKEN, (_, token: string) => {
    switch (token) {
      case 'yyyy':
        return p.yyyy;
      case 'yy':
        return p.yyyy.slice(-2);
      case 'mm':
        return p.mm;
      case 'dd':
        return p.dd;
      default:
        return String(seq).padStart(token.length, '0');
    }
  });
}

/**
 * The counter period for `date`: the sequence restarts whenever this key changes. Finest date token in the
 * pattern wins: `{dd}` → `'2024-03-05'`, `{mm}` → `'2024-03'`, `{yyyy}`/`{yy}` → `'2024'`, none → `''`
 * (one sequence forever).
 */
export function autonumberPeriodKey(
  pattern: string,
  date: Date,
  utcOffsetMinutes = DEFAULT_UTC_OFFSET_MINUTES,
): string {
  const p = dateParts(date, utcOffsetMinutes);
  if (pattern.includes('{dd}')) return `${p.yyyy}-${p.mm}-${p.dd}`;
  if (pattern.includes('{mm}')) return `${p.yyyy}-${p.mm}`;
  if (pattern.includes('{yyyy}') || pattern.includes('{yy}')) return p.yyyy;
  return '';
}

function dateParts(date: Date, utcOffsetMinutes: number): DateParts {
  const local = new Date(date.getTime() + utcOffsetMinutes * 60_000);
  return {
    yyyy: String(local.getUTCFullYear()).padStart(4, '0'),
    mm: String(local.getUTCMonth() + 1).padStart(2, '0'),
    dd: String(local.getUTCDate()).padStart(2, '0'),
  };
}
