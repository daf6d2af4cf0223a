import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { REDACTED, entryXlsxUrl, type ArchiveApi, type ArchiveEntry, type ArchiveHit, type ArchiveRedaction } from '../../net/archive-api';
import { ApiError } from '../../net/http';
import { t } from './messages';
import { KeyedLoad } from '../../shared/keyed-load';
import { dateLabel, errorText } from '../../shared/format';
import { renderHit, renderOpenData } from './archive-search';
import { renderEntryBody } from './entry-view';
import { LocalizedElement } from '../../shared/localized-element';

/**
 * `/archive/cases/{id}`: one published case — the sheet, the per-activity decomposition of what the
 * person can do and what is hard (§1's core idea), the discussion, proposals, summary and
 * similar cases. Prints cleanly (see `@media print` in styles.css), with its address and dates at the foot. For a signed-in user who may
 * redact (the entry's host or an admin: the server says which by answering the audit request),
 * every text gets a 削除 button that asks for a reason and redacts it.
 */
@customElement('yoriai-archive-entry')
export class ArchiveEntryPage extends LocalizedElement {
  @property({ attribute: false }) api?: Pick<ArchiveApi, 'entry' | 'similar' | 'redactions' | 'redact'>;
  @property() entryId = '';
  /** A signed-in municipality user or admin, who may be this entry's host; false for everyone else. */
  @property({ type: Boolean }) canRedact = false;

