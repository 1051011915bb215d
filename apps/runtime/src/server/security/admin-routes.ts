import { documentsOfKind, LatticeError, latticeError, type RoleDoc, validateDocument } from '@lattice/engine';
import { appendAudit } from '@lattice/engine/storage';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireAuth } from '../auth/access-token';
import { requireRole } from '../auth/require-role';
import type { UserPatch } from '../auth/user-store';
import { requestContext, type ServerContext } from '../server-context';
import type { ApiKeyStore } from './api-key-store';
import { queryAudit } from './audit-query';
import { revokeAccessTokens } from './create-auth-extension';
import { publishRole } from './publish-role';

const code = { type: 'string', pattern: '^[a-z][a-z0-9_-]{0,62}$' } as const;
const i18n = {
  type: 'object',
  required: ['zh', 'en'],
  additionalProperties: false,
  properties: {
    zh: { type: 'string', minLength: 1, maxLength: 100 },
    en: { type: 'string', minLength: 1, maxLength: 100 },
  },
} as const;
const nullableCode = { anyOf: [code, { type: 'null' }] } as const;
const userFields = {
  displayName: { type: 'string', minLength: 1, maxLength: 100 },
  roles: { type: 'array', maxItems: 20, uniqueItems: true, items: code },
  department: nullableCode,
  region: nullableCode,
} as const;
const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', format: 'uuid' } },
} as const;
const codeParams = { type: 'object', required: ['code'], properties: { code } } as const;

/**
 * Admin REST under `/api/admin` (platform role `admin` only): users (create, change roles/department/
 * region — which revokes the user's access tokens so new claims apply —, reset password), departments
 * (tree), regions, API keys (secret shown once), the audit log query, and role documents (only that
 * role is published; other pending draft edits stay draft — `publish-role.ts`). Every change is
 * audited with who and from where.
 */
