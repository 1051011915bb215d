import { createHash, randomUUID } from 'node:crypto';
import multipart, { type MultipartFile, type MultipartValue } from '@fastify/multipart';
import { coerceFieldValue, LatticeError, latticeError } from '@lattice/engine';
import { appendAudit, type RequestContext } from '@lattice/engine/storage';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { requireAuth } from '../auth/access-token';
import { localeOf, requestContext, type ServerContext } from '../server-context';
import { contentDisposition } from './content-disposition';
import { canReadFile, canSeeFlowRecord, uploadField } from './file-access';
import {
  COMMENT_FIELD,
  fileRefOf,
  findFiles,
  insertFile,
  purgeOrphanFiles,
  readContent,
  type StoredFile,
} from './file-store';
import type { FileUrlSigner, SignedFileQuery } from './file-url-signer';
import { sniffImageMime } from './sniff-image-mime';

/** Limits: the field's `maxSizeMb` (default {@link DEFAULT_FIELD_MAX_MB}) and the server's ceiling. */
export interface FileLimits {
  /** Largest upload the server accepts at all, whatever the field says (bytes). */
  maxUploadBytes: number;
  /** Unattached uploads older than this are purged (abandoned forms). */
  orphanTtlMs: number;
}
export const DEFAULT_FIELD_MAX_MB = 20;
export const DEFAULT_FILE_LIMITS: FileLimits = {
  maxUploadBytes: 50 * 1024 * 1024,
  orphanTtlMs: 24 * 3600_000,
};
const MIB = 1024 * 1024;

const appParam = { type: 'string', pattern: '^[a-z][a-z0-9-]{0,40}$' } as const;
const fileParams = {
  type: 'object',
  required: ['app', 'id'],
  properties: { app: appParam, id: { type: 'string', format: 'uuid' } },
} as const;
const multipartText = (value: object) => ({ type: 'object', required: ['value'], properties: { value } });
const uploadBody = {
  type: 'object',
  required: ['entity', 'field', 'file'],
  properties: {
    entity: multipartText({ type: 'string', pattern: '^[a-z][a-z0-9_]{0,62}$' }),
    field: multipartText({ type: 'string', pattern: '^([a-z][a-z0-9_]{0,62}|\\$comment)$' }),
    recordId: multipartText({ type: 'string', format: 'uuid' }),
    file: {
      type: 'object',
      required: ['filename', 'mimetype'],
      properties: { filename: { type: 'string' } },
    },
  },
} as const;
const urlsBody = {
  type: 'object',
  required: ['ids'],
  additionalProperties: false,
  properties: { ids: { type: 'array', maxItems: 200, items: { type: 'string', format: 'uuid' } } },
} as const;
const downloadQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    u: { type: 'string', minLength: 1, maxLength: 200 },
    exp: { type: 'integer' },
    sig: { type: 'string', minLength: 1, maxLength: 200 },
    download: { type: 'string', enum: ['0', '1'] },
  },
  dependencies: { sig: ['u', 'exp'] },
} as const;

interface UploadBody {
  entity: MultipartValue<string>;
  field: MultipartValue<string>;
  recordId?: MultipartValue<string>;
  file: MultipartFile;
}

/**
 * File storage under `/api/apps/:app/files`: `POST` (multipart: `entity`, `field`, [`recordId`], then
 * `file`) stores an upload for a file/image field — or `field=$comment` for a flow comment on `recordId` —
 * and returns `{file: FileRef, url}`; `GET /:id` streams it to a caller allowed by `canReadFile` (bearer
 * token) or holding a signed URL (`?u=&exp=&sig=`, for `<img>`/`<a>`), else 404; `POST /urls {ids}`
 * signs download URLs for the ids the caller may read. Uploads and downloads are audited.
 */
