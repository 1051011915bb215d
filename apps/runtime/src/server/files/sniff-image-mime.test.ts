import { describe, expect, it } from 'vitest';
import { sniffImageMime } from './sniff-image-mime';

describe('sniffImageMime', () => {
  it('recognises png, jpeg, gif and webp by their first bytes', () => {
    expect(sniffImageMime(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(
      'image/png',
    );
    expect(sniffImageMime(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImageMime(Buffer.from('GIF89a....'))).toBe('image/gif');
    expect(sniffImageMime(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
  });

  it('does not take svg, html or truncated headers for images', () => {
    expect(sniffImageMime(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImageMime(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
    expect(sniffImageMime(Buffer.from([0x89, 0x50, 0x4e]))).toBeNull();
  });
});
