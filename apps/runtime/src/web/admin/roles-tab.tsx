import {
  documentsOfKind,
  type EntityDoc,
  type EntityPermission,
  type JsonLogic,
  RECORD_RIGHTS,
  type RecordRight,
  type RecordScope,
  type RoleDoc,
} from '@lattice/engine';
import { useEffect, useState } from 'react';
import { toast } from '../components/toast';
import { useCurrentApp } from '../lib/current-app';
import { label } from '../lib/i18n';
import { adminApi } from './admin-api';
import { at } from './admin-text';
import { ErrorBanner } from './error-banner';

const SCOPES: RecordScope['type'][] = ['own', 'department', 'region', 'all', 'filter'];
type Access = 'editable' | 'readonly' | 'hidden';

/**
 * The roles matrix: pick a role, tick rights per entity (rows) × right (columns), choose each entity's
 * record scope, and open an entity to set field permissions (editable / read-only / hidden, and which
 * sensitive fields the role may reveal). Saving publishes the role and is audited.
 */
export function RolesTab() {
  const { appId, definition, reload: reloadApp } = useCurrentApp();
  const [roles, setRoles] = useState<RoleDoc[] | null>(null);
  const [name, setName] = useState<string>('');
  const [draft, setDraft] = useState<RoleDoc | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!appId) return;
    adminApi.roles(appId).then((list) => {
      setRoles(list);
      const first = list[0];
      if (first) {
        setName(first.name);
        setDraft(structuredClone(first));
      }
    }, setError);
  }, [appId]);

  if (!appId || !definition) return <div className="lt-muted">{at('noApp')}</div>;
  const entities = documentsOfKind(definition, 'entity');

  const pick = (n: string) => {
    setName(n);
    const r = roles?.find((x) => x.name === n);
    setDraft(r ? structuredClone(r) : null);
    setOpen(null);
  };
  const perm = (entity: string): EntityPermission | undefined => draft?.entities[entity];
  const update = (entity: string, next: EntityPermission | null) => {
    if (!draft) return;
    const entitiesNext = { ...draft.entities };
    if (next && next.rights.length > 0) entitiesNext[entity] = next;
    else delete entitiesNext[entity];
    setDraft({ ...draft, entities: entitiesNext });
  };
  const toggle = (entity: string, right: RecordRight) => {
    const p = perm(entity) ?? { rights: [], scope: { type: 'own' } };
    const rights = p.rights.includes(right) ? p.rights.filter((r) => r !== right) : [...p.rights, right];
    update(entity, { ...p, rights: RECORD_RIGHTS.filter((r) => rights.includes(r)) });
  };
  const setScope = (entity: string, type: RecordScope['type']) => {
    const p = perm(entity);
    if (!p) return;
    const scope: RecordScope =
      type === 'filter' ? { type, filter: { '==': [{ var: 'owner' }, { var: '$user.id' }] } } : { type };
    update(entity, { ...p, scope });
  };
  const save = async () => {
    if (!draft) return;
    try {
      const saved = await adminApi.saveRole(appId, draft);
      setRoles((roles ?? []).map((r) => (r.name === saved.name ? saved : r)));
      toast.success(at('roleSaved'));
      reloadApp();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section className="rt-admin-section">
      <ErrorBanner error={error} />
      <div className="lt-toolbar">
        <select
          className="lt-input"
          aria-label={at('roles')}
          value={name}
          onChange={(e) => pick(e.target.value)}
        >
          {(roles ?? []).map((r) => (
            <option key={r.name} value={r.name}>{`${label(r.label)} (${r.name})`}</option>
          ))}
        </select>
        {draft && (
          <label className="rt-check">
            <input
              type="checkbox"
              checked={draft.designer === true}
              onChange={(e) => setDraft({ ...draft, designer: e.target.checked })}
            />
            {at('designer')}
          </label>
        )}
        <button type="button" className="lt-btn lt-btn-primary" disabled={!draft} onClick={() => void save()}>
          {at('saveRole')}
        </button>
      </div>
      {draft && (
        <div className="rt-table-wrap lt-card">
          <table className="lt-table rt-admin-table rt-role-matrix" aria-label={at('roles')}>
            <thead>
              <tr>
                <th>{at('entity')}</th>
                {RECORD_RIGHTS.map((r) => (
                  <th key={r}>{at(`right_${r}`)}</th>
                ))}
                <th>{at('scope')}</th>
                <th>{at('fieldPermissions')}</th>
              </tr>
            </thead>
            <tbody>
              {[...(draft.entities['*'] ? ['*'] : []), ...entities.map((e) => e.name)].map((name) => {
                const entity = entities.find((e) => e.name === name);
                const p = perm(name);
                return (
                  <RoleRow
                    key={name}
                    name={name}
                    entity={entity}
                    perm={p}
                    open={open === name}
                    onToggle={(r) => toggle(name, r)}
                    onScope={(t) => setScope(name, t)}
                    onFilter={(filter) => p && update(name, { ...p, scope: { type: 'filter', filter } })}
                    onOpen={() => setOpen(open === name ? null : name)}
                    onFields={(fields, reveal) => p && update(name, { ...p, fields, reveal })}
                  />
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function RoleRow(p: {
  name: string;
  entity: EntityDoc | undefined;
  perm: EntityPermission | undefined;
  open: boolean;
  onToggle: (r: RecordRight) => void;
  onScope: (t: RecordScope['type']) => void;
  onFilter: (f: JsonLogic) => void;
  onOpen: () => void;
  onFields: (fields: Record<string, 'hidden' | 'readonly'>, reveal: string[]) => void;
}) {
  const [filterText, setFilterText] = useState(
    p.perm?.scope.type === 'filter' ? JSON.stringify(p.perm.scope.filter) : '',
  );
  return (
    <>
      <tr data-entity={p.name}>
        <td>{p.entity ? label(p.entity.label) : '*'}</td>
        {RECORD_RIGHTS.map((r) => (
          <td key={r}>
            <input
              type="checkbox"
              aria-label={`${p.name} ${r}`}
              checked={p.perm?.rights.includes(r) ?? false}
              onChange={() => p.onToggle(r)}
            />
          </td>
        ))}
        <td>
          <select
            className="lt-input"
            aria-label={`${p.name} ${at('scope')}`}
            disabled={!p.perm}
            value={p.perm?.scope.type ?? 'own'}
            onChange={(e) => p.onScope(e.target.value as RecordScope['type'])}
          >
            {SCOPES.map((s) => (
              <option key={s} value={s}>
                {at(`scope_${s}`)}
              </option>
            ))}
          </select>
          {p.perm?.scope.type === 'filter' && (
            <input
              className="lt-input rt-admin-mono"
              aria-label={at('filterJson')}
              title={at('filterJson')}
              value={filterText}
              onChange={(e) => {
                setFilterText(e.target.value);
                try {
                  p.onFilter(JSON.parse(e.target.value));
                } catch {
                  /* keep typing until it parses */
                }
              }}
            />
          )}
        </td>
        <td>
          {p.entity && p.perm && (
            <button type="button" className="lt-btn" onClick={p.onOpen}>
              {at('fieldPermissions')}
              {Object.keys(p.perm.fields ?? {}).length ? ` (${Object.keys(p.perm.fields ?? {}).length})` : ''}
            </button>
          )}
        </td>
      </tr>
      {p.open && p.entity && p.perm && <FieldGrid entity={p.entity} perm={p.perm} onChange={p.onFields} />}
    </>
  );
}

function FieldGrid(p: {
  entity: EntityDoc;
  perm: EntityPermission;
  onChange: (fields: Record<string, 'hidden' | 'readonly'>, reveal: string[]) => void;
}) {
  const fields = p.perm.fields ?? {};
  const reveal = p.perm.reveal ?? [];
  const set = (name: string, access: Access) => {
    const next = { ...fields };
    if (access === 'editable') delete next[name];
    else next[name] = access;
    p.onChange(next, reveal);
  };
  return (
    <tr className="rt-field-grid-row">
      <td colSpan={RECORD_RIGHTS.length + 3}>
        <div className="rt-field-grid" role="group" aria-label={at('fieldPermissions')}>
          {p.entity.fields.map((f) => (
            <div key={f.name} className="rt-field-grid-item" data-field={f.name}>
              <span>
                {label(f.label)}
                {f.sensitive && <span className="lt-badge">{at('sensitive')}</span>}
              </span>
              <select
                className="lt-input"
                aria-label={`${f.name}`}
                value={fields[f.name] ?? 'editable'}
                onChange={(e) => set(f.name, e.target.value as Access)}
              >
                {(['editable', 'readonly', 'hidden'] as const).map((a) => (
                  <option key={a} value={a}>
                    {at(`access_${a}`)}
                  </option>
                ))}
              </select>
              {f.sensitive && (
                <label className="rt-check">
                  <input
                    type="checkbox"
                    checked={reveal.includes(f.name)}
                    onChange={(e) =>
                      p.onChange(
                        fields,
                        e.target.checked ? [...reveal, f.name] : reveal.filter((x) => x !== f.name),
                      )
                    }
                  />
                  {at('reveal')}
                </label>
              )}
            </div>
          ))}
        </div>
      </td>
    </tr>
  );
}
