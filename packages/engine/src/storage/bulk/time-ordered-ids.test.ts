import { describe, expect, it } from 'vitest';
import { timeOrderedIds } from './time-ordered-ids';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('timeOrderedIds', () => {
  it('gives distinct RFC 9562 version-7 ids that sort in creation order', () => {
    const ids = timeOrderedIds(3000, new Date('2026-11-24T08:00:00.000Z'));
    expect(new Set(ids).size).toBe(3000);
    for (const id of ids) expect(id).toMatch(UUID_V7);
    expect([...ids].sort()).toEqual(ids);
  });

  it('puts the timestamp first, so later batches sort after earlier ones', () => {
    const [early] = timeOrderedIds(1, new Date('2026-11-24T08:00:00.000Z'));
    const [late] = timeOrderedIds(1, new Date('2026-11-24T08:00:00.001Z'));
    expect(early! < late!).toBe(true);
    const ms = Date.parse('2026-11-24T08:00:00.000Z');
    expect(early!.replace(/-/g, '').slice(0, 12)).toBe(ms.toString(16).padStart(12, '0'));
  });
});
