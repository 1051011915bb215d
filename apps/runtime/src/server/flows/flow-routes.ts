import { documentsOfKind, findEntity, hasRight, LatticeError } from '@lattice/engine';
import type { FastifyInstance } from 'fastify';
import { requireAuth } from '../auth/access-token';
import { requestContext, type ServerContext } from '../server-context';
import { inboxCounts, listInbox } from './flow-inbox';
import { toFlowInstanceView } from './flow-instance-view';
import type { FlowAction, FlowService } from './flow-service';
import { eventsOf, type InstanceRow, instancesOfRecord, loadInstance } from './flow-store';
import { INBOX_BOXES, type InboxBox } from './flow-views';

const app = { type: 'string', pattern: '^[a-z][a-z0-9-]{0,40}$' } as const;
const name = { type: 'string', pattern: '^[a-z][a-z0-9_]{0,62}$' } as const;
const uuid = { type: 'string', format: 'uuid' } as const;
const comment = { type: 'string', maxLength: 4000 } as const;
const taskId = { type: 'string', maxLength: 200 } as const;
/** An uploaded file (`POST /files`) as the upload returned it. */
const fileRef = {
  type: 'object',
  required: ['id', 'name', 'size', 'mime'],
  additionalProperties: false,
  properties: {
    id: uuid,
    name: { type: 'string', minLength: 1, maxLength: 255 },
    size: { type: 'integer', minimum: 0 },
    mime: { type: 'string', maxLength: 200 },
  },
} as const;

const startBody = {
  type: 'object',
  required: ['flow', 'recordId'],
  additionalProperties: false,
  properties: { flow: name, recordId: uuid, comment },
} as const;

/** One action; the fields each `type` needs are required by the `allOf` branches. */
const actionBody = {
  type: 'object',
  required: ['type'],
  additionalProperties: false,
  properties: {
    type: { enum: ['approve', 'reject', 'transfer', 'add_signer', 'withdraw', 'comment', 'urge'] },
    taskId,
    comment,
    to: {
      anyOf: [
        { type: 'string', maxLength: 200 },
        { type: 'object', required: ['node'], additionalProperties: false, properties: { node: name } },
      ],
    },
    user: { type: 'string', minLength: 1, maxLength: 200 },
    position: { enum: ['before', 'after'] },
    attachments: {
      type: 'array',
      maxItems: 20,
      items: { anyOf: [{ type: 'string', minLength: 1, maxLength: 2000 }, fileRef] },
    },
    /** The signature image (uploaded like a comment file) for steps that require one. */
    signature: fileRef,
  },
  // biome-ignore-start lint/suspicious/noThenProperty: JSON Schema if/then, not a thenable
  allOf: [
    { if: { properties: { type: { const: 'transfer' } } }, then: { required: ['to'] } },
    { if: { properties: { type: { const: 'add_signer' } } }, then: { required: ['user', 'position'] } },
    { if: { properties: { type: { const: 'comment' } } }, then: { required: ['comment'] } },
    {
      if: { not: { properties: { type: { const: 'approve' } } } },
      then: { not: { required: ['signature'] } },
    },
  ],
  // biome-ignore-end lint/suspicious/noThenProperty: JSON Schema if/then
} as const;

/**
 * Approval flows under `/api/apps/:app`: submit a record into a flow, act on an instance (approve,
 * reject to the submitter or an earlier node, transfer, add signer before/after, withdraw, comment with
 * attachments, urge), read an instance or a record's flows with their timeline, the inbox tabs and their
 * counts, the flows an entity offers, and the people one may transfer to.
 */
