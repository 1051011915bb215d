import { DndContext, type DragEndEvent, useDraggable } from '@dnd-kit/core';
import {
  DATE_FIELD_TYPES,
  type DashboardDoc,
  type DashboardTile,
  documentsOfKind,
  findEntity,
  type ReportDoc,
} from '@lattice/engine';
import { useDesignerSensors } from '@lattice/form-builder';
import { useRef, useState } from 'react';
import { I18nInputs } from '../components/i18n-inputs';
import { useAppDraft } from '../lib/app-draft';
import { errorsByPath } from '../lib/errors-by-path';
import { label, useLocale } from '../lib/i18n';
import { navigate } from '../lib/router';
import { CHART_TYPE_LABELS } from './chart-type-labels';
import {
  addTile,
  cellsFor,
  GRID_COLUMNS,
  moveTile,
  resizeTile,
  type SharedFilterKind,
  sharedFilters,
} from './dashboard-layout';
import { upsertDocument } from './report-model';
import { rpt } from './report-text';
import './reports.css';

const ROW_PX = 40;
const GAP_PX = 8;
const FILTER_KINDS: { kind: SharedFilterKind; id: string; text: () => string }[] = [
  { kind: 'region', id: 'region', text: () => rpt('filterRegion') },
  { kind: 'period', id: 'period', text: () => rpt('filterPeriod') },
  { kind: 'owner', id: 'owner', text: () => rpt('filterOwner') },
];

/**
 * The dashboard designer: a 12-column grid where tiles are dragged by their title to move and by their
 * corner to resize (dnd-kit; positions snap to cells), a report picker to add tiles, and the shared
 * filters (region, period with a date field per entity, owner) mapped onto the tiles' entities.
 */
