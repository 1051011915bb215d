import { type AppDefinition, generateSeedData, type SeedBatch, type SeedSpec } from '@lattice/engine';

/**
 * A pack's reference data (`referenceSeed`) as seed batches whose ids are provisional, non-uuid
 * (`reference:0`, …), references among them rewritten: `insertSeedBatches` gives them fresh uuids. The
 * generator's own ids would repeat across specs with the same PRNG seed (reference and demo) and across
 * pack versions, so they cannot be kept.
 */
export function generateReferenceBatches(
  spec: SeedSpec,
  opts: { now: Date; app: AppDefinition },
): SeedBatch[] {
  const batches = generateSeedData(spec, opts);
  const ids = new Map<string, string>();
  for (const b of batches) for (const r of b.records) ids.set(r.id, `reference:${ids.size}`);
  return batches.map((b) => ({
    entity: b.entity,
    records: b.records.map((r) => {
      const copy: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(r))
        copy[name] = typeof value === 'string' && ids.has(value) ? ids.get(value) : value;
      return copy as SeedBatch['records'][number];
    }),
  }));
}