  private readonly entry = new KeyedLoad<ArchiveEntry>(this, (signal) => this.api!.entry(this.entryId, signal), true);
  private readonly similar = new KeyedLoad<ArchiveHit[]>(
    this,
    (signal) => this.api!.similar(this.entryId, signal).then((hits) => hits.filter((hit) => hit.id !== this.entryId), () => []),
    true,
  );
  /** The audit trail when the user may redact this entry, else null (and no 削除 buttons). */
  private readonly redactions = new KeyedLoad<ArchiveRedaction[] | null>(
    this,
    (signal) => (this.canRedact ? this.api!.redactions(this.entryId, signal).catch(() => null) : Promise.resolve(null)),
    true,
  );
  @state() private redacting: string | null = null;
  @state() private reason = '';
  @state() private redactError: ApiError | null = null;
  @state() private redactBusy = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('entryId')) this.redacting = null;
    const id = this.api && this.entryId ? this.entryId : null;
    this.entry.refresh(id);
    this.similar.refresh(id);
    this.redactions.refresh(id && `${id}:${this.canRedact}`);
  }

  protected override render() {
    const entry = this.entry.result;
    const error = this.entry.error;
    if (!entry) {
      return html`<section id="archive-entry" class="card card--wide" aria-busy=${error ? 'false' : 'true'}>
        <p class="no-print"><a href="/archive">${t('entry.back')}</a></p>
        <h1 id="entry-title" class="card__title" tabindex="-1">${error ? errorText(error) : t('common.loading')}</h1>
      </section>`;
    }
    return html`
      <article id="archive-entry" class="card card--wide entry" aria-labelledby="entry-title">
        <div class="entry__tools no-print">
          <a href="/archive">${t('entry.back')}</a>
          <button id="entry-print" type="button" class="button button--ghost button--small" @click=${() => window.print()}>
            ${t('entry.print')}</button>
          <a id="entry-xlsx" class="button button--ghost button--small" href=${entryXlsxUrl(entry.id)} download>${t('entry.xlsx')}</a>
        </div>
        <h1 id="entry-title" class="card__title" tabindex="-1">${entry.title}</h1>
        ${renderEntryBody(entry, { id: 'entry-', redactable: (path, text) => this.redactable(path, text) })}
        ${this.renderRedactions()} ${this.renderSimilar()}
        <div class="no-print">${renderOpenData()}</div>
        ${renderSource(entry)}
      </article>
    `;
  }

  /** The 削除 button of the text at `path` and, once pressed, the form asking why. */
  private redactable(path: string, text: string) {
    if (this.redactions.result === null || !text || text === REDACTED) return nothing;
    if (this.redacting !== path) {
      return html`<button type="button" class="button button--ghost button--small redact no-print" data-path=${path}
        aria-label=${t('entry.redactLabel', { text: text.length > 20 ? `${text.slice(0, 20)}…` : text })}
        @click=${() => this.openRedaction(path)}>${t('entry.redact')}</button>`;
    }
    return html`<form class="redact-form no-print" data-path=${path} @submit=${this.onRedactSubmit}>
      <label for="redact-reason">${t('entry.redactReason')}</label>
      <textarea id="redact-reason" name="reason" required maxlength="1000" .value=${this.reason}
        @input=${(e: Event) => (this.reason = (e.target as HTMLTextAreaElement).value)}></textarea>
      ${this.redactError ? html`<p class="alert" role="alert">${errorText(this.redactError)}</p>` : nothing}
      <div class="redact-form__actions">
        <button type="submit" class="button button--small redact-form__confirm" ?disabled=${this.redactBusy || !this.reason.trim()}>
          ${t('entry.redactConfirm')}</button>
        <button type="button" class="button button--ghost button--small redact-form__cancel" @click=${() => (this.redacting = null)}>
          ${t('entry.redactCancel')}</button>
      </div>
    </form>`;
  }

  private openRedaction(path: string): void {
    this.redacting = path;
    this.reason = '';
    this.redactError = null;
    void this.updateComplete.then(() => this.querySelector<HTMLTextAreaElement>('#redact-reason')?.focus());
  }

  private readonly onRedactSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const path = this.redacting;
    const entry = this.entry.result;
    if (!path || !entry || !this.api || !this.reason.trim()) return;
    this.redactBusy = true;
    this.redactError = null;
    try {
      this.entry.result = await this.api.redact(entry.id, path, this.reason.trim());
      this.redacting = null;
      this.redactions.result = await this.api.redactions(entry.id).catch(() => this.redactions.result);
    } catch (error) {
      this.redactError = error instanceof ApiError ? error : new ApiError(0, 'unexpected', String(error));
    } finally {
      this.redactBusy = false;
    }
  };

  private renderRedactions() {
    const redactions = this.redactions.result;
    if (redactions === null || redactions.length === 0) return nothing;
    return html`<section class="entry__section no-print" aria-labelledby="entry-redactions-heading">
      <h2 id="entry-redactions-heading" class="section-title">${t('entry.redactions')}</h2>
      <ul id="entry-redactions" class="entry__list">
        ${redactions.map((r) => html`<li class="redaction" data-path=${r.path}>${dateLabel(r.at)} — ${r.reason}</li>`)}
      </ul>
    </section>`;
  }

  private renderSimilar() {
    return html`<section class="entry__section no-print" aria-labelledby="entry-similar-heading">
      <h2 id="entry-similar-heading" class="section-title">${t('entry.similar')}</h2>
      <ul id="entry-similar" class="hit-list hit-list--compact" aria-busy=${this.similar.result === null ? 'true' : 'false'}>
        ${(this.similar.result ?? []).map((hit) => renderHit(hit, 3))}
      </ul>
      ${this.similar.result !== null && this.similar.result.length === 0 ? html`<p class="hint">${t('entry.noSimilar')}</p>` : nothing}
    </section>`;
  }
}

/**
 * Where a printed entry came from: its address and dates. Only printed (`.print-only`): on screen
 * the address bar and the facts say the same.
 */
function renderSource(entry: ArchiveEntry) {
  const url = `${window.location.origin}/archive/cases/${encodeURIComponent(entry.id)}`;
  return html`<footer id="entry-source" class="entry__source print-only">
    <p>${t('entry.source')} <span id="entry-source-url" class="entry__source-url">${url}</span></p>
    <p id="entry-source-dates">${t('entry.sourceDates', { published: dateLabel(entry.publishedAt), printed: dateLabel(new Date().toISOString()) })}</p>
  </footer>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-archive-entry': ArchiveEntryPage;
  }
}
