import type { ErrorDetail } from '../errors';
import type { AppDefinition, AppDocument } from '../model/app';
import { assertNever } from '../model/assert-never';
import type { EntityDoc } from '../model/entity';
import type { Field } from '../model/field';
import { FIELD_TYPES } from '../model/field-types';
import type { RuleAction, RuleTrigger } from '../model/rule';
import type { RecordPageSection, ViewDoc } from '../model/view';

type Check = (ok: boolean, path: string, en: string, zh: string) => void;

/** Fields every entity has (system columns) and may be named in views, filters and sorts. */
const SYSTEM_FIELD_NAMES = new Set([
  'id',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
  'version',
  'owner',
  'region',
  'department',
]);

/**
 * The pack loader's own cross-document checks: every entity, field, report and flow a document names
 * exists, and field types are known. Paths are rooted at the app (`documents.4.sections.0.items.2.field`).
 * `validateAppDefinition` (validation/) is the full check; this keeps packs honest on their own.
 */
export function checkAppReferences(app: AppDefinition): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  const check: Check = (ok, path, en, zh) => {
    if (!ok) errors.push({ path, message: { zh, en }, reason: 'LATTICE_ERR_PACK' });
  };
  const entities = new Map<string, EntityDoc>();
  for (const d of app.documents) if (d.kind === 'entity') entities.set(d.name, d);
  const names = new Map<string, number>();
  app.documents.forEach((doc, i) => {
    const key = `${doc.kind}:${doc.name}`;
    check(
      !names.has(key),
      `documents.${i}.name`,
      `duplicate ${doc.kind} "${doc.name}"`,
      `重复的${doc.kind}：${doc.name}`,
    );
    names.set(key, i);
  });
  const hasReport = (name: string) => names.has(`report:${name}`);
  const hasFlow = (name: string) => names.has(`flow:${name}`);
  const fieldOf = (entity: string, name: string) => {
    if (SYSTEM_FIELD_NAMES.has(name)) return true;
    const e = entities.get(entity);
    return !!e && e.fields.some((f) => f.name === name);
  };
  const entityCheck = (name: string, path: string) =>
    check(entities.has(name), path, `unknown entity "${name}"`, `实体不存在：${name}`);
  const fieldCheck = (entity: string, name: string, path: string) => {
    if (!entities.has(entity)) return;
    const head = name.split('.')[0]!;
    check(
      fieldOf(entity, head),
      path,
      `entity "${entity}" has no field "${head}"`,
      `实体 ${entity} 没有字段 ${head}`,
    );
  };
  const ctx = { check, entities, entityCheck, fieldCheck, hasReport, hasFlow };
  app.documents.forEach((doc, i) => {
    checkDocument(ctx, doc, `documents.${i}`);
  });
  return errors;
}

interface Ctx {
  check: Check;
  entities: Map<string, EntityDoc>;
  entityCheck: (name: string, path: string) => void;
  fieldCheck: (entity: string, name: string, path: string) => void;
  hasReport: (name: string) => boolean;
  hasFlow: (name: string) => boolean;
}

function checkDocument(ctx: Ctx, doc: AppDocument, p: string): void {
  switch (doc.kind) {
    case 'entity':
      checkEntity(ctx, doc, p);
      return;
    case 'form':
      ctx.entityCheck(doc.entity, `${p}.entity`);
      doc.sections.forEach((s, si) => {
        s.items.forEach((it, ii) => {
          ctx.fieldCheck(doc.entity, it.field, `${p}.sections.${si}.items.${ii}.field`);
        });
      });
      return;
    case 'view':
      checkView(ctx, doc, p);
      return;
    case 'rule':
      ctx.entityCheck(doc.entity, `${p}.entity`);
      checkTrigger(ctx, doc.entity, doc.trigger, `${p}.trigger`);
      doc.actions.forEach((a, ai) => {
        checkAction(ctx, doc.entity, a, `${p}.actions.${ai}`);
      });
      return;
    case 'flow':
      ctx.entityCheck(doc.entity, `${p}.entity`);
      return;
    case 'report':
      ctx.entityCheck(doc.dataset.entity, `${p}.dataset.entity`);
      doc.dataset.dimensions.forEach((d, di) => {
        ctx.fieldCheck(doc.dataset.entity, d.field, `${p}.dataset.dimensions.${di}.field`);
      });
      doc.dataset.measures.forEach((m, mi) => {
        if (m.type !== 'count' && m.type !== 'formula')
          ctx.fieldCheck(doc.dataset.entity, m.field, `${p}.dataset.measures.${mi}.field`);
      });
      return;
    case 'dashboard':
      doc.tiles.forEach((t, ti) => {
        ctx.check(
          ctx.hasReport(t.report),
          `${p}.tiles.${ti}.report`,
          `unknown report "${t.report}"`,
          `报表不存在：${t.report}`,
        );
      });
      return;
    case 'role':
      for (const name of Object.keys(doc.entities))
        if (name !== '*') ctx.entityCheck(name, `${p}.entities.${name}`);
      return;
    default:
      assertNever(doc);
  }
}

