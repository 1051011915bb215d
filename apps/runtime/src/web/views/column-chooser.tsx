import type { EntityDoc } from '@lattice/engine';
import { fieldLabel } from '../components/field-value';
import { t } from '../lib/ui-text';

/** The column chooser popover: tick the columns to show; order follows the view, then the entity. */
export function ColumnChooser(p: {
  entity: EntityDoc;
  available: string[];
  value: string[];
  onChange: (columns: string[]) => void;
  onReset: () => void;
}) {
  return (
    <div className="rt-popover lt-card rt-columns" data-testid="column-chooser">
      <div className="rt-columns-list">
        {p.available.map((name) => (
          <label key={name} className="rt-check">
            <input
              type="checkbox"
              data-column={name}
              checked={p.value.includes(name)}
              onChange={(e) =>
                p.onChange(
                  e.target.checked
                    ? p.available.filter((n) => n === name || p.value.includes(n))
                    : p.value.filter((n) => n !== name),
                )
              }
            />
            {fieldLabel(p.entity, name)}
          </label>
        ))}
      </div>
      <button type="button" className="lt-btn" onClick={p.onReset}>
        {t('resetColumns')}
      </button>
    </div>
  );
}
