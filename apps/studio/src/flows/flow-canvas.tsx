import { useDraggable, useDroppable } from '@dnd-kit/core';
import { useState } from 'react';
import { label } from '../lib/i18n';
import { stepDragId } from './flow-dnd';
import { type SeqPath, type Step, type StepKind, stepId } from './flow-model';
import { ft } from './flow-text';

export const STEP_KINDS: StepKind[] = ['approval', 'cc', 'auto_approve', 'condition', 'parallel'];
const ICONS: Record<StepKind, string> = {
  approval: '✔',
  cc: '✉',
  auto_approve: '⚡',
  condition: '◇',
  parallel: '⇉',
};

export function kindIcon(kind: StepKind): string {
  return ICONS[kind];
}

/** The drop id of the slot before position `index` of the list at `path`. */
export function slotId(path: SeqPath, index: number): string {
  return `slot:${JSON.stringify(path)}:${index}`;
}

export function parseSlotId(id: string): { path: SeqPath; index: number } | null {
  const m = /^slot:(.*):(\d+)$/.exec(id);
  return m ? { path: JSON.parse(m[1]!) as SeqPath, index: Number(m[2]) } : null;
}

export interface CanvasActions {
  selected: string | null;
  select(id: string): void;
  insert(path: SeqPath, index: number, kind: StepKind): void;
  remove(path: SeqPath, index: number): void;
  move(path: SeqPath, index: number, by: -1 | 1): void;
  /** Node ids with validation problems. */
  problems: Set<string>;
}

/** A step list drawn top to bottom, with a drop slot (and "+" menu) between steps. */
export function StepList(p: { steps: Step[]; path: SeqPath; a: CanvasActions }) {
  return (
    <div className="fd-seq">
      <Slot path={p.path} index={0} a={p.a} />
      {p.steps.map((s, i) => (
        <div key={stepId(s)} className="fd-seq-item">
          <StepCard step={s} path={p.path} index={i} count={p.steps.length} a={p.a} />
          <Slot path={p.path} index={i + 1} a={p.a} />
        </div>
      ))}
    </div>
  );
}

function Slot(p: { path: SeqPath; index: number; a: CanvasActions }) {
  const id = slotId(p.path, p.index);
  const { setNodeRef, isOver } = useDroppable({ id });
  const [open, setOpen] = useState(false);
  return (
    <div ref={setNodeRef} className={`fd-slot${isOver ? ' is-over' : ''}`} data-slot={id}>
      <span className="fd-line" aria-hidden="true" />
      <button
        type="button"
        className="fd-plus"
        aria-label={ft('addHere')}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        +
      </button>
      {isOver && <span className="fd-drop-hint">{ft('dropHere')}</span>}
      {open && (
        <div className="fd-menu" role="menu">
          {STEP_KINDS.map((k) => (
            <button
              key={k}
              type="button"
              role="menuitem"
              className="lt-btn"
              data-add={k}
              onClick={() => {
                setOpen(false);
                p.a.insert(p.path, p.index, k);
              }}
            >
              {ICONS[k]} {ft(`k_${k}`)}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

function StepCard(p: { step: Step; path: SeqPath; index: number; count: number; a: CanvasActions }) {
  const { step, a } = p;
  const id = stepId(step);
  const title =
    step.kind === 'approval' || step.kind === 'cc'
      ? label(step.node.label) || id
      : step.kind === 'condition'
        ? label(step.label) || ft('k_condition')
        : ft(`k_${step.kind}`);
  const detail =
    step.kind === 'approval'
      ? `${ft(`m_${step.node.mode}`)} · ${step.node.approvers.map(approverText).join('、')}${
          step.node.timeout ? ` · ${ft('timeout')}: ${ft(`t_${step.node.timeout.action}`)}` : ''
        }${step.node.requireSignature ? ` · ✍ ${ft('signs')}` : ''}`
      : step.kind === 'cc'
        ? step.node.to.map(approverText).join('、')
        : '';
  const classes = [
    'fd-step',
    `fd-step-${step.kind}`,
    a.selected === id ? 'is-selected' : '',
    a.problems.has(id) ? 'has-problem' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const drag = useDraggable({ id: stepDragId(id) });
  const t = drag.transform;
  return (
    <div className="fd-block" data-step-block={id}>
      <div
        ref={drag.setNodeRef}
        className={drag.isDragging ? `${classes} is-dragging` : classes}
        style={t ? { transform: `translate3d(${t.x}px, ${t.y}px, 0)` } : undefined}
        data-step={id}
        data-kind={step.kind}
        role="button"
        tabIndex={0}
        onClick={() => a.select(id)}
        onKeyDown={(e) => {
          if (e.target === e.currentTarget && (e.key === 'Enter' || e.key === ' ')) {
            e.preventDefault();
            a.select(id);
          }
        }}
      >
        <button
          type="button"
          ref={drag.setActivatorNodeRef}
          className="fd-handle"
          data-drag-step={id}
          aria-label={`${ft('dragStep')} ${title}`}
          onClick={(e) => e.stopPropagation()}
          {...drag.attributes}
          {...drag.listeners}
        >
          ⠿
        </button>
        <span className="fd-icon" aria-hidden="true">
          {ICONS[step.kind]}
        </span>
        <div className="fd-step-main">
          <div className="fd-step-title">{title}</div>
          {detail && <div className="lt-muted fd-step-detail">{detail}</div>}
        </div>
        <div className="fd-step-tools" onClick={(e) => e.stopPropagation()}>
          <button
            type="button"
            className="lt-btn"
            aria-label={ft('moveUp')}
            disabled={p.index === 0}
            onClick={() => a.move(p.path, p.index, -1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="lt-btn"
            aria-label={ft('moveDown')}
            disabled={p.index === p.count - 1}
            onClick={() => a.move(p.path, p.index, 1)}
          >
            ↓
          </button>
          <button
            type="button"
            className="lt-btn lt-btn-danger"
            aria-label={ft('remove')}
            data-action="remove-step"
            onClick={() => a.remove(p.path, p.index)}
          >
            ×
          </button>
        </div>
      </div>
      {step.kind === 'condition' && (
        <div className="fd-branches">
          {step.branches.map((b, k) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: branches are positional
            <div key={k} className="fd-branch" data-branch-col={k}>
              <div className="fd-branch-head">{label(b.label) || `${ft('branch')} ${k + 1}`}</div>
              <StepList steps={b.steps} path={[...p.path, p.index, 'b', k]} a={a} />
            </div>
          ))}
          <div className="fd-branch" data-branch-col="otherwise">
            <div className="fd-branch-head">{ft('otherwise')}</div>
            <StepList steps={step.otherwise} path={[...p.path, p.index, 'o']} a={a} />
          </div>
        </div>
      )}
      {step.kind === 'parallel' && (
        <div className="fd-branches fd-parallel">
          {step.branches.map((b, k) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: branches are positional
            <div key={k} className="fd-branch">
              <div className="fd-branch-head">
                {ft('branch')} {k + 1}
              </div>
              <StepList steps={b} path={[...p.path, p.index, 'p', k]} a={a} />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

function approverText(a: { type: string; user?: string; role?: string; field?: string }): string {
  switch (a.type) {
    case 'user':
      return a.user ?? '';
    case 'role':
      return `${ft('a_role')} ${a.role ?? ''}`;
    case 'field':
      return `${ft('a_field')} ${a.field ?? ''}`;
    default:
      return ft('a_department_head');
  }
}
