import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ArchiveApi } from '../../net/archive-api';
import type { CatalogApi } from '../../net/catalog-api';
import type { MeetingApi, MeetingCase } from '../../net/meeting-api';
import { nextPhase, PHASES } from '../../net/protocol';
import { errorText } from '../../shared/format';
import { KeyedLoad } from '../../shared/keyed-load';
import { StoreController } from '../../shared/store-controller';
import type { LiveMeeting } from '../../state/live-meeting';
import { MeetingChangeEvent, type CommandFailure, type MeetingRoomModel } from '../../state/meeting-room-model';
import type { SummaryGateway } from '../../state/summary-editor-store';
import '../casefile/similar-cases';
import { hostSummaryTools } from '../summary/host-tools';
import './agenda';
import { caseOf } from './agenda';
import './case-panel';
import './invite-tools';
import './no-access';
import type { CaseViewEvent, EndorseRequestEvent, FocusRequestEvent, ProposalSubmitEvent, ReplyRequestEvent, TakeBackEvent } from './events';
import { badgeOf, countdown, organizationOf, phaseLabel, roomErrorLabel } from './format';
import './message-list';
import type { MessageList } from './message-list';
import { t } from './messages';
import './minutes-download';
import './proposal-form';
import './proposal-list';
import { callLink, commentsOpen, commentWindow, windowBanner } from './room-banners';
import { LocalizedElement } from '../../shared/localized-element';

/**
 * `#/meetings/{id}`: the live room. Reads everything from the live meeting's {@link MeetingRoomModel} and
 * turns clicks into its commands; the state only changes when the server's event comes back. Beside
 * the discussion (`yoriai-message-list`): the agenda and the case in focus (read once over REST), the
 * speaking queue (the host calls on and lowers hands), the proposals; below everything the composer
 * with the connection state, sticky at the bottom of the screen, reached by a skip link or the / key.
 * User text is rendered through Lit text bindings only (never as HTML).
 */
@customElement('yoriai-meeting-room')
export class MeetingRoom extends LocalizedElement {
  @property({ attribute: false }) meeting?: LiveMeeting;
  /** The host's summary editor and publish link (features/summary). */
  @property({ attribute: false }) summaryApi?: SummaryGateway;
  /** Reads the agenda's case sheets; without it the case panel stays empty. */
  @property({ attribute: false }) cases?: Pick<MeetingApi, 'cases'>;
  /** The minutes of a closed meeting as Excel; without it there is no download. */
  @property({ attribute: false }) minutes?: Pick<MeetingApi, 'minutes'>;
  /** Sends the host's invitations; without it the host sees the link only. */
  @property({ attribute: false }) invitations?: Pick<MeetingApi, 'invite'>;
  /** Finds the services a proposal links to; without it the form offers none. */
  @property({ attribute: false }) catalog?: Pick<CatalogApi, 'search' | 'get'>;
  /** 「似ている過去の事例」 of the case shown, for those who may read the case; the address of an entry. */
  @property({ attribute: false }) similar?: Pick<ArchiveApi, 'similarToCase'>;
  @property({ attribute: false }) entryHref?: (id: string) => string;

  @state() private replyTo: string | null = null;
  @state() private viewedCaseId: string | null = null;
  private restoredFailure: CommandFailure | null = null;
  @state() private now = Date.now();
  private readonly sheets = new KeyedLoad<MeetingCase[]>(
    this,
    (signal) => this.cases!.cases(this.meeting!.meetingId, this.meeting!.inviteCode, signal),
    true,
  );

  private storeController?: StoreController;
  private ticker: ReturnType<typeof setInterval> | null = null;

