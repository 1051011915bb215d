import type { AppDefinition, ApprovalOutcome, RuleDoc } from '@lattice/engine';
import { isLatticeError } from '@lattice/engine';
import { describe, expect, it } from 'vitest';
import { compileRuleSet } from './compile-rule-set';
import { matchTrigger } from './match-trigger';
import { nextCronRun } from './next-cron-run';
import { nextRetryAt } from './next-retry-at';
import { planRuleActions } from './plan-rule-actions';
import { relativeTimerDueAt } from './relative-timer-due-at';
import { ruleCondition } from './rule-condition';
import { RULE_CHAIN_DEPTH_LIMIT } from './rule-depth';
import { substituteContext } from './substitute-context';

const NOW = new Date('2024-06-15T02:00:00Z');
const clock = { now: () => NOW };
const label = { zh: '规则', en: 'Rule' };

function rule(partial: Partial<RuleDoc>): RuleDoc {
  return {
    kind: 'rule',
    schemaVersion: 1,
    name: 'r1',
    label,
    entity: 'opportunity',
    enabled: true,
    trigger: { type: 'record_created' },
    actions: [],
    ...partial,
  };
}

const opp = {
  id: 'o1',
  stage: 'quote',
  amount: 120000,
  owner: 'u1',
  part_no: 'P-100',
  created_at: '2024-06-14T02:00:00Z',
};

describe('matchTrigger', () => {
  it('matches created, updated and deleted events of the rule entity only', () => {
    const r = rule({ trigger: { type: 'record_created' } });
    expect(matchTrigger(r, { type: 'created', entity: 'opportunity', record: opp })).toBe(true);
    expect(matchTrigger(r, { type: 'created', entity: 'customer', record: opp })).toBe(false);
    expect(
      matchTrigger(rule({ trigger: { type: 'record_deleted' } }), {
        type: 'deleted',
        entity: 'opportunity',
        record: opp,
      }),
    ).toBe(true);
    expect(
      matchTrigger({ ...r, enabled: false }, { type: 'created', entity: 'opportunity', record: opp }),
    ).toBe(false);
  });

  it('limits record_updated to the listed fields', () => {
    const r = rule({ trigger: { type: 'record_updated', fields: ['amount'] } });
    const ev = (changed: string[]) => ({
      type: 'updated' as const,
      entity: 'opportunity',
      record: opp,
      previous: opp,
      changed,
    });
    expect(matchTrigger(r, ev(['amount']))).toBe(true);
    expect(matchTrigger(r, ev(['stage']))).toBe(false);
  });

  it('fires field_changed only for the given from/to values', () => {
    const r = rule({ trigger: { type: 'field_changed', field: 'stage', from: 'quote', to: 'won' } });
    const ev = (from: string, to: string) => ({
      type: 'updated' as const,
      entity: 'opportunity',
      record: { ...opp, stage: to },
      previous: { ...opp, stage: from },
      changed: ['stage'],
    });
    expect(matchTrigger(r, ev('quote', 'won'))).toBe(true);
    expect(matchTrigger(r, ev('lead', 'won'))).toBe(false);
    expect(matchTrigger(r, ev('quote', 'lost'))).toBe(false);
  });

  it('fires stage_entered when the stage becomes the target, not when it stays', () => {
    const r = rule({ trigger: { type: 'stage_entered', field: 'stage', stage: 'won' } });
    const upd = (from: string) => ({
      type: 'updated' as const,
      entity: 'opportunity',
      record: { ...opp, stage: 'won' },
      previous: { ...opp, stage: from },
      changed: ['amount'],
    });
    expect(matchTrigger(r, upd('quote'))).toBe(true);
    expect(matchTrigger(r, upd('won'))).toBe(false);
    expect(
      matchTrigger(r, { type: 'created', entity: 'opportunity', record: { ...opp, stage: 'won' } }),
    ).toBe(true);
  });

  it('matches approval outcomes by flow and outcome', () => {
    const r = rule({ trigger: { type: 'approval_outcome', flow: 'admission', outcome: 'approved' } });
    const ev = (outcome: 'approved' | 'rejected') => ({
      type: 'approval_outcome' as const,
      entity: 'opportunity',
      flow: 'admission',
      outcome,
      record: opp,
    });
    expect(matchTrigger(r, ev('approved'))).toBe(true);
    expect(matchTrigger(r, ev('rejected'))).toBe(false);
  });

  it('matches a submission only when asked for it; "any" means any end of the run', () => {
    const on = (outcome: ApprovalOutcome | 'any') =>
      rule({ trigger: { type: 'approval_outcome', flow: 'admission', outcome } });
    const ev = (outcome: ApprovalOutcome) => ({
      type: 'approval_outcome' as const,
      entity: 'opportunity',
      flow: 'admission',
      outcome,
      record: opp,
    });
    expect(matchTrigger(on('submitted'), ev('submitted'))).toBe(true);
    expect(matchTrigger(on('submitted'), ev('approved'))).toBe(false);
    expect(matchTrigger(on('withdrawn'), ev('withdrawn'))).toBe(true);
    const any = on('any');
    const all: ApprovalOutcome[] = ['submitted', 'approved', 'rejected', 'withdrawn'];
    expect(all.map((o) => matchTrigger(any, ev(o)))).toEqual([false, true, true, true]);
  });
});

