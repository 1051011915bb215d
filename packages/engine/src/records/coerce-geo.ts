import { accept, expected, type FieldValueResult } from './field-value-result';

/** Accepts `{ lat, lng, address? }` with lat in [-90, 90] and lng in [-180, 180]; extra keys are dropped. */
export function coerceGeo(raw: unknown): FieldValueResult {
  const bad = () => expected('a location {lat, lng, address?}', '位置 {lat, lng, address?}', raw);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return bad();
  const { lat, lng, address } = raw as Record<string, unknown>;
  if (typeof lat !== 'number' || !Number.isFinite(lat) || lat < -90 || lat > 90) return bad();
  if (typeof lng !== 'number' || !Number.isFinite(lng) || lng < -180 || lng > 180) return bad();
  if (address !== undefined && address !== null && typeof address !== 'string') return bad();
  return accept(typeof address === 'string' ? { lat, lng, address } : { lat, lng });
}
