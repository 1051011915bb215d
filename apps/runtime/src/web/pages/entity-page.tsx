import { findEntity } from '@lattice/engine';
import { PageMessage } from '../components/page-message';
import { browseViewsFor } from '../lib/app-metadata';
import { useCurrentApp } from '../lib/current-app';
import { can } from '../lib/entity-access';
import { label, useLocale } from '../lib/i18n';
import { linkClick } from '../lib/router';
import { t } from '../lib/ui-text';
import { CalendarView } from '../views/calendar-view';
import { KanbanView } from '../views/kanban-view';
import { ListView } from '../views/list-view';

/** An entity's page: its views as tabs (list, kanban, calendar), the chosen one below, and "New". */
export function EntityPage(p: { entity: string; view?: string }) {
  useLocale();
  const { appId, definition, loading, error, access } = useCurrentApp();
  if (!definition || !appId) return <PageMessage loading={loading} error={error} />;
  const entity = findEntity(definition, p.entity);
  if (!entity) return <PageMessage error={t('notFound')} />;
  const views = browseViewsFor(definition, entity);
  const view = (p.view ? views.find((v) => v.name === p.view) : views[0]) ?? views[0]!;
  const base = `/apps/${appId}/e/${entity.name}`;
  const newHref = `${base}/new`;
  return (
    <div className="lt-page rt-entity-page">
      <div className="rt-page-head">
        <h1>{label(entity.pluralLabel ?? entity.label)}</h1>
        {can(access, entity.name, 'create') && (
          <a
            className="lt-btn lt-btn-primary"
            href={newHref}
            onClick={linkClick(newHref)}
            data-action="new-record"
          >
            + {t('create')}
          </a>
        )}
      </div>
      {views.length > 1 && (
        <div className="rt-tabs" role="tablist">
          {views.map((v, i) => {
            const href = i === 0 ? base : `${base}/v/${v.name}`;
            return (
              <a
                key={v.name}
                role="tab"
                aria-selected={v === view}
                className={v === view ? 'active' : ''}
                href={href}
                data-view={v.name}
                onClick={linkClick(href)}
              >
                <span className="rt-tab-icon">
                  {v.type === 'kanban' ? '▥' : v.type === 'calendar' ? '▦' : '☰'}
                </span>
                {label(v.label)}
              </a>
            );
          })}
        </div>
      )}
      {view.type === 'list' && (
        <ListView key={view.name} app={appId} definition={definition} entity={entity} view={view} />
      )}
      {view.type === 'kanban' && (
        <KanbanView key={view.name} app={appId} definition={definition} entity={entity} view={view} />
      )}
      {view.type === 'calendar' && (
        <CalendarView key={view.name} app={appId} definition={definition} entity={entity} view={view} />
      )}
    </div>
  );
}
