import { FORM_BUILDER_CSS } from './form-builder-css';

/** Injects the form builder stylesheet; render once near the app root (React 19 hoists and dedupes it). */
export function FormBuilderStyles() {
  return (
    <style href="lattice-form-builder" precedence="default">
      {FORM_BUILDER_CSS}
    </style>
  );
}
