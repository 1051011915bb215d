import type { AppDefinition, EntityDoc, RecordPageSection } from '@lattice/engine';
import type { ComponentType } from 'react';
import { RecordApprovalsSection, SubmitForApprovalAction } from '../approvals/record-approvals';
import type { RecordData } from '../lib/records-api';
import { RuleButtonsAction } from '../rules/rule-buttons';

/** What a record page extension receives. `reload` re-reads the record (after an approval action, say). */
export interface RecordExtensionProps {
  app: string;
  definition: AppDefinition;
  entity: EntityDoc;
  record: RecordData;
  reload: () => void;
}

/**
 * Record-page extension points for other areas (one line each, like routes.tsx):
 * - `sections.approvals` draws a record view's `approvals` section (hidden while unset);
 * - `actions` are extra header buttons (e.g. "submit for approval", a rule's manual button).
 */
export const RECORD_EXTENSIONS: {
  sections: Partial<
    Record<
      'approvals',
      ComponentType<RecordExtensionProps & { section: Extract<RecordPageSection, { type: 'approvals' }> }>
    >
  >;
  actions: ComponentType<RecordExtensionProps>[];
} = {
  sections: { approvals: RecordApprovalsSection },
  actions: [SubmitForApprovalAction, RuleButtonsAction],
};
