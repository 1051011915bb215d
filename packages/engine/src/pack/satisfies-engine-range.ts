import { compareSemver, parseSemver } from './semver';

/**
 * True when `version` lies in `range`. Supported subset of npm ranges: space-separated comparators
 * (`>=0.1.0 <1.0.0`, `=1.2.3`, `1.2.3`), `^x.y.z`, `~x.y.z`, `*`, and `||` alternatives.
 * A malformed range never matches (the caller reports it).
 *
 * @example
 * satisfiesEngineRange('>=0.1.0 <1.0.0', '0.4.2'); // true
 * satisfiesEngineRange('^1.2.0', '2.0.0'); // false
 */
export function satisfiesEngineRange(range: string, version: string): boolean {
  if (!parseSemver(version)) return false;
  return range.split('||').some((alt) => {
    const parts = alt.trim().split(/\s+/).filter(Boolean);
    return parts.length > 0 && parts.every((c) => satisfiesComparator(c, version));
  });
}

function satisfiesComparator(comparator: string, version: string): boolean {
  if (comparator === '*' || comparator === 'x') return true;
  const m = /^(>=|<=|>|<|=|\^|~)?(.+)$/.exec(comparator);
  const base = m?.[2] ? parseSemver(m[2]) : undefined;
  if (!m || !base) return false;
  const target = m[2]!;
  const cmp = compareSemver(version, target);
  switch (m[1]) {
    case '>=':
      return cmp >= 0;
    case '<=':
      return cmp <= 0;
    case '>':
      return cmp > 0;
    case '<':
      return cmp < 0;
    case '^': {
      const upper =
        base.major > 0
          ? `${base.major + 1}.0.0`
          : base.minor > 0
            ? `0.${base.minor + 1}.0`
            : `0.0.${base.patch + 1}`;
      return cmp >= 0 && compareSemver(version, upper) < 0;
    }
    case '~':
      return cmp >= 0 && compareSemver(version, `${base.major}.${base.minor + 1}.0`) < 0;
    default:
      return cmp === 0;
  }
}
