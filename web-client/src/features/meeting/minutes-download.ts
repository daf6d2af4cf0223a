import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { MeetingApi } from '../../net/meeting-api';
import { ApiError } from '../../net/http';
import { errorText } from '../../shared/format';
import { LocalizedElement } from '../../shared/localized-element';
import { saveFile } from '../../shared/save-file';
import { t } from './messages';

/**
 * 「議事録をダウンロード」 in a closed meeting: the minutes as an .xlsx. The API wants the sign-in's
 * token, so the file is fetched through the HttpClient and saved from a Blob URL.
 */
@customElement('yoriai-minutes-download')
export class MinutesDownload extends LocalizedElement {
  @property({ attribute: false }) api?: Pick<MeetingApi, 'minutes'>;
  @property() meetingId = '';
  @property() inviteCode?: string;

  @state() private busy = false;
  @state() private error: ApiError | null = null;

  protected override render() {
    if (!this.api) return nothing;
    return html`
      <p class="minutes-download no-print">
        <button id="minutes-download" type="button" class="button button--ghost button--small" ?disabled=${this.busy}
          @click=${() => this.download()}>${t('minutes.download')}</button>
        ${this.error ? html`<span class="alert" role="alert">${errorText(this.error)}</span>` : nothing}
      </p>
    `;
  }

  private async download(): Promise<void> {
    this.busy = true;
    this.error = null;
    try {
      const file = await this.api!.minutes(this.meetingId, this.inviteCode);
      saveFile(file.blob, file.fileName);
    } catch (error) {
      this.error = error instanceof ApiError ? error : new ApiError(0, ApiError.NETWORK, String(error));
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-minutes-download': MinutesDownload;
  }
}
