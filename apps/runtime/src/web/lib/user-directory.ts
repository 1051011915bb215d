import { directoryList, useDirectoryList } from './directory-list';

/** A user as the directory lists them (for names and pickers). */
export interface DirectoryUser {
  id: string;
  username: string;
  displayName: string;
  department: string | null;
  region: string | null;
}

let byId = new Map<string, DirectoryUser>();

/** Loads the user directory once per page load (`GET /api/directory/users`). */
export const loadDirectory = directoryList<DirectoryUser>('/api/directory/users', (list) => {
  // Owner and user fields may hold the id or the username (seeded data uses usernames).
  byId = new Map([...list.map((u) => [u.username, u] as const), ...list.map((u) => [u.id, u] as const)]);
});

/** The directory (empty until it arrives); re-renders the caller once it does. */
export function useDirectory(): DirectoryUser[] {
  return useDirectoryList(loadDirectory);
}

/** A user's display name, or the raw id when unknown (the system user, a deleted account). */
export function userName(id: string | null | undefined): string {
  if (!id) return '';
  const u = byId.get(id);
  return u ? u.displayName || u.username : id.length > 12 ? id.slice(0, 8) : id;
}
