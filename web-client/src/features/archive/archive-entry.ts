import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  REDACTED,
  type ArchiveApi,
  type ArchiveEntry,
  type ArchiveHit,
  type ArchiveProposal,
  type ArchiveRedaction,
  type ArchiveRemark,
} from '../../net/archive-api';
import { ApiError } from '../../net/http';
import { isPhase } from '../../net/protocol';
import { LocaleChangeEvent, localeStore } from '../../state/locale-store';
import { type MessageKey, t } from './messages';
import { KeyedLoad } from '../../shared/keyed-load';
import { StoreController } from '../../shared/store-controller';
import { dateLabel, errorText } from '../../shared/format';
import { valueLabel } from '../casefile/labels';
import { phaseLabel } from '../meeting/format';
import { renderHit, renderOpenData } from './archive-search';
import { proposalTypeLabel } from './labels';

/** A remark with the replies that answer it (replyTo = its seq), in seq order. */
export interface RemarkNode {
  remark: ArchiveRemark;
  replies: RemarkNode[];
}

const PHASE_ORDER = ['presentation', 'questions', 'advice', 'proposals', 'summary', 'closed'];

/**
 * The discussion as threads grouped by phase. A reply sits under its parent whatever phase it was
 * posted in; a reply whose parent was removed (hidden before publishing) stands on its own.
 * Phases come in meeting order; an unknown phase after them, in order of first appearance.
 */
export function discussionByPhase(remarks: readonly ArchiveRemark[]): { phase: string; threads: RemarkNode[] }[] {
  const sorted = [...remarks].sort((a, b) => a.seq - b.seq);
  const nodes = new Map<number, RemarkNode>(sorted.map((remark) => [remark.seq, { remark, replies: [] }]));
  const groups = new Map<string, RemarkNode[]>();
  for (const remark of sorted) {
    const node = nodes.get(remark.seq)!;
    const parent = remark.replyTo !== null && remark.replyTo !== remark.seq ? nodes.get(remark.replyTo) : undefined;
    if (parent) parent.replies.push(node);
    else groups.set(remark.phase, [...(groups.get(remark.phase) ?? []), node]);
  }
  const rank = (phase: string): number => {
    const index = PHASE_ORDER.indexOf(phase);
    return index === -1 ? PHASE_ORDER.length : index;
  };
  return [...groups.entries()]
    .map(([phase, threads]) => ({ phase, threads }))
    .sort((a, b) => rank(a.phase) - rank(b.phase));
}

/**
 * `#/archive/{id}`: one published case — the sheet, the per-activity decomposition of what the
 * person can do and what is hard (§1's core idea), the discussion, proposals, summary and
 * similar cases. Prints cleanly (see `@media print` in styles.css). For a signed-in user who may
 * redact (the entry's host or an admin: the server says which by answering the audit request),
 * every text gets a 削除 button that asks for a reason and redacts it.
 */
@customElement('yoriai-archive-entry')
export class ArchiveEntryPage extends LitElement {
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

