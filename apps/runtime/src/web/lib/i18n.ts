// The studio and the runtime share one UI-language store (packages/form-builder/src/i18n/ui-locale.ts).
export {
  createTranslator,
  getLocale,
  label,
  setLocale,
  type UiLocale,
  useLocale,
} from '@lattice/form-builder';
