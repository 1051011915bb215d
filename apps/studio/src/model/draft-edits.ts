import type {
  AppDefinition,
  AppDocument,
  EntityDoc,
  Field,
  FormDoc,
  RecordPageSection,
  ViewDoc,
} from '@lattice/engine';

/** Index of the document of `kind` named `name` (or of the form/view `entity`), -1 when absent. */
export function documentIndex(draft: AppDefinition, kind: AppDocument['kind'], name: string): number {
  return draft.documents.findIndex((d) => d.kind === kind && 'name' in d && d.name === name);
}

/** The entity named `name` in the draft. */
export function draftEntity(draft: AppDefinition, name: string): EntityDoc | undefined {
  return draft.documents.find((d): d is EntityDoc => d.kind === 'entity' && d.name === name);
}

/** The first form of an entity (the one the runtime uses), or undefined. */
export function entityForm(draft: AppDefinition, entity: string): FormDoc | undefined {
  return draft.documents.find((d): d is FormDoc => d.kind === 'form' && d.entity === entity);
}

/** Views of an entity in draft order. */
export function entityViews(draft: AppDefinition, entity: string): ViewDoc[] {
  return draft.documents.filter((d): d is ViewDoc => d.kind === 'view' && d.entity === entity);
}

/** Replaces `doc` (by identity) with `next`; appends `next` when `doc` is undefined. */
export function replaceDocument(draft: AppDefinition, doc: AppDocument | undefined, next: AppDocument) {
  if (!doc) return { ...draft, documents: [...draft.documents, next] };
  return { ...draft, documents: draft.documents.map((d) => (d === doc ? next : d)) };
}

/** Removes a document (by identity). */
export function removeDocument(draft: AppDefinition, doc: AppDocument): AppDefinition {
  return { ...draft, documents: draft.documents.filter((d) => d !== doc) };
}

/**
 * Adds `field` to `entityName` at `index`. When the entity already has a form, the field is appended to the
 * form's last section too, so it does not silently stay off the form.
 */
export function addField(
  draft: AppDefinition,
  entityName: string,
  field: Field,
  index: number,
  opts: { placeOnForm?: boolean } = {},
): AppDefinition {
  const entity = draftEntity(draft, entityName);
  if (!entity) return draft;
  const fields = [...entity.fields];
  fields.splice(Math.max(0, Math.min(index, fields.length)), 0, field);
  let next = replaceDocument(draft, entity, { ...entity, fields });
  const form = entityForm(next, entityName);
  const last = form?.sections.at(-1);
  if (
    opts.placeOnForm !== false &&
    form &&
    last &&
    !form.sections.some((s) => s.items.some((i) => i.field === field.name))
  ) {
    const itemId = uniqueItemId(form, field.name);
    next = replaceDocument(next, form, {
      ...form,
      sections: form.sections.map((s) =>
        s === last ? { ...s, items: [...s.items, { id: itemId, field: field.name }] } : s,
      ),
    });
  }
  return next;
}

function uniqueItemId(form: FormDoc, base: string): string {
  const taken = new Set(form.sections.flatMap((s) => s.items.map((i) => i.id)));
  let id = `i_${base}`;
  for (let n = 2; taken.has(id); n++) id = `i_${base}_${n}`;
  return id;
}

/** Moves a field to `toIndex` (final position). */
export function moveField(draft: AppDefinition, entityName: string, fieldId: string, toIndex: number) {
  const entity = draftEntity(draft, entityName);
  const from = entity?.fields.findIndex((f) => f.id === fieldId) ?? -1;
  if (!entity || from < 0) return draft;
  const fields = [...entity.fields];
  const [moved] = fields.splice(from, 1);
  fields.splice(toIndex, 0, moved!);
  return replaceDocument(draft, entity, { ...entity, fields });
}

/**
 * Replaces a field (matched by id). A changed name is carried into the entity's title field, forms and
 * views (and child sections on other record pages); a changed type resets the field's form widgets.
 */
