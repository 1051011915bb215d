import { randomUUID } from 'node:crypto';
import type { ApprovalOutcome, FileRef, FlowDoc } from '@lattice/engine';
import { assertNever, documentsOfKind, findEntity, LatticeError } from '@lattice/engine';
import type {
  AppStore,
  Clock,
  DbTransaction,
  LatticeDb,
  LiveApp,
  RecordService,
  RequestContext,
} from '@lattice/engine/storage';
import {
  type ApprovalEffect,
  type ApprovalEvent,
  type ApprovalState,
  approvalTransition,
  type FlowAttachment,
  type FlowSignature,
  initialApprovalState,
} from '@lattice/flow-engine';
import type { PublicUser } from '../auth/user-store';
import { SYSTEM_ACTOR } from '../demo/system-actor';
import { bindCommentFiles } from '../files/bind-comment-files';
import { bindSignatureFile } from '../files/bind-signature-file';
import type { JobQueue } from '../jobs/job-queue';
import type { NotificationStore } from '../rules/notification-store';
import { createApproverResolver } from './approver-resolver';
import { flowNoticeTitle } from './flow-notice-text';
import {
  appendEvent,
  type InstanceRow,
  insertInstance,
  insertNotices,
  loadInstance,
  runningInstanceOf,
  saveInstance,
  syncTasks,
} from './flow-store';
import { loadDirectory } from './load-directory';

/** What a user does to a running instance (submit is `start`); mirrors the pure events minus `actor`. */
export type FlowAction =
  | { type: 'approve'; taskId?: string; comment?: string; signature?: FileRef }
  | { type: 'reject'; taskId?: string; comment?: string; to?: 'submitter' | { node: string } }
  | { type: 'transfer'; taskId?: string; to: string; comment?: string }
  | { type: 'add_signer'; taskId?: string; user: string; position: 'before' | 'after'; comment?: string }
  | { type: 'withdraw'; comment?: string }
  | { type: 'comment'; comment: string; attachments?: FlowAttachment[] }
  | { type: 'urge'; comment?: string };

/**
 * Raised when a flow is submitted and when it ends, inside the transaction of that write (rules'
 * `approval_outcome`).
 */
export interface FlowOutcomeEvent {
  appId: string;
  flow: string;
  entity: string;
  recordId: string;
  outcome: ApprovalOutcome;
  instanceId: string;
  /** Who made the last decision (`system` for timeouts). */
  actorId: string;
  /** The latest signature of the run (steps with `requireSignature`): who, when, the image. */
  signature?: FlowSignature;
}

export type FlowOutcomeListener = (trx: DbTransaction, event: FlowOutcomeEvent) => Promise<void>;

export interface FlowServiceDeps {
  db: LatticeDb;
  clock: Clock;
  appStore: AppStore;
  records: RecordService;
  jobs: JobQueue;
  /** The in-app notification inbox; each `notify` effect becomes one notification per recipient. */
  notifications?: Pick<NotificationStore, 'add'>;
}

export interface StartFlowInput {
  flow: string;
  recordId: string;
  comment?: string;
}

/** The job idempotency key of a node timeout. */
export function timeoutJobKey(key: string): string {
  return `flow.timeout:${key}`;
}

/**
 * Runs approval flows over the database: loads the instance with `SELECT … FOR UPDATE` (so concurrent
 * decisions on one instance serialise and the later one sees the earlier — `LATTICE_ERR_ALREADY_DECIDED`),
 * feeds the pure `approvalTransition`, then writes the new state, mirrors the tasks, appends the timeline,
 * stores notices, schedules/cancels timeout jobs and raises the outcome — all in one transaction.
 *
 * @example
 * const flows = createFlowService({ db, clock, appStore, records, jobs });
 * const inst = await flows.start(rc, 'mfg-crm', { flow: 'customer_admission', recordId });
 * await flows.act(riskRc, 'mfg-crm', inst.id, { type: 'approve', comment: '同意' });
 */
export interface FlowService {
  /** Submits `recordId` into `flow` as `rc.actor`; refuses when the record is already in a flow. */
  start(
    rc: RequestContext,
    appId: string,
    input: StartFlowInput,
    opts?: { trx?: DbTransaction },
  ): Promise<InstanceRow>;
  /** Applies a user's action; the actor must be allowed by the state machine. */
  act(rc: RequestContext, appId: string, instanceId: string, action: FlowAction): Promise<InstanceRow>;
  /** Fires a node timeout (the `flow.timeout` job); stale keys are ignored. */
  timeout(trx: DbTransaction, appId: string, instanceId: string, key: string): Promise<void>;
  /** The flow document of an app's live version. */
  flowDoc(live: LiveApp, name: string): FlowDoc;
  /** Called with every submission and end (register the rules' `approval_outcome` trigger here). */
  onOutcome(listener: FlowOutcomeListener): void;
}

