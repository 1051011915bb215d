import { LatticeError } from '@lattice/engine';
import { appendAudit } from '@lattice/engine/storage';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { revokeAccessTokens } from '../security/create-auth-extension';
import type { ServerContext } from '../server-context';
import { requireAuth, signAccessToken } from './access-token';
import { hashPassword, verifyPassword } from './password';
import { type PublicUser, toPublicUser } from './user-store';

const credentialsSchema = {
  type: 'object',
  required: ['username', 'password'],
  additionalProperties: false,
  properties: {
    username: { type: 'string', minLength: 1, maxLength: 100 },
    password: { type: 'string', minLength: 1, maxLength: 200 },
  },
} as const;

const refreshSchema = {
  type: 'object',
  required: ['refreshToken'],
  additionalProperties: false,
  properties: { refreshToken: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;

const passwordChangeSchema = {
  type: 'object',
  required: ['currentPassword', 'newPassword'],
  additionalProperties: false,
  properties: {
    currentPassword: { type: 'string', minLength: 1, maxLength: 200 },
    newPassword: { type: 'string', minLength: 8, maxLength: 200 },
  },
} as const;

/** Compared against when the username is unknown, so both failure paths cost one argon2 verify. */
let dummyHash: Promise<string> | null = null;

/**
 * `POST /api/auth/login` (rate-limited per IP; accounts lock after repeated failures),
 * `POST /api/auth/refresh` (rotates), `POST /api/auth/logout`, `GET /api/auth/me`.
 */
export async function authRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const { users, refreshTokens, clock, loginPolicy } = ctx;

  app.post<{ Body: { username: string; password: string } }>(
    '/login',
    {
      schema: { body: credentialsSchema },
      config: { rateLimit: { max: loginPolicy.rateLimitMax, timeWindow: loginPolicy.rateLimitWindowMs } },
    },
    async (request) => {
      const { username, password } = request.body;
      const user = await users.findByUsername(username);
      if (!user) {
        dummyHash ??= hashPassword('lattice-no-such-user');
        await verifyPassword(await dummyHash, password);
        await audit(ctx, request, null, 'auth.login_failed', { username });
        throw badCredentials();
      }
      if (user.lockedUntil && user.lockedUntil.getTime() > clock.now().getTime()) {
        await audit(ctx, request, user.id, 'auth.login_locked', { username });
        throw accountLocked(user.lockedUntil);
      }
      if (!(await verifyPassword(user.passwordHash, password))) {
        const { locked } = await users.recordFailure(user.id, loginPolicy.maxFailures, loginPolicy.lockMs);
        await audit(ctx, request, user.id, 'auth.login_failed', { username, locked });
        if (locked) throw accountLocked(new Date(clock.now().getTime() + loginPolicy.lockMs));
        throw badCredentials();
      }
      await users.recordSuccess(user.id);
      await audit(ctx, request, user.id, 'auth.login', { username });
      return issueSession(app, ctx, toPublicUser(user));
    },
  );

  app.post<{ Body: { refreshToken: string } }>(
    '/refresh',
    { schema: { body: refreshSchema } },
    async (request) => {
      const { userId, token } = await refreshTokens.rotate(request.body.refreshToken);
      const user = await users.findById(userId);
      if (!user) throw new LatticeError('LATTICE_ERR_UNAUTHENTICATED');
      const publicUser = toPublicUser(user);
      return { accessToken: signAccessToken(app, publicUser, clock), refreshToken: token, user: publicUser };
    },
  );

  app.post<{ Body: { refreshToken: string } }>(
    '/logout',
    { schema: { body: refreshSchema } },
    async (request, reply) => {
      const userId = await refreshTokens.revoke(request.body.refreshToken);
      if (userId) await revokeAccessTokens(ctx.db, clock, userId);
      await audit(ctx, request, userId, 'auth.logout', {});
      return reply.status(204).send();
    },
  );

  app.post<{ Body: { currentPassword: string; newPassword: string } }>(
    '/password',
    { onRequest: requireAuth(app, clock), schema: { body: passwordChangeSchema } },
    async (request, reply) => {
      const user = await users.findById(request.user.sub);
      if (!user) throw new LatticeError('LATTICE_ERR_UNAUTHENTICATED');
      if (!(await verifyPassword(user.passwordHash, request.body.currentPassword))) {
        await audit(ctx, request, user.id, 'auth.password_change_failed', {});
        throw badCredentials();
      }
      await users.setPassword(user.id, request.body.newPassword);
      await refreshTokens.revokeUser(user.id);
      await revokeAccessTokens(ctx.db, clock, user.id);
      await audit(ctx, request, user.id, 'auth.password_change', {});
      return reply.status(204).send();
    },
  );

  app.get('/me', { onRequest: requireAuth(app, clock) }, async (request) => {
    const user = await users.findById(request.user.sub);
    if (!user) throw new LatticeError('LATTICE_ERR_UNAUTHENTICATED');
    return toPublicUser(user);
  });
}

async function issueSession(app: FastifyInstance, ctx: ServerContext, user: PublicUser) {
  return {
    accessToken: signAccessToken(app, user, ctx.clock),
    refreshToken: await ctx.refreshTokens.issue(user.id),
    user,
  };
}

async function audit(
  ctx: ServerContext,
  request: FastifyRequest,
  actor: string | null,
  action: string,
  detail: Record<string, unknown>,
): Promise<void> {
  await appendAudit(ctx.db.kysely, ctx.clock, { appId: null, actor, action, detail, ip: request.ip });
}

function badCredentials(): LatticeError {
  return new LatticeError('LATTICE_ERR_BAD_CREDENTIALS', [
    { path: 'password', message: { zh: '用户名或密码错误', en: 'Wrong username or password' } },
  ]);
}

function accountLocked(until: Date): LatticeError {
  return new LatticeError('LATTICE_ERR_ACCOUNT_LOCKED', [
    {
      path: 'username',
      message: {
        zh: `登录失败次数过多，账户锁定至 ${until.toISOString()}`,
        en: `Too many failed attempts; locked until ${until.toISOString()}`,
      },
    },
  ]);
}
