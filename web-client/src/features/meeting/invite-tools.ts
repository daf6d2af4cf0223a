import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError } from '../../net/http';
import type { MeetingApi } from '../../net/meeting-api';
import { errorText } from '../../shared/format';
import { LocalizedElement } from '../../shared/localized-element';
import { t } from './messages';

/** The addresses typed into the invitation form: one per line or separated by commas, blanks dropped. */
export function addressesOf(text: string): string[] {
  return text.split(/[\n,、，]+/).map((a) => a.trim()).filter((a) => a !== '');
}

/** The link that opens the meeting, with its code for an invite-only one, on this page's own address. */
export function inviteLink(meetingId: string, inviteCode: string | undefined, location: Pick<Location, 'origin' | 'pathname'>): string {
  const code = inviteCode ? `?invite=${encodeURIComponent(inviteCode)}` : '';
  return `${location.origin}${location.pathname}#/meetings/${encodeURIComponent(meetingId)}${code}`;
}

/**
 * The host's invitations on the meeting page: a ready link to copy (it carries the code of an
 * invite-only meeting, so opening it joins) and a form that mails invitations with the meeting as
 * a calendar file. Results are said in a status region.
 */
@customElement('yoriai-invite-tools')
export class InviteTools extends LocalizedElement {
  @property({ attribute: false }) api?: Pick<MeetingApi, 'invite'>;
  @property() meetingId = '';
  @property() inviteCode?: string;
  @state() private copied = false;
  @state() private busy = false;
  @state() private result: { ok: boolean; text: string } | null = null;

  private get link(): string {
    return inviteLink(this.meetingId, this.inviteCode, window.location);
  }

  private readonly onCopy = async (): Promise<void> => {
    const field = this.querySelector<HTMLInputElement>('#invite-link');
    try {
      await navigator.clipboard.writeText(this.link);
    } catch {
      // without clipboard rights the link stays selected for the person to copy
    }
    field?.select();
    this.copied = true;
  };

  private readonly onInvite = async (event: Event): Promise<void> => {
    event.preventDefault();
    const area = this.querySelector<HTMLTextAreaElement>('#invite-emails');
    const emails = addressesOf(area?.value ?? '');
    if (emails.length === 0) {
      this.result = { ok: false, text: t('invite.emailsEmpty') };
      return;
    }
    if (this.busy || !this.api) return;
    this.busy = true;
    try {
      const invited = await this.api.invite(this.meetingId, emails);
      this.result = { ok: true, text: t('invite.sent', { count: invited }) };
      if (area) area.value = '';
    } catch (error) {
      this.result = { ok: false, text: this.failureText(error, emails) };
    } finally {
      this.busy = false;
    }
  };

  /** Names the address the server refused (`emails[i]`), else the error. */
  private failureText(error: unknown, emails: string[]): string {
    if (!(error instanceof ApiError)) return t('invite.failed', { reason: String(error) });
    const field = error.details.map((d) => (d as { field?: unknown }).field).find((f) => typeof f === 'string' && f.startsWith('emails['));
    const index = typeof field === 'string' ? Number(field.slice('emails['.length, -1)) : NaN;
    return Number.isInteger(index) && emails[index] !== undefined
      ? t('invite.badAddress', { address: emails[index] })
      : t('invite.failed', { reason: errorText(error) });
  }

  protected override render() {
    return html`<section id="invite-tools" class="invite-tools" aria-labelledby="invite-tools-heading">
      <h2 id="invite-tools-heading" class="section-title">${t('invite.heading')}</h2>
      ${this.inviteCode ? html`<p class="hint">${t('room.inviteCode')}: <code id="room-invite-code">${this.inviteCode}</code></p>` : nothing}
      <div class="field">
        <label class="field__label" for="invite-link">${t('invite.linkLabel')}</label>
        <div class="invite-tools__link">
          <input id="invite-link" class="field__input" type="text" readonly .value=${this.link} />
          <button id="invite-link-copy" class="button" type="button" @click=${this.onCopy}>${t('invite.copy')}</button>
        </div>
        <p class="hint" role="status">${this.copied ? t('invite.copied') : ''}</p>
      </div>
      <details id="invite-mail" class="invite-tools__mail">
        <summary id="invite-mail-toggle">${t('invite.emailsLabel')}</summary>
        <form id="invite-form" class="form" novalidate @submit=${this.onInvite}>
          <div class="field">
            <label class="field__label" for="invite-emails">${t('invite.emailsAddresses')}</label>
            <textarea id="invite-emails" class="field__input" rows="2" aria-describedby="invite-emails-hint"></textarea>
            <p id="invite-emails-hint" class="hint">${t('invite.emailsHint')}</p>
          </div>
          <button id="invite-submit" class="button button--primary" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
            ${t('invite.submit')}</button>
          <p id="invite-result" class=${this.result && !this.result.ok ? 'alert' : 'hint'} role="status">${this.result?.text ?? ''}</p>
        </form>
      </details>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-invite-tools': InviteTools;
  }
}