export async function flowRoutes(
  api: FastifyInstance,
  ctx: ServerContext,
  flows: FlowService,
): Promise<void> {
  api.addHook('onRequest', requireAuth(api, ctx.clock));

  async function view(appId: string, row: InstanceRow) {
    const live = await ctx.appStore.getLive(appId);
    const events = await eventsOf(ctx.db.kysely, appId, row.id);
    return toFlowInstanceView(row, flows.flowDoc(live, row.flow), events, await ctx.users.list());
  }

  api.post<{ Params: { app: string }; Body: { flow: string; recordId: string; comment?: string } }>(
    '/:app/flows/start',
    { schema: { params: { type: 'object', required: ['app'], properties: { app } }, body: startBody } },
    async (request, reply) => {
      const { app: appId } = request.params;
      const rc = requestContext(ctx, request);
      // Submitting locks the record and its outcome writes to it: it needs the update right (403).
      const live = await ctx.appStore.getLive(appId);
      const flow = documentsOfKind(live.definition, 'flow').find((f) => f.name === request.body.flow);
      if (flow) ctx.scope.assertRight(rc.actor, live, flow.entity, 'update');
      const row = await flows.start(rc, appId, request.body);
      return reply.status(201).send(await view(appId, row));
    },
  );

  api.get<{ Params: { app: string; id: string } }>(
    '/:app/flows/instances/:id',
    { schema: { params: { type: 'object', required: ['app', 'id'], properties: { app, id: uuid } } } },
    async (request) => {
      const { app: appId, id } = request.params;
      const row = await loadInstance(ctx.db.kysely, appId, id);
      if (!row) throw notFound(id);
      // Only people who can read the record see its approval.
      await ctx.records.get(requestContext(ctx, request), appId, row.entity, row.recordId);
      return view(appId, row);
    },
  );

  api.post<{ Params: { app: string; id: string }; Body: FlowAction }>(
    '/:app/flows/instances/:id/actions',
    {
      schema: {
        params: { type: 'object', required: ['app', 'id'], properties: { app, id: uuid } },
        body: actionBody,
      },
    },
    async (request) => {
      const { app: appId, id } = request.params;
      const rc = requestContext(ctx, request);
      if (request.body.type === 'comment') {
        // Participants may always comment; anyone else only on a record they can read.
        const row = await loadInstance(ctx.db.kysely, appId, id);
        if (!row) throw notFound(id);
        const me = rc.actor.id;
        if (row.submitter !== me && !row.state.tasks.some((t) => t.assignee === me)) {
          await ctx.records.get(rc, appId, row.entity, row.recordId);
        }
      }
      return view(appId, await flows.act(rc, appId, id, request.body));
    },
  );

  api.get<{ Params: { app: string; entity: string; recordId: string } }>(
    '/:app/flows/records/:entity/:recordId',
    {
      schema: {
        params: {
          type: 'object',
          required: ['app', 'entity', 'recordId'],
          properties: { app, entity: name, recordId: uuid },
        },
      },
    },
    async (request) => {
      const { app: appId, entity, recordId } = request.params;
      await ctx.records.get(requestContext(ctx, request), appId, entity, recordId);
      const rows = await instancesOfRecord(ctx.db.kysely, appId, entity, recordId);
      return Promise.all(rows.map((r) => view(appId, r)));
    },
  );

  api.get<{ Params: { app: string; entity: string } }>(
    '/:app/flows/entity/:entity',
    {
      schema: { params: { type: 'object', required: ['app', 'entity'], properties: { app, entity: name } } },
    },
    async (request) => {
      const { app: appId, entity } = request.params;
      const live = await ctx.appStore.getLive(appId);
      // Only flows the caller may submit (update right on the entity): the record page's button list.
      if (!findEntity(live.definition, entity)) return [];
      const access = ctx.scope.accessFor(requestContext(ctx, request).actor, live, entity);
      if (!hasRight(access, 'update')) return [];
      return documentsOfKind(live.definition, 'flow')
        .filter((f) => f.entity === entity)
        .map((f) => ({ name: f.name, label: f.label }));
    },
  );

  api.get<{ Params: { app: string }; Querystring: { box?: InboxBox; limit?: number } }>(
    '/:app/approvals/inbox',
    {
      schema: {
        params: { type: 'object', required: ['app'], properties: { app } },
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            box: { enum: [...INBOX_BOXES] },
            limit: { type: 'integer', minimum: 1, maximum: 200 },
          },
        },
      },
    },
    async (request) => {
      const { app: appId } = request.params;
      return listInbox(
        ctx.db.kysely,
        ctx,
        appId,
        request.user.sub,
        request.query.box ?? 'todo',
        request.query.limit ?? 100,
      );
    },
  );

  api.get<{ Params: { app: string } }>(
    '/:app/approvals/counts',
    { schema: { params: { type: 'object', required: ['app'], properties: { app } } } },
    async (request) => inboxCounts(ctx.db.kysely, request.params.app, request.user.sub),
  );

  api.get<{ Params: { app: string } }>(
    '/:app/approvals/people',
    { schema: { params: { type: 'object', required: ['app'], properties: { app } } } },
    async () =>
      (await ctx.users.list()).map((u) => ({
        id: u.id,
        username: u.username,
        displayName: u.displayName,
        department: u.department,
      })),
  );
}

function notFound(id: string): LatticeError {
  return new LatticeError('LATTICE_ERR_NOT_FOUND', [
    { path: 'params.id', message: { zh: `审批不存在：${id}`, en: `No such approval: ${id}` } },
  ]);
}
