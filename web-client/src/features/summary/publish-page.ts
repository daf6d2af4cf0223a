import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ArchiveEntry } from '../../net/archive-api';
import { ApiError } from '../../net/http';
import type { MeetingApi, Publication, PublicationFinding } from '../../net/meeting-api';
import { isObject } from '../../net/protocol';
import { errorText } from '../../shared/format';
import { KeyedLoad } from '../../shared/keyed-load';
import { piiMessage, segments } from '../../shared/pii';
import { renderEntryBody } from '../archive/entry-view';
import { entryFieldLabel } from './labels';
import { type MessageKey, t } from './messages';
import { LocalizedElement } from '../../shared/localized-element';

type Place = 'summary' | 'message' | 'proposal' | 'case';

/**
 * `#/meetings/{id}/publish` (host, after closing): every entry exactly as the public will read it
 * (`GET /meetings/{id}/publication`), each finding of personal information with the text it is in
 * and a link to where it is fixed (a message is hidden and the summary edited in the room; a case
 * sheet in the case editor), the 公開する button, and then the link to each public entry.
 */
@customElement('yoriai-publish-page')
export class PublishPage extends LocalizedElement {
  @property({ attribute: false }) api?: Pick<MeetingApi, 'publication' | 'publish'>;
  @property() meetingId = '';

  @state() private published: ArchiveEntry[] | null = null;
  @state() private publishing = false;
  @state() private publishError: ApiError | null = null;
  /** Bumped to read the preview again (after a refused publish). */
  @state() private reads = 0;
  private readonly preview = new KeyedLoad<Publication>(this, (signal) => this.api!.publication(this.meetingId, signal), false);

  protected override willUpdate(): void {
    this.preview.refresh(this.api && this.meetingId ? `${this.meetingId}:${this.reads}` : null);
  }

  protected override render() {
    const preview = this.preview.result;
    return html`
      <section id="publish-page" class="card card--wide" aria-labelledby="publish-heading" aria-busy=${preview || this.preview.error ? 'false' : 'true'}>
        <p><a id="publish-back" href=${this.roomHref()}>${t('publish.back')}</a></p>
        <h1 id="publish-heading" class="card__title" tabindex="-1">${t('publish.heading')}</h1>
        ${this.published ? this.renderPublished(this.published) : this.renderPreview(preview)}
      </section>
    `;
  }

  private renderPreview(preview: Publication | null): TemplateResult {
    const error = this.preview.error;
    if (!preview) {
      return error ? html`<p id="publish-error" class="alert" role="alert">${loadErrorText(error)}</p>` : html`<p class="hint">${t('common.loading')}</p>`;
    }
    const findings = preview.findings;
    const blocked = findings.length > 0 || this.publishing;
    return html`
      <p class="card__lead">${t('publish.intro')}</p>
      ${this.renderFindings(preview)}
      <p id="publish-notice" class="notice ${this.publishError ? 'notice--error' : 'notice--empty'}" role="status" aria-live="polite">
        ${this.publishError ? publishErrorText(this.publishError) : ''}
      </p>
      <div class="actions">
        <button id="publish-submit" class="button button--primary" type="button" aria-disabled=${blocked ? 'true' : 'false'}
          @click=${this.onPublish}>${this.publishing ? t('publish.publishing') : t('publish.submit')}</button>
      </div>
      ${preview.entries.map((entry, i) => html`
        <article class="entry publish-entry" data-entry-id=${entry.id} aria-labelledby="preview-${i}-title">
          <h2 id="preview-${i}-title" class="section-title">${t('publish.entry', { n: i + 1, title: entry.title })}</h2>
          ${renderEntryBody(entry, { id: `preview-${i}-` })}
        </article>`)}
    `;
  }

  private renderFindings(preview: Publication): TemplateResult {
    const findings = preview.findings;
    return html`
      <div id="publish-findings" class="pii-summary ${findings.length > 0 ? 'pii-summary--found' : ''}" data-count=${findings.length}>
        <p class="pii-summary__count">${findings.length > 0 ? t('publish.findings', { count: findings.length }) : t('publish.noFindings')}</p>
        ${findings.length > 0
          ? html`<ul class="pii-summary__list">${findings.map((f) => this.renderFinding(preview, f))}</ul>`
          : nothing}
      </div>
    `;
  }

