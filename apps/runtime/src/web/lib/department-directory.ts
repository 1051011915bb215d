import { departmentPath, type LookupOption, type OrgUnit, type PickerSource } from '@lattice/form-builder';
import { useEffect, useState } from 'react';
import { api } from './api';
import { getLocale } from './i18n';

/** A department as the directory lists them (a tree by `parent`). */
export type DirectoryDepartment = OrgUnit;

let loaded: Promise<DirectoryDepartment[]> | null = null;
let byCode = new Map<string, DirectoryDepartment>();

/** Loads the department tree once per page load (`GET /api/directory/departments`). */
export function loadDepartments(): Promise<DirectoryDepartment[]> {
  loaded ??= api<DirectoryDepartment[]>('GET', '/api/directory/departments').then(
    (list) => {
      byCode = new Map(list.map((d) => [d.code, d] as const));
      return list;
    },
    () => [],
  );
  return loaded;
}

/** The departments (empty until they arrive); re-renders the caller once they do. */
export function useDepartments(): DirectoryDepartment[] {
  const [list, setList] = useState<DirectoryDepartment[]>([]);
  useEffect(() => {
    let live = true;
    loadDepartments().then((d) => live && setList(d));
    return () => {
      live = false;
    };
  }, []);
  return list;
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
