import {
  type AppDefinition,
  canonicalJson,
  checkPackUpgrade,
  diffPackVersions,
  type ErrorDetail,
  LatticeError,
  type PackManifest,
  type PackUpgradeChange,
  packContentHash,
  type SeedSpec,
  validateAppDefinition,
} from '@lattice/engine';
import type { RequestContext } from '@lattice/engine/storage';
import { checkPackDependencies } from './check-pack-dependencies';
import { insertReferenceRecords } from './insert-reference-records';
import { loadPack } from './load-pack';
import type { PackDeps } from './pack-deps';
import { packError } from './pack-error';
import { getPackInstall, putPackInstall } from './pack-installs';

/** What `lattice pack upgrade` shows before applying: versions, merge steps, problems of the merged app. */
export interface PackUpgradePreview {
  appId: string;
  from: PackManifest;
  to: PackManifest;
  changes: PackUpgradeChange[];
  /** Problems of the merged app (user customisations clashing with the new version); empty = can apply. */
  problems: ErrorDetail[];
}

interface Planned extends PackUpgradePreview {
  merged: AppDefinition;
  /** The merged app is the live app: only the pack base moves on (publish refuses an empty change). */
  unchanged: boolean;
  liveVersion: number;
  files: Record<string, string>;
  newApp: AppDefinition;
  /** The new version's reference data and the installed version's (to tell additions from removals). */
  reference: { spec: SeedSpec; previous: SeedSpec | undefined } | null;
}

async function plan(deps: PackDeps, source: Parameters<typeof loadPack>[0]): Promise<Planned> {
  const { pack, files } = loadPack(source);
  const appId = pack.app.id;
  const installed = await getPackInstall(deps.db.kysely, appId);
  if (!installed) {
    throw packError(
      'app.json:id',
      `app "${appId}" was not installed from a pack; install it first`,
      `应用 "${appId}" 不是通过模板包安装的，请先安装`,
    );
  }
  checkPackUpgrade(installed.manifest, pack.manifest);
  await checkPackDependencies(deps.db.kysely, pack.manifest);
  const liveApp = await deps.appStore.getLive(appId);
  const live = liveApp.definition;
  const draft = await deps.appStore.getDraft(appId);
  if (canonicalJson(draft) !== canonicalJson(live)) {
    throw packError(
      'app',
      `app "${appId}" has unpublished draft changes; publish or discard them before upgrading`,
      `应用 "${appId}" 有未发布的草稿修改，请先发布或放弃后再升级`,
    );
  }
  const { merged, changes } = diffPackVersions(installed.app, pack.app, live);
  return {
    appId,
    from: installed.manifest,
    to: pack.manifest,
    changes,
    problems: validateAppDefinition(merged),
    merged,
    unchanged: canonicalJson(merged) === canonicalJson(live),
    liveVersion: liveApp.version,
    files,
    newApp: pack.app,
    reference: referenceSpecs(pack.manifest, pack.seed, installed),
  };
}

function referenceSpecs(
  manifest: PackManifest,
  seed: Record<string, SeedSpec>,
  installed: { manifest: PackManifest; files: Record<string, string> },
): Planned['reference'] {
  const spec = manifest.referenceSeed ? seed[manifest.referenceSeed] : undefined;
  if (!spec) return null;
  const name = installed.manifest.referenceSeed;
  const text = name ? installed.files[`seed/${name}.json`] : undefined;
  return { spec, previous: text ? (JSON.parse(text) as SeedSpec) : undefined };
}

/**
 * The upgrade preview: a three-way merge of the installed pack version (the base), the user's live app
 * (their customisations) and the new version. Refuses a downgrade, another pack, or an app with unpublished
 * draft changes (`LATTICE_ERR_PACK`). Never writes.
 */
export async function previewPackUpgrade(
  deps: PackDeps,
  source: Parameters<typeof loadPack>[0],
): Promise<PackUpgradePreview> {
  const {
    merged: _m,
    files: _f,
    newApp: _n,
    unchanged: _u,
    liveVersion: _v,
    reference: _r,
    ...preview
  } = await plan(deps, source);
  return preview;
}

/**
 * Applies an upgrade in ONE transaction: saves the merged app as the draft, publishes it (storage
 * migration included; a lossy change needs `confirmLossy`) and makes the new version the next upgrade's
 * base. Reference records (`referenceSeed`) the new version adds and the app does not hold yet are
 * written too. When the merge changes no document, nothing is published: only the base moves on. User
 * records and customisations stay; on any error nothing changes.
 */
export async function upgradePack(
  deps: PackDeps,
  rc: RequestContext,
  source: Parameters<typeof loadPack>[0],
  opts: { confirmLossy?: boolean } = {},
): Promise<PackUpgradePreview & { appVersion: number; referenceRecords: number }> {
  const p = await plan(deps, source);
  if (p.problems.length > 0) throw new LatticeError('LATTICE_ERR_VALIDATION', p.problems);
  // Read before the transaction: PGlite serves one connection, so a read outside `trx` would wait on it.
  const userIds = new Map((await deps.users.list()).map((u) => [u.username, u.id]));
  const { version: appVersion, referenceRecords } = await deps.db.kysely
    .transaction()
    .execute(async (trx) => {
      let version = p.liveVersion;
      if (!p.unchanged) {
        await deps.appStore.saveDraft(rc, p.appId, p.merged, { trx });
        const published = await deps.appStore.publish(
          p.appId,
          {
            trx,
            confirmLossy: opts.confirmLossy ?? false,
            note: `pack upgrade ${p.from.id} ${p.from.version} → ${p.to.version}`,
          },
          rc,
        );
        version = published.version;
      }
      let referenceRecords = 0;
      if (p.reference) {
        const added = await insertReferenceRecords(deps, rc, p.merged, p.reference.spec, {
          trx,
          now: deps.clock.now(),
          source: `pack:${p.to.id}@${p.to.version}`,
          userIds,
          onlyMissing: { previous: p.reference.previous },
        });
        referenceRecords = added.records;
      }
      await putPackInstall(
        trx,
        { appId: p.appId, manifest: p.to, hash: packContentHash(p.files), files: p.files, app: p.newApp },
        deps.clock.now(),
        rc.actor.id,
      );
      return { version, referenceRecords };
    });
  deps.appStore.forgetLive(p.appId);
  const { merged: _m, files: _f, newApp: _n, unchanged: _u, liveVersion: _v, reference: _r, ...preview } = p;
  return { ...preview, appVersion, referenceRecords };
}