export function DashboardDesignerPage(p: { appId: string; dashboard: string }) {
  useLocale();
  const { draft, update, save, errors, saving } = useAppDraft();
  const sensors = useDesignerSensors();
  const grid = useRef<HTMLDivElement>(null);
  const [pick, setPick] = useState('');
  const [savedAt, setSavedAt] = useState<'ok' | 'failed' | null>(null);
  if (!draft) return <div className="lt-page lt-muted">…</div>;
  const index = draft.documents.findIndex((d) => d.kind === 'dashboard' && d.name === p.dashboard);
  const doc = index >= 0 ? (draft.documents[index] as DashboardDoc) : null;
  if (!doc) return <div className="lt-page lt-error-banner">{rpt('notFound')}</div>;
  const serverErrors = errorsByPath(errors, `documents.${index}`);
  const reports = new Map(documentsOfKind(draft, 'report').map((r) => [r.name, r]));
  const entities = [
    ...new Set(doc.tiles.map((t) => reports.get(t.report)?.dataset.entity).filter((e): e is string => !!e)),
  ];
  const enabled = FILTER_KINDS.filter((k) => doc.filters?.some((f) => f.id === k.id)).map((k) => k.kind);
  const dateFields = Object.fromEntries(
    Object.entries(doc.filters?.find((f) => f.id === 'period')?.fields ?? {}),
  ) as Record<string, string>;

  const setDoc = (next: DashboardDoc) => {
    setSavedAt(null);
    update((d) => upsertDocument(d, next));
  };
  const setTiles = (tiles: DashboardTile[]) => {
    const ents = [
      ...new Set(tiles.map((t) => reports.get(t.report)?.dataset.entity).filter((e): e is string => !!e)),
    ];
    setDoc({
      ...doc,
      tiles,
      ...(enabled.length > 0 ? { filters: sharedFilters(enabled, ents, dateFields) } : {}),
    });
  };
  const setFilters = (kinds: SharedFilterKind[], fields = dateFields) => {
    const { filters: _f, ...rest } = doc;
    setDoc(kinds.length > 0 ? { ...rest, filters: sharedFilters(kinds, entities, fields) } : rest);
  };
  const onDragEnd = (e: DragEndEvent) => {
    const data = e.active.data.current as { tile: string; mode: 'move' | 'resize' } | undefined;
    const width = grid.current?.clientWidth ?? 0;
    if (!data || width === 0) return;
    const col = (width - GAP_PX * 2 + GAP_PX) / GRID_COLUMNS;
    const dx = cellsFor(e.delta.x, col);
    const dy = cellsFor(e.delta.y, ROW_PX + GAP_PX);
    if (dx === 0 && dy === 0) return;
    setTiles(
      data.mode === 'move'
        ? moveTile(doc.tiles, data.tile, dx, dy)
        : resizeTile(doc.tiles, data.tile, dx, dy),
    );
  };

  return (
    <div className="lt-page dd-designer" data-dashboard={doc.name}>
      <div className="lt-toolbar" style={{ justifyContent: 'space-between' }}>
        <div>
          <button type="button" className="st-link" onClick={() => navigate(`/apps/${p.appId}/reports`)}>
            ← {rpt('back')}
          </button>
          <h1 style={{ margin: '4px 0 0' }}>
            {label(doc.label) || doc.name} <code className="lt-muted rp-name">{doc.name}</code>
          </h1>
        </div>
        <span className="st-row">
          {savedAt === 'ok' && <span className="st-status">{rpt('saved')}</span>}
          {savedAt === 'failed' && <span className="st-field-error">{rpt('saveFailed')}</span>}
          <a
            className="lt-btn"
            href={`/apps/${p.appId}/dashboards/${doc.name}`}
            target="_blank"
            rel="noreferrer"
          >
            {rpt('openInRuntime')} ↗
          </a>
          <button
            type="button"
            className="lt-btn lt-btn-primary"
            data-action="save-dashboard"
            disabled={saving}
            onClick={() => void save().then((ok) => setSavedAt(ok ? 'ok' : 'failed'))}
          >
            {rpt('save')}
          </button>
        </span>
      </div>
      <div className="lt-card rp-head">
        <I18nInputs
          name="label"
          value={doc.label}
          errors={serverErrors}
          onChange={(text) => setDoc({ ...doc, label: text })}
        />
      </div>
      <div className="dd-body">
        <div>
          <p className="lt-muted rp-hint">{rpt('layoutHint')}</p>
          <DndContext sensors={sensors} onDragEnd={onDragEnd}>
            <div ref={grid} className="dd-grid" data-testid="dashboard-grid">
              {doc.tiles.map((t, i) => (
                <DesignTile
                  key={t.id}
                  tile={t}
                  report={reports.get(t.report)}
                  error={serverErrors[`tiles.${i}.report`] ?? serverErrors[`tiles.${i}`]}
                  onRemove={() => setTiles(doc.tiles.filter((x) => x.id !== t.id))}
                />
              ))}
            </div>
          </DndContext>
        </div>
        <aside className="dd-side">
          <div className="lt-card">
            <h3 style={{ marginTop: 0 }}>{rpt('addTile')}</h3>
            <div className="st-row">
              <select
                className="lt-input"
                data-prop="tile.report"
                value={pick}
                onChange={(e) => setPick(e.target.value)}
                style={{ flex: 1 }}
              >
                <option value="">{rpt('chooseReport')}</option>
                {[...reports.values()].map((r) => (
                  <option key={r.name} value={r.name}>
                    {label(r.label)} ({r.name})
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="lt-btn lt-btn-primary"
                data-action="add-tile"
                disabled={!pick}
                onClick={() => {
                  setTiles(addTile(doc.tiles, pick));
                  setPick('');
                }}
              >
                +
              </button>
            </div>
          </div>
          <div className="lt-card" data-testid="shared-filters">
            <h3 style={{ marginTop: 0 }}>{rpt('sharedFilters')}</h3>
            {FILTER_KINDS.map((k) => (
              <label key={k.kind} className="st-check">
                <input
                  type="checkbox"
                  data-filter={k.id}
                  checked={enabled.includes(k.kind)}
                  onChange={(e) =>
                    setFilters(e.target.checked ? [...enabled, k.kind] : enabled.filter((x) => x !== k.kind))
                  }
                />
                {k.text()}
              </label>
            ))}
            {enabled.includes('period') &&
              entities.map((entityName) => {
                const entity = findEntity(draft, entityName);
                const dates = (entity?.fields ?? []).filter((f) => DATE_FIELD_TYPES.includes(f.type));
                return (
                  <label key={entityName} className="st-field">
                    {rpt('dateFieldOf', { entity: label(entity?.label) || entityName })}
                    <select
                      className="lt-input"
                      data-prop={`period.${entityName}`}
                      value={dateFields[entityName] ?? 'created_at'}
                      onChange={(e) => setFilters(enabled, { ...dateFields, [entityName]: e.target.value })}
                    >
                      <option value="created_at">created_at</option>
                      {dates.map((f) => (
                        <option key={f.name} value={f.name}>
                          {label(f.label)} ({f.name})
                        </option>
                      ))}
                    </select>
                  </label>
                );
              })}
          </div>
        </aside>
      </div>
    </div>
  );
}

function DesignTile(p: {
  tile: DashboardTile;
  report: ReportDoc | undefined;
  error?: string | undefined;
  onRemove: () => void;
}) {
  const { tile } = p;
  const move = useDraggable({ id: `move:${tile.id}`, data: { tile: tile.id, mode: 'move' } });
  const resize = useDraggable({ id: `resize:${tile.id}`, data: { tile: tile.id, mode: 'resize' } });
  const style: Record<string, string> = {
    '--db-col': `${tile.x + 1} / span ${tile.w}`,
    '--db-row': `${tile.y + 1} / span ${tile.h}`,
  };
  if (move.transform) style.transform = `translate(${move.transform.x}px, ${move.transform.y}px)`;
  if (resize.transform) {
    style.width = `calc(100% + ${resize.transform.x}px)`;
    style.height = `calc(100% + ${resize.transform.y}px)`;
  }
  const type = p.report?.chart.type;
  return (
    <div
      ref={move.setNodeRef}
      className={`dd-tile${move.isDragging || resize.isDragging ? ' is-dragging' : ''}`}
      style={style}
      data-tile={tile.id}
      data-tile-report={tile.report}
    >
      <div className="dd-tile-head" {...move.attributes} {...move.listeners} data-drag="move">
        <span>
          {type ? CHART_TYPE_LABELS[type].icon : '?'} {p.report ? label(p.report.label) : tile.report}
        </span>
        <button
          type="button"
          className="st-chip-remove"
          aria-label={rpt('remove')}
          onPointerDown={(e) => e.stopPropagation()}
          onClick={p.onRemove}
        >
          ×
        </button>
      </div>
      <div className="dd-tile-meta">
        {tile.report} · {tile.w}×{tile.h}
      </div>
      {p.error && <span className="st-field-error">{p.error}</span>}
      <span
        ref={resize.setNodeRef}
        className="dd-resize"
        data-drag="resize"
        {...resize.attributes}
        {...resize.listeners}
      />
    </div>
  );
}
