import type { AppDefinition, EntityDoc, RecordPageSection } from '@lattice/engine';
import { findEntity } from '@lattice/engine';
import { FieldValue, fieldLabel } from '../components/field-value';
import { errorMessage } from '../lib/error-message';
import { referencesIn, rememberTitles, useRecordTitles } from '../lib/record-titles';
import { linkClick, navigate } from '../lib/router';
import { t } from '../lib/ui-text';
import { andFilters } from '../views/filter-model';
import { useRecordList } from '../views/use-record-list';

type Related = Extract<RecordPageSection, { type: 'related' }>;

/** Records of another entity that point at this one (`via`), with the section's columns. */
export function RelatedSection(p: {
  app: string;
  definition: AppDefinition;
  section: Related;
  id: string;
  canCreate: boolean;
}) {
  const entity = findEntity(p.definition, p.section.entity);
  if (!entity) return null;
  return <RelatedTable {...p} entity={entity} />;
}

function RelatedTable(p: {
  app: string;
  definition: AppDefinition;
  section: Related;
  id: string;
  entity: EntityDoc;
  canCreate: boolean;
}) {
  const { section, entity } = p;
  const list = useRecordList(p.app, entity.name, {
    filter: andFilters({ '==': [{ var: section.via }, p.id] }, section.filter),
    sort: section.sort ?? [{ field: 'updated_at', dir: 'desc' }],
    q: '',
    limit: section.limit ?? 10,
  });
  rememberTitles(entity, list.items);
  useRecordTitles(p.app, p.definition, referencesIn(entity, section.columns, list.items));
  const newHref = `/apps/${p.app}/e/${entity.name}/new?${encodeURIComponent(section.via)}=${encodeURIComponent(p.id)}`;
  return (
    <div data-related={entity.name} aria-busy={list.loading}>
      <div className="rt-row rt-between rt-section-tools">
        <span className="lt-muted">
          {t('shown', { n: list.items.length + (list.nextCursor ? '+' : '') })}
        </span>
        {p.canCreate && (
          <a className="lt-btn" href={newHref} onClick={linkClick(newHref)} data-action="related-new">
            + {t('create')}
          </a>
        )}
      </div>
      {list.error !== null && <div className="lt-error-banner">{errorMessage(list.error)}</div>}
      {list.items.length === 0 && !list.loading ? (
        <div className="rt-empty-state rt-empty-small">{t('empty')}</div>
      ) : (
        <div className="rt-table-wrap">
          <table className="lt-table rt-table rt-table-compact">
            <thead>
              <tr>
                {section.columns.map((c) => (
                  <th key={c}>{fieldLabel(entity, c)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {list.items.map((r) => (
                <tr key={r.id} onClick={() => navigate(`/apps/${p.app}/e/${entity.name}/r/${r.id}`)}>
                  {section.columns.map((c) => (
                    <td key={c}>
                      <FieldValue app={p.app} entity={entity} name={c} value={r[c]} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