  /** 「/」 anywhere but in a text field moves to the composer (said on screen beside it). */
  private readonly onShortcut = (event: KeyboardEvent): void => {
    const target = event.target as HTMLElement | null;
    const typing = target?.closest('input, textarea, select, [contenteditable="true"]');
    if (event.key !== '/' || typing || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    this.focusComposer();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('keydown', this.onShortcut);
    this.ticker = setInterval(() => {
      // the countdown ticks every second; the comment window's banner only needs the odd refresh
      if (this.meeting?.store.phaseEndsAt || Date.now() - this.now > 30_000) this.now = Date.now();
    }, 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.onShortcut);
    if (this.ticker !== null) clearInterval(this.ticker);
    this.ticker = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('meeting') && this.meeting) {
      if (this.storeController) this.removeController(this.storeController);
      this.storeController = new StoreController(this, this.meeting.store, MeetingChangeEvent.type);
    }
    // read once the meeting itself could be read, so the right to read its cases is settled
    this.sheets.refresh(this.cases && this.meeting?.store.meeting ? this.meeting.meetingId : null);
  }

  /**
   * The case the room shows: the one in focus while the meeting is live (everyone follows the
   * host), any case of the agenda once it is closed, so the host can hide a message or finish a まとめ.
   */
  private get shownCaseId(): string {
    return (this.store?.isClosed && this.viewedCaseId) || (this.store?.focusCaseId ?? '');
  }

  /** With several cases on the agenda the room shows the discussion of the shown case only. */
  private ofFocusedCase<T extends { readonly caseId: string | null }>(items: T[]): T[] {
    const agenda = this.store?.meeting?.caseIds ?? [];
    return agenda.length > 1 ? items.filter((item) => item.caseId === this.shownCaseId) : items;
  }

  /** The case the host's まとめ is for: the shown one when the agenda has several, else the meeting's one summary. */
  private get summaryCaseId(): string | undefined {
    return (this.store?.meeting?.caseIds.length ?? 0) > 1 ? this.shownCaseId : undefined;
  }

  private get store(): MeetingRoomModel | undefined {
    return this.meeting?.store;
  }

  protected override render() {
    const store = this.store;
    if (!store) return nothing;
    const meeting = store.meeting;
    if (!meeting && (store.errorCode === 'not_found' || store.errorCode === 'forbidden')) {
      return html`<yoriai-meeting-no-access .meetingId=${this.meeting!.meetingId} .triedCode=${this.meeting!.inviteCode}
        ?removed=${store.errorCode === 'forbidden'}></yoriai-meeting-no-access>`;
    }
    const comments = commentWindow(meeting, store.phase !== null, store.isClosed, this.now);
    const sheets = this.sheets.result ?? [];
    const focused = caseOf(sheets, meeting?.caseIds ?? [], this.shownCaseId) ?? null;
    return html`
      <section class="room" aria-labelledby="room-heading">
        <a id="skip-to-composer" class="skip-link" href="#composer-text"
          @click=${(e: Event) => { e.preventDefault(); this.focusComposer(); }}>${t('room.skipToComposer')}</a>
        <div class="page-head">
          <h1 id="room-heading" class="card__title" tabindex="-1">${meeting?.title ?? t('nav.meetings')}</h1>
          ${store.isRemoved ? nothing : callLink(meeting)}
        </div>
        ${store.isHost && meeting && !store.isClosed
          ? html`<yoriai-invite-tools .api=${this.invitations} .meetingId=${meeting.id} .inviteCode=${meeting.inviteCode}></yoriai-invite-tools>`
          : nothing}
        ${store.isClosed
          ? html`<yoriai-minutes-download .api=${this.minutes} .meetingId=${this.meeting!.meetingId}
              .inviteCode=${this.meeting!.inviteCode}></yoriai-minutes-download>`
          : nothing}
        ${store.errorCode ? html`<p id="room-error" class="alert" role="alert">${roomErrorLabel(store.errorCode)}</p>` : nothing}
        ${store.isRemoved ? html`<p class="alert" role="alert">${t('room.removed')}</p>` : nothing}
        ${this.renderPhaseBar(store)}
        ${windowBanner(comments)}
        <div class="room__grid">
          <div class="room__case">
            <yoriai-meeting-agenda .caseIds=${meeting?.caseIds ?? []} .sheets=${sheets} .focusCaseId=${this.shownCaseId}
              ?canFocus=${store.isHost && !store.isClosed} ?canView=${store.isClosed}
              @focus-request=${(e: FocusRequestEvent) => this.meeting?.focus(e.caseId)}
              @view-request=${(e: CaseViewEvent) => (this.viewedCaseId = e.caseId)}>
            </yoriai-meeting-agenda>
            <yoriai-case-panel .sheet=${focused} .status=${this.sheetStatus()}></yoriai-case-panel>
            ${this.similar && focused?.id ? html`<yoriai-similar-cases compact .api=${this.similar} .caseId=${focused.id}
              .entryHref=${this.entryHref}></yoriai-similar-cases>` : nothing}
          </div>
          <div class="room__main">
            <yoriai-message-list .meeting=${this.meeting} .messages=${this.ofFocusedCase(store.messages)}
              .pending=${this.ofFocusedCase(store.pendingPosts)}
              @reply-request=${(e: ReplyRequestEvent) => this.startReply(e.messageId)}
              @take-back=${this.onTakeBack}></yoriai-message-list>
          </div>
          <aside class="room__side">
            ${this.renderHands(store)}
            ${this.renderPresence(store)}
            ${this.renderProposals(store, commentsOpen(comments), focused?.prefecture ?? store.me.organization.prefecture)}
          </aside>
          ${this.renderComposer(store, commentsOpen(comments))}
        </div>
        ${hostSummaryTools(store, this.summaryApi, this.summaryCaseId)}
        <p id="room-live" class="visually-hidden" aria-live="polite">
          ${store.announcement ? t('room.announce', { name: store.announcement.author, text: store.announcement.text }) : ''}
        </p>
      </section>
    `;
  }

