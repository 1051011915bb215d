/**
 * `doc` with `key` set to `value`, or without `key` when `value` is undefined: an optional property of a
 * document is left out, never stored as undefined, so the JSON and the validators see it absent.
 *
 * @example withOptional(rule, 'condition', undefined) // → the rule without a condition
 */
export function withOptional<T extends object, K extends keyof T>(
  doc: T,
  key: K,
  value: T[K] | undefined,
): T {
  const { [key]: _dropped, ...rest } = doc;
  return (value === undefined ? rest : { ...rest, [key]: value }) as T;
}
