import type { AppDefinition, EntityPermission, RecordRight, RecordScope } from '@lattice/engine';
import { documentsOfKind, RECORD_RIGHTS } from '@lattice/engine';
import { label } from '../../lib/i18n';
import { t } from '../../lib/studio-text';
import { permissionFor, setPermission } from '../../model/role-edits';

const SCOPES = [
  { type: 'own', text: 'scopeOwn' },
  { type: 'department', text: 'scopeDepartment' },
  { type: 'region', text: 'scopeRegion' },
  { type: 'all', text: 'scopeAll' },
] as const;

/**
 * "Who can use it": the app's roles × record rights for one entity, with the record scope. Editing a row gives
 * the role its own entry for the entity (role documents are part of the draft and publish with it).
 */
export function EntityAccessPanel(p: {
  draft: AppDefinition;
  entity: string;
  update: (edit: (d: AppDefinition) => AppDefinition) => void;
}) {
  const roles = documentsOfKind(p.draft, 'role');
  if (roles.length === 0) return null;
  const write = (role: string, perm: EntityPermission | null) =>
    p.update((d) => setPermission(d, role, p.entity, perm));
  return (
    <section className="lt-card st-section" data-testid="entity-access">
      <h2>{t('access')}</h2>
      <p className="lt-muted" style={{ marginTop: 0 }}>
        {t('accessHint')}
      </p>
      <div style={{ overflowX: 'auto' }}>
        <table className="lt-table">
          <thead>
            <tr>
              <th>{t('role')}</th>
              {RECORD_RIGHTS.map((r) => (
                <th key={r}>{t(`right_${r}`)}</th>
              ))}
              <th>{t('scope')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {roles.map((role) => {
              if (role.admin) {
                return (
                  <tr key={role.name} data-role-row={role.name}>
                    <td>{label(role.label)}</td>
                    <td colSpan={RECORD_RIGHTS.length + 2} className="lt-muted">
                      {t('allRights')}
                    </td>
                  </tr>
                );
              }
              const { permission, inherited } = permissionFor(role, p.entity);
              const rights = permission?.rights ?? [];
              const scope: RecordScope = permission?.scope ?? { type: 'all' };
              const base: EntityPermission = permission ?? { rights: [], scope };
              const toggle = (r: RecordRight, on: boolean) =>
                write(role.name, {
                  ...base,
                  rights: on
                    ? RECORD_RIGHTS.filter((x) => x === r || rights.includes(x))
                    : rights.filter((x) => x !== r),
                });
              return (
                <tr key={role.name} data-role-row={role.name}>
                  <td>
                    {label(role.label)} {inherited && <span className="st-tag">{t('inherited')}</span>}
                  </td>
                  {RECORD_RIGHTS.map((r) => (
                    <td key={r}>
                      <input
                        type="checkbox"
                        data-right={r}
                        aria-label={`${label(role.label)} ${t(`right_${r}`)}`}
                        checked={rights.includes(r)}
                        onChange={(e) => toggle(r, e.target.checked)}
                      />
                    </td>
                  ))}
                  <td>
                    {scope.type === 'filter' ? (
                      <span className="lt-muted">{t('scopeFilter')}</span>
                    ) : (
                      <select
                        className="lt-input"
                        data-prop="scope"
                        value={scope.type}
                        onChange={(e) =>
                          write(role.name, {
                            ...base,
                            scope: { type: e.target.value as (typeof SCOPES)[number]['type'] },
                          })
                        }
                      >
                        {SCOPES.map((s) => (
                          <option key={s.type} value={s.type}>
                            {t(s.text)}
                          </option>
                        ))}
                      </select>
                    )}
                  </td>
                  <td>
                    {!inherited && permission && role.entities['*'] && (
                      <button type="button" className="lt-btn" onClick={() => write(role.name, null)}>
                        {t('resetToInherited')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
