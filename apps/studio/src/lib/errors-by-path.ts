import type { DraftError } from './app-draft';

/**
 * Server errors under `prefix` (e.g. `documents.3.fields.2`) keyed by the rest of the path (`name`,
 * `options.0.value`); an error on the prefix itself is keyed `_`.
 */
export function errorsByPath(errors: readonly DraftError[], prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    if (e.path === prefix) out._ ??= e.message;
    else if (e.path.startsWith(`${prefix}.`)) out[e.path.slice(prefix.length + 1)] ??= e.message;
  }
  return out;
}
