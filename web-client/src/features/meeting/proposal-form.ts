import { html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { CatalogApi } from '../../net/catalog-api';
import { ACTIVITIES, PROPOSAL_TYPES, type ProposalInput, type ProposalType } from '../../net/protocol';
import { ProposalSubmitEvent } from './events';
import { t } from './messages';
import { proposalTypeLabel } from './proposal-list';
import './service-picker';
import type { ServicePicker } from './service-picker';
import { LocalizedElement } from '../../shared/localized-element';

/**
 * The structured proposal (§4): target, type, description, how it keeps the person's abilities,
 * optionally a catalog service, cost and area. Asks for the command with {@link ProposalSubmitEvent};
 * optional fields left empty are not sent.
 */
@customElement('yoriai-proposal-form')
export class ProposalForm extends LocalizedElement {
  @property({ type: Boolean }) disabled = false;
  @property({ attribute: false }) catalog?: Pick<CatalogApi, 'search'>;
  /** The case's prefecture, whose services the picker lists first. */
  @property() prefecture = '';

  @state() private missing = false;
  @query('yoriai-service-picker') private picker?: ServicePicker;

  protected override render() {
    return html`
      <form id="proposal-form" class="form proposal-form" novalidate @submit=${this.onSubmit}>
        <h3 class="panel__subtitle">${t('room.newProposal')}</h3>
        <div class="field">
          <label class="field__label" for="proposal-target">${t('proposal.target')}</label>
          <input id="proposal-target" name="target" class="field__input" type="text" list="proposal-target-options" />
          <datalist id="proposal-target-options">${ACTIVITIES.map((a) => html`<option value=${a}></option>`)}</datalist>
        </div>
        <div class="field">
          <label class="field__label" for="proposal-type">${t('proposal.type')}</label>
          <select id="proposal-type" name="type" class="field__input">
            ${PROPOSAL_TYPES.map((type) => html`<option value=${type}>${proposalTypeLabel(type)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label class="field__label" for="proposal-description">${t('proposal.description')}</label>
          <textarea id="proposal-description" name="description" class="field__input field__input--area" rows="3"></textarea>
        </div>
        <div class="field">
          <label class="field__label" for="proposal-keeps">${t('proposal.keeps')}</label>
          <textarea id="proposal-keeps" name="keeps" class="field__input field__input--area" rows="2"></textarea>
        </div>
        ${this.catalog
          ? html`<yoriai-service-picker .catalog=${this.catalog} .prefecture=${this.prefecture}></yoriai-service-picker>`
          : nothing}
        <div class="field">
          <label class="field__label" for="proposal-cost">${t('proposal.cost')}</label>
          <input id="proposal-cost" name="cost" class="field__input" type="text" maxlength="200" />
        </div>
        <div class="field">
          <label class="field__label" for="proposal-area">${t('proposal.area')}</label>
          <input id="proposal-area" name="area" class="field__input" type="text" maxlength="200" />
        </div>
        ${this.missing ? html`<p id="proposal-error" class="alert" role="alert">${t('proposal.error.required')}</p>` : nothing}
        <button id="proposal-submit" class="button button--primary" type="submit" ?disabled=${this.disabled}>${t('proposal.submit')}</button>
      </form>
    `;
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const value = (name: string): string =>
      (form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value.trim();
    const proposal: ProposalInput = {
      targetActivity: value('target'),
      type: value('type') as ProposalType,
      description: value('description'),
      keepsAbilities: value('keeps'),
    };
    if (proposal.targetActivity === '' || proposal.description === '' || proposal.keepsAbilities === '') {
      this.missing = true;
      return;
    }
    const serviceId = this.picker?.serviceId;
    if (serviceId) proposal.serviceId = serviceId;
    if (value('cost')) proposal.cost = value('cost');
    if (value('area')) proposal.area = value('area');
    this.missing = false;
    this.dispatchEvent(new ProposalSubmitEvent(proposal));
    form.reset();
    this.picker?.clear();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-proposal-form': ProposalForm;
  }
}
