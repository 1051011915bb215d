import type { RuleDoc } from '@lattice/engine';
import { api } from '../lib/api';

/** One field a rule would change (dry run). */
export interface PlannedChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface PlannedEffect {
  type: string;
  mode: 'sync' | 'async';
  entity: string | null;
  records: { id: string; changes: PlannedChange[] }[];
  creates: number;
  recipients: string[];
  detail: Record<string, unknown>;
}

export interface DryRunResult {
  rule: string;
  entity: string;
  scanned: number;
  matched: number;
  matches: { recordId: string | null; dueAt: string | null; effects: PlannedEffect[] }[];
}

/**
 * `POST /api/apps/:app/rules/:name/dry-run` with the rule as edited (unsaved edits included): over the
 * existing records, or over `sample` only. Nothing is written.
 */
export function dryRunRule(
  appId: string,
  rule: RuleDoc,
  sample?: Record<string, unknown>,
): Promise<DryRunResult> {
  return api<DryRunResult>(
    'POST',
    `/api/apps/${encodeURIComponent(appId)}/rules/${encodeURIComponent(rule.name)}/dry-run`,
    { rule, ...(sample ? { record: sample } : {}) },
  );
}
