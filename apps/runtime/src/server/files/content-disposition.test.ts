import { describe, expect, it } from 'vitest';
import { contentDisposition } from './content-disposition';

describe('contentDisposition', () => {
  it('keeps a zh-CN name in filename* with an ASCII fallback', () => {
    expect(contentDisposition('attachment', '报价单 v2.pdf')).toBe(
      `attachment; filename="___ v2.pdf"; filename*=UTF-8''${encodeURIComponent('报价单 v2.pdf')}`,
    );
  });

  it('escapes quotes and the characters RFC 5987 reserves', () => {
    expect(contentDisposition('inline', `a"b'(c).png`)).toBe(
      `inline; filename="a_b'(c).png"; filename*=UTF-8''a%22b%27%28c%29.png`,
    );
  });
});
