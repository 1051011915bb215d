import { departmentOptions, type LookupOption, type OrgUnit } from '@lattice/form-builder';
import { useEffect, useMemo, useState } from 'react';
import { api } from './api';
import { useLocale } from './i18n';

interface DirectoryUser {
  id: string;
  username: string;
  displayName: string;
}

let loaded: Promise<{ users: DirectoryUser[]; departments: OrgUnit[] }> | null = null;

/** The user directory and department tree (`/api/directory/*`), once per page load; empty on failure. */
function loadDirectory() {
  loaded ??= Promise.all([
    api<DirectoryUser[]>('GET', '/api/directory/users').catch(() => []),
    api<OrgUnit[]>('GET', '/api/directory/departments').catch(() => []),
  ]).then(([users, departments]) => ({ users, departments }));
  return loaded;
}

/**
 * User and department choices for the form designer's live preview (the renderer's `users` and
 * `departments`), departments titled by their path in the UI language.
 */
export function useDirectoryOptions(): { users: LookupOption[]; departments: LookupOption[] } {
  const locale = useLocale();
  const [data, setData] = useState<{ users: DirectoryUser[]; departments: OrgUnit[] }>({
    users: [],
    departments: [],
  });
  useEffect(() => {
    let live = true;
    loadDirectory().then((d) => live && setData(d));
    return () => {
      live = false;
    };
  }, []);
  return useMemo(
    () => ({
      users: data.users.map((u) => ({ id: u.id, title: u.displayName || u.username, subtitle: u.username })),
      departments: departmentOptions(data.departments, locale),
    }),
    [data, locale],
  );
}