  constructor() {
    super();
    new StoreController(this, localeStore, LocaleChangeEvent.type);
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

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
        <p class="no-print"><a href="#/archive">${t('entry.back')}</a></p>
        <h1 id="entry-title" class="card__title" tabindex="-1">${error ? errorText(error) : t('common.loading')}</h1>
      </section>`;
    }
    return html`
      <article id="archive-entry" class="card card--wide entry" aria-labelledby="entry-title">
        <div class="entry__tools no-print">
          <a href="#/archive">${t('entry.back')}</a>
          <button id="entry-print" type="button" class="button button--ghost button--small" @click=${() => window.print()}>
            ${t('entry.print')}</button>
        </div>
        <h1 id="entry-title" class="card__title" tabindex="-1">${entry.title}</h1>
        <dl class="entry__facts">
          ${fact('entry.prefecture', entry.prefecture)} ${fact('entry.provider', entry.provider)}
          ${fact('entry.published', dateLabel(entry.publishedAt))}
        </dl>
        ${this.renderPerson(entry)} ${this.renderActivities(entry)} ${this.renderWishes(entry)}
        ${this.renderDiscussion(entry)} ${this.renderProposals(entry.proposals)} ${this.renderSummary(entry)}
        ${this.renderRedactions()} ${this.renderSimilar()}
        <div class="no-print">${renderOpenData()}</div>
      </article>
    `;
  }

  private renderPerson(entry: ArchiveEntry) {
    const p = entry.person;
    const gender = p.gender && ['female', 'male', 'other'].includes(p.gender) ? t(`gender.${p.gender}` as MessageKey) : (p.gender ?? '');
    return html`<section class="entry__section" aria-labelledby="entry-person-heading">
      <h2 id="entry-person-heading" class="section-title">${t('entry.person')}</h2>
      <dl id="entry-person" class="entry__facts entry__facts--grid">
        ${fact('entry.ageBand', p.ageBand ? t('case.ageBandValue', { band: p.ageBand }) : '')} ${fact('entry.gender', gender)}
        ${fact('entry.careLevel', p.careLevel ?? '')} ${fact('entry.household', p.household ? valueLabel('household', p.household) : '')}
        ${fact('entry.housing', p.housing ?? '', this.redactable('person.housing', p.housing ?? ''))}
        ${fact('entry.health', p.health ?? '', this.redactable('person.health', p.health ?? ''))}
      </dl>
    </section>`;
  }

  private renderActivities(entry: ArchiveEntry) {
    if (entry.activities.length === 0) return nothing;
    return html`<section class="entry__section" aria-labelledby="entry-activities-heading">
      <h2 id="entry-activities-heading" class="section-title">${t('entry.activities')}</h2>
      <p class="hint">${t('entry.activitiesLead')}</p>
      <div class="table-scroll">
        <table id="entry-activities" class="decomposition">
          <caption class="visually-hidden">${t('entry.activities')}</caption>
          <thead>
            <tr>
              <th scope="col">${t('entry.activity')}</th>
              <th scope="col">${t('entry.level')}</th>
              <th scope="col" class="decomposition__can">${t('entry.canDo')}</th>
              <th scope="col" class="decomposition__hard">${t('entry.difficulty')}</th>
            </tr>
          </thead>
          <tbody>
            ${entry.activities.map(
              (a, i) => html`<tr class="decomposition__row">
                <th scope="row" class="decomposition__activity">${a.activity}</th>
                <td><span class="level-badge" data-level=${a.level}>${a.level ? valueLabel('level', a.level) : ''}</span></td>
                <td class="decomposition__can">${a.canDo}${this.redactable(`activities[${i}].canDo`, a.canDo)}</td>
                <td class="decomposition__hard">${a.difficulty}${this.redactable(`activities[${i}].difficulty`, a.difficulty)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </section>`;
  }

  private renderWishes(entry: ArchiveEntry) {
    return html`<section class="entry__section" aria-labelledby="entry-wishes-heading">
      <h2 id="entry-wishes-heading" class="section-title">${t('entry.wishes')}</h2>
      <p id="entry-wishes" class="entry__text">${entry.wishes || t('common.none')}</p>
      ${this.redactable('wishes', entry.wishes)}
      ${entry.supports.length > 0
        ? html`<h3 class="entry__subtitle">${t('entry.supports')}</h3>
            <ul id="entry-supports" class="entry__list">
              ${entry.supports.map(
                (s, i) => html`<li><span class="badge">${supportKindLabel(s.kind)}</span> ${s.description}
                  ${this.redactable(`supports[${i}].description`, s.description)}</li>`,
              )}
            </ul>`
        : nothing}
      ${entry.questions
        ? html`<h3 class="entry__subtitle">${t('entry.questions')}</h3>
            <p id="entry-questions" class="entry__text">${entry.questions}</p>
            ${this.redactable('questions', entry.questions)}`
        : nothing}
    </section>`;
  }

  private renderDiscussion(entry: ArchiveEntry) {
    const groups = discussionByPhase(entry.discussion);
    return html`<section class="entry__section" aria-labelledby="entry-discussion-heading">
      <h2 id="entry-discussion-heading" class="section-title">${t('entry.discussion')}</h2>
      <div id="entry-discussion">
        ${groups.length === 0 ? html`<p class="hint">${t('entry.noDiscussion')}</p>` : nothing}
        ${groups.map(
          (group) => html`<section class="discussion-phase" data-phase=${group.phase}>
            <h3 class="discussion-phase__title">${isPhase(group.phase) ? phaseLabel(group.phase) : group.phase}</h3>
            <ol class="remark-list">${group.threads.map((node) => this.renderRemark(node))}</ol>
          </section>`,
        )}
      </div>
    </section>`;
  }

  private renderProposals(proposals: readonly ArchiveProposal[]) {
    return html`<section class="entry__section" aria-labelledby="entry-proposals-heading">
      <h2 id="entry-proposals-heading" class="section-title">${t('entry.proposals')}</h2>
      ${proposals.length === 0 ? html`<p class="hint">${t('entry.noProposals')}</p>` : nothing}
      <ul id="entry-proposals" class="entry-proposal-list">
        ${[...proposals]
          .sort((a, b) => Number(b.adopted) - Number(a.adopted) || b.endorsements - a.endorsements)
          .map(
            (p) => html`<li class="entry-proposal ${p.adopted ? 'entry-proposal--adopted' : ''}" data-proposal-id=${p.proposalId}>
              <p class="entry-proposal__badges">
                <span class="badge badge--type" data-type=${p.type}>${proposalTypeLabel(p.type)}</span>
                ${p.adopted ? html`<span class="badge badge--adopted">${t('entry.adopted')}</span>` : nothing}
                <span class="endorse-count" data-count=${p.endorsements}>${t('entry.endorsements', { count: p.endorsements })}</span>
              </p>
              ${p.proposedBy ? html`<p class="entry-proposal__author">${t('entry.proposedBy')}: ${p.proposedBy}</p>` : nothing}
              ${p.targetActivity ? html`<p class="entry-proposal__target"><span class="proposal__label">${t('entry.target')}:</span> ${p.targetActivity}</p>` : nothing}
              <p class="entry-proposal__description">${p.description}</p>
              ${this.redactable(`proposals[${p.proposalId}].description`, p.description)}
              ${p.keepsAbilities ? html`<p><span class="proposal__label">${t('entry.keeps')}:</span> ${p.keepsAbilities}</p>` : nothing}
              ${p.cost ? html`<p><span class="proposal__label">${t('entry.cost')}:</span> ${p.cost}</p>` : nothing}
              ${p.area ? html`<p><span class="proposal__label">${t('entry.area')}:</span> ${p.area}</p>` : nothing}
              ${p.serviceId
                ? html`<p><a class="proposal-service" href="#/catalog/${encodeURIComponent(p.serviceId)}">${t('entry.service')}</a></p>`
                : nothing}
            </li>`,
          )}
      </ul>
    </section>`;
  }

  private renderSummary(entry: ArchiveEntry) {
    const summary = entry.summary;
    if (!summary) return nothing;
    return html`<section id="entry-summary" class="entry__section" aria-labelledby="entry-summary-heading">
      <h2 id="entry-summary-heading" class="section-title">${t('entry.summary')}</h2>
      ${summary.direction
        ? html`<h3 class="entry__subtitle">${t('entry.direction')}</h3><p class="entry__text">${summary.direction}</p>
            ${this.redactable('summary.direction', summary.direction)}`
        : nothing}
      ${summary.regionalIssues.length > 0
        ? html`<h3 class="entry__subtitle">${t('entry.regionalIssues')}</h3>
            <ul id="entry-regional-issues" class="entry__list">
              ${summary.regionalIssues.map(
                (issue, i) => html`<li>${issue.text} ${this.redactable(`summary.regionalIssues[${i}].text`, issue.text)}
                  ${issue.tags.length > 0
                    ? html`<ul class="tag-list">${issue.tags.map((tag) => html`<li class="tag">${tag}</li>`)}</ul>`
                    : nothing}</li>`,
              )}
            </ul>`
        : nothing}
      ${this.list('entry.missingResources', 'entry-missing-resources', 'summary.missingResources', summary.missingResources)}
      ${this.list('entry.followUps', 'entry-follow-ups', 'summary.followUps', summary.followUps)}
    </section>`;
  }

  private renderRemark(node: RemarkNode): unknown {
    const { remark, replies } = node;
    return html`<li class="remark ${remark.replyTo !== null ? 'remark--reply' : ''}" data-seq=${remark.seq}>
      <p class="remark__label">${remark.label}</p>
      <p class="remark__text">${remark.text}</p>
      ${this.redactable(`discussion[seq=${remark.seq}].text`, remark.text)}
      ${replies.length > 0
        ? html`<ol class="thread" aria-label=${t('entry.replyTo')}>${replies.map((reply) => this.renderRemark(reply))}</ol>`
        : nothing}
    </li>`;
  }

  private list(key: MessageKey, id: string, path: string, items: readonly string[]) {
    if (items.length === 0) return nothing;
    return html`<h3 class="entry__subtitle">${t(key)}</h3>
      <ul id=${id} class="entry__list">
        ${items.map((item, i) => html`<li>${item} ${this.redactable(`${path}[${i}]`, item)}</li>`)}
      </ul>`;
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


function fact(key: MessageKey, value: string, extra: unknown = nothing) {
  if (!value) return nothing;
  return html`<div class="entry__fact"><dt>${t(key)}</dt><dd>${value} ${extra}</dd></div>`;
}


function supportKindLabel(kind: string): string {
  return ['formal', 'informal', 'market'].includes(kind) ? t(`supportKind.${kind}` as MessageKey) : kind;
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-archive-entry': ArchiveEntryPage;
  }
}
