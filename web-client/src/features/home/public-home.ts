import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { AccountApi } from '../../net/account-api';
import type { ArchiveApi, ArchiveHit } from '../../net/archive-api';
import type { HomeApi, PublicMeeting } from '../../net/home-api';
import { errorText } from '../../shared/format';
import { KeyedLoad } from '../../shared/keyed-load';
import { renderHit } from '../archive/archive-search';
import { renderMeetingItem } from '../meeting/meeting-item';
import { t } from './messages';
import { LocalizedElement } from '../../shared/localized-element';

const NEWEST = 5;

/**
 * `#/` signed out: what Yoriai is (PRODUCT §1–2 in a few sentences), the way in (the shell's
 * login form, passed as `loginForm`), the newest published cases and the upcoming open meetings.
 */
@customElement('yoriai-public-home')
export class PublicHome extends LocalizedElement {
  @property({ attribute: false }) archive?: Pick<ArchiveApi, 'search'>;
  @property({ attribute: false }) home?: Pick<HomeApi, 'upcomingMeetings'>;
  /** Asks whether the instance still has no account (first run), to say how to begin. */
  @property({ attribute: false }) accounts?: Pick<AccountApi, 'setupNeeded'>;
  /** The sign-in form, rendered by the shell with its state and handlers. */
  @property({ attribute: false }) loginForm: unknown = nothing;

  private readonly cases = new KeyedLoad<ArchiveHit[]>(this, async (signal) =>
    (await this.archive!.search({ size: String(NEWEST) }, signal)).hits,
  );
  private readonly setup = new KeyedLoad<boolean>(this, (signal) => this.accounts!.setupNeeded(signal));
  private readonly meetings = new KeyedLoad<PublicMeeting[]>(this, (signal) => this.home!.upcomingMeetings(NEWEST, signal));

  protected override willUpdate(): void {
    this.cases.refresh(this.archive ? 'newest' : null);
    this.meetings.refresh(this.home ? 'upcoming' : null);
    this.setup.refresh(this.accounts ? 'setup' : null);
  }

  protected override render() {
    return html`<div class="home home--public">
      <section id="home-about" class="card home__about" aria-labelledby="home-heading">
        <h1 id="home-heading" class="card__title" tabindex="-1">${t('home.title')}</h1>
        <p>${t('home.about1')}</p>
        <p>${t('home.about2')}</p>
        <p>${t('home.about3')}</p>
      </section>
      ${this.setup.result
        ? html`<section id="home-setup" class="card home__setup" aria-labelledby="home-setup-heading">
            <h2 id="home-setup-heading" class="section-title">${t('home.setupHeading')}</h2>
            <p id="home-setup-text" class="notice notice--info">${t('home.setupNeeded')}</p>
          </section>`
        : nothing}
      <div class="home__login">
        ${this.loginForm}
        <section id="home-join" class="card" aria-labelledby="home-join-heading">
          <h2 id="home-join-heading" class="section-title">${t('home.signup')}</h2>
          <p>${t('home.signupLead')}</p>
          <p><a id="home-signup" class="button button--secondary" href="/#/signup">${t('home.signup')}</a></p>
        </section>
      </div>
      <section id="home-cases" class="card home__list" aria-labelledby="home-cases-heading">
        <h2 id="home-cases-heading" class="section-title">${t('home.newestCases')}</h2>
        ${this.renderLoad(this.cases, 'home.noCases')}
        <ul id="home-case-list" class="hit-list hit-list--compact">${(this.cases.result ?? []).map((hit) => renderHit(hit, 3))}</ul>
        <p><a id="home-all-cases" href="/archive">${t('home.allCases')}</a></p>
      </section>
      <section id="home-meetings" class="card home__list" aria-labelledby="home-meetings-heading">
        <h2 id="home-meetings-heading" class="section-title">${t('home.openMeetings')}</h2>
        <p class="hint">${t('home.openMeetingsLead')}</p>
        ${this.renderLoad(this.meetings, 'home.noMeetings')}
        <ul id="home-meeting-list" class="item-list">${(this.meetings.result ?? []).map((m) => renderMeetingItem(m, 'home-meeting'))}</ul>
      </section>
    </div>`;
  }

  private renderLoad(load: KeyedLoad<readonly unknown[]>, empty: 'home.noCases' | 'home.noMeetings') {
    if (load.error) return html`<p class="alert" role="alert">${errorText(load.error)}</p>`;
    if (load.result === null) return html`<p class="hint" aria-busy="true">${t('common.loading')}</p>`;
    return load.result.length === 0 ? html`<p class="hint">${t(empty)}</p>` : nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-public-home': PublicHome;
  }
}
