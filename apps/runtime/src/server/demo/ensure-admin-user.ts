import type { ServerContext } from '../server-context';

/** Outside demo mode: creates the `admin` account with the given password if it does not exist yet. */
export async function ensureAdminUser(ctx: ServerContext, password: string): Promise<void> {
  await ctx.users.create(
    { username: 'admin', password, displayName: 'Administrator', roles: ['admin'] },
    { ifMissing: true },
  );
}
