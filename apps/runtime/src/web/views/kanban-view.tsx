import {
  DndContext,
  type DragEndEvent,
  DragOverlay,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import type { AppDefinition, EntityDoc, Field, KanbanView as KanbanViewDoc } from '@lattice/engine';
import { useState } from 'react';
import { FieldValue, fieldLabel } from '../components/field-value';
import { toast } from '../components/toast';
import { ApiError } from '../lib/api';
import { useDepartments } from '../lib/department-directory';
import { errorMessage } from '../lib/error-message';
import { label, useLocale } from '../lib/i18n';
import { recordTitle, referencesIn, rememberTitles, useRecordTitles } from '../lib/record-titles';
import { type RecordData, recordsApi } from '../lib/records-api';
import { navigate } from '../lib/router';
import { t } from '../lib/ui-text';
import { useDirectory } from '../lib/user-directory';
import { andFilters } from './filter-model';
import { canMove, type KanbanColumn, kanbanColumns } from './kanban-columns';
import { useRecordList } from './use-record-list';

const COLUMN_PAGE = 30;

interface CardProps {
  app: string;
  entity: EntityDoc;
  fields: string[];
  record: RecordData;
  pending?: boolean;
  overlay?: boolean;
}

function CardBody(p: CardProps) {
  const [titleField, ...rest] = p.fields;
  return (
    <>
      <div className="rt-card-title">
        {titleField ? (
          <FieldValue
            app={p.app}
            entity={p.entity}
            name={titleField}
            value={p.record[titleField]}
            link={false}
          />
        ) : (
          recordTitle(p.entity, p.record)
        )}
      </div>
      {rest.map((name) => (
        <div key={name} className="rt-card-line">
          <span className="lt-muted">{fieldLabel(p.entity, name)}</span>
          <span>
            <FieldValue app={p.app} entity={p.entity} name={name} value={p.record[name]} link={false} />
          </span>
        </div>
      ))}
    </>
  );
}

function Card(p: CardProps & { from: string | null }) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: p.record.id,
    data: { record: p.record, from: p.from },
  });
  return (
    <div
      ref={setNodeRef}
      className={`rt-kanban-card lt-card${isDragging ? ' rt-dragging' : ''}${p.pending ? ' rt-pending' : ''}`}
      data-card={p.record.id}
      {...attributes}
      {...listeners}
      onClick={() => navigate(`/apps/${p.app}/e/${p.entity.name}/r/${p.record.id}`)}
    >
      <CardBody {...p} />
    </div>
  );
}

function Column(p: {
  app: string;
  definition: AppDefinition;
  entity: EntityDoc;
  view: KanbanViewDoc;
  column: KanbanColumn;
  refresh: number;
  moving: { record: RecordData; from: string | null; to: string | null } | null;
}) {
  const list = useRecordList(
    p.app,
    p.entity.name,
    {
      filter: andFilters(p.view.filter, p.column.filter),
      sort: p.view.sort ?? [{ field: 'updated_at', dir: 'desc' }],
      q: '',
      limit: COLUMN_PAGE,
    },
    p.refresh,
  );
  rememberTitles(p.entity, list.items);
  useRecordTitles(p.app, p.definition, referencesIn(p.entity, p.view.cardFields, list.items));
  const { setNodeRef, isOver } = useDroppable({
    id: `col:${p.column.value ?? ''}`,
    data: { to: p.column.value },
  });
  const moving = p.moving;
  const items = list.items.filter((r) => !(moving && r.id === moving.record.id));
  const incoming = moving && moving.to === p.column.value ? moving.record : null;
  const title = p.column.label ? label(p.column.label) : t('noStage');
  return (
    <section
      ref={setNodeRef}
      className={`rt-kanban-col${isOver ? ' rt-over' : ''}`}
      data-column={p.column.value ?? ''}
      aria-label={title}
    >
      <header style={p.column.color ? { borderTopColor: p.column.color } : undefined}>
        <strong>{title}</strong>
        <span className="lt-badge">
          {list.nextCursor ? `${items.length}+` : items.length + (incoming ? 1 : 0)}
        </span>
      </header>
      <div className="rt-kanban-cards">
        {incoming && (
          <Card
            app={p.app}
            entity={p.entity}
            fields={p.view.cardFields}
            record={incoming}
            from={p.column.value}
            pending
          />
        )}
        {items.map((r) => (
          <Card
            key={r.id}
            app={p.app}
            entity={p.entity}
            fields={p.view.cardFields}
            record={r}
            from={p.column.value}
          />
        ))}
        {list.error !== null && <div className="lt-error-banner">{errorMessage(list.error)}</div>}
        {list.nextCursor && (
          <button type="button" className="lt-btn rt-block" disabled={list.loading} onClick={list.loadMore}>
            {t('loadMore')}
          </button>
        )}
      </div>
    </section>
  );
}

