/**
 * @lattice/form-builder — form schema helpers, the metadata-driven form renderer and the drag-and-drop
 * form designer (React 19, @dnd-kit). No app-specific code: hosts pass data sources as props.
 */

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
// designer state
export type { DesignerAction, DesignerState } from './designer/designer-state';
export { initDesignerState, nextFormId, UNDO_LIMIT } from './designer/designer-state';
export { formDesignerReducer } from './designer/form-designer-reducer';
export type { FormTextKey } from './i18n/form-text';
export { formMessage, formText } from './i18n/form-text';
// live form logic
export type { ComputedValues, ComputeOptions } from './logic/apply-computed-values';
export { applyComputedValues } from './logic/apply-computed-values';
export { checkFieldValue } from './logic/check-field-value';
export type { FormState, ItemState, LogicContext } from './logic/evaluate-form-state';
export { evaluateFormState, logicData } from './logic/evaluate-form-state';
export { compileLogic, evaluateLogic, isTruthy } from './logic/evaluate-logic';
export { fieldByName, formItems, isEmptyValue } from './logic/form-items';
export { validateFormValues } from './logic/validate-form-values';
// schema
export { defaultFormForEntity } from './schema/default-form-for-entity';
export { validateForm } from './schema/validate-form';
export { widgetsForFieldType } from './schema/widgets-for-field-type';