export function updateField(draft: AppDefinition, entityName: string, field: Field): AppDefinition {
  const entity = draftEntity(draft, entityName);
  const old = entity?.fields.find((f) => f.id === field.id);
  if (!entity || !old) return draft;
  const renamed = old.name !== field.name;
  let next = replaceDocument(draft, entity, {
    ...entity,
    titleField: renamed && entity.titleField === old.name ? field.name : entity.titleField,
    fields: entity.fields.map((f) => (f.id === field.id ? field : f)),
  });
  if (renamed) next = mapFieldRefs(next, entityName, (n) => (n === old.name ? field.name : n));
  if (old.type !== field.type) next = resetWidgets(next, entityName, field.name);
  return next;
}

/** After a type change the form items of the field go back to the automatic widget. */
function resetWidgets(draft: AppDefinition, entityName: string, fieldName: string): AppDefinition {
  const documents = draft.documents.map((d): AppDocument => {
    if (d.kind !== 'form' || d.entity !== entityName) return d;
    return {
      ...d,
      sections: d.sections.map((s) => ({
        ...s,
        items: s.items.map((i) => {
          if (i.field !== fieldName || i.widget === undefined) return i;
          const { widget: _auto, ...rest } = i;
          return rest;
        }),
      })),
    };
  });
  return { ...draft, documents };
}

/**
 * Removes a field and every reference to it in the entity's forms and views (form items, columns, sorts,
 * kanban cards, record-page field groups). A title field moves to the first remaining field.
 */
export function removeField(draft: AppDefinition, entityName: string, fieldId: string): AppDefinition {
  const entity = draftEntity(draft, entityName);
  const old = entity?.fields.find((f) => f.id === fieldId);
  if (!entity || !old) return draft;
  const fields = entity.fields.filter((f) => f.id !== fieldId);
  const titleField = entity.titleField === old.name ? (fields[0]?.name ?? '') : entity.titleField;
  const next = replaceDocument(draft, entity, { ...entity, fields, titleField });
  return mapFieldRefs(next, entityName, (n) => (n === old.name ? null : n));
}

/** Rewrites (or drops, on null) field names in the forms and views of `entityName`. */
function mapFieldRefs(
  draft: AppDefinition,
  entityName: string,
  map: (name: string) => string | null,
): AppDefinition {
  const list = (names: readonly string[]) => names.map(map).filter((n): n is string => n !== null);
  const documents = draft.documents.map((d): AppDocument => {
    if (d.kind === 'form' && d.entity === entityName) {
      return {
        ...d,
        sections: d.sections.map((s) => ({
          ...s,
          items: s.items.flatMap((i) => {
            const name = map(i.field);
            return name === null ? [] : [{ ...i, field: name }];
          }),
        })),
      };
    }
    if (d.kind === 'view' && d.type === 'record' && d.entity !== entityName) {
      return { ...d, sections: d.sections.flatMap((sec) => mapChildSection(sec, entityName, map)) };
    }
    if (d.kind !== 'view' || d.entity !== entityName) return d;
    const sort = d.sort?.flatMap((s) => {
      const field = map(s.field);
      return field === null ? [] : [{ ...s, field }];
    });
    const base = { ...d, ...(sort ? { sort } : {}) };
    switch (base.type) {
      case 'list':
        return { ...base, columns: list(base.columns) };
      case 'kanban':
        return {
          ...base,
          stageField: map(base.stageField) ?? base.stageField,
          cardFields: list(base.cardFields),
        };
      case 'calendar':
        return { ...base, dateField: map(base.dateField) ?? base.dateField };
      case 'record':
        return {
          ...base,
          sections: base.sections.map(
            (s): RecordPageSection => (s.type === 'fields' ? { ...s, fields: list(s.fields) } : s),
          ),
        };
    }
    return base;
  });
  return { ...draft, documents };
}

/**
 * A section of ANOTHER entity's record page that lists records of `child` (related list, KPI over related
 * records, timeline source): rewrites the child's field names in it; a section that would lose its link
 * field (`via`) or a timeline source that would lose its date/title field is dropped.
 */