function checkEntity(ctx: Ctx, doc: EntityDoc, p: string): void {
  const ids = new Set<string>();
  const names = new Set<string>();
  doc.fields.forEach((f, fi) => {
    const fp = `${p}.fields.${fi}`;
    ctx.check(!ids.has(f.id), `${fp}.id`, `duplicate field id "${f.id}"`, `字段 id 重复：${f.id}`);
    ctx.check(!names.has(f.name), `${fp}.name`, `duplicate field name "${f.name}"`, `字段名重复：${f.name}`);
    ids.add(f.id);
    names.add(f.name);
    const known = (FIELD_TYPES as readonly string[]).includes(f.type);
    ctx.check(
      known,
      `${fp}.type`,
      `expected one of ${FIELD_TYPES.join(', ')}, got "${f.type}"`,
      `未知字段类型：${f.type}`,
    );
    if (known) checkField(ctx, doc, f, fp);
  });
  ctx.check(
    names.has(doc.titleField),
    `${p}.titleField`,
    `no field "${doc.titleField}"`,
    `标题字段不存在：${doc.titleField}`,
  );
  doc.uniqueKeys?.forEach((key, ki) => {
    key.forEach((n, ni) => {
      ctx.fieldCheck(doc.name, n, `${p}.uniqueKeys.${ki}.${ni}`);
    });
  });
}

function checkField(ctx: Ctx, doc: EntityDoc, f: Field, fp: string): void {
  if (f.type === 'reference') ctx.entityCheck(f.target, `${fp}.target`);
  if (f.type === 'rollup') {
    ctx.entityCheck(f.relation.entity, `${fp}.relation.entity`);
    ctx.fieldCheck(f.relation.entity, f.relation.field, `${fp}.relation.field`);
    if (f.measure) ctx.fieldCheck(f.relation.entity, f.measure, `${fp}.measure`);
  }
  if (f.type === 'stage') {
    const values = new Set(f.stages.map((s) => s.value));
    for (const [from, tos] of Object.entries(f.transitions ?? {})) {
      ctx.check(
        values.has(from),
        `${fp}.transitions.${from}`,
        `unknown stage "${from}"`,
        `阶段不存在：${from}`,
      );
      tos.forEach((to, ti) => {
        ctx.check(
          values.has(to),
          `${fp}.transitions.${from}.${ti}`,
          `unknown stage "${to}"`,
          `阶段不存在：${to}`,
        );
      });
    }
    f.stages.forEach((s, si) => {
      s.requiredToLeave?.forEach((n, ni) => {
        ctx.fieldCheck(doc.name, n, `${fp}.stages.${si}.requiredToLeave.${ni}`);
      });
    });
  }
}

function checkView(ctx: Ctx, doc: ViewDoc, p: string): void {
  ctx.entityCheck(doc.entity, `${p}.entity`);
  doc.sort?.forEach((s, si) => {
    ctx.fieldCheck(doc.entity, s.field, `${p}.sort.${si}.field`);
  });
  switch (doc.type) {
    case 'list':
      doc.columns.forEach((c, ci) => {
        ctx.fieldCheck(doc.entity, c, `${p}.columns.${ci}`);
      });
      return;
    case 'kanban':
      ctx.fieldCheck(doc.entity, doc.stageField, `${p}.stageField`);
      doc.cardFields.forEach((c, ci) => {
        ctx.fieldCheck(doc.entity, c, `${p}.cardFields.${ci}`);
      });
      return;
    case 'calendar':
      ctx.fieldCheck(doc.entity, doc.dateField, `${p}.dateField`);
      return;
    case 'record':
      doc.sections.forEach((s, si) => {
        checkSection(ctx, doc.entity, s, `${p}.sections.${si}`);
      });
      return;
    default:
      assertNever(doc);
  }
}

