import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AccountApi } from '../../net/account-api';
import { ApiError } from '../../net/http';
import { AnnounceEvent } from '../../shared/announce';
import { errorText } from '../../shared/format';
import { KeyedLoad } from '../../shared/keyed-load';
import { LocalizedElement } from '../../shared/localized-element';
import { type MessageKey, t } from './messages';

/**
 * One section of the admin console: loads its list through `KeyedLoad` (again after every action,
 * and on 最新の状態を読み込む), and runs actions through {@link act}, which says the outcome in
 * the shell's status and keeps a failure visible above the list.
 */
export abstract class AdminSection<T> extends LocalizedElement {
  @property({ attribute: false }) api?: AccountApi;

  /** The last action's failure, shown above the list until the next action. */
  @state() protected failure: string | null = null;
  @state() protected acting = false;
  private version = 0;

  protected readonly list = new KeyedLoad<T>(this, (signal) => this.load(this.api!, signal));

  protected abstract load(api: AccountApi, signal: AbortSignal): Promise<T>;

  /** What the list depends on besides the reloads (a filter). */
  protected listKey(): string {
    return '';
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    this.list.refresh(this.api ? `${this.listKey()}#${this.version}` : null);
  }

  protected reload(): void {
    this.version += 1;
    this.requestUpdate();
  }

  /** Runs `call`; says `success` (or why `action` failed) in the status; reloads the list. Returns whether it worked. */
  protected async act(action: MessageKey, call: (api: AccountApi) => Promise<unknown>, success: string): Promise<boolean> {
    if (!this.api || this.acting) return false;
    this.acting = true;
    try {
      await call(this.api);
      this.failure = null;
      this.dispatchEvent(new AnnounceEvent(success));
      return true;
    } catch (error) {
      const reason = errorText(error instanceof ApiError ? error : new ApiError(0, 'unexpected', String(error)));
      this.failure = t('admin.status.failed', { action: t(action), reason });
      this.dispatchEvent(new AnnounceEvent(this.failure));
      return false;
    } finally {
      this.acting = false;
      this.reload();
    }
  }

  protected renderFailure(id: string) {
    return this.failure ? html`<p id="${id}-failure" class="alert">${this.failure}</p>` : nothing;
  }

  /** The loading, error and empty states of the list, or nothing once it has items. */
  protected renderListState(items: readonly unknown[] | null, empty: MessageKey, id: string) {
    if (this.list.error) return html`<p id="${id}-load-error" class="alert" role="alert">${errorText(this.list.error)}</p>`;
    if (items === null) return html`<p class="hint" aria-busy="true">${t('common.loading')}</p>`;
    return items.length === 0 ? html`<p id="${id}-empty" class="hint">${t(empty)}</p>` : nothing;
  }

  /** The section's heading with its 最新の状態を読み込む button, and its lead text. */
  protected renderHead(id: string, title: MessageKey, lead: MessageKey) {
    return html`<div class="page-head">
        <h2 id="${id}-heading" class="section-title">${t(title)}</h2>
        <button id="${id}-refresh" class="button button--ghost button--small" type="button" @click=${() => this.reload()}>
          ${t('admin.refresh')}</button>
      </div>
      <p class="hint">${t(lead)}</p>`;
  }
}