describe('ruleCondition', () => {
  it('compiles once and evaluates against the record, $old and the injected clock', () => {
    const r = rule({
      condition: {
        and: [{ '>': [{ var: 'amount' }, 100000] }, { '>=': [{ hours_since: { var: 'created_at' } }, 24] }],
      },
    });
    expect(ruleCondition(r)).toBe(ruleCondition(r));
    expect(ruleCondition(r)({ record: opp, clock })).toBe(true);
    expect(ruleCondition(r)({ record: { ...opp, amount: 5 }, clock })).toBe(false);
    const early = { now: () => new Date('2024-06-14T12:00:00Z') };
    expect(ruleCondition(r)({ record: opp, clock: early })).toBe(false);
  });

  it('passes when there is no condition', () => {
    expect(ruleCondition(rule({}))({ record: opp, clock })).toBe(true);
  });
});

describe('planRuleActions', () => {
  it('returns effects as data with values evaluated against the triggering record', () => {
    const r = rule({
      actions: [
        { type: 'set_fields', values: { flag: 'red', note: { cat: ['金额 ', { var: 'amount' }] } } },
        {
          type: 'notify',
          channel: 'inbox',
          to: { type: 'owner_manager' },
          title: { zh: '超时未跟进', en: 'Not contacted' },
        },
        {
          type: 'update_related',
          entity: 'order',
          match: { '==': [{ var: 'part_no' }, { var: '$record.part_no' }] },
          values: { hold: true },
        },
        {
          type: 'create_task',
          title: { cat: ['跟进 ', { var: 'id' }] },
          assignee: { type: 'owner' },
          due: { hours: 4 },
        },
        { type: 'call_webhook', url: 'https://erp.example.cn/hook', body: { id: { var: 'id' } } },
        { type: 'start_flow', flow: 'admission' },
      ],
    });
    const effects = planRuleActions(r, { record: opp, clock, depth: 2, eventId: 'e9' });
    expect(effects.map((e) => e.type)).toEqual([
      'setFields',
      'notify',
      'updateRelated',
      'createTask',
      'callWebhook',
      'startFlow',
    ]);
    expect(effects[0]).toMatchObject({
      recordId: 'o1',
      values: { flag: 'red', note: '金额 120000' },
      mode: 'sync',
      depth: 3,
    });
    expect(effects[2]).toMatchObject({ entity: 'order', filter: { '==': [{ var: 'part_no' }, 'P-100'] } });
    expect(effects[3]).toMatchObject({ title: '跟进 o1', dueAt: '2024-06-15T06:00:00.000Z' });
    expect(effects[4]).toMatchObject({ mode: 'async', body: { id: 'o1' }, idempotencyKey: 'r1:o1:e9:4' });
  });

  it('lets approval-outcome rules copy the signer, time and signature image from $approval', () => {
    const signature = { id: 'f1', name: 'sign.png', size: 90, mime: 'image/png' };
    const r = rule({
      trigger: { type: 'approval_outcome', flow: 'contract_approval', outcome: 'approved' },
      actions: [
        {
          type: 'set_fields',
          values: {
            signed_by: { var: '$approval.signedBy' },
            signed_at: { var: '$approval.signedAt' },
            signer_signature: { var: '$approval.signature' },
          },
        },
      ],
    });
    const approval = {
      instanceId: 'i1',
      decidedBy: 'u9',
      signedBy: 'u9',
      signedAt: NOW.toISOString(),
      signature,
    };
    const [effect] = planRuleActions(r, { record: opp, clock, approval });
    expect(effect).toMatchObject({
      values: { signed_by: 'u9', signed_at: '2024-06-15T02:00:00.000Z', signer_signature: signature },
    });
  });

  it('cuts a rule chain past the depth limit with a clear error', () => {
    const r = rule({ actions: [{ type: 'set_fields', values: { x: 1 } }] });
    expect(planRuleActions(r, { record: opp, clock, depth: RULE_CHAIN_DEPTH_LIMIT })).toHaveLength(1);
    try {
      planRuleActions(r, { record: opp, clock, depth: RULE_CHAIN_DEPTH_LIMIT + 1 });
      expect.unreachable();
    } catch (e) {
      expect(isLatticeError(e) && e.code).toBe('LATTICE_ERR_RULE_DEPTH');
      expect(isLatticeError(e) && e.details[0]?.path).toBe('rules.r1');
    }
  });
});