function checkSection(ctx: Ctx, entity: string, s: RecordPageSection, p: string): void {
  switch (s.type) {
    case 'fields':
      s.fields.forEach((f, fi) => {
        ctx.fieldCheck(entity, f, `${p}.fields.${fi}`);
      });
      return;
    case 'kpis':
      s.cards.forEach((c, ci) => {
        if (c.field) ctx.fieldCheck(entity, c.field, `${p}.cards.${ci}.field`);
        if (c.related) {
          ctx.entityCheck(c.related.entity, `${p}.cards.${ci}.related.entity`);
          ctx.fieldCheck(c.related.entity, c.related.via, `${p}.cards.${ci}.related.via`);
        }
      });
      return;
    case 'related':
      ctx.entityCheck(s.entity, `${p}.entity`);
      ctx.fieldCheck(s.entity, s.via, `${p}.via`);
      s.columns.forEach((c, ci) => {
        ctx.fieldCheck(s.entity, c, `${p}.columns.${ci}`);
      });
      return;
    case 'timeline':
      s.sources.forEach((src, i) => {
        ctx.entityCheck(src.entity, `${p}.sources.${i}.entity`);
        for (const k of ['via', 'dateField', 'titleField'] as const)
          ctx.fieldCheck(src.entity, src[k], `${p}.sources.${i}.${k}`);
      });
      return;
    case 'chart':
      ctx.check(
        ctx.hasReport(s.report),
        `${p}.report`,
        `unknown report "${s.report}"`,
        `报表不存在：${s.report}`,
      );
      return;
    case 'history':
    case 'approvals':
      return;
    default:
      assertNever(s);
  }
}

function checkTrigger(ctx: Ctx, entity: string, t: RuleTrigger, p: string): void {
  switch (t.type) {
    case 'record_updated':
      t.fields?.forEach((f, fi) => {
        ctx.fieldCheck(entity, f, `${p}.fields.${fi}`);
      });
      return;
    case 'field_changed':
    case 'stage_entered':
      ctx.fieldCheck(entity, t.field, `${p}.field`);
      return;
    case 'relative_timer':
      ctx.fieldCheck(entity, t.from, `${p}.from`);
      return;
    case 'approval_outcome':
      ctx.check(ctx.hasFlow(t.flow), `${p}.flow`, `unknown flow "${t.flow}"`, `审批流不存在：${t.flow}`);
      return;
    case 'schedule':
      if (t.report !== undefined)
        ctx.check(
          ctx.hasReport(t.report),
          `${p}.report`,
          `unknown report "${t.report}"`,
          `报表不存在：${t.report}`,
        );
      return;
    case 'record_created':
    case 'record_deleted':
    case 'import_finished':
    case 'manual':
      return;
    default:
      assertNever(t);
  }
}

function checkAction(ctx: Ctx, entity: string, a: RuleAction, p: string): void {
  const keys = (target: string, values: Record<string, unknown> | undefined, vp: string) => {
    for (const k of Object.keys(values ?? {})) ctx.fieldCheck(target, k, `${vp}.${k}`);
  };
  switch (a.type) {
    case 'set_fields':
      keys(entity, a.values, `${p}.values`);
      return;
    case 'create_record':
    case 'update_related':
      ctx.entityCheck(a.entity, `${p}.entity`);
      keys(a.entity, a.values, `${p}.values`);
      return;
    case 'create_task':
      if (a.forEach) ctx.entityCheck(a.forEach.entity, `${p}.forEach.entity`);
      ctx.entityCheck('task', `${p}`);
      keys('task', a.values, `${p}.values`);
      return;
    case 'recompute':
      a.fields.forEach((f, fi) => {
        ctx.fieldCheck(entity, f, `${p}.fields.${fi}`);
      });
      return;
    case 'start_flow':
      ctx.check(ctx.hasFlow(a.flow), `${p}.flow`, `unknown flow "${a.flow}"`, `审批流不存在：${a.flow}`);
      return;
    case 'notify':
    case 'assign_owner':
    case 'call_webhook':
      return;
    default:
      assertNever(a);
  }
}
