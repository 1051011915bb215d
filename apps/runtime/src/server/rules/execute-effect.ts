import type { EntityDoc, I18nText, Locale } from '@lattice/engine';
import { assertNever, findEntity, LatticeError } from '@lattice/engine';
import type { DbTransaction, LiveApp, RecordData } from '@lattice/engine/storage';
import type { RuleEffect } from '@lattice/flow-engine';
import { evaluateValuesOn } from './evaluate-values-on';
import { forEachMatch } from './for-each-match';
import { EMAIL_OUTBOX_TABLE } from './migrate-rules-schema';
import { resolveRecipients } from './resolve-recipients';
import { ruleWriteContext } from './rule-write-context';
import type { RulesEnv } from './rules-env';

/** Where an effect runs: its transaction (the triggering write's, or its job's) and the live app. */
export interface EffectScope {
  trx: DbTransaction;
  app: LiveApp;
  locale?: Locale;
  /** The user whose write triggered the rule (flows started by it are submitted as them). */
  actorId?: string | null;
}

/**
 * Carries out one planned rule effect inside `scope.trx`. Record writes go through the record service
 * with a rule context one level deeper, so they are validated, written to history as `rule:<name>` and
 * can trigger further rules (until the chain limit). Work leaving the process (webhooks) throws on a
 * non-2xx answer so the job retries.
 */
export async function executeEffect(env: RulesEnv, scope: EffectScope, effect: RuleEffect): Promise<void> {
  const { trx, app } = scope;
  const appId = app.appId;
  const wctx = ruleWriteContext(env.clock, effect.rule, effect.depth, scope.locale);
  const source = `rule:${effect.rule}`;
  const load = (entity: string, id: string) => env.records.get(wctx, appId, entity, id, { trx });
  const updateIfChanged = async (rec: RecordData, entity: string, values: Record<string, unknown>) => {
    const changed = Object.fromEntries(
      Object.entries(values).filter(([k, v]) => JSON.stringify(v ?? null) !== JSON.stringify(rec[k] ?? null)),
    );
    if (Object.keys(changed).length === 0) return;
    await env.records.update(wctx, appId, entity, rec.id, changed, rec.version, { trx, source });
  };

  switch (effect.type) {
    case 'setFields':
      await updateIfChanged(await load(effect.entity, effect.recordId), effect.entity, effect.values);
      return;
    case 'createRecord':
      await env.records.create(wctx, appId, effect.entity, effect.values, { trx, source });
      return;
    case 'updateRelated':
      await forEachMatch(env.records, wctx, trx, appId, effect.entity, effect.filter, async (rel) => {
        await updateIfChanged(rel, effect.entity, evaluateValuesOn(effect.values, rel, env.clock));
      });
      return;
    case 'createTask': {
      // A report-driven schedule runs without a record: its task links to no record.
      const record = effect.recordId ? await load(effect.entity, effect.recordId) : {};
      const [assignee] = await resolveRecipients(trx, effect.assignee, record);
      await createTask(env, scope, wctx, {
        title: pickText(effect.title, scope.locale),
        assignee: assignee ?? null,
        dueAt: effect.dueAt,
        values: effect.values,
        link: effect.recordId ? { entity: effect.entity, recordId: effect.recordId } : null,
        source,
      });
      return;
    }
    case 'createTasks': {
      const seen = new Set<string>();
      const { distinctBy } = effect.forEach;
      await forEachMatch(
        env.records,
        wctx,
        trx,
        appId,
        effect.forEach.entity,
        effect.forEach.filter,
        async (m) => {
          if (distinctBy) {
            const key = JSON.stringify(m[distinctBy] ?? null);
            if (seen.has(key)) return;
            seen.add(key);
          }
          const [assignee] = await resolveRecipients(trx, effect.assignee, m);
          await createTask(env, scope, wctx, {
            title: pickText(effect.title, scope.locale),
            assignee: assignee ?? null,
            dueAt: effect.dueAt,
            values: evaluateValuesOn(effect.values, m, env.clock),
            link: null,
            source,
          });
        },
      );
      return;
    }
    case 'notify': {
      const record = await load(effect.entity, effect.recordId);
      const users = await resolveRecipients(trx, effect.to, record);
      await notify(env, scope, effect, record, users);
      return;
    }
    case 'assignOwner': {
      const record = await load(effect.entity, effect.recordId);
      const [owner] = await resolveRecipients(trx, effect.to, record);
      if (owner) await updateIfChanged(record, effect.entity, { owner });
      return;
    }
    case 'startFlow':
      await env.jobs.enqueue(trx, {
        appId,
        kind: 'flow.start',
        payload: {
          flow: effect.flow,
          entity: effect.entity,
          recordId: effect.recordId,
          rule: effect.rule,
          submittedBy: scope.actorId ?? null,
          depth: effect.depth,
        },
        idempotencyKey: effect.idempotencyKey,
      });
      return;
    case 'callWebhook':
      await post(env, effect.url, effect.method, effect.body, effect.idempotencyKey);
      return;
    case 'recompute': {
      const record = await load(effect.entity, effect.recordId);
      await env.records.update(wctx, appId, effect.entity, record.id, {}, record.version, { trx, source });
      return;
    }
    default:
      assertNever(effect, 'rule effect');
  }
}

