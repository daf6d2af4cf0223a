import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CaseApi } from '../../net/case-api';
import { ApiError } from '../../net/http';
import type { CaseFile } from '../../net/protocol';
import { LocaleChangeEvent, localeStore } from '../../state/locale-store';
import { t } from './messages';
import { StoreController } from '../../shared/store-controller';
import { errorText } from './case-editor';
import { caseStateLabel } from './labels';

/** `#/cases`: the caller's organization's cases, newest first, and a way to start a new one. */
@customElement('yoriai-case-list')
export class CaseList extends LitElement {
  @property({ attribute: false }) api?: Pick<CaseApi, 'list'>;
  @property({ attribute: false }) token: string | null = null;

  @state() private cases: CaseFile[] | null = null;
  @state() private error: ApiError | null = null;

  constructor() {
    super();
    new StoreController(this, localeStore, LocaleChangeEvent.type);
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.querySelector<HTMLElement>('#cases-heading')?.focus();
  }

  private async load(): Promise<void> {
    if (!this.api || !this.token) return;
    try {
      const cases = await this.api.list(this.token);
      this.cases = [...cases].sort((a, b) => String(b.updatedAt ?? '').localeCompare(String(a.updatedAt ?? '')));
      this.error = null;
    } catch (error) {
      this.error = error instanceof ApiError ? error : new ApiError(0, 'unexpected', String(error));
    }
  }

  protected override render() {
    return html`
      <section class="card card--wide" aria-labelledby="cases-heading">
        <div class="page-head">
          <h1 id="cases-heading" class="card__title" tabindex="-1">${t('cases.title')}</h1>
          <a id="new-case" class="button button--primary" href="#/cases/new">${t('cases.new')}</a>
        </div>
        ${this.error ? html`<p class="alert" role="alert">${errorText(this.error)}</p>` : nothing}
        ${this.cases === null && !this.error ? html`<p class="hint" aria-busy="true">${t('common.loading')}</p>` : nothing}
        <ul id="case-list" class="item-list">
          ${(this.cases ?? []).map(
            (c) => html`<li class="item-list__item case-item" data-case-id=${c.id}>
              <a class="item-list__link" href="#/cases/${encodeURIComponent(c.id)}">${c.title}</a>
              <span class="state-badge__value" data-state=${c.state}>${caseStateLabel(c.state)}</span>
              <span class="item-list__meta">${[c.prefecture, c.person?.careLevel].filter(Boolean).join(' · ')}</span>
            </li>`,
          )}
        </ul>
        ${this.cases !== null && this.cases.length === 0 ? html`<p class="hint">${t('cases.empty')}</p>` : nothing}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-case-list': CaseList;
  }
}
