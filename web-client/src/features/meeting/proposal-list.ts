import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CatalogApi } from '../../net/catalog-api';
import { PROPOSAL_TYPES, type ProposalType } from '../../net/protocol';
import type { Proposal } from '../../state/meeting-room-model';
import { EndorseRequestEvent } from './events';
import { t } from './messages';
import { LocalizedElement } from '../../shared/localized-element';

/**
 * The proposals of the meeting: type, target, what keeps the person's abilities, cost, area, the
 * linked catalog service (its name read from the public catalog, linked to its page in a new tab,
 * so the reader stays in the meeting) and the endorsements. Endorsing is asked for with {@link EndorseRequestEvent},
 * never on one's own proposal (the server refuses it too).
 */
@customElement('yoriai-proposal-list')
export class ProposalList extends LocalizedElement {
  @property({ attribute: false }) proposals: readonly Proposal[] = [];
  @property() me = '';
  @property({ type: Boolean }) canEndorse = true;
  @property({ attribute: false }) catalog?: Pick<CatalogApi, 'get'>;

  /** serviceId → its name, or null when it could not be read. */
  @state() private serviceNames = new Map<string, string | null>();

  protected override willUpdate(_changed: PropertyValues<this>): void {
    for (const { serviceId } of this.proposals) {
      if (serviceId && this.catalog && !this.serviceNames.has(serviceId)) void this.loadName(serviceId);
    }
  }

  private async loadName(serviceId: string): Promise<void> {
    this.serviceNames.set(serviceId, null);
    let name: string | null = null;
    try {
      name = (await this.catalog!.get(serviceId)).name;
    } catch {
      // the link to the catalog page still works; it is just shown without the name
    }
    this.serviceNames = new Map(this.serviceNames).set(serviceId, name);
  }

  protected override render() {
    return html`
      ${this.proposals.length === 0 ? html`<p class="hint">${t('room.noProposals')}</p>` : nothing}
      <ol id="proposal-list" class="proposal-list">
        ${this.proposals.map((p) => {
          const endorsed = p.endorsers.has(this.me);
          const serviceName = (p.serviceId && this.serviceNames.get(p.serviceId)) || t('proposal.serviceLink');
          return html`<li class="proposal" data-proposal-id=${p.proposalId} data-seq=${p.seq}>
            <p class="proposal__head">
              <span class="badge badge--type" data-type=${p.type}>${proposalTypeLabel(p.type)}</span>
              <span class="proposal__target">${p.targetActivity}</span>
            </p>
            <p class="proposal__description">${p.description}</p>
            <p class="proposal__keeps"><span class="proposal__label">${t('proposal.keepsLabel')}:</span> ${p.keepsAbilities}</p>
            ${p.serviceId
              ? html`<p class="proposal__service"><span class="proposal__label">${t('proposal.serviceLabel')}:</span>
                  <a class="proposal-service" href="/catalog/services/${encodeURIComponent(p.serviceId)}" data-service-id=${p.serviceId}
                    target="_blank" rel="noopener" aria-label=${serviceName + t('room.newTab')}>${serviceName}</a></p>`
              : nothing}
            ${p.cost ? html`<p class="proposal__cost"><span class="proposal__label">${t('proposal.costLabel')}:</span> ${p.cost}</p>` : nothing}
            ${p.area ? html`<p class="proposal__area"><span class="proposal__label">${t('proposal.areaLabel')}:</span> ${p.area}</p>` : nothing}
            <p class="hint">${t('proposal.by', { name: p.author?.displayName ?? '' })}</p>
            <div class="proposal__actions">
              ${p.author?.accountId === this.me
                ? html`<span class="hint own-proposal">${t('proposal.own')}</span>`
                : html`<button class="button button--secondary button--small endorse" type="button"
                    data-proposal-id=${p.proposalId} aria-pressed=${endorsed ? 'true' : 'false'} ?disabled=${!this.canEndorse}
                    @click=${() => this.dispatchEvent(new EndorseRequestEvent(p.proposalId))}>
                    ${endorsed ? t('proposal.endorsed') : t('proposal.endorse')}
                  </button>`}
              <span class="endorse-count" data-count=${p.endorsers.size}>${t('proposal.count', { count: p.endorsers.size })}</span>
            </div>
          </li>`;
        })}
      </ol>
    `;
  }
}

export function proposalTypeLabel(type: string): string {
  return (PROPOSAL_TYPES as readonly string[]).includes(type) ? t(`proposalType.${type as ProposalType}`) : type;
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-proposal-list': ProposalList;
  }
}