function mapChildSection(
  sec: RecordPageSection,
  child: string,
  map: (name: string) => string | null,
): RecordPageSection[] {
  const list = (names: readonly string[]) => names.map(map).filter((n): n is string => n !== null);
  switch (sec.type) {
    case 'related': {
      if (sec.entity !== child) return [sec];
      const via = map(sec.via);
      if (via === null) return [];
      const sort = sec.sort?.flatMap((x) => {
        const field = map(x.field);
        return field === null ? [] : [{ ...x, field }];
      });
      return [{ ...sec, via, columns: list(sec.columns), ...(sort ? { sort } : {}) }];
    }
    case 'kpis':
      return [
        {
          ...sec,
          cards: sec.cards.flatMap((c) => {
            if (c.related?.entity !== child) return [c];
            const via = map(c.related.via);
            const measure = c.related.measure === undefined ? undefined : map(c.related.measure);
            if (via === null || measure === null) return [];
            return [{ ...c, related: { ...c.related, via, ...(measure ? { measure } : {}) } }];
          }),
        },
      ];
    case 'timeline':
      return [
        {
          ...sec,
          sources: sec.sources.flatMap((src) => {
            if (src.entity !== child) return [src];
            const via = map(src.via);
            const dateField = map(src.dateField);
            const titleField = map(src.titleField);
            return via && dateField && titleField ? [{ ...src, via, dateField, titleField }] : [];
          }),
        },
      ];
    default:
      return [sec];
  }
}

/** The record page of `target` showing a related list of `child` records through `via`, if any. */
export function relatedListOn(draft: AppDefinition, target: string, child: string, via: string) {
  const page = entityViews(draft, target).find((v) => v.type === 'record');
  if (page?.type !== 'record') return { page: undefined, section: undefined };
  const section = page.sections.find((s) => s.type === 'related' && s.entity === child && s.via === via);
  return { page, section };
}

/**
 * Shows (or hides) the related list of `child` records (through reference field `via`) on the record page of
 * the reference's target, before its history/approvals sections.
 */
export function setRelatedList(
  draft: AppDefinition,
  child: EntityDoc,
  via: Field,
  show: boolean,
): AppDefinition {
  if (via.type !== 'reference') return draft;
  const { page, section } = relatedListOn(draft, via.target, child.name, via.name);
  if (page?.type !== 'record' || Boolean(section) === show) return draft;
  if (!show)
    return replaceDocument(draft, page, { ...page, sections: page.sections.filter((s) => s !== section) });
  const ids = new Set(page.sections.map((s) => s.id));
  let id = `related_${child.name}`;
  for (let n = 2; ids.has(id); n++) id = `related_${child.name}_${n}`;
  const columns = [
    child.titleField,
    ...child.fields
      .filter((f) => f.name !== child.titleField && f.name !== via.name)
      .slice(0, 3)
      .map((f) => f.name),
  ];
  const related: RecordPageSection = {
    type: 'related',
    id,
    title: child.label,
    entity: child.name,
    via: via.name,
    columns,
  };
  const at = page.sections.findIndex((s) => s.type === 'history' || s.type === 'approvals');
  const sections = [...page.sections];
  sections.splice(at < 0 ? sections.length : at, 0, related);
  return replaceDocument(draft, page, { ...page, sections });
}

/**
 * Removes an entity with its forms and views, and the related lists / KPIs / timeline sources of other
 * record pages that follow it. Refused (returns the names of the referring fields) while another entity
 * still has a reference or rollup to it.
 */
export function removeEntity(
  draft: AppDefinition,
  name: string,
): { draft: AppDefinition; blockedBy: [] } | { draft?: undefined; blockedBy: string[] } {
  const blockedBy = draft.documents.flatMap((d) =>
    d.kind === 'entity' && d.name !== name
      ? d.fields
          .filter(
            (f) =>
              (f.type === 'reference' && f.target === name) ||
              (f.type === 'rollup' && f.relation.entity === name),
          )
          .map((f) => `${d.name}.${f.name}`)
      : [],
  );
  if (blockedBy.length > 0) return { blockedBy };
  const documents = draft.documents.flatMap((d): AppDocument[] => {
    if (d.kind === 'entity' && d.name === name) return [];
    if ((d.kind === 'form' || d.kind === 'view') && d.entity === name) return [];
    if (d.kind === 'view' && d.type === 'record') {
      return [{ ...d, sections: d.sections.flatMap((s) => mapChildSection(s, name, () => null)) }];
    }
    if (d.kind === 'role' && name in d.entities) {
      const { [name]: _gone, ...entities } = d.entities;
      return [{ ...d, entities }];
    }
    return [d];
  });
  return { draft: { ...draft, documents }, blockedBy: [] };
}