/**
 * A kanban over a stage/select field: one column per value; dragging a card PATCHes the field with the
 * record's version. A 409 (someone else changed it) shows the conflict and reloads both columns; a refused
 * transition shows the server's message.
 */
export function KanbanView(p: {
  app: string;
  definition: AppDefinition;
  entity: EntityDoc;
  view: KanbanViewDoc;
}) {
  useLocale();
  useDirectory();
  useDepartments();
  const layout = kanbanColumns(p.entity, p.view.stageField);
  const [refresh, setRefresh] = useState<Record<string, number>>({});
  const [moving, setMoving] = useState<{ record: RecordData; from: string | null; to: string | null } | null>(
    null,
  );
  const [dragged, setDragged] = useState<RecordData | null>(null);
  // Touch: press and hold to pick a card up, so a swipe still scrolls the board on a tablet.
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 4 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 6 } }),
    useSensor(KeyboardSensor),
  );
  if (!layout) return <div className="lt-error-banner">{t('notFound')}</div>;
  const field: Field = layout.field;
  const bump = (...values: (string | null)[]) =>
    setRefresh((r) => {
      const next = { ...r };
      for (const v of values) next[v ?? ''] = (next[v ?? ''] ?? 0) + 1;
      return next;
    });

  const onDragEnd = async (e: DragEndEvent) => {
    setDragged(null);
    const data = e.active.data.current as { record: RecordData; from: string | null } | undefined;
    const to = (e.over?.data.current as { to: string | null } | undefined)?.to;
    if (!data || to === undefined || data.from === to) return;
    if (!canMove(field, data.from, to)) {
      toast.error(t('moveRefused'));
      return;
    }
    setMoving({ record: { ...data.record, [field.name]: to }, from: data.from, to });
    try {
      await recordsApi.update(p.app, p.entity.name, data.record.id, data.record.version, {
        [field.name]: to,
      });
      const stage = layout.columns.find((c) => c.value === to)?.label;
      toast.success(t('moved', { stage: stage ? label(stage) : '' }));
    } catch (error) {
      toast.error(error instanceof ApiError && error.status === 409 ? t('conflict') : errorMessage(error));
    } finally {
      setMoving(null);
      bump(data.from, to);
    }
  };

  return (
    <DndContext
      sensors={sensors}
      onDragStart={(e) => setDragged((e.active.data.current as { record: RecordData }).record)}
      onDragCancel={() => setDragged(null)}
      onDragEnd={(e) => void onDragEnd(e)}
    >
      <div className="rt-kanban" data-testid="kanban-view">
        {layout.columns.map((column) => (
          <Column
            key={column.value ?? ''}
            app={p.app}
            definition={p.definition}
            entity={p.entity}
            view={p.view}
            column={column}
            refresh={refresh[column.value ?? ''] ?? 0}
            moving={moving}
          />
        ))}
      </div>
      <DragOverlay>
        {dragged && (
          <div className="rt-kanban-card lt-card rt-overlay">
            <CardBody app={p.app} entity={p.entity} fields={p.view.cardFields} record={dragged} overlay />
          </div>
        )}
      </DragOverlay>
    </DndContext>
  );
}
