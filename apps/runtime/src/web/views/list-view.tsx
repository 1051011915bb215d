import type { AppDefinition, EntityDoc, ListView as ListViewDoc, SortSpec } from '@lattice/engine';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { FieldValue, fieldLabel } from '../components/field-value';
import { useDismiss } from '../components/use-dismiss';
import { DrillBanner, useDrillFilter } from '../dashboards/drill-banner';
import { loadSession } from '../lib/api';
import { useDepartments } from '../lib/department-directory';
import { errorMessage } from '../lib/error-message';
import { useLocale } from '../lib/i18n';
import { referencesIn, rememberTitles, useRecordTitles } from '../lib/record-titles';
import { navigate } from '../lib/router';
import { t } from '../lib/ui-text';
import { useDirectory } from '../lib/user-directory';
import { ColumnChooser } from './column-chooser';
import { FilterBuilder } from './filter-builder';
import { andFilters, conditionsToFilter, type FilterCondition } from './filter-model';
import { useRecordList } from './use-record-list';

const HIDDEN_IN_LISTS = new Set([
  'json',
  'richtext',
  'notes',
  'signature',
  'file',
  'image',
  'geo',
  'longtext',
]);
/** Types with no meaningful order (arrays, documents, computed-on-read values). */
const UNSORTABLE = new Set([...HIDDEN_IN_LISTS, 'multiselect', 'tags', 'formula']);

function sortable(entity: EntityDoc, name: string): boolean {
  const field = entity.fields.find((f) => f.name === name);
  return field ? !UNSORTABLE.has(field.type) && !field.sensitive : true;
}

function columnsKey(app: string, view: string): string {
  return `lattice.columns.${loadSession()?.user.id ?? 'anon'}.${app}.${view}`;
}

function storedColumns(app: string, view: string): string[] | null {
  try {
    const raw = localStorage.getItem(columnsKey(app, view));
    return raw ? (JSON.parse(raw) as string[]) : null;
  } catch {
    return null;
  }
}

/** Free text waits this long after the last keystroke before it queries. */
const SEARCH_DEBOUNCE_MS = 300;

/**
 * A list view: the view's columns (user-chosen columns persisted per user and view), search, filter
 * builder, sort by column header and keyset "load more". Rows open the record page.
 */
