import { DndContext, type DragEndEvent, useDraggable } from '@dnd-kit/core';
import type { ErrorDetail, FlowDoc } from '@lattice/engine';
import { documentsOfKind, findEntity } from '@lattice/engine';
import { validateFlow } from '@lattice/flow-engine';
import { useState } from 'react';
import { I18nInputs } from '../components/i18n-inputs';
import { useAppDraft } from '../lib/app-draft';
import { errorsByPath } from '../lib/errors-by-path';
import { label, useLocale } from '../lib/i18n';
import { navigate } from '../lib/router';
import { removeDocument } from '../model/draft-edits';
import { type CanvasActions, kindIcon, parseSlotId, STEP_KINDS, StepList } from './flow-canvas';
import { draggedStepId, flowAnnouncements, useFlowDnd } from './flow-dnd';
import {
  editSeq,
  fromFlowNodes,
  moveStep,
  newStep,
  type Step,
  type StepKind,
  stepId,
  toFlowNodes,
} from './flow-model';
import { ft } from './flow-text';
import { StepProperties } from './step-properties';
import './flows.css';

/**
 * The flow designer: a vertical flow from start to end; drag steps from the palette (or use "+") into
 * it, branch with conditions (ConditionBuilder over the record and the submitter) or parallel splits,
 * set approvers, mode, editable fields and timeouts on the selected step, validate with the engine's
 * graph checks (problems name the step), save the draft and publish.
 */