export async function adminRoutes(
  app: FastifyInstance,
  ctx: ServerContext,
  apiKeys: ApiKeyStore,
): Promise<void> {
  const { users, org, db, clock } = ctx;
  app.addHook('onRequest', requireAuth(app, clock));
  app.addHook('preHandler', requireRole('admin'));

  const audit = (
    request: FastifyRequest,
    action: string,
    detail: unknown,
    extra: { appId?: string; entity?: string; recordId?: string } = {},
  ) =>
    appendAudit(db.kysely, clock, {
      appId: extra.appId ?? null,
      actor: request.user.sub,
      action,
      entity: extra.entity ?? null,
      recordId: extra.recordId ?? null,
      detail,
      ip: request.ip,
    });

  app.get('/users', async () => users.list());

  app.post<{
    Body: {
      username: string;
      password: string;
      displayName?: string;
      roles?: string[];
      department?: string | null;
      region?: string | null;
    };
  }>(
    '/users',
    {
      schema: {
        body: {
          type: 'object',
          required: ['username', 'password'],
          additionalProperties: false,
          properties: {
            username: code,
            password: { type: 'string', minLength: 8, maxLength: 200 },
            ...userFields,
          },
        },
      },
    },
    async (request, reply) => {
      if (await users.findByUsername(request.body.username)) {
        throw latticeError('LATTICE_ERR_VALIDATION', 'username', {
          zh: '用户名已存在',
          en: 'The username is taken',
        });
      }
      const user = await users.create(request.body);
      await audit(
        request,
        'security.user_create',
        { username: user.username, roles: user.roles },
        { recordId: user.id },
      );
      return reply.status(201).send(user);
    },
  );

  app.patch<{ Params: { id: string }; Body: UserPatch }>(
    '/users/:id',
    {
      schema: {
        params: idParams,
        body: { type: 'object', additionalProperties: false, properties: userFields },
      },
    },
    async (request) => {
      const before = await users.findById(request.params.id);
      const user = await users.update(request.params.id, request.body);
      if (!before || !user) throw notFound('user');
      await revokeAccessTokens(db, clock, user.id);
      await audit(
        request,
        'security.user_update',
        {
          username: user.username,
          before: { roles: before.roles, department: before.department, region: before.region },
          after: request.body,
        },
        { recordId: user.id },
      );
      return user;
    },
  );

  app.post<{ Params: { id: string }; Body: { password: string } }>(
    '/users/:id/password',
    {
      schema: {
        params: idParams,
        body: {
          type: 'object',
          required: ['password'],
          additionalProperties: false,
          properties: { password: { type: 'string', minLength: 8, maxLength: 200 } },
        },
      },
    },
    async (request, reply) => {
      const user = await users.findById(request.params.id);
      if (!user) throw notFound('user');
      await users.setPassword(user.id, request.body.password);
      await ctx.refreshTokens.revokeUser(user.id);
      await revokeAccessTokens(db, clock, user.id);
      await audit(request, 'security.password_reset', { username: user.username }, { recordId: user.id });
      return reply.status(204).send();
    },
  );

  app.get('/departments', async () => org.listDepartments());
  app.put<{ Params: { code: string }; Body: { name: { zh: string; en: string }; parent?: string | null } }>(
    '/departments/:code',
    {
      schema: {
        params: codeParams,
        body: {
          type: 'object',
          required: ['name'],
          additionalProperties: false,
          properties: { name: i18n, parent: nullableCode },
        },
      },
    },
    async (request) => {
      const codeValue = request.params.code;
      const parent = request.body.parent ?? null;
      if (parent !== null) {
        const all = await org.listDepartments();
        if (!all.some((d) => d.code === parent))
          throw invalid('parent', '上级部门不存在', 'The parent department does not exist');
        if ((await org.departmentsBelow(codeValue)).includes(parent)) {
          throw invalid('parent', '上级部门不能是自身或下级部门', 'A department cannot move below itself');
        }
      }
      const dept = { code: codeValue, name: request.body.name, parent };
      await org.saveDepartment(dept);
      await audit(request, 'security.department_save', dept);
      return dept;
    },
  );
  app.delete<{ Params: { code: string } }>(
    '/departments/:code',
    { schema: { params: codeParams } },
    async (request, reply) => {
      if (!(await org.deleteDepartment(request.params.code))) throw notFound('department');
      await audit(request, 'security.department_delete', { code: request.params.code });
      return reply.status(204).send();
    },
  );

  app.get('/regions', async () => org.listRegions());
  app.put<{ Params: { code: string }; Body: { name: { zh: string; en: string } } }>(
    '/regions/:code',
    {
      schema: {
        params: codeParams,
        body: { type: 'object', required: ['name'], additionalProperties: false, properties: { name: i18n } },
      },
    },
    async (request) => {
      const region = { code: request.params.code, name: request.body.name };
      await org.saveRegion(region);
      await audit(request, 'security.region_save', region);
      return region;
    },
  );
  app.delete<{ Params: { code: string } }>(
    '/regions/:code',
    { schema: { params: codeParams } },
    async (request, reply) => {
      if (!(await org.deleteRegion(request.params.code))) throw notFound('region');
      await audit(request, 'security.region_delete', { code: request.params.code });
      return reply.status(204).send();
    },
  );

  app.get('/api-keys', async () => apiKeys.list());
  app.post<{ Body: { name: string; role: string } }>(
    '/api-keys',
    {
      schema: {
        body: {
          type: 'object',
          required: ['name', 'role'],
          additionalProperties: false,
          properties: { name: { type: 'string', minLength: 1, maxLength: 100 }, role: code },
        },
      },
    },
    async (request, reply) => {
      const { key, info } = await apiKeys.create({ ...request.body, createdBy: request.user.sub });
      await audit(
        request,
        'security.api_key_create',
        { name: info.name, role: info.role, prefix: info.prefix },
        { recordId: info.id },
      );
      return reply.status(201).send({ ...info, key });
    },
  );
  app.delete<{ Params: { id: string } }>(
    '/api-keys/:id',
    { schema: { params: idParams } },
    async (request) => {
      const info = await apiKeys.revoke(request.params.id);
      if (!info) throw notFound('API key');
      await audit(
        request,
        'security.api_key_revoke',
        { name: info.name, prefix: info.prefix },
        { recordId: info.id },
      );
      return info;
    },
  );

  app.get<{ Querystring: Record<string, string | undefined> }>(
    '/audit',
    {
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            actor: { type: 'string', maxLength: 100 },
            action: { type: 'string', maxLength: 100 },
            entity: { type: 'string', maxLength: 100 },
            app: { type: 'string', maxLength: 100 },
            from: { type: 'string', format: 'date-time' },
            to: { type: 'string', format: 'date-time' },
            before: { type: 'string', pattern: '^[0-9]{1,18}$' },
            limit: { type: 'integer', minimum: 1, maximum: 200 },
          },
        },
      },
    },
    async (request) => queryAudit(db, request.query),
  );

  app.get<{ Params: { app: string } }>('/apps/:app/roles', async (request) => {
    const live = await ctx.appStore.getLive(request.params.app);
    return documentsOfKind(live.definition, 'role');
  });

  app.put<{ Params: { app: string; name: string }; Body: RoleDoc }>(
    '/apps/:app/roles/:name',
    { schema: { body: { type: 'object' } } },
    async (request) => {
      const { app: appId, name } = request.params;
      const role = request.body;
      if (role.name !== name)
        throw invalid('name', '角色名与地址不一致', 'The role name does not match the URL');
      const errors = validateDocument(role);
      if (errors.length) throw new LatticeError('LATTICE_ERR_VALIDATION', errors);
      await publishRole(ctx, requestContext(ctx, request), appId, role);
      return role;
    },
  );
}

function notFound(what: string): LatticeError {
  return latticeError('LATTICE_ERR_NOT_FOUND', 'id', { zh: `${what} 不存在`, en: `No such ${what}` });
}

function invalid(path: string, zh: string, en: string): LatticeError {
  return latticeError('LATTICE_ERR_VALIDATION', path, { zh, en });
}
