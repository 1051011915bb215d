import type { I18nText, PackManifest, PackUpgradeChange } from '@lattice/engine';
import { api } from '../lib/api';

/** An app installed from a pack (`GET /api/packs`). */
export interface InstalledPack {
  appId: string;
  packId: string;
  name: I18nText;
  version: string;
  installedAt: string;
  upgradedAt: string | null;
}

/** `POST /api/packs/validate`: what a bundle holds. */
export interface PackCheck {
  manifest: PackManifest;
  appId: string;
  documents: Record<string, number>;
  seeds: string[];
  installed: boolean;
}

export interface PackUpgradePreview {
  appId: string;
  from: PackManifest;
  to: PackManifest;
  changes: PackUpgradeChange[];
  problems: { path: string; message: I18nText }[];
}

export interface PackInstallResult {
  appId: string;
  packId: string;
  version: string;
  appVersion: number;
  seed: { records: number; skipped: number; unresolvedUsers: string[] } | null;
}

/** The runtime's pack endpoints. */
export const packsApi = {
  list: () => api<InstalledPack[]>('GET', '/api/packs'),
  validate: (bundle: string) => api<PackCheck>('POST', '/api/packs/validate', { bundle }),
  install: (bundle: string, seed?: { name: string; scale: number }) =>
    api<PackInstallResult>('POST', '/api/packs/install', {
      bundle,
      ...(seed ? { seed: seed.name, scale: seed.scale } : {}),
    }),
  previewUpgrade: (bundle: string) =>
    api<PackUpgradePreview>('POST', '/api/packs/upgrade/preview', { bundle }),
  upgrade: (bundle: string, confirmLossy: boolean) =>
    api<PackUpgradePreview & { appVersion: number }>('POST', '/api/packs/upgrade', { bundle, confirmLossy }),
  /** The bundle object; write it back with `JSON.stringify(b, null, 2) + '\n'` (same text the server built). */
  exportApp: (appId: string, opts: { id?: string; version?: string }) => {
    const q = new URLSearchParams();
    if (opts.id) q.set('id', opts.id);
    if (opts.version) q.set('version', opts.version);
    const qs = q.toString();
    return api<{ manifest: PackManifest }>(
      'GET',
      `/api/packs/export/${encodeURIComponent(appId)}${qs ? `?${qs}` : ''}`,
    );
  },
};
