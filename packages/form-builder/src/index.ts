/**
 * @lattice/form-builder — form schema helpers, the metadata-driven form renderer and the drag-and-drop
 * form designer (React 19, @dnd-kit). No app-specific code: hosts pass data sources as props.
 */

// schema
/** The engine's default form (one two-column section), re-exported for hosts that only use the form builder. */
export { defaultFormForEntity } from '@lattice/engine';
export type { ConditionBuilderProps } from './conditions/condition-builder';
export { ConditionBuilder } from './conditions/condition-builder';
// conditions (JsonLogic condition builder model)
export type {
  ConditionGroup,
  ConditionNode,
  ConditionOperator,
  ConditionRow,
  ConditionValue,
} from './conditions/condition-model';
export { CONDITION_OPERATORS, operatorsForFieldType, UNARY_OPERATORS } from './conditions/condition-model';
export { conditionToJsonLogic } from './conditions/condition-to-json-logic';
export { jsonLogicToCondition } from './conditions/json-logic-to-condition';
// designer
export type { DesignerDragData, DesignerDropData, DropTarget } from './designer/designer-dnd';
export {
  designerCollisionDetection,
  designerKeyboardCoordinates,
  resolveDesignerDrop,
  sectionDropId,
  tabDropId,
  useDesignerSensors,
} from './designer/designer-dnd';
export type { DesignerAction, DesignerState } from './designer/designer-state';
export { initDesignerState, nextFormId, UNDO_LIMIT } from './designer/designer-state';
export type { FieldListDesignerProps } from './designer/field-list-designer';
export { FieldListDesigner, resolveFieldListDrop } from './designer/field-list-designer';
export type { FieldPaletteProps } from './designer/field-palette';
export { FieldPalette } from './designer/field-palette';
export { FIELD_TYPE_GROUPS, FIELD_TYPE_META } from './designer/field-type-meta';
export type { FormCanvasProps } from './designer/form-canvas';
export { FormCanvas } from './designer/form-canvas';
export type { FormDesignerProps } from './designer/form-designer';
export { FormDesigner } from './designer/form-designer';
export { formDesignerReducer } from './designer/form-designer-reducer';
export { JsonLogicInput } from './designer/json-logic-input';
export { OptionsEditor } from './designer/options-editor';
export type { PropertyPanelProps } from './designer/property-panel';
export { PropertyPanel } from './designer/property-panel';
export { ValidationsEditor } from './designer/validations-editor';
export { UndoRedoButtons } from './history/undo-redo-buttons';
export type { UndoStacks } from './history/undo-stacks';
export { emptyUndoStacks, pushUndo, redoStep, undoRedoKey, undoStep } from './history/undo-stacks';
export type { UndoHistory } from './history/use-undo-history';
export { useUndoHistory } from './history/use-undo-history';
export type { FormTextKey } from './i18n/form-text';
export { formMessage, formText } from './i18n/form-text';
export { createTranslator, getLocale, label, setLocale, type UiLocale, useLocale } from './i18n/ui-locale';
// live form logic
export type { ComputedValues, ComputeOptions } from './logic/apply-computed-values';
export { applyComputedValues } from './logic/apply-computed-values';
export type { FormState, ItemState, LogicContext } from './logic/evaluate-form-state';
export { evaluateFormState, logicData } from './logic/evaluate-form-state';
export { compileLogic, evaluateLogic, isTruthy } from './logic/evaluate-logic';
export { fieldByName, formItems, isEmptyValue } from './logic/form-items';
export type { ValidateFormOptions } from './logic/validate-form-values';
export { validateFormValues } from './logic/validate-form-values';
export type { OrgUnit } from './renderer/department-options';
export { departmentOptions, departmentPath } from './renderer/department-options';
// renderer
export type { FormFieldCellProps } from './renderer/form-field-cell';
export { FormFieldCell } from './renderer/form-field-cell';
export type { FormRendererProps } from './renderer/form-renderer';
export { FormRenderer } from './renderer/form-renderer';
export type {
  FormServices,
  LookupOption,
  LookupSource,
  PickerSource,
  Uploader,
} from './renderer/form-services';
export { pickerFunctions } from './renderer/form-services';
export { formatDisplayValue } from './renderer/format-display-value';
export { resolveWidget } from './renderer/resolve-widget';
export type { FieldErrorInput } from './renderer/server-errors-by-field';
export { serverErrorsByField } from './renderer/server-errors-by-field';
export { formatNumber, parseNumberInput } from './renderer/widgets/parse-number-input';
export type { SignaturePadProps } from './renderer/widgets/signature-widget';
export { SignaturePad } from './renderer/widgets/signature-widget';
export { allowedStages } from './renderer/widgets/stage-widget';
export type { TypeAheadProps } from './renderer/widgets/type-ahead';
export { TYPE_AHEAD_DEBOUNCE_MS, TypeAhead } from './renderer/widgets/type-ahead';
export type { WidgetProps } from './renderer/widgets/widget-props';
export { validateForm } from './schema/validate-form';
export { widgetsForFieldType } from './schema/widgets-for-field-type';
// styles
export { FORM_BUILDER_CSS } from './styles/form-builder-css';
export { FormBuilderStyles } from './styles/form-builder-styles';