async function notify(
  env: RulesEnv,
  scope: EffectScope,
  effect: Extract<RuleEffect, { type: 'notify' }>,
  record: RecordData,
  users: string[],
): Promise<void> {
  const appId = scope.app.appId;
  const source = `rule:${effect.rule}`;
  switch (effect.channel) {
    case 'inbox':
      for (const userId of users) {
        await env.notifications.add(scope.trx, {
          appId,
          userId,
          title: effect.title,
          body: effect.body,
          url: effect.url,
          entity: effect.entity,
          recordId: effect.recordId,
          source,
          dedupeKey: effect.idempotencyKey,
        });
      }
      return;
    case 'email':
      for (const userId of users) {
        await scope.trx
          .insertInto(EMAIL_OUTBOX_TABLE)
          .values({
            app_id: appId,
            user_id: userId,
            to_address: null,
            subject: pickText(effect.title, scope.locale),
            body: effect.body ? pickText(effect.body, scope.locale) : '',
            dedupe_key: effect.idempotencyKey,
            created_at: env.clock.now(),
          })
          .onConflict((oc) => oc.columns(['app_id', 'user_id', 'dedupe_key']).doNothing())
          .execute();
      }
      return;
    case 'webhook':
      if (!effect.url) throw webhookError('notify.url', 'A webhook notification needs a url');
      await post(
        env,
        effect.url,
        'POST',
        {
          title: effect.title,
          body: effect.body,
          entity: effect.entity,
          recordId: record.id,
          recipients: users,
          rule: effect.rule,
        },
        effect.idempotencyKey,
      );
      return;
    default:
      assertNever(effect.channel, 'notify channel');
  }
}

interface NewTask {
  title: string;
  assignee: string | null;
  dueAt: string | null;
  values: Record<string, unknown>;
  /** The triggering record, linked through the task entity's reference field to its entity. */
  link: { entity: string; recordId: string } | null;
  source: string;
}

/** Tasks are records of the app's `task` entity (title, assignee, due_at, status, links when present). */
async function createTask(
  env: RulesEnv,
  scope: EffectScope,
  wctx: ReturnType<typeof ruleWriteContext>,
  t: NewTask,
): Promise<void> {
  const task = findEntity(scope.app.definition, 'task');
  if (!task) {
    throw new LatticeError('LATTICE_ERR_UNKNOWN_ENTITY', [
      {
        path: 'actions.create_task',
        message: {
          zh: '应用中没有「task」实体，无法创建任务',
          en: 'The app has no "task" entity to create tasks in',
        },
      },
    ]);
  }
  const values: Record<string, unknown> = {};
  const has = (name: string) => task.fields.some((f) => f.name === name);
  if (has('title')) values.title = t.title.slice(0, 200);
  if (t.assignee && has('assignee')) values.assignee = t.assignee;
  if (t.assignee && has('owner')) values.owner = t.assignee;
  if (t.dueAt && has('due_at')) values.due_at = t.dueAt;
  if (hasOption(task, 'status', 'open')) values.status = 'open';
  if (t.link) {
    const ref = task.fields.find((f) => f.type === 'reference' && f.target === t.link?.entity);
    if (ref) values[ref.name] = t.link.recordId;
  }
  Object.assign(values, t.values);
  await env.records.create(wctx, scope.app.appId, 'task', values, { trx: scope.trx, source: t.source });
}

function hasOption(entity: EntityDoc, field: string, value: string): boolean {
  const f = entity.fields.find((x) => x.name === field);
  return !!f && 'options' in f && Array.isArray(f.options) && f.options.some((o) => o.value === value);
}

function pickText(t: string | I18nText, locale: Locale | undefined): string {
  if (typeof t === 'string') return t;
  return locale === 'en' ? t.en : t.zh;
}

async function post(
  env: RulesEnv,
  url: string,
  method: 'POST' | 'PUT',
  body: unknown,
  idempotencyKey: string,
): Promise<void> {
  if (!/^https?:\/\//.test(url)) throw webhookError('url', `Not an http(s) URL: ${url}`);
  const res = await env.http(url, {
    method,
    headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`Webhook ${method} ${url} answered ${res.status}`);
}

function webhookError(path: string, en: string): LatticeError {
  return new LatticeError('LATTICE_ERR_BAD_REQUEST', [
    { path, message: { zh: `Webhook 配置无效：${en}`, en } },
  ]);
}
