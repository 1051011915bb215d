import { generateSeedData, packContentHash } from '@lattice/engine';
import type { RequestContext } from '@lattice/engine/storage';
import { checkPackDependencies } from './check-pack-dependencies';
import { insertReferenceRecords } from './insert-reference-records';
import {
  type InsertSeedBatchesOptions,
  insertSeedBatches,
  type SeedBatchesResult,
} from './insert-seed-batches';
import { loadPack } from './load-pack';
import type { PackDeps } from './pack-deps';
import { packError } from './pack-error';
import { putPackInstall } from './pack-installs';

export interface InstallPackOptions {
  /** Seed spec to load with the app (`demo` = `seed/demo.json`); none by default. */
  seed?: string;
  /** Share (0–1] of each entity's seed records to keep. */
  scale?: number;
  onProgress?: InsertSeedBatchesOptions['onProgress'];
}

export interface InstallPackResult {
  appId: string;
  packId: string;
  version: string;
  /** The app version published by the install. */
  appVersion: number;
  documents: number;
  seed: SeedBatchesResult | null;
  /** The pack's reference data (`pack.json` `referenceSeed`), written whatever seed was chosen. */
  reference: SeedBatchesResult | null;
}

/**
 * Installs a pack as a new app in ONE transaction: creates and publishes the app (tables and all), records
 * the pack as the app's upgrade base, writes the pack's reference data (`referenceSeed`, always) and then
 * the chosen seed data. Any failure — an invalid pack (`LATTICE_ERR_PACK`, naming document and path), an
 * app id already taken, a storage error — leaves the database as it was.
 */
export async function installPack(
  deps: PackDeps,
  rc: RequestContext,
  source: Parameters<typeof loadPack>[0],
  opts: InstallPackOptions = {},
): Promise<InstallPackResult> {
  const { pack, files } = loadPack(source);
  const { app, manifest } = pack;
  if (opts.seed && opts.seed === manifest.referenceSeed) {
    throw packError(
      `seed/${opts.seed}.json`,
      `"${opts.seed}" is the pack's reference data, installed always; choose a demo seed or none`,
      `"${opts.seed}" 是模板包的参考数据，总会安装；请选择演示数据或不选`,
    );
  }
  const spec = opts.seed ? pack.seed[opts.seed] : undefined;
  if (opts.seed && !spec) {
    throw packError(
      `seed/${opts.seed}.json`,
      `the pack has no seed "${opts.seed}" (has: ${Object.keys(pack.seed).join(', ') || 'none'})`,
      `模板包没有种子数据 "${opts.seed}"`,
    );
  }
  await checkPackDependencies(deps.db.kysely, manifest);
  if ((await deps.appStore.listApps()).some((a) => a.id === app.id)) {
    throw packError(
      'app.json:id',
      `an app "${app.id}" already exists; use "lattice pack upgrade" to update it`,
      `应用 "${app.id}" 已存在，请使用升级`,
    );
  }
  const userIds = new Map((await deps.users.list()).map((u) => [u.username, u.id]));
  const now = deps.clock.now();
  const result = await deps.db.kysely.transaction().execute(async (trx) => {
    await deps.appStore.createApp(rc, app, { trx });
    const published = await deps.appStore.publish(
      app.id,
      { trx, note: `pack install ${manifest.id}@${manifest.version}` },
      rc,
    );
    await putPackInstall(
      trx,
      { appId: app.id, manifest, hash: packContentHash(files), files, app },
      now,
      rc.actor.id,
    );
    const source = `pack:${manifest.id}@${manifest.version}`;
    // Reference data first: a demo seed's records may rely on it (care plans before customers).
    const referenceSpec = manifest.referenceSeed ? pack.seed[manifest.referenceSeed] : undefined;
    const reference = referenceSpec
      ? await insertReferenceRecords(deps, rc, app, referenceSpec, { trx, now, source, userIds })
      : null;
    let seed: SeedBatchesResult | null = null;
    if (spec) {
      // Scaled in the generator, so a small seed's scores still agree with its (fewer) records.
      const batches = generateSeedData(spec, { now, app, scale: opts.scale ?? 1 });
      seed = await insertSeedBatches(deps, rc, app.id, batches, {
        trx,
        source,
        userIds,
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      });
    }
    return { appVersion: published.version, seed, reference };
  });
  deps.appStore.forgetLive(app.id);
  return {
    appId: app.id,
    packId: manifest.id,
    version: manifest.version,
    appVersion: result.appVersion,
    documents: app.documents.length,
    seed: result.seed,
    reference: result.reference,
  };
}
