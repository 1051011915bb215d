import type { FormWidget } from '@lattice/engine';
import { assertNever } from '@lattice/engine';
import { resolveWidget } from './resolve-widget';
import { DateWidget } from './widgets/date-widget';
import { GeoWidget } from './widgets/geo-widget';
import { JsonWidget } from './widgets/json-widget';
import { LookupWidget } from './widgets/lookup-widget';
import { MultiSelectWidget } from './widgets/multiselect-widget';
import { NotesWidget } from './widgets/notes-widget';
import { NumberWidget } from './widgets/number-widget';
import { RatingWidget } from './widgets/rating-widget';
import { ReadonlyWidget } from './widgets/readonly-widget';
import { RichTextWidget } from './widgets/rich-text-widget';
import { SelectWidget } from './widgets/select-widget';
import { SignatureWidget } from './widgets/signature-widget';
import { StageWidget } from './widgets/stage-widget';
import { SwitchWidget } from './widgets/switch-widget';
import { TagTreeWidget } from './widgets/tag-tree-widget';
import { TextWidget } from './widgets/text-widget';
import { UploadWidget } from './widgets/upload-widget';
import type { WidgetProps } from './widgets/widget-props';

/**
 * Renders the widget for one field: the item's `widget` when it suits the field type, otherwise the
 * type's default (see `widgetsForFieldType`). Notes always use the notes widget.
 */
export function FieldWidget(p: WidgetProps) {
  const { field } = p;
  if (field.type === 'notes') return <NotesWidget {...p} />;
  const widget: Exclude<FormWidget, 'auto'> = resolveWidget(field, p.item);
  switch (widget) {
    case 'input':
      return <TextWidget {...p} />;
    case 'textarea':
      return <TextWidget {...p} multiline />;
    case 'richtext':
      return <RichTextWidget {...p} />;
    case 'number':
      return (
        <NumberWidget
          {...p}
          kind={field.type === 'integer' || field.type === 'rating' ? 'integer' : 'number'}
        />
      );
    case 'money':
      return <NumberWidget {...p} kind="currency" />;
    case 'percent':
      return <NumberWidget {...p} kind="percent" />;
    case 'date':
      return <DateWidget {...p} withTime={false} />;
    case 'datetime':
      return <DateWidget {...p} withTime />;
    case 'switch':
      return <SwitchWidget {...p} />;
    case 'checkbox':
      return field.type === 'multiselect' ? (
        <MultiSelectWidget {...p} options={field.options} />
      ) : (
        <SwitchWidget {...p} checkbox />
      );
    case 'select':
    case 'radio':
      return (
        <SelectWidget
          {...p}
          radio={widget === 'radio'}
          options={field.type === 'select' ? field.options : field.type === 'stage' ? field.stages : []}
        />
      );
    case 'multiselect':
      return <MultiSelectWidget {...p} options={field.type === 'multiselect' ? field.options : []} />;
    case 'lookup':
      return <LookupWidget {...p} source="reference" />;
    case 'user':
      return <LookupWidget {...p} source="user" />;
    case 'department':
      return <LookupWidget {...p} source="department" />;
    case 'upload':
      return <UploadWidget {...p} image={false} />;
    case 'image':
      return <UploadWidget {...p} image />;
    case 'geo':
      return <GeoWidget {...p} />;
    case 'rating':
      return <RatingWidget {...p} />;
    case 'tags':
      return field.type === 'tags' ? <TagTreeWidget {...p} field={field} /> : <ReadonlyWidget {...p} />;
    case 'stage':
      return field.type === 'stage' ? <StageWidget {...p} field={field} /> : <ReadonlyWidget {...p} />;
    case 'signature':
      return <SignatureWidget {...p} />;
    case 'json':
      return <JsonWidget {...p} />;
    case 'readonly':
      return <ReadonlyWidget {...p} />;
    default:
      return assertNever(widget, 'form widget');
  }
}