  private renderPhaseBar(store: MeetingRoomModel): TemplateResult {
    const current = store.phase;
    const next = nextPhase(current);
    const currentIndex = current === null ? -1 : PHASES.indexOf(current);
    return html`
      <div id="phase-bar" class="phase-bar" role="group" aria-label=${t('room.phaseBar')}>
        <ol class="phase-bar__steps">
          ${PHASES.filter((p) => p !== 'closed').map(
            (p, i) => html`<li class="phase-bar__step ${i < currentIndex ? 'phase-bar__step--done' : ''}"
              data-phase=${p} aria-current=${p === current ? 'step' : 'false'}>${phaseLabel(p)}</li>`,
          )}
        </ol>
        <p class="phase-bar__now">
          <span id="phase-current" data-phase=${current ?? ''}>${phaseLabel(current)}</span>
          <span id="phase-countdown" class="phase-bar__timer" role="timer">${countdown(store.phaseEndsAt, this.now)}</span>
        </p>
        ${store.isHost && next && !store.isClosed
          ? html`<button id="phase-next" class="button button--primary" type="button" data-to=${next}
              @click=${() => this.meeting?.advancePhase(next)}>
              ${t(current === null ? 'room.phaseStart' : 'room.phaseNext', { phase: phaseLabel(next) })}
            </button>`
          : nothing}
      </div>
    `;
  }

  private sheetStatus(): string {
    if (this.sheets.error) return t('casePanel.failed', { reason: errorText(this.sheets.error) });
    return this.sheets.result ? t('casePanel.none') : t('common.loading');
  }

