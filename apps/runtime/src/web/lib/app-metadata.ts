import {
  type AppDefinition,
  defaultFormForEntity,
  defaultListView,
  defaultRecordPage,
  documentsOfKind,
  type EntityDoc,
  type FormDoc,
  type RecordPageView,
  type ViewDoc,
} from '@lattice/engine';

/** A view the user can switch to on an entity's page (list, kanban or calendar). */
export type BrowseView = Exclude<ViewDoc, RecordPageView>;

/** One entity in the navigation, with the views that browse it (first = default). */
export interface EntityNavItem {
  entity: EntityDoc;
  views: BrowseView[];
}

/**
 * The data navigation of an app: every entity that has at least one list/kanban/calendar view, in the
 * order the app lists its entities. Entities without views (line items…) are reached through related
 * lists. An app with no views at all still shows every entity, each with a generated list view.
 */
export function entityNav(app: Pick<AppDefinition, 'documents'>): EntityNavItem[] {
  const entities = documentsOfKind(app, 'entity');
  const views = documentsOfKind(app, 'view').filter((v): v is BrowseView => v.type !== 'record');
  if (views.length === 0) return entities.map((entity) => ({ entity, views: [defaultListView(entity)] }));
  return entities
    .map((entity) => ({ entity, views: sortViews(views.filter((v) => v.entity === entity.name)) }))
    .filter((item) => item.views.length > 0);
}

/** Lists first (unfiltered before filtered), then kanban, then calendar. */
function sortViews(views: BrowseView[]): BrowseView[] {
  const rank = (v: BrowseView) => (v.type === 'list' ? (v.filter ? 1 : 0) : v.type === 'kanban' ? 2 : 3);
  return [...views].sort((a, b) => rank(a) - rank(b));
}

/** The views of one entity (a generated list view when the app defines none). */
export function browseViewsFor(app: Pick<AppDefinition, 'documents'>, entity: EntityDoc): BrowseView[] {
  const views = documentsOfKind(app, 'view').filter(
    (v): v is BrowseView => v.type !== 'record' && v.entity === entity.name,
  );
  return views.length > 0 ? sortViews(views) : [defaultListView(entity)];
}

/** The record (360) page of an entity: the app's `record` view, else a generated one. */
export function recordPageFor(app: Pick<AppDefinition, 'documents'>, entity: EntityDoc): RecordPageView {
  const page = documentsOfKind(app, 'view').find(
    (v): v is RecordPageView => v.type === 'record' && v.entity === entity.name,
  );
  return page ?? defaultRecordPage(entity, app);
}

/** The form used to create and edit records of an entity: the app's form, else a generated one. */
export function formFor(app: Pick<AppDefinition, 'documents'>, entity: EntityDoc): FormDoc {
  return documentsOfKind(app, 'form').find((f) => f.entity === entity.name) ?? defaultFormForEntity(entity);
}
