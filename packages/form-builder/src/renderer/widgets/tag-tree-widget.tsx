import type { TagNode, TagsField } from '@lattice/engine';
import { pickText } from '@lattice/engine';
import type { WidgetProps } from './widget-props';

/** Every tag value in the tree, depth first (checkbox order). */
export function flattenTags(nodes: readonly TagNode[]): string[] {
  return nodes.flatMap((n) => [n.value, ...flattenTags(n.children ?? [])]);
}

/** A multi-level tag tree as nested checkboxes; the value is the list of checked tag values. */
export function TagTreeWidget(p: WidgetProps<TagsField>) {
  const selected = new Set(Array.isArray(p.value) ? (p.value as string[]) : []);
  const order = flattenTags(p.field.tree);
  const toggle = (value: string) => {
    if (selected.has(value)) selected.delete(value);
    else selected.add(value);
    const next = order.filter((v) => selected.has(v));
    p.onChange(next.length === 0 ? null : next);
  };
  const renderNodes = (nodes: readonly TagNode[]) => (
    <ul className="lf-tagtree">
      {nodes.map((n) => (
        <li key={n.value}>
          <label className="lf-check">
            <input
              type="checkbox"
              checked={selected.has(n.value)}
              disabled={p.readonly}
              onChange={() => toggle(n.value)}
            />
            <span>{pickText(n.label, p.locale)}</span>
          </label>
          {n.children && n.children.length > 0 && renderNodes(n.children)}
        </li>
      ))}
    </ul>
  );
  return (
    <div id={p.inputId} role="group" aria-invalid={p.invalid}>
      {renderNodes(p.field.tree)}
    </div>
  );
}