  private renderComposer(store: MeetingRoomModel, open: boolean): TemplateResult {
    const blocked = store.isMuted || store.isRemoved || !open || store.errorCode !== null;
    const replyTarget = this.replyTo ? store.message(this.replyTo) : undefined;
    const failure = store.failure;
    const waiting = store.pendingPosts.filter((p) => p.state === 'pending').length;
    return html`
      <form id="composer" class="composer" novalidate @submit=${this.onSend}>
        ${store.phase === 'presentation' && !store.isClosed
          ? html`<p id="composer-floor" class="notice notice--info">${t('room.presenterHasFloor')}</p>`
          : nothing}
        ${replyTarget
          ? html`<p class="composer__reply">
              ${t('room.replyingTo', { name: replyTarget.author?.displayName ?? '' })}
              <button id="composer-cancel-reply" class="button button--ghost button--small" type="button"
                @click=${() => (this.replyTo = null)}>${t('room.cancelReply')}</button>
            </p>`
          : nothing}
        ${store.isMuted ? html`<p id="composer-muted" class="notice notice--error">${t('room.muted')}</p>` : nothing}
        ${failure ? html`<p id="room-failure" class="alert" role="alert">${roomErrorLabel(failure.code)}</p>` : nothing}
        <div class="composer__status">
          <label class="field__label" for="composer-text">${t('room.composer')}
            <span class="hint composer__shortcut">${t('room.shortcut')}</span></label>
          ${waiting > 0 ? html`<p id="pending-count" class="composer__pending">${t('room.pendingCount', { count: waiting })}</p>` : nothing}
          <p id="connection-state" class="connection connection--${store.connection}" role="status"
            data-state=${store.connection}>${t(`connection.${store.connection}`)}</p>
        </div>
        <div class="composer__row">
          <textarea id="composer-text" class="field__input field__input--area" rows="2" maxlength="4000"
            ?disabled=${blocked} @keydown=${this.onComposerKey}></textarea>
          <button id="composer-send" class="button button--primary" type="submit" ?disabled=${blocked}>${t('room.send')}</button>
        </div>
      </form>
    `;
  }

  private renderHands(store: MeetingRoomModel): TemplateResult {
    const hands = store.hands;
    return html`
      <section class="panel" aria-labelledby="hands-heading">
        <h2 id="hands-heading" class="panel__title">${t('room.hands')}</h2>
        <button id="hand-toggle" class="button button--secondary" type="button"
          aria-pressed=${store.handRaised ? 'true' : 'false'} ?disabled=${store.isClosed || store.isRemoved}
          @click=${() => this.meeting?.toggleHand()}>
          ${store.handRaised ? t('room.lowerHand') : t('room.raiseHand')}
        </button>
        ${store.speaker
          ? html`<p id="current-speaker" class="current-speaker" data-account-id=${store.speaker.accountId}>
              ${t('room.speaker', { name: store.speaker.displayName })}</p>`
          : nothing}
        ${store.isHost && !store.isClosed
          ? html`<button id="hand-call-next" class="button button--primary" type="button" ?disabled=${hands.length === 0}
              @click=${() => this.meeting?.callNextSpeaker()}>${t('room.callNext')}</button>`
          : nothing}
        ${hands.length === 0 ? html`<p class="hint">${t('room.noHands')}</p>` : nothing}
        <ol id="hand-queue" class="hand-queue">
          ${hands.map((h) => html`<li class="hand" data-account-id=${h.accountId} data-present=${h.present ? 'true' : 'false'}>
            <span class="hand__name">${h.displayName}</span>
            ${h.present ? nothing : html`<span class="badge hand__away">${t('room.handAway')}</span>`}
            ${store.isHost && h.accountId !== store.me.id
              ? html`<button class="button button--ghost button--small lower-hand" type="button" data-account-id=${h.accountId}
                  aria-label=${t('room.lowerHandOf', { name: h.displayName })}
                  @click=${() => this.meeting?.moderate('lower', { accountId: h.accountId })}>${t('room.lowerHand')}</button>`
              : nothing}
          </li>`)}
        </ol>
      </section>
    `;
  }

