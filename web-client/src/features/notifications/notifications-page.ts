import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Notification, NotificationApi } from '../../net/notification-api';
import { dateTimeLabel, errorText } from '../../shared/format';
import { LocalizedElement } from '../../shared/localized-element';
import { safeUrl, WEB_SCHEMES } from '../../shared/safe-url';
import { localeStore } from '../../state/locale-store';
import { NotificationChangeEvent, type NotificationStore } from '../../state/notification-store';
import { has, t } from './messages';
import './notification-settings';

/**
 * `#/notifications`: the account's notifications, newest first, each with its link and a button
 * that marks it read (or all at once), and below them the mail settings.
 */
@customElement('yoriai-notifications-page')
export class NotificationsPage extends LocalizedElement {
  @property({ attribute: false }) store?: NotificationStore;
  @property({ attribute: false }) api?: Pick<NotificationApi, 'preferences' | 'savePreferences'>;

  private subscribed?: NotificationStore;
  private readonly onChange = (): void => this.requestUpdate();

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.subscribe(undefined);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('store')) {
      this.subscribe(this.store);
      void this.store?.load();
    }
  }

  private subscribe(store: NotificationStore | undefined): void {
    this.subscribed?.removeEventListener(NotificationChangeEvent.type, this.onChange);
    this.subscribed = store;
    store?.addEventListener(NotificationChangeEvent.type, this.onChange);
  }

  protected override render() {
    const store = this.store;
    const entries = store?.entries ?? null;
    return html`
      <section class="card card--wide" aria-labelledby="notifications-heading">
        <div class="page-head">
          <h1 id="notifications-heading" class="card__title" tabindex="-1">${t('notifications.title')}</h1>
          <button id="notifications-read-all" class="button button--secondary" type="button"
            ?disabled=${!entries?.some((entry) => entry.readAt === null)} @click=${() => void store?.markAllRead()}>
            ${t('notifications.readAll')}</button>
        </div>
        ${store?.error ? html`<p id="notifications-error" class="alert" role="alert">${errorText(store.error)}</p>` : nothing}
        ${entries === null && store?.loading ? html`<p class="hint" aria-busy="true">${t('common.loading')}</p>` : nothing}
        <ul id="notification-list" class="item-list" aria-label=${t('notifications.list')}>
          ${(entries ?? []).map((entry) => this.renderEntry(entry))}
        </ul>
        ${entries?.length === 0 ? html`<p id="notifications-empty" class="hint">${t('notifications.empty')}</p>` : nothing}
        ${store?.more
          ? html`<button id="notifications-more" class="button button--ghost" type="button" ?disabled=${store.loading}
              @click=${() => void store.loadMore()}>${t('notifications.more')}</button>`
          : nothing}
      </section>
      <yoriai-notification-settings .api=${this.api}></yoriai-notification-settings>
    `;
  }

  private renderEntry(entry: Notification) {
    const unread = entry.readAt === null;
    const link = entry.link === null ? null : inAppHref(entry.link);
    const subjectId = `notification-${entry.id}-subject`;
    return html`<li class="item-list__item notification ${unread ? 'notification--unread' : ''}"
      data-notification-id=${entry.id} data-kind=${entry.kind} data-read=${unread ? 'false' : 'true'}>
      <p class="item-list__meta">
        ${unread ? html`<span class="badge notification__unread">${t('notifications.unread')}</span>` : nothing}
        <span>${kindLabel(entry.kind)}</span>
        <time datetime=${entry.createdAt}>${dateTimeLabel(entry.createdAt)}</time>
      </p>
      <h2 id=${subjectId} class="notification__subject">
        ${link ? html`<a class="notification__link item-list__link" href=${link}>${localizedSubject(entry.subject)}</a>`
          : localizedSubject(entry.subject)}
      </h2>
      <p class="notification__text">${localizedPart(entry.text)}</p>
      ${unread
        ? html`<button class="button button--small notification__read" type="button" aria-describedby=${subjectId}
            @click=${() => void this.store?.markRead(entry.id)}>${t('notifications.markRead')}</button>`
        : nothing}
    </li>`;
  }
}

/** The public pages the server renders at real paths (`/archive/cases/{id}`…). */
const PUBLIC_PAGES = /^\/(archive|catalog|insights)(\/|$)/;

/**
 * A notice's link is absolute, for its mail (the server's public address). In the app it leads to
 * the same page of the app as it is open now (its `/#/…` route or public page), so the reader keeps
 * their sign-in even when they reached the server by another address; any other link is kept if it is http(s).
 */
export function inAppHref(link: string): string | null {
  const url = safeUrl(link, WEB_SCHEMES);
  if (url === null) return null;
  const { pathname, search, hash } = new URL(url);
  if (hash.startsWith('#/')) return `/${hash}`;
  return PUBLIC_PAGES.test(pathname) ? pathname + search : url;
}

function kindLabel(kind: string): string {
  const key = `notifications.kind.${kind}`;
  return has(key) ? t(key) : t('notifications.kind.other');
}

/**
 * A notice's text is its mail's: Japanese, then a line `---`, then English. The page shows the
 * part of the current language (the whole text when it has no such line).
 */
export function localizedPart(text: string, locale = localeStore.locale): string {
  const parts = text.split(/\r?\n-{3,}\r?\n/);
  if (parts.length < 2) return text.trim();
  return (locale === 'en' ? parts.slice(1).join('\n') : parts[0]).trim();
}

/** A subject is `日本語 / English` (the mail's, read in either language): the part of the current language. */
export function localizedSubject(subject: string, locale = localeStore.locale): string {
  const split = subject.lastIndexOf(' / ');
  if (split < 0) return subject;
  return (locale === 'en' ? subject.slice(split + 3) : subject.slice(0, split)).trim();
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-notifications-page': NotificationsPage;
  }
}
