import { html, nothing, type TemplateResult } from 'lit';
import type { ArchiveEntry, ArchiveProposal, ArchiveRemark } from '../../net/archive-api';
import { isPhase } from '../../net/protocol';
import { dateLabel } from '../../shared/format';
import { activityTable } from '../casefile/activity-table';
import { valueLabel } from '../casefile/labels';
import { phaseLabel } from '../meeting/format';
import { proposalTypeLabel } from './labels';
import { type MessageKey, t } from './messages';

/**
 * One archive entry as the public reads it — the facts, the person, the per-activity decomposition
 * of what the person can do and what is hard (§1's core idea), wishes and supports, the discussion,
 * proposals and summary — for the entry page and for the host's preview before publishing.
 */
export interface EntryView {
  /** Prefix of every element id (`entry-` on the entry page), so several entries can share a page. */
  readonly id: string;
  /** What follows each redactable text at `path` (the entry page's 削除 button); nothing by default. */
  readonly redactable?: (path: string, text: string) => unknown;
}

export function renderEntryBody(entry: ArchiveEntry, view: EntryView): TemplateResult {
  const v = { id: view.id, redactable: view.redactable ?? (() => nothing) };
  return html`
    <dl class="entry__facts">
      ${fact('entry.prefecture', entry.prefecture)} ${fact('entry.provider', entry.provider)}
      ${fact('entry.published', dateLabel(entry.publishedAt))}
    </dl>
    ${renderPerson(v, entry)} ${renderActivities(v, entry)} ${renderWishes(v, entry)}
    ${renderDiscussion(v, entry)} ${renderProposals(v, entry.proposals)} ${renderSummary(v, entry)}
  `;
}

type View = Required<EntryView>;

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

function renderPerson(v: View, entry: ArchiveEntry) {
  const p = entry.person;
  const gender = p.gender && ['female', 'male', 'other'].includes(p.gender) ? t(`gender.${p.gender}` as MessageKey) : (p.gender ?? '');
  return html`<section class="entry__section" aria-labelledby="${v.id}person-heading">
    <h2 id="${v.id}person-heading" class="section-title">${t('entry.person')}</h2>
    <dl id="${v.id}person" class="entry__facts entry__facts--grid">
      ${fact('entry.ageBand', p.ageBand ? t('case.ageBandValue', { band: p.ageBand }) : '')} ${fact('entry.gender', gender)}
      ${fact('entry.careLevel', p.careLevel ?? '')} ${fact('entry.household', p.household ? valueLabel('household', p.household) : '')}
      ${fact('entry.housing', p.housing ?? '', v.redactable('person.housing', p.housing ?? ''))}
      ${fact('entry.health', p.health ?? '', v.redactable('person.health', p.health ?? ''))}
    </dl>
  </section>`;
}

function renderActivities(v: View, entry: ArchiveEntry) {
  if (entry.activities.length === 0) return nothing;
  return html`<section class="entry__section" aria-labelledby="${v.id}activities-heading">
    <h2 id="${v.id}activities-heading" class="section-title">${t('entry.activities')}</h2>
    <p class="hint">${t('entry.activitiesLead')}</p>
    ${activityTable({
      id: `${v.id}activities`, caption: t('entry.activities'), rows: entry.activities,
      heads: [t('entry.activity'), t('entry.level'), t('entry.canDo'), t('entry.difficulty')],
      after: (a, i, field) => v.redactable(`activities[${i}].${field}`, a[field]),
    })}
  </section>`;
}

function renderWishes(v: View, entry: ArchiveEntry) {
  return html`<section class="entry__section" aria-labelledby="${v.id}wishes-heading">
    <h2 id="${v.id}wishes-heading" class="section-title">${t('entry.wishes')}</h2>
    <p id="${v.id}wishes" class="entry__text">${entry.wishes || t('common.none')}</p>
    ${v.redactable('wishes', entry.wishes)}
    ${entry.supports.length > 0
      ? html`<h3 class="entry__subtitle">${t('entry.supports')}</h3>
          <ul id="${v.id}supports" class="entry__list">
            ${entry.supports.map(
              (s, i) => html`<li><span class="badge">${supportKindLabel(s.kind)}</span> ${s.description}
                ${v.redactable(`supports[${i}].description`, s.description)}</li>`,
            )}
          </ul>`
      : nothing}
    ${entry.questions
      ? html`<h3 class="entry__subtitle">${t('entry.questions')}</h3>
          <p id="${v.id}questions" class="entry__text">${entry.questions}</p>
          ${v.redactable('questions', entry.questions)}`
      : nothing}
  </section>`;
}

function renderDiscussion(v: View, entry: ArchiveEntry) {
  const groups = discussionByPhase(entry.discussion);
  return html`<section class="entry__section" aria-labelledby="${v.id}discussion-heading">
    <h2 id="${v.id}discussion-heading" class="section-title">${t('entry.discussion')}</h2>
    <div id="${v.id}discussion">
      ${groups.length === 0 ? html`<p class="hint">${t('entry.noDiscussion')}</p>` : nothing}
      ${groups.map(
        (group) => html`<section class="discussion-phase" data-phase=${group.phase}>
          <h3 class="discussion-phase__title">${isPhase(group.phase) ? phaseLabel(group.phase) : group.phase}</h3>
          <ol class="remark-list">${group.threads.map((node) => renderRemark(v, node))}</ol>
        </section>`,
      )}
    </div>
  </section>`;
}