  private renderPresence(store: MeetingRoomModel): TemplateResult {
    const participants = store.participants;
    const hostId = store.meeting?.hostId;
    return html`
      <section class="panel" aria-labelledby="presence-heading">
        <h2 id="presence-heading" class="panel__title">${t('room.presence', { count: participants.length })}</h2>
        <ul id="presence-list" class="presence-list">
          ${participants.map((p) => {
            const muted = store.isParticipantMuted(p.accountId);
            const self = p.accountId === store.me.id;
            return html`<li class="participant" data-account-id=${p.accountId}>
              <span class="participant__name">${p.displayName}${self ? html` <span class="hint">（${t('room.you')}）</span>` : nothing}</span>
              <span class="badge badge--profession">${badgeOf(p)}</span>
              ${p.accountId === hostId ? html`<span class="badge badge--host">${t('room.hostBadge')}</span>` : nothing}
              ${muted ? html`<span class="badge badge--muted">${t('room.mutedBadge')}</span>` : nothing}
              <span class="participant__org">${organizationOf(p)}</span>
              ${store.isHost && !self
                ? html`<span class="participant__actions">
                    <button class="button button--ghost button--small mute-participant" type="button"
                      data-account-id=${p.accountId}
                      @click=${() => this.meeting?.moderate(muted ? 'unmute' : 'mute', { accountId: p.accountId })}>
                      ${muted ? t('room.unmute') : t('room.mute')}
                    </button>
                    <button class="button button--ghost button--small remove-participant" type="button"
                      data-account-id=${p.accountId}
                      @click=${() => this.meeting?.moderate('remove', { accountId: p.accountId })}>${t('room.remove')}</button>
                  </span>`
                : nothing}
            </li>`;
          })}
        </ul>
      </section>
    `;
  }

  private renderProposals(store: MeetingRoomModel, open: boolean, prefecture: string): TemplateResult {
    const blocked = !open || store.isRemoved || store.isMuted;
    return html`
      <section class="panel" aria-labelledby="proposals-heading">
        <h2 id="proposals-heading" class="panel__title">${t('room.proposals')}</h2>
        <yoriai-proposal-list .proposals=${this.ofFocusedCase(store.proposals)} .me=${store.me.id} .canEndorse=${open} .catalog=${this.catalog}
          @endorse-request=${(e: EndorseRequestEvent) => this.meeting?.endorse(e.proposalId)}></yoriai-proposal-list>
        <yoriai-proposal-form .disabled=${blocked} .catalog=${this.catalog} .prefecture=${prefecture}
          @proposal-submit=${this.onPropose}></yoriai-proposal-form>
      </section>
    `;
  }

  private startReply(messageId: string): void {
    this.replyTo = messageId;
    void this.updateComplete.then(() => this.focusComposer());
  }

  private focusComposer(): void {
    this.querySelector<HTMLTextAreaElement>('#composer-text')?.focus();
  }

  /** A refused post's text goes back into the composer, after whatever is being typed there. */
  private onTakeBack(event: TakeBackEvent): void {
    const textarea = this.querySelector<HTMLTextAreaElement>('#composer-text');
    if (!textarea) return;
    textarea.value = textarea.value.trim() === '' ? event.text : `${textarea.value}\n${event.text}`;
    this.store?.dropPendingPost(event.pendingId);
    textarea.focus();
  }

  private onComposerKey(event: KeyboardEvent): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      (event.currentTarget as HTMLTextAreaElement).form?.requestSubmit();
    }
  }

  /**
   * A refused post goes back into an empty composer, so nothing typed is lost; otherwise it stays
   * in the list, marked, until the writer takes it back or discards it.
   */
  protected override updated(): void {
    const failure = this.store?.failure;
    const textarea = this.querySelector<HTMLTextAreaElement>('#composer-text');
    if (failure?.unsentText && failure !== this.restoredFailure && textarea && textarea.value === '') {
      textarea.value = failure.unsentText;
      this.restoredFailure = failure;
      this.store?.dropPendingPost(failure.id);
    }
  }

  private onSend(event: SubmitEvent): void {
    event.preventDefault();
    const textarea = this.querySelector<HTMLTextAreaElement>('#composer-text');
    if (!textarea || textarea.value.trim() === '') return;
    this.store?.clearFailure();
    this.meeting?.post(textarea.value, this.replyTo ?? undefined);
    this.querySelector<MessageList>('yoriai-message-list')?.follow();
    textarea.value = '';
    this.replyTo = null;
    textarea.focus();
  }

  private onPropose(event: ProposalSubmitEvent): void {
    this.store?.clearFailure();
    this.meeting?.propose(event.proposal);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-meeting-room': MeetingRoom;
  }
}
