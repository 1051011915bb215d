import type { AppDefinition, EntityDoc } from '@lattice/engine';
import { useEffect, useState } from 'react';
import { FieldValue, fieldLabel } from '../components/field-value';
import { errorMessage } from '../lib/error-message';
import { getLocale } from '../lib/i18n';
import { useRecordTitles } from '../lib/record-titles';
import { type HistoryEntry, recordsApi } from '../lib/records-api';
import { t } from '../lib/ui-text';
import { userName } from '../lib/user-directory';
import { RULE_ERROR_FIELD, RuleErrorEntry } from '../rules/rule-error-entry';

/** One change event: the entries written by one user at one moment. */
export interface ChangeGroup {
  at: string;
  by: string | null;
  source: string;
  entries: HistoryEntry[];
}

/** Groups history entries (newest first) by who/when/source. */
export function groupHistory(entries: HistoryEntry[]): ChangeGroup[] {
  const sorted = [...entries].sort((a, b) => b.changedAt.localeCompare(a.changedAt));
  const groups: ChangeGroup[] = [];
  for (const e of sorted) {
    const last = groups[groups.length - 1];
    if (last && last.at === e.changedAt && last.by === e.changedBy && last.source === e.source)
      last.entries.push(e);
    else groups.push({ at: e.changedAt, by: e.changedBy, source: e.source, entries: [e] });
  }
  return groups;
}

/** "Who changed what, when": the record's field history, newest first, old → new values. */
export function HistorySection(p: {
  app: string;
  definition: AppDefinition;
  entity: EntityDoc;
  id: string;
  refresh: number;
}) {
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: refresh reloads after an edit
  useEffect(() => {
    recordsApi.history(p.app, p.entity.name, p.id).then(setEntries, setError);
  }, [p.app, p.entity.name, p.id, p.refresh]);
  const refs = new Map<string, Set<string>>();
  for (const e of entries ?? []) {
    const field = p.entity.fields.find((f) => f.name === e.field);
    if (field?.type !== 'reference') continue;
    const set = refs.get(field.target) ?? new Set<string>();
    for (const v of [e.oldValue, e.newValue]) if (typeof v === 'string' && v) set.add(v);
    refs.set(field.target, set);
  }
  useRecordTitles(p.app, p.definition, refs);
  if (error) return <div className="lt-error-banner">{errorMessage(error)}</div>;
  if (!entries) return <div className="lt-muted">{t('loading')}</div>;
  const groups = groupHistory(entries);
  if (groups.length === 0) return <div className="lt-muted">{t('noHistory')}</div>;
  return (
    <ol className="rt-history" data-testid="history">
      {groups.map((g) => (
        <li key={`${g.at}-${g.by}-${g.source}`}>
          <div className="rt-history-head">
            <strong>{g.by ? userName(g.by) : t('system')}</strong>
            <span className="lt-muted">{new Date(g.at).toLocaleString(getLocale())}</span>
            {g.source !== 'api' && <span className="lt-badge">{g.source}</span>}
          </div>
          <ul>
            {g.entries.map((e) => (
              <li key={e.id} data-history-field={e.field}>
                {e.field === RULE_ERROR_FIELD ? (
                  <RuleErrorEntry value={e.newValue} />
                ) : (
                  <>
                    <span className="rt-history-field">{fieldLabel(p.entity, e.field)}</span>
                    <span className="rt-history-old">
                      <FieldValue
                        app={p.app}
                        entity={p.entity}
                        name={e.field}
                        value={e.oldValue}
                        link={false}
                      />
                    </span>
                    <span className="lt-muted">→</span>
                    <span className="rt-history-new">
                      <FieldValue
                        app={p.app}
                        entity={p.entity}
                        name={e.field}
                        value={e.newValue}
                        link={false}
                      />
                    </span>
                  </>
                )}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