export function createFlowService(deps: FlowServiceDeps): FlowService {
  const { db, clock, appStore, records, jobs, notifications } = deps;
  const listeners: FlowOutcomeListener[] = [];
  const systemRc: RequestContext = { actor: SYSTEM_ACTOR, clock };

  function flowDoc(live: LiveApp, name: string): FlowDoc {
    const flow = documentsOfKind(live.definition, 'flow').find((f) => f.name === name);
    if (!flow) {
      throw new LatticeError('LATTICE_ERR_NOT_FOUND', [
        { path: 'flow', message: { zh: `流程不存在：${name}`, en: `No such flow: ${name}` } },
      ]);
    }
    return flow;
  }

  async function transition(
    trx: DbTransaction,
    live: LiveApp,
    row: InstanceRow,
    state: ApprovalState,
    event: ApprovalEvent,
  ): Promise<InstanceRow> {
    const flow = flowDoc(live, row.flow);
    const record = await records.get(systemRc, row.appId, row.entity, row.recordId, { trx });
    const all = await loadDirectory(trx);
    const submitterId = event.type === 'submit' ? event.actor : state.submitter;
    const submitter = all.find((u) => u.id === submitterId);
    const result = approvalTransition(flow, state, event, {
      clock,
      record,
      submitterInfo: submitter ? submitterInfo(submitter) : { id: submitterId },
      resolveApprovers: createApproverResolver(all),
      fallbackApprover: all.find((u) => u.roles.includes('admin'))?.id,
    });
    const now = clock.now();
    let editable = row.editableFields;
    for (const fx of result.effects) {
      if (fx.type === 'lockRecord') editable = fx.editableFields;
      if (fx.type === 'unlockRecord') editable = [];
    }
    const version = await saveInstance(trx, row, result.state, editable, now);
    await syncTasks(trx, row.appId, result.state, now);
    const entity = findEntity(live.definition, row.entity);
    const title = entity ? record[entity.titleField] : undefined;
    const recordTitle =
      title === undefined || title === null || title === '' ? row.recordId.slice(0, 8) : String(title);
    const notice = { version, recordTitle };
    for (const fx of result.effects) await runEffect(trx, row, flow, fx, now, eventActor(event), notice);
    return {
      ...row,
      status: result.state.status,
      submitter: result.state.submitter,
      state: result.state,
      editableFields: editable,
      version,
      updatedAt: now,
    };
  }

  async function runEffect(
    trx: DbTransaction,
    row: InstanceRow,
    flow: FlowDoc,
    fx: ApprovalEffect,
    now: Date,
    actor: string,
    notice: { version: number; recordTitle: string },
  ): Promise<void> {
    switch (fx.type) {
      case 'persist':
        await appendEvent(trx, row.appId, row.id, fx.entry);
        return;
      case 'notify':
        await insertNotices(trx, row.appId, row.id, fx.to, fx.kind, fx.nodeId, now);
        for (const userId of notifications ? fx.to : []) {
          await notifications!.add(trx, {
            appId: row.appId,
            userId,
            title: flowNoticeTitle(fx.kind, flow.label, notice.recordTitle),
            entity: row.entity,
            recordId: row.recordId,
            source: `flow:${flow.name}`,
            dedupeKey: `flow:${row.id}:${notice.version}:${fx.kind}:${fx.nodeId ?? ''}`,
          });
        }
        return;
      case 'scheduleTimeout':
        await jobs.enqueue(trx, {
          appId: row.appId,
          kind: 'flow.timeout',
          payload: { instanceId: row.id, key: fx.key },
          idempotencyKey: timeoutJobKey(fx.key),
          runAt: new Date(fx.dueAt),
        });
        return;
      case 'cancelTimeout':
        await jobs.cancel(trx, row.appId, timeoutJobKey(fx.key));
        return;
      case 'lockRecord':
      case 'unlockRecord':
        return; // the instance row (status running + editable_fields) is the lock
      case 'outcome':
        for (const listener of listeners) {
          await listener(trx, {
            appId: row.appId,
            flow: flow.name,
            entity: fx.entity,
            recordId: fx.recordId,
            outcome: fx.outcome,
            instanceId: row.id,
            actorId: actor,
            ...(fx.signature ? { signature: fx.signature } : {}),
          });
        }
        return;
      default:
        assertNever(fx, 'approval effect');
    }
  }

  /** Transfer and add-signer targets may be given by username; the state machine works on ids. */
  function withUserIds(event: ApprovalEvent, all: PublicUser[]): ApprovalEvent {
    if (event.type !== 'transfer' && event.type !== 'add_signer') return event;
    const key = event.type === 'transfer' ? event.to : event.user;
    const path = event.type === 'transfer' ? 'to' : 'user';
    const user = all.find((u) => u.id === key || u.username === key);
    if (!user) {
      throw new LatticeError('LATTICE_ERR_VALIDATION', [
        { path, message: { zh: `用户不存在：${key}`, en: `No such user: ${key}` } },
      ]);
    }
    return event.type === 'transfer' ? { ...event, to: user.id } : { ...event, user: user.id };
  }

  return {
    flowDoc,
    onOutcome(listener) {
      listeners.push(listener);
    },

    async start(rc, appId, input, opts = {}) {
      const run = async (trx: DbTransaction) => {
        const live = await appStore.getLive(appId, { trx });
        const flow = flowDoc(live, input.flow);
        if (rc.actor.system) await records.get(rc, appId, flow.entity, input.recordId, { trx });
        const running = await runningInstanceOf(trx, appId, flow.entity, input.recordId);
        if (running) throw alreadyInFlow();
        const id = randomUUID();
        const state = initialApprovalState(flow, input.recordId, id);
        const row: InstanceRow = {
          id,
          appId,
          flow: flow.name,
          entity: flow.entity,
          recordId: input.recordId,
          status: 'draft',
          submitter: null,
          state,
          editableFields: [],
          version: 0,
          createdAt: clock.now(),
          updatedAt: clock.now(),
          finishedAt: null,
        };
        await insertInstance(trx, row, clock.now());
        return transition(trx, live, row, state, {
          type: 'submit',
          actor: rc.actor.id,
          ...(input.comment ? { comment: input.comment } : {}),
        });
      };
      if (!rc.actor.system) {
        // The submitter must be able to see the record (permissions and scopes apply). Checked before the
        // transaction: the permission layer reads metadata outside it (PGlite has a single connection).
        const live = await appStore.getLive(appId);
        await records.get(rc, appId, flowDoc(live, input.flow).entity, input.recordId, opts);
      }
      try {
        return opts.trx ? await run(opts.trx) : await db.kysely.transaction().execute(run);
      } catch (error) {
        if (isUniqueViolation(error)) throw alreadyInFlow();
        throw error;
      }
    },

    async act(rc, appId, instanceId, action) {
      return db.kysely.transaction().execute(async (trx) => {
        const row = await loadInstance(trx, appId, instanceId, true);
        if (!row) throw notFound(instanceId);
        const live = await appStore.getLive(appId, { trx });
        if (action.type === 'comment' && action.attachments) {
          await bindCommentFiles(trx, rc, row, action.attachments);
        }
        if (action.type === 'approve' && action.signature) {
          await bindSignatureFile(trx, rc, row, action.signature);
        }
        const event = withUserIds(
          { ...action, actor: rc.actor.id } as ApprovalEvent,
          await loadDirectory(trx),
        );
        return transition(trx, live, row, row.state, event);
      });
    },

    async timeout(trx, appId, instanceId, key) {
      const row = await loadInstance(trx, appId, instanceId, true);
      if (row?.status !== 'running') return;
      const parsed = parseTimeoutKey(key);
      if (!parsed) return;
      const live = await appStore.getLive(appId, { trx });
      const node = flowDoc(live, row.flow).nodes.find((n) => n.id === parsed.nodeId);
      if (node?.type !== 'approval' || !node.timeout) return;
      await transition(trx, live, row, row.state, {
        type: 'timeout',
        nodeId: parsed.nodeId,
        visit: parsed.visit,
        action: node.timeout.action,
      });
    },
  };
}

/** `<instance>:<node>:<visit>` as built by the state machine. */
export function parseTimeoutKey(key: string): { nodeId: string; visit: number } | null {
  const parts = key.split(':');
  if (parts.length !== 3) return null;
  const visit = Number(parts[2]);
  return parts[1] && Number.isInteger(visit) ? { nodeId: parts[1], visit } : null;
}

function submitterInfo(u: PublicUser): Record<string, unknown> {
  return {
    id: u.id,
    username: u.username,
    department: u.department,
    region: u.region,
    roles: u.roles,
    manager: u.managerId,
  };
}

function eventActor(e: ApprovalEvent): string {
  return e.type === 'timeout' ? 'system' : e.actor;
}

function alreadyInFlow(): LatticeError {
  return new LatticeError('LATTICE_ERR_ALREADY_DECIDED', [
    {
      path: 'recordId',
      message: { zh: '该记录已在审批中', en: 'The record is already in an approval flow' },
    },
  ]);
}

function notFound(id: string): LatticeError {
  return new LatticeError('LATTICE_ERR_NOT_FOUND', [
    { path: 'params.id', message: { zh: `审批不存在：${id}`, en: `No such approval: ${id}` } },
  ]);
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