export function ListView(p: {
  app: string;
  definition: AppDefinition;
  entity: EntityDoc;
  view: ListViewDoc;
}) {
  useLocale();
  useDirectory();
  useDepartments();
  const { app, entity, view } = p;
  const available = useMemo(() => {
    const extra = entity.fields.filter((f) => !HIDDEN_IN_LISTS.has(f.type) && !view.columns.includes(f.name));
    return [...view.columns, ...extra.map((f) => f.name), 'created_at', 'updated_at'].filter(
      (n, i, all) => all.indexOf(n) === i,
    );
  }, [entity, view]);
  const [columns, setColumns] = useState<string[]>(
    () => storedColumns(app, view.name)?.filter((c) => available.includes(c)) ?? view.columns,
  );
  const [sort, setSort] = useState<SortSpec[]>(view.sort ?? []);
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [conditions, setConditions] = useState<FilterCondition[]>([]);
  const [popover, setPopover] = useState<'filter' | 'columns' | null>(null);
  const toolbar = useRef<HTMLDivElement>(null);
  useDismiss(
    toolbar,
    popover !== null,
    useCallback(() => setPopover(null), []),
  );

  useEffect(() => {
    const timer = setTimeout(() => setQ(search), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search]);

  const drill = useDrillFilter();
  const filter = andFilters(view.filter, drill, conditionsToFilter(entity, conditions));
  const list = useRecordList(app, entity.name, { filter, sort, q, limit: view.pageSize ?? 50 });
  rememberTitles(entity, list.items);
  useRecordTitles(app, p.definition, referencesIn(entity, columns, list.items));

  const chooseColumns = (next: string[]) => {
    setColumns(next);
    localStorage.setItem(columnsKey(app, view.name), JSON.stringify(next));
  };
  const toggleSort = (name: string) => {
    const current = sort[0]?.field === name ? sort[0].dir : null;
    setSort([{ field: name, dir: current === 'asc' ? 'desc' : 'asc' }]);
  };
  const activeFilters = conditionsToFilter(entity, conditions) ? conditions.length : 0;

  return (
    <div className="rt-list" data-testid="list-view" aria-busy={list.loading}>
      <DrillBanner />
      <div className="lt-toolbar" ref={toolbar}>
        <input
          className="lt-input rt-search"
          type="search"
          data-testid="list-search"
          placeholder={t('search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <div className="rt-popover-anchor">
          <button
            type="button"
            className={`lt-btn${activeFilters ? ' rt-btn-on' : ''}`}
            data-action="open-filter"
            onClick={() => setPopover(popover === 'filter' ? null : 'filter')}
          >
            ⛃ {t('filter')}
            {activeFilters > 0 && <span className="lt-badge">{activeFilters}</span>}
          </button>
          {popover === 'filter' && (
            <FilterBuilder
              entity={entity}
              value={conditions}
              onApply={setConditions}
              onClose={() => setPopover(null)}
            />
          )}
        </div>
        <div className="rt-popover-anchor">
          <button
            type="button"
            className="lt-btn"
            data-action="open-columns"
            onClick={() => setPopover(popover === 'columns' ? null : 'columns')}
          >
            ▥ {t('columns')}
          </button>
          {popover === 'columns' && (
            <ColumnChooser
              entity={entity}
              available={available}
              value={columns}
              onChange={chooseColumns}
              onReset={() => {
                localStorage.removeItem(columnsKey(app, view.name));
                setColumns(view.columns);
              }}
            />
          )}
        </div>
        <span className="lt-muted rt-count" data-testid="list-count">
          {t('shown', { n: list.items.length })}
        </span>
      </div>
      {list.error !== null && (
        <div className="lt-error-banner rt-row rt-between" role="alert">
          <span>{errorMessage(list.error)}</span>
          <button type="button" className="lt-btn" onClick={list.reload}>
            {t('retry')}
          </button>
        </div>
      )}
      <div className="rt-table-wrap lt-card">
        <table className="lt-table rt-table">
          <thead>
            <tr>
              {columns.map((name) => {
                const dir = sort[0]?.field === name ? sort[0].dir : null;
                return (
                  <th
                    key={name}
                    data-column={name}
                    aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
                    className={sortable(entity, name) ? undefined : 'rt-nosort'}
                    onClick={() => sortable(entity, name) && toggleSort(name)}
                  >
                    {sortable(entity, name) ? (
                      // A button so the sort is reachable by keyboard; the th's click covers the padding.
                      <button
                        type="button"
                        className="rt-th-btn"
                        onClick={(e) => {
                          e.stopPropagation();
                          toggleSort(name);
                        }}
                      >
                        {fieldLabel(entity, name)}
                        <span className="rt-sort">{dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '↕'}</span>
                      </button>
                    ) : (
                      fieldLabel(entity, name)
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {list.items.map((row) => (
              <tr
                key={row.id}
                data-record={row.id}
                tabIndex={0}
                onClick={() => navigate(`/apps/${app}/e/${entity.name}/r/${row.id}`)}
                onKeyDown={(e) => e.key === 'Enter' && navigate(`/apps/${app}/e/${entity.name}/r/${row.id}`)}
              >
                {columns.map((name, i) => (
                  <td key={name} className={i === 0 ? 'rt-first-col' : undefined}>
                    <FieldValue app={app} entity={entity} name={name} value={row[name]} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {!list.loading && list.items.length === 0 && list.error === null && (
          <div className="rt-empty-state">{t('empty')}</div>
        )}
      </div>
      <div className="rt-list-foot">
        {list.nextCursor ? (
          <button
            type="button"
            className="lt-btn"
            data-action="load-more"
            disabled={list.loading}
            onClick={list.loadMore}
          >
            {list.loading ? t('loading') : t('loadMore')}
          </button>
        ) : (
          list.items.length > 0 && <span className="lt-muted">{t('noMore')}</span>
        )}
        {list.loading && list.items.length === 0 && <span className="lt-muted">{t('loading')}</span>}
      </div>
    </div>
  );
}
