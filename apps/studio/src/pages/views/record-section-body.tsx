import type { AppDefinition, EntityDoc, KpiCard, RecordPageSection } from '@lattice/engine';
import { DATE_FIELD_TYPES, documentsOfKind, NUMERIC_FIELD_TYPES } from '@lattice/engine';
import { label } from '../../lib/i18n';
import { t } from '../../lib/studio-text';
import { draftEntity } from '../../model/draft-edits';
import { referencesTo } from '../../model/record-page-edits';
import { NumberProp, SelectProp } from '../entity/number-prop';

type Props<S> = {
  section: S;
  entity: EntityDoc;
  draft: AppDefinition;
  onChange: (s: RecordPageSection) => void;
};

const refKey = (entity: string, via: string) => `${entity}.${via}`;

function refOptions(draft: AppDefinition, entity: string) {
  return referencesTo(draft, entity).map((r) => ({
    value: refKey(r.child.name, r.via),
    label: `${label(r.child.label)} · ${label(r.child.fields.find((f) => f.name === r.via)?.label) || r.via}`,
  }));
}

/** Settings of a related list: which child records (entity · reference), columns, row limit. */
export function RelatedBody(p: Props<Extract<RecordPageSection, { type: 'related' }>>) {
  const { section: s } = p;
  const child = draftEntity(p.draft, s.entity);
  return (
    <>
      <SelectProp
        name="related"
        label={t('relatedVia')}
        value={refKey(s.entity, s.via)}
        options={refOptions(p.draft, p.entity.name)}
        onChange={(v) => {
          const [entity, via] = v.split('.');
          const next = draftEntity(p.draft, entity!);
          p.onChange({ ...s, entity: entity!, via: via!, columns: next ? [next.titleField] : [] });
        }}
      />
      <div className="st-row" data-prop="related-columns">
        {child?.fields
          .filter((f) => f.name !== s.via)
          .map((f) => (
            <label key={f.name} className="st-check">
              <input
                type="checkbox"
                checked={s.columns.includes(f.name)}
                onChange={(e) =>
                  p.onChange({
                    ...s,
                    columns: e.target.checked
                      ? [...s.columns, f.name]
                      : s.columns.filter((c) => c !== f.name),
                  })
                }
              />
              {label(f.label) || f.name}
            </label>
          ))}
      </div>
      <NumberProp
        name="limit"
        label={t('limit')}
        value={s.limit}
        onChange={(limit) => p.onChange({ ...s, limit })}
      />
    </>
  );
}

