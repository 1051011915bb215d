/**
 * The form builder's stylesheet. Hosts include it once (`<FormBuilderStyles />` or inject the string).
 * Every class is prefixed `lf-`; colours come from CSS variables so an app's design tokens can theme it
 * (`--lf-accent`, `--lf-danger`, `--lf-border`, `--lf-bg`, `--lf-muted`, `--lf-radius`).
 */
export const FORM_BUILDER_CSS = `
.lf-form, .lf-designer {
  --lf-accent: var(--color-primary, #1677ff); --lf-danger: var(--color-danger, #d4380d);
  --lf-border: var(--color-border, #d9dde3); --lf-bg: var(--color-surface, #fff); --lf-muted: #6b7280;
  --lf-soft: #f5f7fa; --lf-radius: 6px;
  font-family: -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
  font-size: 14px; color: #1f2937;
}
.lf-form { display: flex; flex-direction: column; gap: 16px; }
.lf-section { background: var(--lf-bg); border: 1px solid var(--lf-border); border-radius: 8px; padding: 12px 16px 4px; }
.lf-section-title { all: unset; cursor: pointer; display: flex; align-items: center; gap: 6px; font-weight: 600; font-size: 15px; margin-bottom: 12px; }
.lf-caret { display: inline-block; transition: transform .15s; transform: rotate(90deg); color: var(--lf-muted); }
.lf-section.is-collapsed .lf-caret { transform: none; }
.lf-grid { display: grid; grid-template-columns: repeat(var(--lf-cols, 2), minmax(0, 1fr)); gap: 4px 16px; }
.lf-grid[hidden] { display: none; }
.lf-field { display: flex; flex-direction: column; gap: 4px; min-width: 0; }
.lf-label { font-weight: 500; color: #374151; }
.lf-required { color: var(--lf-danger); margin-left: 2px; }
.lf-field-msg { min-height: 18px; font-size: 12px; }
.lf-help, .lf-muted { color: var(--lf-muted); }
.lf-error { color: var(--lf-danger); font-size: 12px; }
.lf-form-error { background: #fff2e8; border: 1px solid #ffbb96; color: var(--lf-danger); padding: 8px 12px; border-radius: var(--lf-radius); }
.lf-input { box-sizing: border-box; width: 100%; min-height: 34px; padding: 6px 10px; border: 1px solid var(--lf-border); border-radius: var(--lf-radius); background: #fff; font: inherit; color: inherit; }
.lf-input:focus, .lf-input:focus-within { outline: none; border-color: var(--lf-accent); box-shadow: 0 0 0 2px color-mix(in srgb, var(--lf-accent) 20%, transparent); }
.lf-input:disabled, .lf-input[contenteditable="false"] { background: var(--lf-soft); color: #4b5563; }
.has-error .lf-input, .has-error .lf-chips, .has-error .lf-signature-pad { border-color: var(--lf-danger); }
.lf-textarea { resize: vertical; }
.lf-mono { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; }
.lf-number { text-align: right; font-variant-numeric: tabular-nums; }
.lf-readonly { display: block; min-height: 34px; padding: 6px 0; font-variant-numeric: tabular-nums; }
.lf-readonly.is-empty { color: var(--lf-muted); }
.lf-switch { all: unset; cursor: pointer; display: inline-flex; align-items: center; gap: 8px; }
.lf-switch::before { content: ""; width: 36px; height: 20px; border-radius: 10px; background: #c9cdd4; transition: background .15s; }
.lf-switch-knob { position: absolute; width: 16px; height: 16px; border-radius: 50%; background: #fff; margin-left: 2px; transition: transform .15s; box-shadow: 0 1px 2px rgba(0,0,0,.2); }
.lf-switch { position: relative; }
.lf-switch.is-on::before { background: var(--lf-accent); }
.lf-switch.is-on .lf-switch-knob { transform: translateX(16px); }
.lf-switch:disabled { cursor: default; opacity: .6; }
.lf-switch:focus-visible { outline: 2px solid var(--lf-accent); outline-offset: 2px; border-radius: 10px; }
.lf-check, .lf-radio { display: inline-flex; align-items: center; gap: 6px; cursor: pointer; }
.lf-radio-group { display: flex; flex-wrap: wrap; gap: 8px 16px; min-height: 34px; align-items: center; }
.lf-chips { display: flex; flex-wrap: wrap; gap: 6px; padding: 4px 0; border: 1px solid transparent; border-radius: var(--lf-radius); }
.lf-chip { display: inline-flex; align-items: center; gap: 4px; padding: 3px 10px; border: 1px solid var(--lf-border); border-radius: 14px; cursor: pointer; user-select: none; }
.lf-chip input { position: absolute; opacity: 0; pointer-events: none; }
.lf-chip.is-on { background: color-mix(in srgb, var(--lf-accent) 12%, #fff); border-color: var(--lf-accent); color: var(--lf-accent); }
.lf-chip:focus-within { outline: 2px solid var(--lf-accent); }
.lf-typeahead { position: relative; }
.lf-typeahead-clear { position: absolute; right: 6px; top: 6px; border: 0; background: none; cursor: pointer; color: var(--lf-muted); font-size: 16px; }
.lf-typeahead-list { position: absolute; z-index: 20; left: 0; right: 0; margin: 2px 0 0; padding: 4px 0; list-style: none; background: #fff; border: 1px solid var(--lf-border); border-radius: var(--lf-radius); box-shadow: 0 6px 16px rgba(0,0,0,.12); max-height: 240px; overflow: auto; }
.lf-typeahead-list > div { padding: 6px 10px; cursor: pointer; display: flex; justify-content: space-between; gap: 8px; }
.lf-typeahead-list > div.is-active { background: color-mix(in srgb, var(--lf-accent) 10%, #fff); }
.lf-typeahead-list small { color: var(--lf-muted); }
.lf-typeahead-empty { color: var(--lf-muted); cursor: default !important; }
.lf-files { list-style: none; margin: 0 0 6px; padding: 0; display: flex; flex-direction: column; gap: 4px; }
.lf-upload.is-image .lf-files { flex-direction: row; flex-wrap: wrap; }
.lf-files li { display: flex; align-items: center; gap: 8px; }
.lf-files small { color: var(--lf-muted); }
.lf-thumb { width: 72px; height: 72px; object-fit: cover; border-radius: var(--lf-radius); border: 1px solid var(--lf-border); }
.lf-button { display: inline-flex; align-items: center; gap: 4px; padding: 5px 12px; border: 1px solid var(--lf-border); border-radius: var(--lf-radius); background: #fff; cursor: pointer; font: inherit; }
.lf-button:hover:not(:disabled) { border-color: var(--lf-accent); color: var(--lf-accent); }
.lf-button.is-primary { background: var(--lf-accent); border-color: var(--lf-accent); color: #fff; }
.lf-button:disabled { opacity: .5; cursor: default; }
.lf-link { border: 0; background: none; color: var(--lf-accent); cursor: pointer; padding: 0 4px; font: inherit; }
.lf-link.is-danger { color: var(--lf-danger); }
.lf-geo { display: grid; grid-template-columns: 2fr 1fr 1fr; gap: 6px; }
.lf-rating { display: flex; gap: 2px; }
.lf-star { border: 0; background: none; font-size: 22px; line-height: 1; color: #d1d5db; cursor: pointer; padding: 2px; }
.lf-star.is-on { color: #faad14; }
.lf-star:disabled { cursor: default; }
.lf-tagtree, .lf-tagtree ul { list-style: none; margin: 0; padding-left: 0; }
.lf-tagtree ul { padding-left: 22px; }
.lf-tagtree li { padding: 2px 0; }
.lf-stages { display: flex; list-style: none; margin: 0; padding: 0; overflow-x: auto; }
.lf-stage { flex: 1; min-width: 84px; }
.lf-stage button { width: 100%; border: 0; padding: 7px 14px 7px 20px; background: #eef0f3; color: #4b5563; cursor: pointer; font: inherit; clip-path: polygon(0 0, calc(100% - 10px) 0, 100% 50%, calc(100% - 10px) 100%, 0 100%, 10px 50%); white-space: nowrap; }
.lf-stage:first-child button { clip-path: polygon(0 0, calc(100% - 10px) 0, 100% 50%, calc(100% - 10px) 100%, 0 100%); }
.lf-stage.is-done button { background: color-mix(in srgb, var(--lf-accent) 18%, #fff); color: var(--lf-accent); }
.lf-stage.is-current button { background: var(--lf-accent); color: #fff; font-weight: 600; }
.lf-stage button:disabled { cursor: not-allowed; opacity: .55; }
.lf-signature { position: relative; display: flex; flex-direction: column; align-items: flex-start; gap: 4px; }
.lf-signature-pad { width: 100%; max-width: 480px; aspect-ratio: 3 / 1; border: 1px dashed var(--lf-border); border-radius: var(--lf-radius); background: #fff; touch-action: none; cursor: crosshair; }
.lf-signature-hint { position: absolute; top: 40px; left: 16px; color: var(--lf-muted); pointer-events: none; }
.lf-richtext { border: 1px solid var(--lf-border); border-radius: var(--lf-radius); }
.lf-richtext .lf-richtext-area { border: 0; min-height: 96px; }
.lf-richtext-bar { display: flex; gap: 2px; padding: 2px; border-bottom: 1px solid var(--lf-border); background: var(--lf-soft); }
.lf-richtext-bar button { border: 0; background: none; min-width: 28px; height: 26px; cursor: pointer; border-radius: 4px; }
.lf-richtext-bar button:hover { background: #e5e7eb; }
.lf-notes ul { list-style: none; margin: 0 0 8px; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.lf-notes li { background: #fffbe6; border: 1px solid #ffe58f; border-radius: var(--lf-radius); padding: 6px 10px; }
.lf-notes li p { margin: 0 0 2px; white-space: pre-wrap; }
.lf-notes li small { color: var(--lf-muted); }
.lf-notes-add { display: flex; gap: 6px; align-items: flex-start; }
.lf-tabs { display: flex; flex-direction: column; gap: 12px; }
.lf-tab-bar { display: flex; gap: 4px; border-bottom: 1px solid var(--lf-border); overflow-x: auto; }
.lf-tab { border: 0; background: none; padding: 8px 14px; cursor: pointer; font: inherit; color: #4b5563; border-bottom: 2px solid transparent; margin-bottom: -1px; white-space: nowrap; }
.lf-tab.is-active { color: var(--lf-accent); border-bottom-color: var(--lf-accent); font-weight: 600; }
.lf-tabs [role="tabpanel"] { display: flex; flex-direction: column; gap: 16px; }
.lf-tabs [role="tabpanel"][hidden] { display: none; }
.lf-badge { display: inline-block; margin-left: 6px; min-width: 16px; padding: 0 5px; border-radius: 8px; background: var(--lf-danger); color: #fff; font-size: 11px; line-height: 16px; }
@media (max-width: 640px) {
  .lf-grid { grid-template-columns: minmax(0, 1fr); }
  .lf-grid > .lf-field { grid-column: auto !important; }
  .lf-geo { grid-template-columns: 1fr 1fr; }
  .lf-geo-address { grid-column: span 2; }
}

/* designer */
.lf-designer { display: grid; grid-template-columns: 220px minmax(0, 1fr) 300px; gap: 12px; align-items: start; }
.lf-designer.with-preview { grid-template-columns: 220px minmax(0, 1fr) 300px; }
.lf-designer-toolbar { grid-column: 1 / -1; display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.lf-designer-toolbar .lf-spacer { flex: 1; }
.lf-panel { background: var(--lf-bg); border: 1px solid var(--lf-border); border-radius: 8px; padding: 10px; }
.lf-panel h3 { margin: 0 0 8px; font-size: 13px; color: var(--lf-muted); font-weight: 600; }
.lf-palette { display: flex; flex-direction: column; gap: 4px; max-height: 75vh; overflow: auto; }
.lf-palette-group { display: grid; grid-template-columns: 1fr 1fr; gap: 4px; margin-bottom: 8px; }
.lf-palette-item { display: flex; align-items: center; gap: 6px; padding: 6px 8px; border: 1px solid var(--lf-border); border-radius: var(--lf-radius); background: #fff; cursor: grab; user-select: none; font-size: 13px; touch-action: none; }
.lf-palette-item:hover, .lf-palette-item:focus-visible { border-color: var(--lf-accent); color: var(--lf-accent); outline: none; }
.lf-palette-item.is-used { opacity: .45; }
.lf-palette-icon { width: 18px; text-align: center; color: var(--lf-muted); font-size: 12px; }
.lf-canvas { display: flex; flex-direction: column; gap: 12px; min-height: 300px; }
.lf-canvas-section { border: 1px dashed var(--lf-border); border-radius: 8px; background: var(--lf-bg); padding: 8px; }
.lf-canvas-section.is-selected { border-color: var(--lf-accent); border-style: solid; }
.lf-canvas-section.is-over { background: color-mix(in srgb, var(--lf-accent) 6%, #fff); }
.lf-canvas-section-head { display: flex; align-items: center; gap: 6px; margin-bottom: 6px; font-weight: 600; cursor: pointer; }
.lf-canvas-section-head .lf-spacer { flex: 1; }
.lf-canvas-grid { display: grid; grid-template-columns: repeat(var(--lf-cols, 2), minmax(0, 1fr)); gap: 6px; min-height: 48px; }
.lf-canvas-empty { grid-column: 1 / -1; color: var(--lf-muted); text-align: center; padding: 14px; border: 1px dashed var(--lf-border); border-radius: var(--lf-radius); }
.lf-canvas-item { display: flex; align-items: center; gap: 6px; padding: 8px; border: 1px solid var(--lf-border); border-radius: var(--lf-radius); background: #fff; min-width: 0; }
.lf-canvas-item.is-selected { border-color: var(--lf-accent); box-shadow: 0 0 0 2px color-mix(in srgb, var(--lf-accent) 25%, transparent); }
.lf-canvas-item.is-dragging { opacity: .4; }
.lf-canvas-item-label { flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.lf-canvas-item small { color: var(--lf-muted); }
.lf-canvas-item .lf-flag { font-size: 11px; padding: 0 4px; border-radius: 3px; background: #f0f5ff; color: var(--lf-accent); }
.lf-handle { cursor: grab; color: var(--lf-muted); border: 0; background: none; padding: 2px 4px; touch-action: none; }
.lf-handle:focus-visible { outline: 2px solid var(--lf-accent); border-radius: 3px; }
.lf-drag-overlay { padding: 8px 12px; border: 1px solid var(--lf-accent); border-radius: var(--lf-radius); background: #fff; box-shadow: 0 8px 20px rgba(0,0,0,.15); cursor: grabbing; font-size: 13px; }
.lf-props { display: flex; flex-direction: column; gap: 10px; }
.lf-props label.lf-prop { display: flex; flex-direction: column; gap: 4px; font-size: 13px; }
.lf-props .lf-row { display: flex; gap: 6px; align-items: center; }
.lf-props .lf-row > * { flex: 1; min-width: 0; }
.lf-props fieldset { border: 1px solid var(--lf-border); border-radius: var(--lf-radius); padding: 8px; margin: 0; }
.lf-props legend { font-size: 12px; color: var(--lf-muted); padding: 0 4px; }
.lf-cond-group { border-left: 3px solid var(--lf-accent); padding: 6px 0 6px 8px; display: flex; flex-direction: column; gap: 6px; background: color-mix(in srgb, var(--lf-accent) 3%, transparent); }
.lf-cond-group .lf-cond-group { border-left-color: #9254de; }
.lf-cond-row { display: grid; grid-template-columns: minmax(0, 1.2fr) minmax(0, 1fr) minmax(0, 1.2fr) auto; gap: 4px; align-items: center; }
.lf-cond-join { display: flex; gap: 4px; align-items: center; font-size: 12px; }
.lf-cond-actions { display: flex; gap: 6px; }
.lf-preview { grid-column: 1 / -1; }
.lf-field-list { min-height: 360px; }
.lf-field-list .lf-canvas-item small { white-space: nowrap; }
@media (max-width: 1100px) {
  .lf-designer, .lf-designer.with-preview { grid-template-columns: 180px minmax(0, 1fr); }
  .lf-designer > .lf-props-panel { grid-column: 1 / -1; }
}
`;