function renderProposals(v: View, proposals: readonly ArchiveProposal[]) {
  return html`<section class="entry__section" aria-labelledby="${v.id}proposals-heading">
    <h2 id="${v.id}proposals-heading" class="section-title">${t('entry.proposals')}</h2>
    ${proposals.length === 0 ? html`<p class="hint">${t('entry.noProposals')}</p>` : nothing}
    <ul id="${v.id}proposals" class="entry-proposal-list">
      ${[...proposals]
        .sort((a, b) => Number(b.adopted) - Number(a.adopted) || b.endorsements - a.endorsements)
        .map(
          (p) => html`<li class="entry-proposal ${p.adopted ? `${v.id}proposal--adopted` : ''}" data-proposal-id=${p.proposalId}>
            <p class="entry-proposal__badges">
              <span class="badge badge--type" data-type=${p.type}>${proposalTypeLabel(p.type)}</span>
              ${p.adopted ? html`<span class="badge badge--adopted">${t('entry.adopted')}</span>` : nothing}
              <span class="endorse-count" data-count=${p.endorsements}>${t('entry.endorsements', { count: p.endorsements })}</span>
            </p>
            ${p.proposedBy ? html`<p class="entry-proposal__author">${t('entry.proposedBy')}: ${p.proposedBy}</p>` : nothing}
            ${p.targetActivity ? html`<p class="entry-proposal__target"><span class="proposal__label">${t('entry.target')}:</span> ${p.targetActivity}</p>` : nothing}
            <p class="entry-proposal__description">${p.description}</p>
            ${v.redactable(`proposals[${p.proposalId}].description`, p.description)}
            ${p.keepsAbilities ? html`<p><span class="proposal__label">${t('entry.keeps')}:</span> ${p.keepsAbilities}</p>` : nothing}
            ${p.cost ? html`<p><span class="proposal__label">${t('entry.cost')}:</span> ${p.cost}</p>` : nothing}
            ${p.area ? html`<p><span class="proposal__label">${t('entry.area')}:</span> ${p.area}</p>` : nothing}
            ${p.serviceId
              ? html`<p><a class="proposal-service" href="/catalog/services/${encodeURIComponent(p.serviceId)}">${t('entry.service')}</a></p>`
              : nothing}
          </li>`,
        )}
    </ul>
  </section>`;
}

function renderSummary(v: View, entry: ArchiveEntry) {
  const summary = entry.summary;
  if (!summary) return nothing;
  return html`<section id="${v.id}summary" class="entry__section" aria-labelledby="${v.id}summary-heading">
    <h2 id="${v.id}summary-heading" class="section-title">${t('entry.summary')}</h2>
    ${summary.direction
      ? html`<h3 class="entry__subtitle">${t('entry.direction')}</h3><p class="entry__text">${summary.direction}</p>
          ${v.redactable('summary.direction', summary.direction)}`
      : nothing}
    ${summary.regionalIssues.length > 0
      ? html`<h3 class="entry__subtitle">${t('entry.regionalIssues')}</h3>
          <ul id="${v.id}regional-issues" class="entry__list">
            ${summary.regionalIssues.map(
              (issue, i) => html`<li>${issue.text} ${v.redactable(`summary.regionalIssues[${i}].text`, issue.text)}
                ${issue.tags.length > 0
                  ? html`<ul class="tag-list">${issue.tags.map((tag) => html`<li class="tag">${tag}</li>`)}</ul>`
                  : nothing}</li>`,
            )}
          </ul>`
      : nothing}
    ${list(v, 'entry.missingResources', `${v.id}missing-resources`, 'summary.missingResources', summary.missingResources)}
    ${list(v, 'entry.followUps', `${v.id}follow-ups`, 'summary.followUps', summary.followUps)}
  </section>`;
}

function renderRemark(v: View, node: RemarkNode): unknown {
  const { remark, replies } = node;
  return html`<li class="remark ${remark.replyTo !== null ? 'remark--reply' : ''}" data-seq=${remark.seq}>
    <p class="remark__label">${remark.label}</p>
    <p class="remark__text">${remark.text}</p>
    ${v.redactable(`discussion[seq=${remark.seq}].text`, remark.text)}
    ${replies.length > 0
      ? html`<ol class="thread" aria-label=${t('entry.replyTo')}>${replies.map((reply) => renderRemark(v, reply))}</ol>`
      : nothing}
  </li>`;
}

function list(v: View, key: MessageKey, id: string, path: string, items: readonly string[]) {
  if (items.length === 0) return nothing;
  return html`<h3 class="entry__subtitle">${t(key)}</h3>
    <ul id=${id} class="entry__list">
      ${items.map((item, i) => html`<li>${item} ${v.redactable(`${path}[${i}]`, item)}</li>`)}
    </ul>`;
}


function fact(key: MessageKey, value: string, extra: unknown = nothing) {
  if (!value) return nothing;
  return html`<div class="entry__fact"><dt>${t(key)}</dt><dd>${value} ${extra}</dd></div>`;
}


function supportKindLabel(kind: string): string {
  return ['formal', 'informal', 'market'].includes(kind) ? t(`supportKind.${kind}` as MessageKey) : kind;
}
