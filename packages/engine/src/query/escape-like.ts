/**
 * Escapes LIKE/ILIKE wildcards (`%`, `_`) and the escape character itself so user text matches
 * literally; PostgreSQL's default LIKE escape character is the backslash.
 *
 * @example escapeLike('100%_a') // → '100\\%\\_a'
 */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
