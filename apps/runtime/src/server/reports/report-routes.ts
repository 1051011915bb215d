import {
  type DashboardDoc,
  type Dataset,
  documentsOfKind,
  type JsonLogic,
  LatticeError,
  pickText,
  type ReportDoc,
  validateDocument,
} from '@lattice/engine';
import { appendAudit, type LiveApp } from '@lattice/engine/storage';
import { type SharedFilterValues, sharedFilterFor, toCsv } from '@lattice/report-engine';
import type { FastifyInstance } from 'fastify';
import { requireAuth } from '../auth/access-token';
import { localeOf, requestContext, type ServerContext } from '../server-context';
import { reportWorkbook } from './report-workbook';
import { runSecuredDataset } from './run-secured-dataset';

const NAME = { type: 'string', pattern: '^[a-z][a-z0-9_]{0,62}$' } as const;
const DAY = { type: 'string', pattern: '^(\\d{4}-\\d{2}-\\d{2})?$' } as const;

const reportParams = {
  type: 'object',
  required: ['app', 'report'],
  properties: { app: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,40}$' }, report: NAME },
} as const;

const appParams = {
  type: 'object',
  required: ['app'],
  properties: { app: reportParams.properties.app },
} as const;

/** Shared dashboard filter values by filter id: one value, several, a date range, or null. */
const filterValues = {
  type: 'object',
  maxProperties: 20,
  additionalProperties: {
    anyOf: [
      { type: 'string', maxLength: 200 },
      { type: 'array', maxItems: 200, items: { type: 'string', maxLength: 200 } },
      { type: 'object', additionalProperties: false, properties: { from: DAY, to: DAY } },
      { type: 'null' },
    ],
  },
} as const;

const runBody = {
  type: 'object',
  additionalProperties: false,
  properties: { dashboard: NAME, filters: filterValues },
} as const;

const exportBody = {
  type: 'object',
  additionalProperties: false,
  required: ['format'],
  properties: { format: { enum: ['xlsx', 'csv'] }, dashboard: NAME, filters: filterValues },
} as const;

const datasetBody = {
  type: 'object',
  additionalProperties: false,
  required: ['dataset'],
  properties: { dataset: { type: 'object' } },
} as const;

type ReportParams = { app: string; report: string };
type RunBody = { dashboard?: string; filters?: SharedFilterValues };
type ExportBody = RunBody & { format: 'xlsx' | 'csv' };

/**
 * Reports under `/api/apps/:app`: run a published report (optionally inside a dashboard, whose shared
 * filter values apply), export its data as xlsx/csv (needs the `export` right), and run an unsaved
 * dataset (the designer's live preview, ad-hoc analysis). Every query carries the user's record scopes and field
 * permissions (see `runSecuredDataset`); bad datasets are 400s naming the spec path.
 */
export async function reportRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  app.addHook('onRequest', requireAuth(app, ctx.clock));

  app.post<{ Params: ReportParams; Body: RunBody }>(
    '/:app/reports/:report/run',
    { schema: { params: reportParams, body: runBody } },
    async (request) => {
      const { live, report, extraFilter } = await resolveReport(ctx, request.params, request.body ?? {});
      const result = await runSecuredDataset(ctx, requestContext(ctx, request), live, report.dataset, {
        ...(extraFilter !== undefined ? { extraFilter } : {}),
      });
      return { ...result, extraFilter: extraFilter ?? null };
    },
  );

  app.post<{ Params: ReportParams; Body: ExportBody }>(
    '/:app/reports/:report/export',
    { schema: { params: reportParams, body: exportBody } },
    async (request, reply) => {
      const { live, report, extraFilter } = await resolveReport(ctx, request.params, request.body);
      const rc = requestContext(ctx, request);
      const result = await runSecuredDataset(ctx, rc, live, report.dataset, {
        right: 'export',
        ...(extraFilter !== undefined ? { extraFilter } : {}),
      });
      // Every export is audited: who, which report and filters, how many rows, from where.
      await appendAudit(ctx.db.kysely, ctx.clock, {
        appId: live.definition.id,
        actor: rc.actor.id,
        action: 'report.export',
        entity: report.dataset.entity,
        detail: {
          report: report.name,
          format: request.body.format,
          dashboard: request.body.dashboard ?? null,
          filters: request.body.filters ?? null,
          rows: result.rows.length,
        },
        ip: rc.ip ?? null,
      });
      const locale = localeOf(request);
      const title = pickText(report.label, locale) || report.name;
      const stamp = ctx.clock.now().toISOString().slice(0, 10);
      const fileName = `${title}-${stamp}.${request.body.format}`;
      reply.header(
        'content-disposition',
        `attachment; filename="${report.name}.${request.body.format}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      );
      if (request.body.format === 'csv') {
        return reply.type('text/csv; charset=utf-8').send(toCsv(result, locale));
      }
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(await reportWorkbook(result, title, locale));
    },
  );

  app.post<{ Params: { app: string }; Body: { dataset: Dataset } }>(
    '/:app/datasets/run',
    { schema: { params: appParams, body: datasetBody } },
    async (request) => {
      const live = await ctx.appStore.getLive(request.params.app);
      const dataset = request.body.dataset;
      assertDatasetShape(dataset);
      return runSecuredDataset(ctx, requestContext(ctx, request), live, dataset);
    },
  );
}

async function resolveReport(
  ctx: ServerContext,
  params: ReportParams,
  body: RunBody,
): Promise<{ live: LiveApp; report: ReportDoc; extraFilter: JsonLogic | undefined }> {
  const live = await ctx.appStore.getLive(params.app);
  const report = documentsOfKind(live.definition, 'report').find((r) => r.name === params.report);
  if (!report) throw notFound('params.report', params.report);
  let dashboard: DashboardDoc | undefined;
  if (body.dashboard !== undefined) {
    dashboard = documentsOfKind(live.definition, 'dashboard').find((d) => d.name === body.dashboard);
    if (!dashboard) throw notFound('dashboard', body.dashboard);
  }
  const extraFilter = dashboard
    ? sharedFilterFor(dashboard.filters, body.filters ?? {}, report.dataset.entity)
    : undefined;
  return { live, report, extraFilter };
}

/** The engine's report document schema checks the dataset's shape (paths `dataset.…`) before compiling. */
function assertDatasetShape(dataset: Dataset): void {
  const errors = validateDocument({
    kind: 'report',
    schemaVersion: 1,
    name: 'preview',
    label: { zh: '预览', en: 'Preview' },
    dataset,
    chart: { type: 'table' },
  }).filter((e) => e.path === 'dataset' || e.path.startsWith('dataset.'));
  if (errors.length > 0) throw new LatticeError('LATTICE_ERR_VALIDATION', errors);
}

function notFound(path: string, name: string): LatticeError {
  return new LatticeError('LATTICE_ERR_NOT_FOUND', [
    { path, message: { zh: `找不到 "${name}"`, en: `"${name}" not found` } },
  ]);
}
