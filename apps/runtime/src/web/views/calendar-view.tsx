import type { AppDefinition, CalendarView as CalendarViewDoc, EntityDoc } from '@lattice/engine';
import { useState } from 'react';
import { errorMessage } from '../lib/error-message';
import { getLocale, useLocale } from '../lib/i18n';
import { recordTitle } from '../lib/record-titles';
import { navigate } from '../lib/router';
import { t } from '../lib/ui-text';
import { andFilters } from './filter-model';
import { monthGrid, monthRange } from './month-grid';
import { useRecordList } from './use-record-list';

const PER_DAY = 3;

/** A month calendar of records by the view's date field; records open their page. */
export function CalendarView(p: {
  app: string;
  definition: AppDefinition;
  entity: EntityDoc;
  view: CalendarViewDoc;
}) {
  useLocale();
  const today = new Date();
  const [cursor, setCursor] = useState({ year: today.getFullYear(), month: today.getMonth() });
  const [from, to] = monthRange(cursor.year, cursor.month);
  const v = { var: p.view.dateField };
  const list = useRecordList(p.app, p.entity.name, {
    filter: andFilters(p.view.filter, { and: [{ '>=': [v, from] }, { '<': [v, to] }] }),
    sort: [{ field: p.view.dateField, dir: 'asc' }],
    q: '',
    limit: 200,
  });
  const byDay = new Map<string, typeof list.items>();
  for (const r of list.items) {
    const day = String(r[p.view.dateField] ?? '').slice(0, 10);
    byDay.set(day, [...(byDay.get(day) ?? []), r]);
  }
  const todayIso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  const move = (delta: number) =>
    setCursor((c) => {
      const d = new Date(c.year, c.month + delta, 1);
      return { year: d.getFullYear(), month: d.getMonth() };
    });
  const monthTitle = new Date(cursor.year, cursor.month, 1).toLocaleDateString(getLocale(), {
    year: 'numeric',
    month: 'long',
  });
  const weekdays = Array.from({ length: 7 }, (_, i) =>
    new Date(Date.UTC(2024, 0, 1 + i)).toLocaleDateString(getLocale(), { weekday: 'short', timeZone: 'UTC' }),
  );
  return (
    <div className="rt-calendar" data-testid="calendar-view">
      <div className="lt-toolbar">
        <button type="button" className="lt-btn" aria-label={t('prevMonth')} onClick={() => move(-1)}>
          ‹
        </button>
        <strong className="rt-month">{monthTitle}</strong>
        <button type="button" className="lt-btn" aria-label={t('nextMonth')} onClick={() => move(1)}>
          ›
        </button>
        <button
          type="button"
          className="lt-btn"
          onClick={() => setCursor({ year: today.getFullYear(), month: today.getMonth() })}
        >
          {t('today')}
        </button>
        {list.loading && <span className="lt-muted">{t('loading')}</span>}
      </div>
      {list.error !== null && <div className="lt-error-banner">{errorMessage(list.error)}</div>}
      <div className="rt-cal-grid lt-card">
        {weekdays.map((w) => (
          <div key={w} className="rt-cal-head">
            {w}
          </div>
        ))}
        {monthGrid(cursor.year, cursor.month).map((day) => {
          const records = byDay.get(day) ?? [];
          const outside = day.slice(0, 7) !== from.slice(0, 7);
          return (
            <div
              key={day}
              className={`rt-cal-day${outside ? ' rt-outside' : ''}${day === todayIso ? ' rt-today' : ''}`}
            >
              <span className="rt-cal-num">{Number(day.slice(8))}</span>
              {records.slice(0, PER_DAY).map((r) => (
                <button
                  key={r.id}
                  type="button"
                  className="rt-cal-item"
                  onClick={() => navigate(`/apps/${p.app}/e/${p.entity.name}/r/${r.id}`)}
                >
                  {recordTitle(p.entity, r)}
                </button>
              ))}
              {records.length > PER_DAY && (
                <span className="lt-muted rt-cal-more">{t('more', { n: records.length - PER_DAY })}</span>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
