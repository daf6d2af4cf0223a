import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AccountApi } from '../../net/account-api';
import { ApiError } from '../../net/http';
import { errorText } from '../../shared/format';
import { LocalizedElement } from '../../shared/localized-element';
import { t } from './messages';

type Outcome = { kind: 'confirming' } | { kind: 'confirmed' } | { kind: 'invalid' } | { kind: 'failed'; text: string };

/**
 * `#/confirm?token=…` (public; the link of the 「参加申請を受け付けました」 mail): confirms the
 * sign-up's address as soon as it opens, so the request reaches the administrators. The token
 * works once: opening the link again says it cannot be used. The outcome is said in a status
 * region, while the shell keeps the focus on the page's heading as on every page.
 */
@customElement('yoriai-confirm-page')
export class ConfirmPage extends LocalizedElement {
  @property({ attribute: false }) api?: Pick<AccountApi, 'confirmSignUp'>;
  @property() token = '';
  @state() private outcome: Outcome = { kind: 'confirming' };
  private sent = false;

  protected override updated(changed: PropertyValues<this>): void {
    if ((changed.has('api') || changed.has('token')) && this.api && !this.sent) void this.confirm(this.api);
  }

  private async confirm(api: Pick<AccountApi, 'confirmSignUp'>): Promise<void> {
    this.sent = true;
    if (this.token === '') {
      this.outcome = { kind: 'invalid' };
    } else {
      try {
        await api.confirmSignUp(this.token);
        this.outcome = { kind: 'confirmed' };
      } catch (error) {
        const invalid = error instanceof ApiError && (error.code === 'invalid_token' || error.status === 400);
        this.outcome = invalid ? { kind: 'invalid' } : { kind: 'failed', text: error instanceof ApiError ? errorText(error) : String(error) };
      }
    }
  }

  protected override render() {
    const outcome = this.outcome;
    return html`<section class="card" aria-labelledby="confirm-heading" aria-busy=${outcome.kind === 'confirming' ? 'true' : 'false'}>
      <h1 id="confirm-heading" class="card__title" tabindex="-1">${t('confirm.heading')}</h1>
      <div id="confirm-status" role="status">
        ${outcome.kind === 'confirming' ? html`<p id="confirm-progress">${t('confirm.progress')}</p>` : nothing}
        ${outcome.kind === 'confirmed' ? html`<p id="confirm-result" class="notice notice--ok">${t('confirm.done')}</p>` : nothing}
        ${outcome.kind === 'invalid' ? html`<p id="confirm-result" class="alert">${t('confirm.invalid')}</p>` : nothing}
        ${outcome.kind === 'failed' ? html`<p id="confirm-result" class="alert">${outcome.text}</p>` : nothing}
      </div>
      ${outcome.kind === 'confirmed' ? html`<p>${t('confirm.doneNext')}</p>` : nothing}
      ${outcome.kind === 'invalid' ? html`<p><a id="confirm-signup" href="/#/signup">${t('confirm.signUpAgain')}</a></p>` : nothing}
      ${outcome.kind === 'confirming' ? nothing : html`<p><a id="confirm-home" href="/#/">${t('signup.toHome')}</a></p>`}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-confirm-page': ConfirmPage;
  }
}
