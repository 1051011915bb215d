import { describe, expect, it } from 'vitest';
import { LatticeError } from '../errors';
import { loadPackFromFiles } from './load-pack-from-files';
import { packFixture } from './pack-fixture';
import { referenceRecordKey, referenceSeedKeys } from './reference-record-key';

const tiers = {
  entities: [
    {
      entity: 'customer',
      key: ['name'],
      records: [
        { name: '样板客户', tier: 'key' },
        { name: '普通客户', tier: 'key' },
      ],
      fields: {},
    },
  ],
};

function withReference(
  reference: unknown,
  manifest: Record<string, unknown> = { referenceSeed: 'reference' },
) {
  const files = packFixture();
  const pack = { ...JSON.parse(files['pack.json']!), ...manifest };
  return {
    ...files,
    'pack.json': JSON.stringify(pack),
    ...(reference === undefined ? {} : { 'seed/reference.json': JSON.stringify(reference) }),
  };
}

function packErrors(files: Record<string, string>): string[] {
  try {
    loadPackFromFiles(files);
  } catch (e) {
    if (e instanceof LatticeError && e.code === 'LATTICE_ERR_PACK') return e.details.map((d) => d.path);
    throw e;
  }
  return [];
}

describe('pack referenceSeed', () => {
  it('loads a pack whose reference seed lists keyed literal records', () => {
    const pack = loadPackFromFiles(withReference(tiers));
    expect(pack.manifest.referenceSeed).toBe('reference');
    expect(pack.seed.reference?.entities[0]?.key).toEqual(['name']);
  });

  it('refuses a referenceSeed naming a seed the pack does not have, at pack.json:referenceSeed', () => {
    expect(packErrors(withReference(undefined))).toEqual(['pack.json:referenceSeed']);
  });

  it('refuses a referenceSeed that is not a seed name', () => {
    expect(packErrors(withReference(tiers, { referenceSeed: '../demo' }))).toEqual([
      'pack.json:referenceSeed',
    ]);
  });

  it('refuses generated blocks, missing keys, keys of unknown or unsuitable fields', () => {
    const generated = { entities: [{ entity: 'customer', count: 3, key: ['name'], fields: {} }] };
    expect(packErrors(withReference(generated))).toEqual(['seed/reference.json:entities.0.records']);
    const { key: _k, ...keyless } = tiers.entities[0]!;
    expect(packErrors(withReference({ entities: [keyless] }))).toEqual([
      'seed/reference.json:entities.0.key',
    ]);
    const badKey = { entities: [{ ...tiers.entities[0], key: ['name', 'nope'] }] };
    expect(packErrors(withReference(badKey))).toEqual(['seed/reference.json:entities.0.key.1']);
    const unknown = { entities: [{ ...tiers.entities[0], entity: 'supplier' }] };
    expect(packErrors(withReference(unknown))).toEqual(['seed/reference.json:entities.0.entity']);
  });

  it('refuses two records with the same key and a record without its key', () => {
    const records = [{ name: '样板客户' }, { tier: 'key' }, { name: '样板客户' }];
    const spec = { entities: [{ ...tiers.entities[0], records }] };
    expect(packErrors(withReference(spec))).toEqual([
      'seed/reference.json:entities.0.records.1.name',
      'seed/reference.json:entities.0.records.2',
    ]);
  });
});

describe('referenceRecordKey', () => {
  it('compares values as text, so a number read back from the database matches the seed file', () => {
    expect(referenceRecordKey(['stage', 'days'], { stage: 'new', days: 7 })).toBe(
      referenceRecordKey(['stage', 'days'], { stage: 'new', days: '7', other: 1 }),
    );
    expect(referenceRecordKey(['a'], {})).toBe('[null]');
  });

  it('collects the keys of every keyed block by entity', () => {
    expect(referenceSeedKeys(tiers as never).get('customer')).toEqual(
      new Set(['["样板客户"]', '["普通客户"]']),
    );
    expect(referenceSeedKeys(undefined).size).toBe(0);
  });
});
