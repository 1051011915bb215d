import type { AppDefinition, RecordPageSection } from '@lattice/engine';
import { findEntity } from '@lattice/engine';
import { useEffect, useState } from 'react';
import { errorMessage } from '../lib/error-message';
import { getLocale, label } from '../lib/i18n';
import { recordsApi } from '../lib/records-api';
import { navigate } from '../lib/router';
import { t } from '../lib/ui-text';

type Timeline = Extract<RecordPageSection, { type: 'timeline' }>;

interface Item {
  id: string;
  entity: string;
  entityLabel: string;
  at: string;
  title: string;
}

const PER_SOURCE = 15;

/** Related activity from several entities (interactions, tickets, orders…) merged by date, newest first. */
export function TimelineSection(p: {
  app: string;
  definition: AppDefinition;
  section: Timeline;
  id: string;
}) {
  const [items, setItems] = useState<Item[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    Promise.all(
      p.section.sources.map(async (s) => {
        const entity = findEntity(p.definition, s.entity);
        if (!entity) return [];
        const page = await recordsApi.list(p.app, s.entity, {
          filter: { '==': [{ var: s.via }, p.id] },
          sort: [{ field: s.dateField, dir: 'desc' }],
          limit: PER_SOURCE,
        });
        return page.items.map((r) => ({
          id: r.id,
          entity: s.entity,
          entityLabel: label(entity.label),
          at: String(r[s.dateField] ?? r.created_at),
          title: String(r[s.titleField] ?? ''),
        }));
      }),
    ).then(
      (lists) => live && setItems(lists.flat().sort((a, b) => b.at.localeCompare(a.at))),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [p.app, p.definition, p.section, p.id]);
  if (error) return <div className="lt-error-banner">{errorMessage(error)}</div>;
  if (!items) return <div className="lt-muted">{t('loading')}</div>;
  if (items.length === 0) return <div className="lt-muted">{t('empty')}</div>;
  return (
    <ol className="rt-timeline">
      {items.map((i) => (
        <li
          key={`${i.entity}-${i.id}`}
          className="rt-timeline-item"
          onClick={() => navigate(`/apps/${p.app}/e/${i.entity}/r/${i.id}`)}
        >
          <span className="rt-timeline-dot" />
          <div>
            <div>
              <span className="lt-badge">{i.entityLabel}</span> {i.title}
            </div>
            <div className="lt-muted">
              {i.at.length > 10 ? new Date(i.at).toLocaleString(getLocale()) : i.at}
            </div>
          </div>
        </li>
      ))}
    </ol>
  );
}
