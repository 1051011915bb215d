import type { RoleDoc } from '@lattice/engine';
import { api } from '../lib/api';

export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  department: string | null;
  region: string | null;
}
export interface Department {
  code: string;
  name: { zh: string; en: string };
  parent: string | null;
}
export interface Region {
  code: string;
  name: { zh: string; en: string };
}
export interface ApiKeyInfo {
  id: string;
  name: string;
  prefix: string;
  role: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
export interface AuditRow {
  seq: string;
  at: string;
  appId: string;
  actor: string | null;
  actorName: string | null;
  action: string;
  entity: string | null;
  recordId: string | null;
  detail: unknown;
  ip: string | null;
}

/** The admin REST API (`/api/admin`, platform admins only). */
export const adminApi = {
  users: () => api<AdminUser[]>('GET', '/api/admin/users'),
  createUser: (u: Partial<AdminUser> & { username: string; password: string }) =>
    api<AdminUser>('POST', '/api/admin/users', u),
  updateUser: (id: string, patch: Partial<Omit<AdminUser, 'id' | 'username'>>) =>
    api<AdminUser>('PATCH', `/api/admin/users/${id}`, patch),
  resetPassword: (id: string, password: string) =>
    api<void>('POST', `/api/admin/users/${id}/password`, { password }),
  departments: () => api<Department[]>('GET', '/api/admin/departments'),
  saveDepartment: (d: Department) =>
    api<Department>('PUT', `/api/admin/departments/${d.code}`, { name: d.name, parent: d.parent }),
  deleteDepartment: (code: string) => api<void>('DELETE', `/api/admin/departments/${code}`),
  regions: () => api<Region[]>('GET', '/api/admin/regions'),
  saveRegion: (r: Region) => api<Region>('PUT', `/api/admin/regions/${r.code}`, { name: r.name }),
  deleteRegion: (code: string) => api<void>('DELETE', `/api/admin/regions/${code}`),
  apiKeys: () => api<ApiKeyInfo[]>('GET', '/api/admin/api-keys'),
  createApiKey: (name: string, role: string) =>
    api<ApiKeyInfo & { key: string }>('POST', '/api/admin/api-keys', { name, role }),
  revokeApiKey: (id: string) => api<ApiKeyInfo>('DELETE', `/api/admin/api-keys/${id}`),
  audit: (q: Record<string, string>) =>
    api<{ items: AuditRow[]; nextBefore: string | null }>(
      'GET',
      `/api/admin/audit?${new URLSearchParams(Object.entries(q).filter(([, v]) => v !== ''))}`,
    ),
  roles: (app: string) => api<RoleDoc[]>('GET', `/api/admin/apps/${app}/roles`),
  saveRole: (app: string, role: RoleDoc) =>
    api<RoleDoc>('PUT', `/api/admin/apps/${app}/roles/${role.name}`, role),
};
