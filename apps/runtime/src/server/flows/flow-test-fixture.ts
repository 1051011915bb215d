import type { AppDefinition, FlowDoc } from '@lattice/engine';
import { sql } from 'kysely';
import type { TestServer } from '../testing/test-server';

/**
 * A customer flow over the built-in demo app: tier A takes the green channel (finance alone); otherwise
 * risk + finance countersign (industry stays editable; escalate after 2 h), then any sales rep, then a CC
 * to the owner.
 */
export const TEST_FLOW: FlowDoc = {
  kind: 'flow',
  schemaVersion: 1,
  name: 'admission',
  label: { zh: '新客户准入', en: 'Admission' },
  entity: 'customer',
  nodes: [
    { type: 'start', id: 'start', next: 'route' },
    {
      type: 'condition',
      id: 'route',
      label: { zh: '战略客户？', en: 'Strategic?' },
      branches: [
        { when: { '==': [{ var: 'tier' }, 'A'] }, next: 'green', label: { zh: '绿色通道', en: 'Green' } },
      ],
      otherwise: 'countersign',
    },
    {
      type: 'approval',
      id: 'green',
      label: { zh: '绿色通道', en: 'Green channel' },
      mode: 'single',
      approvers: [{ type: 'user', user: 'finance' }],
      next: 'end',
    },
    {
      type: 'approval',
      id: 'countersign',
      label: { zh: '风控财务会签', en: 'Risk and finance countersign' },
      mode: 'countersign',
      approvers: [
        { type: 'role', role: 'risk' },
        { type: 'role', role: 'finance' },
      ],
      editableFields: ['industry'],
      timeout: { after: { hours: 2 }, action: 'escalate' },
      next: 'sales',
    },
    {
      type: 'approval',
      id: 'sales',
      label: { zh: '销售或签', en: 'Any sales rep' },
      mode: 'anysign',
      approvers: [{ type: 'role', role: 'sales' }],
      next: 'cc',
    },
    {
      type: 'cc',
      id: 'cc',
      label: { zh: '抄送负责人', en: 'CC owner' },
      to: [{ type: 'field', field: 'owner' }],
      next: 'end',
    },
    { type: 'end', id: 'end' },
  ],
};

/** Publishes {@link TEST_FLOW} into the test server's `mfg-crm` app and makes `analyst` head of sales_east. */
export async function installTestFlow(s: TestServer): Promise<void> {
  const admin = await s.login('admin');
  const draft = (await s.call('GET', '/api/apps/mfg-crm/draft', { token: admin })).json<AppDefinition>();
  draft.documents = [
    ...draft.documents.filter((d) => !(d.kind === 'flow' && d.name === 'admission')),
    TEST_FLOW,
  ];
  const saved = await s.call('PUT', '/api/apps/mfg-crm/draft', { token: admin, body: draft });
  if (saved.statusCode >= 300) throw new Error(`save draft: ${saved.body}`);
  const published = await s.call('POST', '/api/apps/mfg-crm/publish', {
    token: admin,
    body: { confirmLossy: true },
  });
  if (published.statusCode >= 300) throw new Error(`publish: ${published.body}`);
  await sql`update lattice.users set manager_id = (select id from lattice.users where username = 'analyst')
    where username = 'sales_east'`.execute(s.db.kysely);
}
