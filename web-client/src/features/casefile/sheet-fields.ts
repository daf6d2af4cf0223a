import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { piiMessagesId, piiMirror } from '../../shared/pii';
import type { CaseEditorStore } from '../../state/case-editor-store';
import { type MessageKey, t } from './messages';

/*
 * The case sheet's inputs, each bound to a JSON path of the store's sheet: a text field writes
 * every keystroke to the store and shows its PII findings below it (shared/pii.ts). Once the case
 * is no longer a draft its text fields are read-only (still focusable and readable) and its
 * selects disabled. Every input carries its path as `data-field`, so a finding can point at it.
 */

export interface Option {
  readonly value: string;
  readonly label: string;
}

export function plain(value: string): Option {
  return { value, label: value };
}

export interface TextFieldOptions {
  readonly required?: boolean;
  readonly maxlength?: number;
  /** The row it is in (生活行為 1), for a field in a table: its label is then visually hidden. */
  readonly rowLabel?: string;
  /** A label other than the translated `labelKey` (a checklist item, an assessment domain's part). */
  readonly label?: string;
}

export function textField(
  store: CaseEditorStore,
  path: string,
  id: string,
  labelKey: MessageKey,
  multiline: boolean,
  options: TextFieldOptions = {},
): TemplateResult {
  const value = readPath(store.sheet, path);
  const findings = store.findingsFor(path);
  const describedBy = findings.length > 0 ? piiMessagesId(id) : undefined;
  const onInput = (event: Event): void => {
    store.setField(path, (event.target as HTMLInputElement | HTMLTextAreaElement).value);
  };
  return html`
    <div class="field ${findings.length > 0 ? 'field--pii' : ''}">
      ${fieldLabel(id, options.label ?? t(labelKey), options.rowLabel)}
      ${multiline
        ? html`<textarea id=${id} class="field__input field__input--area" rows="3" .value=${live(value)}
            data-field=${path} ?readonly=${!store.editable} ?required=${options.required === true}
            aria-invalid=${findings.length > 0 ? 'true' : 'false'} aria-describedby=${ifDefined(describedBy)}
            @input=${onInput}></textarea>`
        : html`<input id=${id} class="field__input" type="text" .value=${live(value)}
            data-field=${path} ?readonly=${!store.editable} ?required=${options.required === true} maxlength=${ifDefined(options.maxlength)}
            aria-invalid=${findings.length > 0 ? 'true' : 'false'} aria-describedby=${ifDefined(describedBy)}
            @input=${onInput} />`}
      ${piiMirror(id, path, value, findings)}
    </div>
  `;
}

export function selectField(
  store: CaseEditorStore,
  path: string,
  id: string,
  labelKey: MessageKey,
  options: readonly Option[],
  { optional = false, rowLabel, wrap = true }: { optional?: boolean; rowLabel?: string; wrap?: boolean } = {},
): TemplateResult {
  const value = readPath(store.sheet, path);
  const known = value === '' || options.some((o) => o.value === value);
  const control = html`
    ${fieldLabel(id, t(labelKey), rowLabel)}
    <select id=${id} class="field__input" data-field=${path} ?disabled=${!store.editable} ?required=${!optional} .value=${live(value)}
      @change=${(event: Event) => store.setField(path, (event.target as HTMLSelectElement).value)}>
      ${value === '' || optional ? html`<option value="" ?selected=${value === ''}>${t('common.select')}</option>` : nothing}
      ${known ? nothing : html`<option value=${value} selected>${value}</option>`}
      ${options.map((o) => html`<option value=${o.value} ?selected=${o.value === value}>${o.label}</option>`)}
    </select>
  `;
  return wrap ? html`<div class="field">${control}</div>` : html`<div class="field field--inline">${control}</div>`;
}

function fieldLabel(id: string, label: string, rowLabel?: string): TemplateResult {
  return rowLabel
    ? html`<label class="visually-hidden" for=${id}>${rowLabel}: ${label}</label>`
    : html`<label class="field__label" for=${id}>${label}</label>`;
}

function readPath(sheet: unknown, path: string): string {
  let node: unknown = sheet;
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (typeof node !== 'object' || node === null) return '';
    node = (node as Record<string, unknown>)[match[2] ?? match[1]];
  }
  return typeof node === 'string' ? node : '';
}
