import { describe, expect, it } from 'vitest';
import { dropInBuckets, itemId, paletteId, zoneId } from './arrange-buckets';

const b = { main: ['a', 'b', 'c'], more: ['d'] };

describe('dropInBuckets', () => {
  it('reorders within a bucket, before the item dropped on', () => {
    expect(dropInBuckets(b, itemId('main', 'c'), itemId('main', 'a'))).toEqual({
      ...b,
      main: ['c', 'a', 'b'],
    });
  });
  it('moves a value to the end of another bucket when dropped on its zone', () => {
    expect(dropInBuckets(b, itemId('main', 'a'), zoneId('more'))).toEqual({
      main: ['b', 'c'],
      more: ['d', 'a'],
    });
  });
  it('moves a value between buckets before the item dropped on', () => {
    expect(dropInBuckets(b, itemId('more', 'd'), itemId('main', 'b'))).toEqual({
      main: ['a', 'd', 'b', 'c'],
      more: [],
    });
  });
  it('inserts a palette value, and ignores one already placed in that bucket', () => {
    expect(dropInBuckets(b, paletteId('x'), zoneId('more'))).toEqual({ ...b, more: ['d', 'x'] });
    expect(dropInBuckets(b, paletteId('a'), zoneId('main'))).toBe(b);
  });
  it('changes nothing for a drop outside or on itself', () => {
    expect(dropInBuckets(b, itemId('main', 'a'), null)).toBe(b);
    expect(dropInBuckets(b, itemId('main', 'a'), itemId('main', 'a'))).toBe(b);
  });
});
