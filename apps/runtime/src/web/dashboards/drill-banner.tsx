import type { JsonLogic } from '@lattice/engine';
import { useMemo } from 'react';
import { useLocale } from '../lib/i18n';
import { navigate, usePath, useSearchParams } from '../lib/router';
import { dt } from './dashboard-text';
import { DRILL_PARAM, drillFilterFromSearch } from './drill-link';
import './dashboards.css';

/** The record filter a list page was opened with by a chart drill-down (`?filter=`), or null. */
export function useDrillFilter(): JsonLogic | null {
  const raw = useSearchParams().get(DRILL_PARAM);
  return useMemo(
    () => (raw ? drillFilterFromSearch(new URLSearchParams({ [DRILL_PARAM]: raw })) : null),
    [raw],
  );
}

/** Tells the user the list is narrowed by a report drill-down, with a button that drops the filter. */
export function DrillBanner() {
  useLocale();
  const path = usePath();
  const filter = useDrillFilter();
  if (!filter) return null;
  return (
    <div className="rt-drill-banner" data-testid="drill-banner">
      <span>⛃ {dt('drillBanner')}</span>
      <button type="button" className="lt-btn" data-action="clear-drill" onClick={() => navigate(path)}>
        {dt('clearDrill')}
      </button>
    </div>
  );
}
