/** The one draw the generator needs (the seed generator's `Rng` fits), so records do not import seed. */
export interface DigitSource {
  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
}

/** The 31 characters of GB 32100-2015 (no I, O, Z, S, V). */
const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** GB 11714 organisation code: 8 body characters, then a mod-11 check. */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The 18th character for a 17-character body, or undefined when the body has a foreign character. */
export function creditCodeCheckChar(body17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_ALPHABET.indexOf(body17[i] ?? '');
    if (v < 0) return undefined;
    sum += v * CREDIT_WEIGHTS[i]!;
  }
  return CREDIT_ALPHABET[(31 - (sum % 31)) % 31];
}

/**
 * True when `code` is a well-formed unified social credit code (统一社会信用代码, GB 32100-2015):
 * 18 characters from the 31-character alphabet and a correct mod-31 check character.
 *
 * @example
 * isValidCreditCode('91350100M000100Y43'); // true
 */
export function isValidCreditCode(code: unknown): boolean {
  if (typeof code !== 'string' || code.length !== 18) return false;
  return creditCodeCheckChar(code.slice(0, 17)) === code[17];
}

/** A GB 11714 organisation code: 8 digits and a mod-11 check character (`X` for 10). */
function organisationCode(rng: DigitSource): string {
  let body = '';
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const v = rng.int(0, 9);
    body += String(v);
    sum += v * ORG_WEIGHTS[i]!;
  }
  const c = 11 - (sum % 11);
  return body + (c === 10 ? 'X' : c === 11 ? '0' : String(c));
}

/**
 * Generates a valid credit code for an enterprise (`9` industry-and-commerce, `1` enterprise) registered in
 * the given 6-digit administrative division (e.g. `320500` 苏州).
 */
export function generateCreditCode(rng: DigitSource, divisionCode: string): string {
  const body = `91${divisionCode.padEnd(6, '0').slice(0, 6)}${organisationCode(rng)}`;
  return body + creditCodeCheckChar(body)!;
}