export async function fileRoutes(
  app: FastifyInstance,
  ctx: ServerContext,
  signer: FileUrlSigner,
  limits: FileLimits = DEFAULT_FILE_LIMITS,
): Promise<void> {
  await app.register(async (upload) => {
    await upload.register(multipart, {
      attachFieldsToBody: true,
      limits: { fileSize: limits.maxUploadBytes, files: 1, fields: 5 },
    });
    upload.addHook('onRequest', requireAuth(upload, ctx.clock));
    upload.post<{ Params: { app: string }; Body: UploadBody }>(
      '/:app/files',
      {
        schema: {
          consumes: ['multipart/form-data'],
          params: { type: 'object', required: ['app'], properties: { app: appParam } },
          body: uploadBody,
        },
      },
      async (request, reply) => {
        const appId = request.params.app;
        const rc = requestContext(ctx, request);
        const body = request.body;
        const entity = body.entity.value;
        const fieldName = body.field.value;
        let recordId: string | null = null;
        let maxBytes = limits.maxUploadBytes;
        let check: ((name: string, size: number, mime: string) => void) | null = null;
        if (fieldName === COMMENT_FIELD) {
          recordId = body.recordId?.value ?? null;
          if (!recordId || !(await canSeeFlowRecord(ctx, rc, appId, entity, recordId))) {
            throw latticeError('LATTICE_ERR_NOT_FOUND', 'recordId', {
              zh: '记录不存在',
              en: 'No such record',
            });
          }
        } else {
          const field = await uploadField(ctx, rc, appId, entity, fieldName);
          maxBytes = Math.min(maxBytes, (field.maxSizeMb ?? DEFAULT_FIELD_MAX_MB) * MIB);
          check = (name, size, mime) => {
            const r = coerceFieldValue(field, { id: randomUUID(), name, size, mime });
            if (!r.ok)
              throw new LatticeError('LATTICE_ERR_VALIDATION', [{ path: 'file', message: r.message }]);
          };
          if (field.type === 'image') {
            const inner = check;
            check = (name, size, mime) => {
              if (!mime.startsWith('image/')) throw notAnImage(name);
              inner(name, size, mime);
            };
          }
        }
        const content = await body.file.toBuffer();
        const name = cleanFileName(body.file.filename);
        if (content.length > maxBytes) throw tooLarge(name, maxBytes);
        const mime = sniffImageMime(content) ?? nonImageMime(body.file.mimetype);
        check?.(name, content.length, mime);
        const now = ctx.clock.now();
        const stored: StoredFile = {
          id: randomUUID(),
          appId,
          entity,
          field: fieldName,
          recordId: null,
          name,
          mime,
          size: content.length,
          sha256: createHash('sha256').update(content).digest('hex'),
          createdBy: rc.actor.id,
          createdAt: now,
        };
        await ctx.db.kysely.transaction().execute(async (trx) => {
          await purgeOrphanFiles(trx, new Date(now.getTime() - limits.orphanTtlMs));
          await insertFile(trx, stored, content);
          await appendAudit(trx, ctx.clock, {
            appId,
            actor: rc.actor.id,
            action: 'file.upload',
            entity,
            ...(recordId ? { recordId } : {}),
            detail: { file: stored.id, field: fieldName, name, size: stored.size, mime },
            ip: request.ip,
          });
        });
        return reply
          .code(201)
          .send({ file: fileRefOf(stored), url: signer.url(appId, stored.id, rc.actor.id) });
      },
    );
  });

  app.post<{ Params: { app: string }; Body: { ids: string[] } }>(
    '/:app/files/urls',
    {
      onRequest: requireAuth(app, ctx.clock),
      schema: {
        params: { type: 'object', required: ['app'], properties: { app: appParam } },
        body: urlsBody,
      },
    },
    async (request) => {
      const appId = request.params.app;
      const rc = requestContext(ctx, request);
      const files = await findFiles(ctx.db.kysely, appId, [...new Set(request.body.ids)]);
      const urls: Record<string, string> = {};
      for (const f of files) {
        if (await canReadFile(ctx, rc, f)) urls[f.id] = signer.url(appId, f.id, rc.actor.id);
      }
      return { urls };
    },
  );

  app.get<{
    Params: { app: string; id: string };
    Querystring: Partial<SignedFileQuery> & { download?: string };
  }>(
    '/:app/files/:id',
    { schema: { params: fileParams, querystring: downloadQuery } },
    async (request, reply) => {
      const { app: appId, id } = request.params;
      const q = request.query;
      let rc: RequestContext;
      if (q.sig !== undefined) {
        const signed = { u: q.u ?? '', exp: q.exp ?? 0, sig: q.sig };
        const user = signer.verify(id, signed) ? await ctx.users.findById(signed.u) : null;
        if (!user) {
          throw latticeError('LATTICE_ERR_UNAUTHENTICATED', 'sig', {
            zh: '下载链接无效或已过期，请刷新页面',
            en: 'The download link is invalid or has expired; reload the page',
          });
        }
        const actor = {
          id: user.id,
          username: user.username,
          roles: user.roles,
          department: user.department,
          region: user.region,
        };
        rc = { actor, clock: ctx.clock, locale: localeOf(request), ip: request.ip };
      } else {
        await requireAuth(app, ctx.clock)(request);
        rc = requestContext(ctx, request);
      }
      const [file] = await findFiles(ctx.db.kysely, appId, [id]);
      if (!file || !(await canReadFile(ctx, rc, file))) throw fileNotFound();
      const inline = file.mime.startsWith('image/') && q.download !== '1';
      if (!inline) {
        await appendAudit(ctx.db.kysely, ctx.clock, {
          appId,
          actor: rc.actor.id,
          action: 'file.download',
          entity: file.entity,
          ...(file.recordId ? { recordId: file.recordId } : {}),
          detail: { file: file.id, field: file.field, name: file.name },
          ip: request.ip,
        });
      }
      return sendFile(reply, file, await readContent(ctx.db.kysely, file.id), inline);
    },
  );
}

