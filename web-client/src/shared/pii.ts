import { html, nothing, type TemplateResult } from 'lit';
import type { PiiFinding } from '../net/protocol';
import { has, t } from './messages';

/*
 * How personal information found by `POST /privacy/check` is shown, the same wherever a user
 * writes text that may become public (the case sheet, the meeting's summary): a count above the
 * form, and below each field a mirror of its text with each finding in `<mark class="pii">` (a
 * textarea cannot contain markup) and one message per finding, the field's aria-describedby.
 */

export interface Segment {
  readonly text: string;
  readonly finding: PiiFinding | null;
}

/**
 * Splits `text` into plain and flagged runs for the highlight mirror. Offsets are clamped to the
 * current text (it may have changed since the check), and overlapping findings are merged into
 * the first one so no character is shown twice.
 */
export function segments(text: string, findings: readonly PiiFinding[]): Segment[] {
  const sorted = [...findings]
    .map((f) => ({ ...f, start: Math.min(f.start, text.length), end: Math.min(f.end, text.length) }))
    .filter((f) => f.end > f.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const result: Segment[] = [];
  let cursor = 0;
  for (const finding of sorted) {
    if (finding.end <= cursor) continue;
    const start = Math.max(finding.start, cursor);
    if (start > cursor) result.push({ text: text.slice(cursor, start), finding: null });
    result.push({ text: text.slice(start, finding.end), finding });
    cursor = finding.end;
  }
  if (cursor < text.length) result.push({ text: text.slice(cursor), finding: null });
  return result;
}

/** 「電話番号の可能性があります」 for `phone`; a generic message for kinds this client does not know. */
export function piiMessage(kind: string): string {
  const key = `pii.${kind}`;
  return has(key) ? t(key) : t('pii.unknown');
}

/** The id of the message list a field with findings names in its aria-describedby. */
export function piiMessagesId(inputId: string): string {
  return `${inputId}-pii`;
}

/** Below the field `inputId` (at JSON path `path`): its text with the findings marked, and one message per finding. */
export function piiMirror(inputId: string, path: string, value: string, findings: readonly PiiFinding[]): TemplateResult | typeof nothing {
  if (findings.length === 0) return nothing;
  return html`
    <div class="pii-mirror" id="${inputId}-mirror" data-field=${path} aria-hidden="true">${segments(value, findings).map(
      (s) => (s.finding ? html`<mark class="pii" data-kind=${s.finding.kind}>${s.text}</mark>` : s.text),
    )}</div>
    <ul class="pii-messages" id=${piiMessagesId(inputId)} data-field=${path}>
      ${findings.map((f) => html`<li class="pii-message" data-kind=${f.kind}>
        ${t('pii.quote', { text: value.slice(f.start, f.end), message: piiMessage(f.kind) })}</li>`)}
    </ul>
  `;
}

/**
 * The count of findings and one line per finding, each named by `fieldLabel(path)`. With `pick`,
 * each line is a button that calls it with the finding's path (the editor moves focus to that
 * field), and `pickHint` says so.
 */
export function piiSummary(
  id: string,
  findings: readonly PiiFinding[],
  fieldLabel: (field: string) => string,
  pick?: { readonly onPick: (field: string) => void; readonly hint: string },
): TemplateResult {
  const line = (f: PiiFinding): string => `${fieldLabel(f.field)}: ${piiMessage(f.kind)}`;
  return html`
    <div id=${id} class="pii-summary ${findings.length > 0 ? 'pii-summary--found' : ''}" data-count=${findings.length}>
      <p class="pii-summary__count">
        ${findings.length > 0 ? t('pii.summary', { count: findings.length }) : t('pii.none')}
      </p>
      ${findings.length > 0
        ? html`${pick ? html`<p class="hint">${pick.hint}</p>` : nothing}
            <ul class="pii-summary__list">
              ${findings.map((f) => html`<li data-field=${f.field} data-kind=${f.kind}>${pick
                ? html`<button type="button" class="pii-summary__pick" @click=${() => pick.onPick(f.field)}>${line(f)}</button>`
                : line(f)}</li>`)}
            </ul>`
        : nothing}
    </div>
  `;
}
