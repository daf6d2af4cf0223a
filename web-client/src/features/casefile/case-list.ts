import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CaseApi } from '../../net/case-api';
import type { CaseFile } from '../../net/protocol';
import { errorText } from '../../shared/format';
import { KeyedLoad } from '../../shared/keyed-load';
import './case-import';
import { caseStateLabel } from './labels';
import { t } from './messages';
import { LocalizedElement } from '../../shared/localized-element';

/** `#/cases`: the caller's organization's cases, newest first, and ways to start a new one (a form, or an Excel sheet). */
@customElement('yoriai-case-list')
export class CaseList extends LocalizedElement {
  @property({ attribute: false }) api?: Pick<CaseApi, 'list'>;
  /** The Excel template and import; without it the page offers neither. */
  @property({ attribute: false }) excel?: Pick<CaseApi, 'importSheet' | 'template'>;

  private readonly cases = new KeyedLoad<CaseFile[]>(this, async () =>
    [...(await this.api!.list())].sort((a, b) => String(b.updatedAt ?? '').localeCompare(String(a.updatedAt ?? ''))),
  );

  protected override willUpdate(): void {
    this.cases.refresh(this.api ? 'cases' : null);
  }

  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.querySelector<HTMLElement>('#cases-heading')?.focus();
  }

  protected override render() {
    return html`
      <section class="card card--wide" aria-labelledby="cases-heading">
        <div class="page-head">
          <h1 id="cases-heading" class="card__title" tabindex="-1">${t('cases.title')}</h1>
          <a id="new-case" class="button button--primary" href="/#/cases/new">${t('cases.new')}</a>
        </div>
        ${this.excel ? html`<yoriai-case-import .api=${this.excel}></yoriai-case-import>` : nothing}
        ${this.cases.error ? html`<p class="alert" role="alert">${errorText(this.cases.error)}</p>` : nothing}
        ${this.cases.result === null && !this.cases.error ? html`<p class="hint" aria-busy="true">${t('common.loading')}</p>` : nothing}
        <ul id="case-list" class="item-list">
          ${(this.cases.result ?? []).map(
            (c) => html`<li class="item-list__item case-item" data-case-id=${c.id}>
              <a class="item-list__link" href="/#/cases/${encodeURIComponent(c.id)}">${c.title}</a>
              <span class="state-badge__value" data-state=${c.state}>${caseStateLabel(c.state)}</span>
              <span class="item-list__meta">${[c.prefecture, c.person?.careLevel].filter(Boolean).join(' · ')}</span>
            </li>`,
          )}
        </ul>
        ${this.cases.result !== null && this.cases.result.length === 0 ? html`<p class="hint">${t('cases.empty')}</p>` : nothing}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-case-list': CaseList;
  }
}