function sendFile(reply: FastifyReply, file: StoredFile, content: Buffer, inline: boolean) {
  return reply
    .header('content-type', file.mime)
    .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', file.name))
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, max-age=300')
    .header('etag', `"${file.sha256}"`)
    .send(content);
}

/** The client's type for non-image content (images are sniffed): a sane `type/subtype`, else octet-stream. */
function nonImageMime(declared: string): string {
  const m = declared.trim().toLowerCase();
  if (m.startsWith('image/') || m.includes('html') || m.includes('javascript'))
    return 'application/octet-stream';
  return /^[a-z]+\/[a-z0-9.+-]+$/.test(m) ? m : 'application/octet-stream';
}

/** Keeps the base name (browsers may send a path), NFC, at most 200 characters. */
function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const name = base
    .normalize('NFC')
    .replace(/\p{Cc}/gu, '')
    .trim();
  return ([...name].length > 200 ? [...name].slice(-200).join('') : name) || 'file';
}

function tooLarge(name: string, maxBytes: number): LatticeError {
  const mb = Math.round((maxBytes / MIB) * 10) / 10;
  return latticeError('LATTICE_ERR_VALIDATION', 'file', {
    zh: `"${name}" 超过 ${mb} MB`,
    en: `"${name}" is larger than ${mb} MB`,
  });
}

function notAnImage(name: string): LatticeError {
  return latticeError('LATTICE_ERR_VALIDATION', 'file', {
    zh: `"${name}" 不是支持的图片（png、jpeg、gif、webp、bmp）`,
    en: `"${name}" is not a supported image (png, jpeg, gif, webp, bmp)`,
  });
}

function fileNotFound(): LatticeError {
  return latticeError('LATTICE_ERR_NOT_FOUND', 'id', { zh: '文件不存在', en: 'No such file' });
}
