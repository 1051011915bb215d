/** Joins dot-path segments, skipping empty ones: `joinPath('documents.3', 'fields', 2)` → `documents.3.fields.2`. */
export function joinPath(...segments: readonly (string | number)[]): string {
  return segments
    .map(String)
    .filter((s) => s !== '')
    .join('.');
}
