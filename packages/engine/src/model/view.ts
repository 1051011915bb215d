import type { I18nText } from './i18n-text';
import type { JsonLogic } from './json-logic';

export interface SortSpec {
  field: string;
  dir: 'asc' | 'desc';
}

interface ViewBase<T extends string> {
  kind: 'view';
  schemaVersion: number;
  type: T;
  name: string;
  entity: string;
  label: I18nText;
  /** Query filter (JsonLogic subset) always applied by this view. */
  filter?: JsonLogic;
  sort?: SortSpec[];
}

export type ListView = ViewBase<'list'> & { columns: string[]; pageSize?: number };
export type KanbanView = ViewBase<'kanban'> & { stageField: string; cardFields: string[] };
export type CalendarView = ViewBase<'calendar'> & { dateField: string; endField?: string };

export interface KpiCard {
  label: I18nText;
  /** A field of the record shown as a KPI (e.g. risk_grade)… */
  field?: string;
  /** …or an aggregate over a related entity. */
  related?: {
    entity: string;
    via: string;
    aggregate: 'count' | 'sum' | 'avg' | 'min' | 'max';
    measure?: string;
    /** Only the related records matching it count, e.g. open opportunities (JsonLogic query subset). */
    filter?: JsonLogic;
  };
  format?: 'number' | 'currency' | 'percent' | 'text';
}

/** A section of a record (360) page; `type` discriminates. */
export type RecordPageSection =
  | { type: 'fields'; id: string; title: I18nText; fields: string[]; columns?: number }
  | { type: 'kpis'; id: string; title: I18nText; cards: KpiCard[] }
  | {
      type: 'related';
      id: string;
      title: I18nText;
      entity: string;
      /** Reference field on the related entity pointing at this record. */
      via: string;
      columns: string[];
      sort?: SortSpec[];
      filter?: JsonLogic;
      limit?: number;
    }
  | {
      type: 'timeline';
      id: string;
      title: I18nText;
      sources: { entity: string; via: string; dateField: string; titleField: string }[];
    }
  | {
      type: 'chart';
      id: string;
      title: I18nText;
      report: string;
      /** Reference field on the report's entity pointing at this record; the chart is filtered to it. */
      via?: string;
    }
  | { type: 'history'; id: string; title: I18nText }
  | { type: 'approvals'; id: string; title: I18nText };

export type RecordPageView = ViewBase<'record'> & { sections: RecordPageSection[] };

export type ViewDoc = ListView | KanbanView | CalendarView | RecordPageView;
