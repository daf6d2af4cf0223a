import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { timeLabel } from '../../shared/format';
import type { LiveMeeting } from '../../state/live-meeting';
import type { ChatMessage, PendingPost } from '../../state/meeting-room-model';
import { ReplyRequestEvent, TakeBackEvent, type ReactRequestEvent } from './events';
import { badgeOf, phaseLabel, roomErrorLabel } from './format';
import { t } from './messages';
import './reaction-menu';
import { LocalizedElement } from '../../shared/localized-element';

/** How close to the end (px) still counts as reading the newest message. */
const AT_END = 32;

/**
 * The discussion of the shown case: messages with their threads, then my posts still waiting for
 * the server (送信待ち) or refused. The list follows the newest message while the reader is at its
 * end; once they scroll up it stays put and a 「新着 n件」 button (announced) counts what arrived
 * below and jumps there. Each message's actions are one toolbar, a single tab stop (arrows move
 * inside it). Reacting and hiding go straight to the live meeting; replying and taking a refused
 * post back go to the room's composer ({@link ReplyRequestEvent}, {@link TakeBackEvent}).
 */
@customElement('yoriai-message-list')
export class MessageList extends LocalizedElement {
  @property({ attribute: false }) meeting?: LiveMeeting;
  /** Top-level messages of the shown case, oldest first. */
  @property({ attribute: false }) messages: readonly ChatMessage[] = [];
  @property({ attribute: false }) pending: readonly PendingPost[] = [];

  @state() private unseen = 0;
  private following = true;
  private shownCount = 0;

  /** Jumps to the newest message and follows again (also after sending: my own post is there). */
  follow(): void {
    this.following = true;
    this.unseen = 0;
    const list = this.list;
    if (list) list.scrollTop = list.scrollHeight;
  }

  protected override render() {
    const store = this.meeting?.store;
    if (!store) return nothing;
    return html`
      <section class="panel" aria-labelledby="messages-heading" @react-request=${this.onReact}>
        <h2 id="messages-heading" class="panel__title">${t('room.messages')}</h2>
        ${this.messages.length === 0 && this.pending.length === 0 ? html`<p class="hint">${t('room.noMessages')}</p>` : nothing}
        <div class="message-list__frame">
          <ol id="message-list" class="message-list" tabindex="-1" aria-labelledby="messages-heading" @scroll=${this.onScroll}>
            ${this.messages.map((m) => this.renderMessage(m, true))}
            ${this.pending.map((p) => this.renderPending(p))}
          </ol>
          <div class="new-messages" aria-live="polite">
            ${this.unseen > 0
              ? html`<button id="new-messages" class="button button--primary button--small" type="button"
                  @click=${() => this.jump()}>${t('room.newMessages', { count: this.unseen })}</button>`
              : nothing}
          </div>
        </div>
      </section>
    `;
  }

  private renderMessage(m: ChatMessage, withReplies: boolean): TemplateResult {
    const store = this.meeting!.store;
    const replies = withReplies ? store.replies(m.messageId) : [];
    return html`
      <li class="message ${m.hidden ? 'message--hidden' : ''}" data-seq=${m.seq} data-message-id=${m.messageId}>
        <div class="message__head">
          <span class="message__author">${m.author?.displayName ?? ''}</span>
          ${m.author ? html`<span class="badge">${badgeOf(m.author)}</span>` : nothing}
          ${m.phase ? html`<span class="message__phase">${phaseLabel(m.phase)}</span>` : nothing}
          <time class="message__time" datetime=${m.at}>${timeLabel(m.at)}</time>
          ${m.hidden ? html`<span class="message__hidden-label">${t('room.hidden')}</span>` : nothing}
        </div>
        <p class="message__text">${m.text}</p>
        <div class="message__actions" role="toolbar" aria-label=${t('room.messageActions', { name: m.author?.displayName ?? '' })}
          @keydown=${this.onToolbarKey}>
          <yoriai-reaction-menu .messageId=${m.messageId} .me=${store.me.id} .reactions=${m.reactions}></yoriai-reaction-menu>
          ${withReplies
            ? html`<button class="button button--ghost button--small reply toolbar-item" type="button" tabindex="-1"
                @click=${() => this.dispatchEvent(new ReplyRequestEvent(m.messageId))}>${t('room.reply')}</button>`
            : nothing}
          ${store.isHost && !m.hidden
            ? html`<button class="button button--ghost button--small hide-message toolbar-item" type="button" tabindex="-1"
                data-message-id=${m.messageId}
                @click=${() => this.meeting?.moderate('hide', { messageId: m.messageId })}>${t('room.hide')}</button>`
            : nothing}
        </div>
        ${replies.length > 0 ? html`<ol class="thread">${replies.map((r) => this.renderMessage(r, false))}</ol>` : nothing}
      </li>
    `;
  }

  private renderPending(p: PendingPost): TemplateResult {
    const failed = p.state === 'failed';
    return html`
      <li class="message message--pending ${failed ? 'message--failed' : ''}" data-pending-id=${p.id} data-state=${p.state}>
        <div class="message__head">
          <span class="message__author">${this.meeting!.store.me.displayName}</span>
          <span class="message__status">${failed ? t('room.unsent', { reason: roomErrorLabel(p.code ?? '') }) : t('room.pending')}</span>
        </div>
        <p class="message__text">${p.text}</p>
        ${failed
          ? html`<div class="message__actions">
              <button class="button button--secondary button--small take-back" type="button"
                @click=${() => this.dispatchEvent(new TakeBackEvent(p.id, p.text))}>${t('room.takeBack')}</button>
              <button class="button button--ghost button--small discard" type="button"
                @click=${() => this.meeting?.store.dropPendingPost(p.id)}>${t('room.discard')}</button>
            </div>`
          : nothing}
      </li>
    `;
  }

  private get list(): HTMLOListElement | null {
    return this.querySelector<HTMLOListElement>('#message-list');
  }

  /** Counts what arrived while the reader is elsewhere in the list; follows the end otherwise. */
  protected override updated(): void {
    const list = this.list;
    if (!list) return;
    const count = list.querySelectorAll('li.message').length;
    const arrived = Math.max(0, count - this.shownCount);
    this.shownCount = count;
    if (this.following) list.scrollTop = list.scrollHeight;
    else if (arrived > 0) this.unseen += arrived;
  }

  private onScroll(): void {
    const list = this.list!;
    this.following = list.scrollHeight - list.scrollTop - list.clientHeight <= AT_END;
    if (this.following) this.unseen = 0;
  }

  private jump(): void {
    this.follow();
    this.list?.focus({ preventScroll: true });
  }

  private onReact(event: ReactRequestEvent): void {
    this.meeting?.react(event.messageId, event.emoji);
  }

  /** Roving focus inside one message's toolbar: ←/→ (Home/End) move, the toolbar stays one tab stop. */
  private onToolbarKey(event: KeyboardEvent): void {
    const toolbar = event.currentTarget as HTMLElement;
    const items = [...toolbar.querySelectorAll<HTMLElement>(':scope > .toolbar-item, :scope > yoriai-reaction-menu .toolbar-item')];
    const at = items.indexOf(event.target as HTMLElement);
    if (at < 0) return;
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: items.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const next = items[(to + items.length) % items.length];
    items.forEach((item) => item.setAttribute('tabindex', item === next ? '0' : '-1'));
    next.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-message-list': MessageList;
  }
}
