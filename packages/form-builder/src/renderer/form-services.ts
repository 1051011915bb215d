import type { FileRef } from '@lattice/engine';

/** One choice in a type-ahead picker: a record, a user or a department. */
export interface LookupOption {
  id: string;
  title: string;
  subtitle?: string;
}

/** Searches records of another entity for reference fields (the host calls its records API). */
export interface LookupSource {
  /** Records of `entity` matching `q` (empty q = recent/first records). */
  search(entity: string, q: string): Promise<LookupOption[]>;
  /** Title of one record, to show the current value of a reference field. */
  resolve?(entity: string, id: string): Promise<LookupOption | null>;
}

/** Users or departments: a fixed list, or callbacks to a directory service. */
export type PickerSource =
  | readonly LookupOption[]
  | { search(q: string): Promise<LookupOption[]>; resolve?(id: string): Promise<LookupOption | null> };

/** Stores files for file/image fields. */
export interface Uploader {
  /** Stores `file` for the file/image field `target.field` (hosts check the field's rules server-side). */
  upload(file: File, target: { field: string }): Promise<FileRef>;
  /** URL to show or download a stored file (image thumbnails need it). */
  urlFor?(ref: FileRef): string;
}

/** Everything widgets need from the host app, passed once to the renderer. */
export interface FormServices {
  lookup?: LookupSource;
  uploader?: Uploader;
  users?: PickerSource;
  departments?: PickerSource;
  /** The signed-in user: author of new private notes and `$user` in expressions. */
  currentUser?: { id: string; name?: string; [key: string]: unknown };
  /** Clock for note timestamps; injected so tests are deterministic. */
  now?: () => Date;
  /** The stored record before this edit: stage transitions are checked against its stage. */
  existing?: Record<string, unknown>;
}

/** Turns a picker source into search/resolve functions. */
export function pickerFunctions(source: PickerSource | undefined): {
  search: (q: string) => Promise<LookupOption[]>;
  resolve: (id: string) => Promise<LookupOption | null>;
} {
  if (!source) return { search: async () => [], resolve: async () => null };
  if (isList(source)) {
    const list = source;
    return {
      search: async (q) => {
        const needle = q.trim().toLowerCase();
        return list
          .filter((o) => !needle || `${o.title} ${o.subtitle ?? ''} ${o.id}`.toLowerCase().includes(needle))
          .slice(0, 20);
      },
      resolve: async (id) => list.find((o) => o.id === id) ?? null,
    };
  }
  const { search, resolve } = source;
  return { search: (q) => search(q), resolve: resolve ? (id) => resolve(id) : async () => null };
}

function isList(source: PickerSource): source is readonly LookupOption[] {
  return Array.isArray(source);
}