/** KPI cards: each a field of this record or an aggregate over related records. */
export function KpisBody(p: Props<Extract<RecordPageSection, { type: 'kpis' }>>) {
  const { section: s } = p;
  const refs = refOptions(p.draft, p.entity.name);
  const setCard = (i: number, card: KpiCard) =>
    p.onChange({ ...s, cards: s.cards.map((c, j) => (j === i ? card : c)) });
  return (
    <>
      {s.cards.map((card, i) => {
        const source = card.related ? refKey(card.related.entity, card.related.via) : '';
        const child = card.related ? draftEntity(p.draft, card.related.entity) : undefined;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: cards have no id; their fields are being edited
          <div className="st-row" key={i} data-kpi={i}>
            <label className="st-field" style={{ flex: 1, minWidth: 100 }}>
              {t('labelZh')}
              <input
                className="lt-input"
                value={card.label.zh}
                onChange={(e) => setCard(i, { ...card, label: { ...card.label, zh: e.target.value } })}
              />
            </label>
            <label className="st-field" style={{ flex: 1, minWidth: 100 }}>
              {t('labelEn')}
              <input
                className="lt-input"
                value={card.label.en}
                onChange={(e) => setCard(i, { ...card, label: { ...card.label, en: e.target.value } })}
              />
            </label>
            <SelectProp
              name={`cards.${i}.source`}
              label={t('kpiSource')}
              value={source}
              options={[{ value: '', label: t('kpiOwnField') }, ...refs]}
              onChange={(v) => {
                if (!v) {
                  const { related: _drop, ...own } = card;
                  setCard(i, {
                    ...own,
                    field:
                      p.entity.fields.find((f) => NUMERIC_FIELD_TYPES.includes(f.type))?.name ??
                      p.entity.titleField,
                  });
                  return;
                }
                const [entity, via] = v.split('.');
                const { field: _drop, ...rest } = card;
                setCard(i, { ...rest, related: { entity: entity!, via: via!, aggregate: 'count' } });
              }}
            />
            {card.related ? (
              <>
                <SelectProp
                  name={`cards.${i}.aggregate`}
                  label={t('aggregate')}
                  value={card.related.aggregate}
                  options={['count', 'sum', 'avg', 'min', 'max'].map((a) => ({ value: a, label: a }))}
                  onChange={(a) =>
                    setCard(i, {
                      ...card,
                      related: {
                        ...card.related!,
                        aggregate: a as NonNullable<KpiCard['related']>['aggregate'],
                      },
                    })
                  }
                />
                {card.related.aggregate !== 'count' && (
                  <SelectProp
                    name={`cards.${i}.measure`}
                    label={t('measure')}
                    value={card.related.measure ?? ''}
                    placeholder={t('choose')}
                    options={(child?.fields ?? [])
                      .filter((f) => NUMERIC_FIELD_TYPES.includes(f.type))
                      .map((f) => ({ value: f.name, label: label(f.label) }))}
                    onChange={(measure) =>
                      setCard(i, { ...card, related: { ...card.related!, measure: measure || undefined } })
                    }
                  />
                )}
              </>
            ) : (
              <SelectProp
                name={`cards.${i}.field`}
                label={t('fieldsTab')}
                value={card.field ?? ''}
                options={p.entity.fields.map((f) => ({ value: f.name, label: label(f.label) || f.name }))}
                onChange={(field) => setCard(i, { ...card, field })}
              />
            )}
            <SelectProp
              name={`cards.${i}.format`}
              label={t('format')}
              value={card.format ?? 'number'}
              options={['number', 'currency', 'percent', 'text'].map((f) => ({ value: f, label: f }))}
              onChange={(format) => setCard(i, { ...card, format: format as KpiCard['format'] })}
            />
            <button
              type="button"
              className="lt-btn"
              aria-label={t('remove')}
              onClick={() => p.onChange({ ...s, cards: s.cards.filter((_, j) => j !== i) })}
            >
              ×
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="lt-btn"
        data-action="add-kpi"
        onClick={() =>
          p.onChange({
            ...s,
            cards: [
              ...s.cards,
              { label: { zh: '指标', en: 'KPI' }, field: p.entity.titleField, format: 'text' },
            ],
          })
        }
      >
        + {t('addKpi')}
      </button>
    </>
  );
}

/** Timeline sources: child records (entity · reference) placed by a date field and titled by a field. */
export function TimelineBody(p: Props<Extract<RecordPageSection, { type: 'timeline' }>>) {
  const { section: s } = p;
  const refs = refOptions(p.draft, p.entity.name);
  type Source = (typeof s.sources)[number];
  const setSource = (i: number, src: Source) =>
    p.onChange({ ...s, sources: s.sources.map((x, j) => (j === i ? src : x)) });
  return (
    <>
      {s.sources.map((src, i) => {
        const child = draftEntity(p.draft, src.entity);
        const fields = child?.fields ?? [];
        return (
          <div className="st-row" key={refKey(src.entity, src.via)}>
            <SelectProp
              name={`sources.${i}.ref`}
              label={t('relatedVia')}
              value={refKey(src.entity, src.via)}
              options={refs}
              onChange={(v) => {
                const [entity, via] = v.split('.');
                const next = draftEntity(p.draft, entity!);
                const dateField =
                  next?.fields.find((f) => DATE_FIELD_TYPES.includes(f.type))?.name ?? 'created_at';
                setSource(i, { entity: entity!, via: via!, dateField, titleField: next?.titleField ?? '' });
              }}
            />
            <SelectProp
              name={`sources.${i}.dateField`}
              label={t('dateField')}
              value={src.dateField}
              options={[
                ...fields
                  .filter((f) => DATE_FIELD_TYPES.includes(f.type))
                  .map((f) => ({ value: f.name, label: label(f.label) })),
                { value: 'created_at', label: 'created_at' },
              ]}
              onChange={(dateField) => setSource(i, { ...src, dateField })}
            />
            <SelectProp
              name={`sources.${i}.titleField`}
              label={t('titleField')}
              value={src.titleField}
              options={fields.map((f) => ({ value: f.name, label: label(f.label) || f.name }))}
              onChange={(titleField) => setSource(i, { ...src, titleField })}
            />
            <button
              type="button"
              className="lt-btn"
              aria-label={t('remove')}
              onClick={() => p.onChange({ ...s, sources: s.sources.filter((_, j) => j !== i) })}
            >
              ×
            </button>
          </div>
        );
      })}
      {refs.length > 0 && (
        <button
          type="button"
          className="lt-btn"
          onClick={() => {
            const first = referencesTo(p.draft, p.entity.name)[0]!;
            const dateField =
              first.child.fields.find((f) => DATE_FIELD_TYPES.includes(f.type))?.name ?? 'created_at';
            p.onChange({
              ...s,
              sources: [
                ...s.sources,
                { entity: first.child.name, via: first.via, dateField, titleField: first.child.titleField },
              ],
            });
          }}
        >
          + {t('addSource')}
        </button>
      )}
    </>
  );
}

/** A chart section: which report it shows (optionally filtered to this record through a reference). */
export function ChartBody(p: Props<Extract<RecordPageSection, { type: 'chart' }>>) {
  const reports = documentsOfKind(p.draft, 'report');
  return (
    <SelectProp
      name="report"
      label={t('report')}
      value={p.section.report}
      options={reports.map((r) => ({ value: r.name, label: label(r.label) || r.name }))}
      onChange={(report) => p.onChange({ ...p.section, report })}
    />
  );
}
