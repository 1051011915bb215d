import { departmentPath, type LookupOption, type OrgUnit, type PickerSource } from '@lattice/form-builder';
import { directoryList, useDirectoryList } from './directory-list';
import { getLocale } from './i18n';

/** A department as the directory lists them (a tree by `parent`). */
export type DirectoryDepartment = OrgUnit;

let byCode = new Map<string, DirectoryDepartment>();

/** Loads the department tree once per page load (`GET /api/directory/departments`). */
export const loadDepartments = directoryList<DirectoryDepartment>('/api/directory/departments', (list) => {
  byCode = new Map(list.map((d) => [d.code, d] as const));
});

/** The departments (empty until they arrive); re-renders the caller once they do. */
export function useDepartments(): DirectoryDepartment[] {
  return useDirectoryList(loadDepartments);
}

/** `销售部 / 华东组` for a department code, or the code itself while unknown (not loaded, deleted). */
export function departmentName(code: string | null | undefined): string {
  if (!code) return '';
  const names = departmentPath(code, byCode, getLocale());
  return names.length > 0 ? names.join(' / ') : code;
}

function toOption(d: DirectoryDepartment): LookupOption {
  return { id: d.code, title: departmentName(d.code), subtitle: d.code };
}

/** The department picker over the directory: matches the path, either language, or the code. */
export const departmentPicker: PickerSource = {
  async search(q) {
    const needle = q.trim().toLowerCase();
    return (await loadDepartments())
      .map((d) => ({ d, text: `${departmentName(d.code)} ${d.name.zh} ${d.name.en} ${d.code}` }))
      .filter(({ text }) => !needle || text.toLowerCase().includes(needle))
      .map(({ d }) => toOption(d))
      .sort((a, b) => a.title.localeCompare(b.title))
      .slice(0, 20);
  },
  async resolve(code) {
    await loadDepartments();
    const d = byCode.get(code);
    return d ? toOption(d) : null;
  },
};
