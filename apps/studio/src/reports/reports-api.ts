import type { Dataset } from '@lattice/engine';
import type { DatasetResult } from '@lattice/report-engine';
import { api } from '../lib/api';

/** Runs an unsaved dataset on the app's published data (the designer's live preview). */
export function previewDataset(app: string, dataset: Dataset): Promise<DatasetResult> {
  return api<DatasetResult>('POST', `/api/apps/${app}/datasets/run`, { dataset });
}
