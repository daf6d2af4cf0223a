import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError } from '../../net/http';
import { OPTIONAL_KINDS, type MailPreferences, type NotificationApi, type OptionalKind } from '../../net/notification-api';
import { errorText } from '../../shared/format';
import { KeyedLoad } from '../../shared/keyed-load';
import { LocalizedElement } from '../../shared/localized-element';
import { PreferencesSavedEvent } from './events';
import { t } from './messages';

/**
 * Which optional notifications are also mailed (`mail-<kind>` checkboxes, ticked = mailed). Saving
 * raises {@link PreferencesSavedEvent}, which the shell announces in its status region.
 */
@customElement('yoriai-notification-settings')
export class NotificationSettings extends LocalizedElement {
  @property({ attribute: false }) api?: Pick<NotificationApi, 'preferences' | 'savePreferences'>;

  /** The choices as ticked, once loaded; what is saved. */
  @state() private draft: MailPreferences | null = null;
  @state() private saving = false;
  @state() private saved = false;
  @state() private saveError: ApiError | null = null;

  private readonly loaded = new KeyedLoad(this, (signal) => this.api!.preferences(signal));

  protected override willUpdate(): void {
    this.loaded.refresh(this.api ? 'preferences' : null);
    if (this.draft === null && this.loaded.result) this.draft = { ...this.loaded.result };
  }

  protected override render() {
    const draft = this.draft;
    const error = this.saveError ?? this.loaded.error;
    return html`<section id="notification-settings" class="card card--wide" aria-labelledby="notification-settings-heading">
      <h2 id="notification-settings-heading" class="card__title">${t('settings.title')}</h2>
      <p id="notification-settings-lead" class="card__lead">${t('settings.lead')}</p>
      ${error ? html`<p id="notification-settings-error" class="alert" role="alert">${errorText(error)}</p>` : nothing}
      ${draft === null && !error ? html`<p class="hint" aria-busy="true">${t('common.loading')}</p>` : nothing}
      ${draft === null ? nothing : html`<form class="form" @submit=${this.onSubmit}>
        <fieldset class="fieldset fieldset--plain" aria-describedby="notification-settings-lead">
          <legend class="field__label">${t('settings.legend')}</legend>
          ${OPTIONAL_KINDS.map((kind) => html`<label class="choice">
            <input id="mail-${kind}" type="checkbox" name=${kind} .checked=${draft[kind]}
              @change=${(event: Event) => this.tick(kind, (event.target as HTMLInputElement).checked)} />
            <span>${t(`settings.kind.${kind}`)}</span>
          </label>`)}
        </fieldset>
        <p class="actions">
          <button id="notification-settings-save" class="button button--primary" type="submit" ?disabled=${this.saving}>
            ${t(this.saving ? 'settings.saving' : 'settings.save')}</button>
          ${this.saved ? html`<span id="notification-settings-saved" class="hint">${t('settings.saved')}</span>` : nothing}
        </p>
      </form>`}
    </section>`;
  }

  private tick(kind: OptionalKind, mailed: boolean): void {
    if (this.draft) this.draft = { ...this.draft, [kind]: mailed };
    this.saved = false;
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.api || !this.draft || this.saving) return;
    this.saving = true;
    this.saved = false;
    this.saveError = null;
    try {
      this.draft = await this.api.savePreferences(this.draft);
      this.saved = true;
      this.dispatchEvent(new PreferencesSavedEvent());
    } catch (error) {
      this.saveError = error instanceof ApiError ? error : new ApiError(0, 'unexpected', String(error));
    } finally {
      this.saving = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-notification-settings': NotificationSettings;
  }
}
