import type { EntityDoc, I18nText, Locale } from '@lattice/engine';
import { pickText } from '@lattice/engine';

/** An error as the API returns it (`message` already localised) or as ErrorDetail (`{zh,en}`). */
export interface FieldErrorInput {
  path: string;
  message: string | I18nText;
}

/**
 * Maps error paths to field names: `serial_no`, `values.serial_no`, `serial_no.0` and
 * `documents.x.values.serial_no` all land on `serial_no`. Errors naming no field of the entity are
 * collected under `''` (shown above the form). The first message per field wins.
 */
export function serverErrorsByField(
  entity: EntityDoc,
  errors: readonly FieldErrorInput[] | undefined,
  locale: Locale,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (!errors) return out;
  const names = new Set(entity.fields.map((f) => f.name));
  for (const e of errors) {
    const name = e.path.split('.').find((seg) => names.has(seg)) ?? '';
    const text = typeof e.message === 'string' ? e.message : pickText(e.message, locale);
    if (name === '') out[''] = out[''] ? `${out['']}; ${text}` : text;
    else if (out[name] === undefined) out[name] = text;
  }
  return out;
}
