import { PassThrough } from 'node:stream';
import multipart from '@fastify/multipart';
import { LatticeError } from '@lattice/engine';
import type { FastifyInstance } from 'fastify';
import { actorOf, requireAuth } from '../auth/access-token';
import { requireRole } from '../auth/require-role';
import { localeOf, type ServerContext } from '../server-context';
import { importFileError } from './import-file-error';
import type { ImportRunSettings, ImportService } from './import-service';
import type { ImportStore } from './import-store';
import { writeErrorReport } from './write-error-report';

/** Largest upload accepted (bytes); the zip-bomb guard separately limits what an xlsx expands to. */
export const DEFAULT_MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

const appParams = {
  type: 'object',
  required: ['app'],
  properties: { app: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,40}$' } },
} as const;
const importParams = {
  type: 'object',
  required: ['app', 'id'],
  properties: { ...appParams.properties, id: { type: 'string', format: 'uuid' } },
} as const;
const entityName = { type: 'string', pattern: '^[a-z][a-z0-9_]{0,62}$' } as const;
const mappingSchema = {
  type: 'array',
  maxItems: 500,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['column', 'header', 'field'],
    properties: {
      column: { type: 'integer', minimum: 0, maximum: 16383 },
      header: { type: 'string', maxLength: 500 },
      field: { anyOf: [entityName, { type: 'null' }] },
    },
  },
} as const;
const settingsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['mapping', 'mode', 'onError'],
  properties: {
    sheet: { anyOf: [{ type: 'string', maxLength: 200 }, { type: 'null' }] },
    headerRow: { type: 'integer', minimum: 1 },
    mapping: mappingSchema,
    mode: { type: 'string', enum: ['insert', 'upsert'] },
    key: { type: 'array', items: entityName, maxItems: 8 },
    onError: { type: 'string', enum: ['skip', 'abort'] },
    perRowTriggers: { type: 'boolean' },
  },
} as const;

type AppParams = { app: string };
type ImportParams = AppParams & { id: string };

/**
 * Import API for admins under `/api/apps/:app`: upload (multipart, field `entity` then `file`), inspect a
 * sheet (headers, sample, suggested mapping), preview rows with per-cell errors, start, poll status with
 * live progress, download the error report (.xlsx), and named mappings per entity.
 */
export async function importRoutes(
  app: FastifyInstance,
  ctx: ServerContext,
  service: ImportService,
  store: ImportStore,
  maxUploadBytes = DEFAULT_MAX_UPLOAD_BYTES,
): Promise<void> {
  await app.register(multipart, { limits: { fileSize: maxUploadBytes, files: 1, fields: 5 } });
  app.addHook('onRequest', requireAuth(app, ctx.clock));
  app.addHook('preHandler', requireRole('admin'));

  app.post<{ Params: AppParams }>(
    '/:app/imports',
    { schema: { params: appParams } },
    async (request, reply) => {
      if (!request.isMultipart()) {
        throw importFileError('请以 multipart/form-data 上传文件', 'Upload the file as multipart/form-data');
      }
      let entity: string | null = null;
      for await (const part of request.parts()) {
        if (part.type === 'field' && part.fieldname === 'entity') entity = String(part.value);
        else if (part.type === 'file') {
          if (!entity || !/^[a-z][a-z0-9_]{0,62}$/.test(entity)) {
            part.file.resume();
            throw importFileError(
              '请在文件之前提供 entity 字段',
              'Send the entity field before the file',
              'entity',
            );
          }
          const job = await service.upload(
            request.user as never,
            request.params.app,
            entity,
            part.filename,
            part.file,
          );
          const inspection = await service.inspect(request.params.app, job.id);
          return reply
            .code(201)
            .send({ import: await service.status(request.params.app, job.id), inspection });
        }
      }
      throw importFileError('没有收到文件', 'No file was uploaded');
    },
  );

  app.get<{ Params: AppParams }>('/:app/imports', { schema: { params: appParams } }, async (request) => ({
    items: await store.list(request.params.app),
  }));

  app.get<{ Params: ImportParams }>(
    '/:app/imports/:id',
    { schema: { params: importParams } },
    async (request) => {
      const job = await service.status(request.params.app, request.params.id);
      if (!job) throw notFound(request.params.id);
      return job;
    },
  );

  app.post<{ Params: ImportParams; Body: { sheet?: string | null; headerRow?: number } }>(
    '/:app/imports/:id/inspect',
    {
      schema: {
        params: importParams,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            sheet: { anyOf: [{ type: 'string', maxLength: 200 }, { type: 'null' }] },
            headerRow: { type: 'integer', minimum: 1 },
          },
        },
      },
    },
    async (request) =>
      service.inspect(request.params.app, request.params.id, request.body.sheet, request.body.headerRow),
  );

  app.post<{ Params: ImportParams; Body: ImportRunSettings }>(
    '/:app/imports/:id/preview',
    { schema: { params: importParams, body: settingsSchema } },
    async (request) => ({
      rows: await service.preview(actorOf(request), request.params.app, request.params.id, request.body),
    }),
  );

  app.post<{ Params: ImportParams; Body: ImportRunSettings }>(
    '/:app/imports/:id/start',
    { schema: { params: importParams, body: settingsSchema } },
    async (request, reply) =>
      reply
        .code(202)
        .send(await service.start(actorOf(request), request.params.app, request.params.id, request.body)),
  );

  app.get<{ Params: ImportParams }>(
    '/:app/imports/:id/errors.xlsx',
    { schema: { params: importParams } },
    async (request, reply) => {
      const job = await store.get(request.params.app, request.params.id);
      if (!job) throw notFound(request.params.id);
      const out = new PassThrough();
      const done = writeErrorReport(store, job.appId, job.id, localeOf(request), out).catch((e: unknown) =>
        out.destroy(e as Error),
      );
      void done;
      const base = job.fileName.replace(/\.[^.]+$/, '');
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(`${base}-errors.xlsx`)}`,
        )
        .send(out);
    },
  );

  app.get<{ Params: AppParams; Querystring: { entity: string } }>(
    '/:app/import-mappings',
    {
      schema: {
        params: appParams,
        querystring: { type: 'object', required: ['entity'], properties: { entity: entityName } },
      },
    },
    async (request) => ({ items: await store.listMappings(request.params.app, request.query.entity) }),
  );

  app.put<{
    Params: AppParams & { entity: string; name: string };
    Body: { mapping: ImportRunSettings['mapping'] };
  }>(
    '/:app/import-mappings/:entity/:name',
    {
      schema: {
        params: {
          type: 'object',
          required: ['app', 'entity', 'name'],
          properties: {
            ...appParams.properties,
            entity: entityName,
            name: { type: 'string', minLength: 1, maxLength: 100 },
          },
        },
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['mapping'],
          properties: { mapping: mappingSchema },
        },
      },
    },
    async (request) => {
      const { app: appId, entity, name } = request.params;
      await store.saveMapping(appId, entity, name, request.body.mapping, request.user.sub);
      return { name, entity, mapping: request.body.mapping };
    },
  );
}

function notFound(id: string) {
  return new LatticeError('LATTICE_ERR_NOT_FOUND', [
    { path: 'params.id', message: { zh: '导入任务不存在', en: `No import ${id}` } },
  ]);
}