  private renderFinding(preview: Publication, finding: PublicationFinding): TemplateResult {
    const index = preview.entries.findIndex((entry) => entry.id === finding.caseId);
    const entry = preview.entries[index];
    const text = entry ? textAt(entry, finding.field) : '';
    const place = placeOf(finding.field);
    const href = place === 'case' ? `/#/cases/${encodeURIComponent(finding.caseId)}` : this.roomHref();
    return html`<li class="publish-finding" data-case-id=${finding.caseId} data-field=${finding.field} data-kind=${finding.kind}>
      <p>${entry ? `${t('publish.entry', { n: index + 1, title: entry.title })} — ` : ''}${entryFieldLabel(finding.field)}: ${piiMessage(finding.kind)}</p>
      ${text
        ? html`<p class="pii-mirror">${segments(text, [finding]).map((s) => (s.finding ? html`<mark class="pii" data-kind=${s.finding.kind}>${s.text}</mark>` : s.text))}</p>`
        : nothing}
      <a class="publish-fix" data-place=${place} href=${href}>${t(`publish.fix.${place}` as MessageKey)}</a>
    </li>`;
  }

  private renderPublished(entries: readonly ArchiveEntry[]): TemplateResult {
    return html`
      <p id="publish-notice" class="notice notice--ok" role="status" aria-live="polite">${t('publish.done')}</p>
      <h2 class="section-title">${t('publish.published')}</h2>
      <ul id="published-entries" class="entry__list">
        ${entries.map((entry) => html`<li><a class="published-entry" data-entry-id=${entry.id} href="/archive/cases/${encodeURIComponent(entry.id)}">${entry.title}</a></li>`)}
      </ul>
    `;
  }

  private roomHref(): string {
    return `/#/meetings/${encodeURIComponent(this.meetingId)}`;
  }

  private readonly onPublish = async (): Promise<void> => {
    const preview = this.preview.result;
    if (!this.api || !preview || preview.findings.length > 0 || this.publishing) return;
    this.publishing = true;
    this.publishError = null;
    try {
      this.published = await this.api.publish(this.meetingId);
      void this.updateComplete.then(() => this.querySelector<HTMLElement>('.published-entry')?.focus());
    } catch (error) {
      this.publishError = error instanceof ApiError ? error : new ApiError(0, 'unexpected', String(error));
      // Refused for personal information found since the preview was read: read it again to show where.
      if (this.publishError.code === 'pii_found') this.reads += 1;
    } finally {
      this.publishing = false;
    }
  };
}

/** Where a text of the entry is fixed. */
function placeOf(field: string): Place {
  if (field.startsWith('summary.')) return 'summary';
  if (field.startsWith('discussion')) return 'message';
  if (field.startsWith('proposals')) return 'proposal';
  return 'case';
}

/**
 * The text at a finding's path in the entry: `person.housing`, `activities[0].canDo`,
 * `discussion[seq=12].text`, `proposals[p1].description`, `summary.regionalIssues[0].tags[1]`.
 */
export function textAt(entry: ArchiveEntry, path: string): string {
  let node: unknown = entry;
  for (const [, name, key] of path.matchAll(/([^.[\]]+)|\[([^\]]+)\]/g)) {
    if (name !== undefined) {
      node = isObject(node) ? node[name] : undefined;
    } else if (Array.isArray(node)) {
      const seq = /^seq=(\d+)$/.exec(key)?.[1];
      node = seq !== undefined
        ? node.find((item) => isObject(item) && item.seq === Number(seq))
        : /^\d+$/.test(key) ? node[Number(key)] : node.find((item) => isObject(item) && item.proposalId === key);
    } else {
      node = undefined;
    }
  }
  return typeof node === 'string' ? node : '';
}

function loadErrorText(error: ApiError): string {
  if (error.code === 'not_closed' || error.status === 409) return t('publish.notClosed');
  if (error.status === 403) return t('publish.hostOnly');
  return errorText(error);
}

function publishErrorText(error: ApiError): string {
  if (error.code === 'pii_found') return t('publish.blocked', { count: error.details.length });
  return loadErrorText(error);
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-publish-page': PublishPage;
  }
}
