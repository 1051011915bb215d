/** @lattice/form-builder — form schema, renderer and drag-and-drop designer (React). */
export const FORM_BUILDER_VERSION = '0.1.0';
