import type { AppDefinition, I18nText } from '@lattice/engine';
import { api } from './api';

/** One row of `GET /api/apps`. */
export interface AppSummary {
  id: string;
  label: I18nText;
  liveVersion: number | null;
  createdAt: string;
  updatedAt: string;
}

/** One change of a publish preview (mirrors the engine's `PublishChange`). */
export interface PublishChange {
  kind:
    | 'add_entity'
    | 'drop_entity'
    | 'add_field'
    | 'drop_field'
    | 'change_field'
    | 'rename_field'
    | 'document';
  entity?: string;
  field?: string;
  summary: I18nText;
  lossy: boolean;
  lossReason?: I18nText;
}

export interface PublishPreview {
  appId: string;
  fromVersion: number | null;
  changes: PublishChange[];
  lossy: boolean;
  errors: { path: string; message: string | I18nText }[];
}

export interface AppVersionInfo {
  version: number;
  publishedAt: string;
  publishedBy: string | null;
  note?: string | null;
  live: boolean;
}

const base = (appId: string) => `/api/apps/${encodeURIComponent(appId)}`;

/** The metadata endpoints the studio uses; every call throws `ApiError` with path details. */
export const studioApi = {
  listApps: () => api<AppSummary[]>('GET', '/api/apps'),
  createApp: (body: { id: string; label: I18nText }) => api<AppSummary>('POST', '/api/apps', body),
  getDraft: (appId: string) => api<AppDefinition>('GET', `${base(appId)}/draft`),
  saveDraft: (appId: string, definition: AppDefinition) =>
    api<AppDefinition>('PUT', `${base(appId)}/draft`, definition),
  getLive: (appId: string) => api<{ version: number; definition: AppDefinition }>('GET', base(appId)),
  previewPublish: (appId: string) => api<PublishPreview>('POST', `${base(appId)}/publish/preview`),
  publish: (appId: string, body: { confirmLossy: boolean; note?: string }) =>
    api<AppVersionInfo>('POST', `${base(appId)}/publish`, body),
  listVersions: (appId: string) => api<AppVersionInfo[]>('GET', `${base(appId)}/versions`),
  rollback: (appId: string, version: number, confirmLossy: boolean) =>
    api<AppVersionInfo>('POST', `${base(appId)}/rollback`, { version, confirmLossy }),
};
