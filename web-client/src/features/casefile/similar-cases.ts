import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ArchiveApi, ArchiveHit } from '../../net/archive-api';
import { errorText } from '../../shared/format';
import { KeyedLoad } from '../../shared/keyed-load';
import { LocalizedElement } from '../../shared/localized-element';
import { renderSnippet } from '../archive/snippet';
import { valueLabel } from './labels';
import { t } from './messages';

/**
 * 「似ている過去の事例」: the published entries most like a case sheet (`GET /cases/{id}/similar`),
 * each a link to its public page. Read again only when `version` changes (the case editor raises it
 * after every save), never while the sheet is typed; the status line above the list says how many
 * were found, politely, each time. Shown on the case editor and, `compact`, in the meeting room,
 * where nothing shows until the list has arrived: a reader who may not read the case (404) sees,
 * and hears, nothing of it. Another case forgets the list of the previous one at once.
 */
@customElement('yoriai-similar-cases')
export class SimilarCases extends LocalizedElement {
  @property({ attribute: false }) api?: Pick<ArchiveApi, 'similarToCase'>;
  /** The stored case; null while a new sheet has not been saved yet. */
  @property({ attribute: false }) caseId: string | null = null;
  @property({ type: Number }) version = 0;
  /** The address of a public entry, from the app's route table. */
  @property({ attribute: false }) entryHref?: (id: string) => string;
  /** A panel of the meeting room rather than a card below the case sheet. */
  @property({ type: Boolean }) compact = false;

  private readonly hits = new KeyedLoad<ArchiveHit[]>(this, (signal) => this.api!.similarToCase(this.caseId!, signal),
    (key) => key.slice(0, key.lastIndexOf(':')));

  protected override willUpdate(): void {
    this.hits.refresh(this.api && this.caseId ? `${this.caseId}:${this.version}` : null);
  }

  protected override render() {
    const error = this.hits.error;
    if (error && (error.status === 404 || error.status === 403)) return nothing;
    const hits = this.caseId ? this.hits.result : null;
    if (this.compact && hits === null) return nothing;
    return html`
      <section id="similar-cases" class=${this.compact ? 'panel similar-cases' : 'card card--wide similar-cases'}
        aria-labelledby="similar-cases-heading">
        <h2 id="similar-cases-heading" class=${this.compact ? 'panel__title' : 'section-title'}>${t('similar.heading')}</h2>
        ${this.compact ? nothing : html`<p class="hint">${t('similar.lead')}</p>`}
        <p id="similar-cases-status" class="hint" role="status" aria-live="polite"
          aria-busy=${this.hits.loading ? 'true' : 'false'}>${this.status(hits)}</p>
        ${hits && hits.length > 0
          ? html`<ul id="similar-cases-list" class="hit-list hit-list--compact">${hits.map((hit) => this.renderHit(hit))}</ul>`
          : nothing}
      </section>
    `;
  }

  private status(hits: ArchiveHit[] | null): string {
    if (!this.caseId) return t('similar.unsaved');
    if (this.hits.error) return t('similar.failed', { reason: errorText(this.hits.error) });
    if (this.hits.loading || hits === null) return t('similar.loading');
    return hits.length === 0 ? t('similar.none') : t('similar.found', { count: hits.length });
  }

  private renderHit(hit: ArchiveHit): TemplateResult {
    const facts = [hit.prefecture, hit.careLevel, hit.household ? valueLabel('household', hit.household) : ''].filter((f) => f);
    return html`<li class="archive-hit similar-case" data-id=${hit.id}>
      <h3 class="archive-hit__title"><a class="similar-case__link" href=${this.entryHref?.(hit.id) ?? ''}>${hit.title}</a></h3>
      ${hit.snippet ? html`<p class="archive-hit__snippet">${renderSnippet(hit.snippet)}</p>` : nothing}
      ${facts.length > 0 ? html`<p class="archive-hit__meta">${facts.join(' · ')}</p>` : nothing}
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-similar-cases': SimilarCases;
  }
}