export function FlowDesignerPage(p: { appId: string; flow: string }) {
  useLocale();
  const { draft, update, errors, save, dirty } = useAppDraft();
  const [selected, setSelected] = useState<string | null>(null);
  const [checked, setChecked] = useState<ErrorDetail[] | null>(null);
  const dnd = useFlowDnd();
  if (!draft) return <div className="lt-page lt-muted">…</div>;
  const docIndex = draft.documents.findIndex((d) => d.kind === 'flow' && d.name === p.flow);
  const flow = documentsOfKind(draft, 'flow').find((f) => f.name === p.flow);
  const back = () => navigate(`/apps/${p.appId}/flows`);
  if (!flow) {
    return (
      <div className="lt-page">
        <p>{ft('notFound')}</p>
        <button type="button" className="lt-btn" onClick={back}>
          {ft('back')}
        </button>
      </div>
    );
  }
  const entity = findEntity(draft, flow.entity);
  const entities = documentsOfKind(draft, 'entity');
  const roles = documentsOfKind(draft, 'role').map((r) => r.name);
  const steps = fromFlowNodes(flow);
  const set = (next: FlowDoc) => {
    setChecked(null);
    update((d) => ({
      ...d,
      documents: d.documents.map((x) => (x.kind === 'flow' && x.name === p.flow ? next : x)),
    }));
  };
  const setSteps = (next: Step[]) => set({ ...flow, nodes: toFlowNodes(next) });

  const serverErrs = errorsByPath(errors, `documents.${docIndex}`);
  const problems = new Set<string>();
  for (const e of checked ?? []) {
    const m = /\(id: ([^)]+)\)/.exec(e.path);
    if (m) problems.add(m[1]!);
  }
  for (const path of Object.keys(serverErrs)) {
    const m = /^nodes\.(\d+)/.exec(path);
    const node = m ? flow.nodes[Number(m[1])] : undefined;
    if (node) problems.add(node.id);
  }

  const actions: CanvasActions | null = steps && {
    selected,
    problems,
    select: setSelected,
    insert(path, index, kind) {
      const step = newStep(kind, steps);
      setSteps(editSeq(steps, path, (seq) => [...seq.slice(0, index), step, ...seq.slice(index)]));
      setSelected(stepId(step));
    },
    remove(path, index) {
      setSteps(editSeq(steps, path, (seq) => seq.filter((_, i) => i !== index)));
    },
    move(path, index, by) {
      setSteps(
        editSeq(steps, path, (seq) => {
          const next = [...seq];
          const [s] = next.splice(index, 1);
          next.splice(index + by, 0, s!);
          return next;
        }),
      );
    },
  };

  const onDragEnd = (e: DragEndEvent) => {
    const slot = e.over ? parseSlotId(String(e.over.id)) : null;
    if (!slot || !steps || !actions) return;
    const moving = draggedStepId(e.active.id);
    if (moving) {
      const next = moveStep(steps, moving, slot.path, slot.index);
      if (next) {
        setSteps(next);
        setSelected(moving);
      }
      return;
    }
    const kind = String(e.active.id).replace(/^pal:/, '') as StepKind;
    if (STEP_KINDS.includes(kind)) actions.insert(slot.path, slot.index, kind);
  };

  const selectedStep = steps && selected ? findStep(steps, selected) : null;
  const nodeErrs = (id: string): Record<string, string> => {
    const i = flow.nodes.findIndex((n) => n.id === id);
    const out = errorsByPath(errors, `documents.${docIndex}.nodes.${i}`);
    // The engine's graph checks (here, or the server's on save) name the node: `nodes.3 (id: x).next`.
    const named = new RegExp(`^nodes\\.\\d+ \\(id: ${id}\\)\\.?(.*)$`);
    for (const e of checked ?? []) {
      const m = named.exec(e.path);
      if (m) out[m[1] || '_'] ??= label(e.message);
    }
    for (const [path, message] of Object.entries(serverErrs)) {
      const m = named.exec(path);
      if (m) out[m[1] || '_'] ??= message;
    }
    return out;
  };

  return (
    <div className="lt-page fd-page" data-testid="flow-designer">
      <div className="lt-toolbar" style={{ justifyContent: 'space-between' }}>
        <div>
          <a
            href={`/studio/apps/${p.appId}/flows`}
            onClick={(e) => {
              e.preventDefault();
              back();
            }}
          >
            ← {ft('back')}
          </a>
          <h1 style={{ margin: '4px 0 0' }}>
            {label(flow.label) || flow.name} <code className="st-code">{flow.name}</code>
          </h1>
        </div>
        <div className="st-row">
          <button
            type="button"
            className="lt-btn"
            data-action="validate-flow"
            onClick={() => setChecked(validateFlow(flow, entity))}
          >
            {ft('validate')}
          </button>
          <button
            type="button"
            className="lt-btn lt-btn-primary"
            data-action="save-flow"
            disabled={!dirty}
            onClick={() => void save()}
          >
            {ft('save')}
          </button>
          <a
            className="lt-btn"
            href={`/studio/apps/${p.appId}/publish`}
            onClick={(e) => {
              e.preventDefault();
              navigate(`/apps/${p.appId}/publish`);
            }}
          >
            {ft('publish')}
          </a>
          <button
            type="button"
            className="lt-btn lt-btn-danger"
            onClick={() => {
              update((d) => removeDocument(d, flow));
              back();
            }}
          >
            {ft('deleteFlow')}
          </button>
        </div>
      </div>

      {checked !== null && (
        <div
          className={checked.length === 0 ? 'st-ok-banner' : 'lt-error-banner'}
          role="status"
          data-testid="flow-validation"
        >
          {checked.length === 0 ? (
            ft('valid')
          ) : (
            <>
              {ft('problems', { n: checked.length })}
              <ul>
                {checked.map((e) => (
                  <li key={`${e.path}:${e.message.en}`}>
                    <code>{e.path}</code>: {label(e.message)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {Object.keys(serverErrs).length > 0 && (
        <div className="lt-error-banner" role="alert">
          <ul>
            {Object.entries(serverErrs).map(([path, m]) => (
              <li key={path}>
                <code>{path}</code>: {m}
              </li>
            ))}
          </ul>
        </div>
      )}

      <section className="lt-card st-section">
        <div className="st-props">
          <I18nInputs
            name="label"
            value={flow.label}
            errors={serverErrs}
            onChange={(l) => set({ ...flow, label: l })}
          />
          <label className="st-field">
            {ft('entity')}
            <select
              className="lt-input"
              data-prop="entity"
              value={flow.entity}
              onChange={(e) => set({ ...flow, entity: e.target.value })}
            >
              {entities.map((e) => (
                <option key={e.name} value={e.name}>
                  {label(e.label)} ({e.name})
                </option>
              ))}
            </select>
          </label>
        </div>
      </section>

      {!steps || !actions ? (
        <div className="lt-error-banner">{ft('notVertical')}</div>
      ) : (
        <DndContext
          sensors={dnd.sensors}
          collisionDetection={dnd.collision}
          onDragStart={dnd.onDragStart}
          onDragEnd={onDragEnd}
          accessibility={{
            announcements: flowAnnouncements(),
            screenReaderInstructions: { draggable: ft('dndInstructions') },
          }}
        >
          <div className="fd-layout">
            <aside className="lt-card fd-palette" aria-label={ft('palette')}>
              <h2>{ft('palette')}</h2>
              {STEP_KINDS.map((k) => (
                <PaletteItem key={k} kind={k} />
              ))}
            </aside>
            <div className="lt-card fd-canvas" data-testid="flow-canvas">
              <div className="fd-terminal">● {ft('start')}</div>
              <StepList steps={steps} path={[]} a={actions} />
              <div className="fd-terminal">◉ {ft('end')}</div>
            </div>
            <aside className="lt-card fd-props" aria-label={ft('properties')}>
              <h2>{ft('properties')}</h2>
              {selectedStep ? (
                <StepProperties
                  key={selected}
                  step={selectedStep}
                  entity={entity}
                  roles={roles}
                  errors={nodeErrs(selected!)}
                  onChange={(s) => setSteps(replaceStep(steps, selected!, s))}
                />
              ) : (
                <p className="lt-muted">{ft('selectStep')}</p>
              )}
            </aside>
          </div>
        </DndContext>
      )}
    </div>
  );
}

function PaletteItem({ kind }: { kind: StepKind }) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: `pal:${kind}` });
  return (
    <button
      type="button"
      ref={setNodeRef}
      className={`lt-btn fd-palette-item${isDragging ? ' is-dragging' : ''}`}
      data-palette={kind}
      {...attributes}
      {...listeners}
    >
      {kindIcon(kind)} {ft(`k_${kind}`)}
    </button>
  );
}

function findStep(steps: Step[], id: string): Step | null {
  for (const s of steps) {
    if (stepId(s) === id) return s;
    const inner =
      s.kind === 'condition'
        ? [...s.branches.map((b) => b.steps), s.otherwise]
        : s.kind === 'parallel'
          ? s.branches
          : [];
    for (const seq of inner) {
      const hit = findStep(seq, id);
      if (hit) return hit;
    }
  }
  return null;
}

function replaceStep(steps: Step[], id: string, next: Step): Step[] {
  return steps.map((s) => {
    if (stepId(s) === id) return next;
    if (s.kind === 'condition')
      return {
        ...s,
        branches: s.branches.map((b) => ({ ...b, steps: replaceStep(b.steps, id, next) })),
        otherwise: replaceStep(s.otherwise, id, next),
      };
    if (s.kind === 'parallel') return { ...s, branches: s.branches.map((b) => replaceStep(b, id, next)) };
    return s;
  });
}
