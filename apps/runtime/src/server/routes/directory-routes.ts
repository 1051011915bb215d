import type { FastifyInstance } from 'fastify';
import { requireAuth } from '../auth/access-token';
import type { Department } from '../security/org-store';
import type { ServerContext } from '../server-context';

/** A user as every signed-in user may see them (names for history, owners and user pickers). */
export interface DirectoryUser {
  id: string;
  username: string;
  displayName: string;
  department: string | null;
  region: string | null;
}

/**
 * `GET /api/directory/users`: the user directory for the end-user UI (display names of owners and
 * editors in lists and history, and the user picker). Read-only; no roles, hashes or lock state.
 * `GET /api/directory/departments`: the department tree (`code`, `name`, `parent`) for department
 * pickers and names; editing stays in `/api/admin/departments`.
 */
export async function directoryRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  app.addHook('onRequest', requireAuth(app, ctx.clock));
  app.get('/users', async (): Promise<DirectoryUser[]> => {
    const users = await ctx.users.list();
    return users
      .map((u) => ({
        id: u.id,
        username: u.username,
        displayName: u.displayName,
        department: u.department,
        region: u.region,
      }))
      .sort((a, b) => a.username.localeCompare(b.username));
  });
  app.get('/departments', async (): Promise<Department[]> => ctx.org.listDepartments());
}
