import { useEffect, useState } from 'react';
import { api } from './api';

/** A user as the directory lists them (for names and pickers). */
export interface DirectoryUser {
  id: string;
  username: string;
  displayName: string;
  department: string | null;
  region: string | null;
}

let loaded: Promise<DirectoryUser[]> | null = null;
let byId = new Map<string, DirectoryUser>();

/** Loads the user directory once per page load (`GET /api/directory/users`). */
export function loadDirectory(): Promise<DirectoryUser[]> {
  loaded ??= api<DirectoryUser[]>('GET', '/api/directory/users').then(
    (users) => {
      // Owner and user fields may hold the id or the username (seeded data uses usernames).
      byId = new Map([
        ...users.map((u) => [u.username, u] as const),
        ...users.map((u) => [u.id, u] as const),
      ]);
      return users;
    },
    () => [],
  );
  return loaded;
}

/** The directory (empty until it arrives); re-renders the caller once it does. */
export function useDirectory(): DirectoryUser[] {
  const [users, setUsers] = useState<DirectoryUser[]>([]);
  useEffect(() => {
    let live = true;
    loadDirectory().then((u) => live && setUsers(u));
    return () => {
      live = false;
    };
  }, []);
  return users;
}

/** A user's display name, or the raw id when unknown (the system user, a deleted account). */
export function userName(id: string | null | undefined): string {
  if (!id) return '';
  const u = byId.get(id);
  return u ? u.displayName || u.username : id.length > 12 ? id.slice(0, 8) : id;
}
