import type { EntityDoc } from '../../model/entity';
import type { Field } from '../../model/field';
import { columnNameFor, columnTypeFor } from '../../records/column-type-for';
import type { FieldCodec } from '../contracts';

/** Sensitive fields stored encrypted: those with a text column (ciphertext is text). */
export function encryptedFields(entity: EntityDoc): Field[] {
  return entity.fields.filter((f) => f.sensitive && columnTypeFor(f) === 'text');
}

/**
 * Encrypts the sensitive text columns of a column-keyed row (as built by `toColumnValues`) in place of
 * the plain values; null stays null. Without a codec the row is returned unchanged.
 *
 * @example insert(encodeSensitiveColumns(contact, toColumnValues(contact, values), codec))
 */
export function encodeSensitiveColumns(
  entity: EntityDoc,
  row: Record<string, unknown>,
  codec: FieldCodec | undefined,
): Record<string, unknown> {
  const fields = codec ? encryptedFields(entity) : [];
  if (!codec || !fields.length) return row;
  const out = { ...row };
  for (const f of fields) {
    const col = columnNameFor(f);
    const v = out[col];
    if (typeof v === 'string' && v !== '') out[col] = codec.encrypt(v);
  }
  return out;
}

/** The inverse of {@link encodeSensitiveColumns} on a row read from the table (plain legacy values pass). */
export function decodeSensitiveColumns<R extends Record<string, unknown>>(
  entity: EntityDoc,
  row: R,
  codec: FieldCodec | undefined,
): R {
  if (!codec) return row;
  const out: Record<string, unknown> = { ...row };
  for (const f of encryptedFields(entity)) {
    const col = columnNameFor(f);
    const v = out[col];
    if (typeof v === 'string') out[col] = codec.decrypt(v);
  }
  return out as R;
}

/** One history value of field `name`: encrypted when the field is stored encrypted. */
export function encodeHistoryValue(
  entity: EntityDoc,
  name: string,
  value: unknown,
  codec: FieldCodec | undefined,
): unknown {
  if (!codec || typeof value !== 'string' || value === '') return value;
  return encryptedFields(entity).some((f) => f.name === name) ? codec.encrypt(value) : value;
}

/** The inverse of {@link encodeHistoryValue}. */
export function decodeHistoryValue(
  entity: EntityDoc,
  name: string,
  value: unknown,
  codec: FieldCodec | undefined,
): unknown {
  if (!codec || typeof value !== 'string') return value;
  return encryptedFields(entity).some((f) => f.name === name) ? codec.decrypt(value) : value;
}
