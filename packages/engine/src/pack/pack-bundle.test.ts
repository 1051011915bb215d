import { describe, expect, it } from 'vitest';
import { loadPackFromFiles } from './load-pack-from-files';
import { buildPackBundle, readPackBundle } from './pack-bundle';
import { packFixture } from './pack-fixture';
import { sha256Hex } from './sha256-hex';

describe('sha256Hex', () => {
  it('matches the published test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('a'.repeat(1000))).toBe(
      '41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3',
    );
  });
});

describe('buildPackBundle / readPackBundle', () => {
  it('round-trips the files and loads the same app', () => {
    const files = packFixture();
    const text = buildPackBundle(files);
    const bundle = readPackBundle(text);
    expect(bundle.files).toEqual(files);
    expect(bundle.manifest.id).toBe('demo-pack');
    expect(loadPackFromFiles(bundle.files).app).toEqual(loadPackFromFiles(files).app);
  });

  it('is deterministic regardless of file order', () => {
    const files = packFixture();
    const reversed = Object.fromEntries(Object.entries(files).reverse());
    expect(buildPackBundle(reversed)).toBe(buildPackBundle(files));
  });

  it('refuses an altered bundle by its hash', () => {
    const bundle = JSON.parse(buildPackBundle(packFixture()));
    bundle.files['entities/customer.json'] = bundle.files['entities/customer.json'].replace('客户', '顾客');
    expect(() => readPackBundle(JSON.stringify(bundle))).toThrow(/hash/);
  });

  it('refuses text that is not a bundle', () => {
    expect(() => readPackBundle('{"format":"zip"}')).toThrow(/lattice-pack/);
    expect(() => readPackBundle('nope')).toThrow();
  });
});