describe('timers and retries', () => {
  it('computes the next cron run in Shanghai time', () => {
    expect(nextCronRun('0 9 * * *', NOW).toISOString()).toBe('2024-06-16T01:00:00.000Z');
    expect(nextCronRun('0 9 * * *', new Date('2024-06-15T00:30:00Z')).toISOString()).toBe(
      '2024-06-15T01:00:00.000Z',
    );
    expect(() => nextCronRun('not cron', NOW)).toThrow();
  });

  it('puts a relative timer 24 h after the from field', () => {
    const r = rule({ trigger: { type: 'relative_timer', after: { hours: 24 }, from: 'created_at' } });
    expect(relativeTimerDueAt(r, opp)?.toISOString()).toBe('2024-06-15T02:00:00.000Z');
    expect(relativeTimerDueAt(r, { ...opp, created_at: null })).toBeNull();
  });

  it('backs off exponentially with jitter and gives up after the last attempt', () => {
    expect(nextRetryAt(1, NOW, () => 0)?.getTime()).toBe(NOW.getTime() + 5_000);
    expect(nextRetryAt(1, NOW, () => 0.999999)?.getTime()).toBe(NOW.getTime() + 10_000);
    expect(nextRetryAt(4, NOW, () => 0)?.getTime()).toBe(NOW.getTime() + 40_000);
    expect(nextRetryAt(20, NOW, () => 0, { maxAttempts: 30, baseMs: 1000, maxMs: 60_000 })?.getTime()).toBe(
      NOW.getTime() + 30_000,
    );
    expect(nextRetryAt(8, NOW, () => 0)).toBeNull();
  });
});

describe('compileRuleSet', () => {
  it('indexes enabled rules by entity and trigger and filters candidates by trigger', () => {
    const app: Pick<AppDefinition, 'documents'> = {
      documents: [
        rule({ name: 'a', trigger: { type: 'record_created' } }),
        rule({ name: 'b', trigger: { type: 'field_changed', field: 'stage', to: 'won' } }),
        rule({ name: 'c', trigger: { type: 'record_created' }, enabled: false }),
        rule({ name: 'd', entity: 'customer', trigger: { type: 'record_created' } }),
        rule({ name: 'e', trigger: { type: 'schedule', cron: '0 9 * * *' } }),
      ],
    };
    const set = compileRuleSet(app);
    expect(
      set.forEvent({ type: 'created', entity: 'opportunity', record: opp }).map((c) => c.rule.name),
    ).toEqual(['a']);
    const won = {
      type: 'updated' as const,
      entity: 'opportunity',
      record: { ...opp, stage: 'won' },
      previous: opp,
      changed: ['stage'],
    };
    expect(set.forEvent(won).map((c) => c.rule.name)).toEqual(['b']);
    expect(set.scheduled().map((c) => c.rule.name)).toEqual(['e']);
    expect(set.byTrigger('customer', 'record_created').map((c) => c.rule.name)).toEqual(['d']);
  });
});

describe('substituteContext', () => {
  it('turns a $record list into a plain in-list the SQL filter compiler accepts', () => {
    const record = { id: 'e1', affected: ['P-1', 'P-2'] };
    expect(
      substituteContext({ in: [{ var: 'part_number' }, { var: '$record.affected' }] }, { record, clock }),
    ).toEqual({ in: [{ var: 'part_number' }, ['P-1', 'P-2']] });
  });

  it('wraps a list holding objects so it is not read as logic', () => {
    const record = { id: 'e1', items: [{ a: 1 }] };
    expect(substituteContext({ var: '$record.items' }, { record, clock })).toEqual({ merge: [[{ a: 1 }]] });
  });
});
