import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { EMOJIS, type Emoji } from '../../net/protocol';
import { ReactRequestEvent } from './events';
import { t } from './messages';
import { LocalizedElement } from '../../shared/localized-element';

/**
 * One message's reactions behind one button: the counts beside it as text, the five emoji in a
 * small menu (ARIA menu button: Enter, Space or ↓ opens it on the first emoji, arrows move, Escape
 * or Tab closes it and focus returns to the button). Choosing toggles mine with {@link ReactRequestEvent}.
 */
@customElement('yoriai-reaction-menu')
export class ReactionMenu extends LocalizedElement {
  @property() messageId = '';
  @property() me = '';
  /** emoji → the accounts that reacted with it. */
  @property({ attribute: false }) reactions: ReadonlyMap<string, ReadonlySet<string>> = new Map();
  @state() private open = false;

  protected override render() {
    const used = EMOJIS.filter((emoji) => (this.reactions.get(emoji)?.size ?? 0) > 0);
    const summary = used.map((emoji) => `${emoji} ${this.reactions.get(emoji)!.size}`).join(' ');
    const menuId = `reactions-${this.messageId}`;
    return html`
      <span class="reaction-menu" @focusout=${this.onFocusOut}>
        <button class="button button--ghost button--small reaction-toggle toolbar-item" type="button" tabindex="0"
          aria-haspopup="menu" aria-expanded=${this.open ? 'true' : 'false'} aria-controls=${menuId}
          @click=${() => this.toggle()} @keydown=${this.onToggleKey}>
          ${t('room.reactions')}
        </button>
        ${summary ? html`<span class="reaction-summary">${summary}</span>` : nothing}
        ${this.open
          ? html`<span id=${menuId} class="reaction-menu__popover" role="menu" aria-label=${t('room.reactionsMenu')}
              @keydown=${this.onMenuKey}>
              ${EMOJIS.map((emoji) => {
                const accounts = this.reactions.get(emoji);
                return html`<button class="reaction" type="button" role="menuitemcheckbox" tabindex="-1" data-emoji=${emoji}
                  aria-checked=${accounts?.has(this.me) ? 'true' : 'false'}
                  aria-label=${t('room.react', { emoji, count: accounts?.size ?? 0 })}
                  @click=${() => this.choose(emoji)}><span aria-hidden="true">${emoji}</span></button>`;
              })}
            </span>`
          : nothing}
      </span>
    `;
  }

  private get items(): HTMLButtonElement[] {
    return [...this.querySelectorAll<HTMLButtonElement>('[role="menuitemcheckbox"]')];
  }

  private get toggleButton(): HTMLButtonElement | null {
    return this.querySelector<HTMLButtonElement>('.reaction-toggle');
  }

  private async toggle(): Promise<void> {
    this.open = !this.open;
    await this.updateComplete;
    if (this.open) this.items[0]?.focus();
  }

  private onToggleKey(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' && !this.open) {
      event.preventDefault();
      event.stopPropagation();
      void this.toggle();
    }
  }

  private onMenuKey(event: KeyboardEvent): void {
    const items = this.items;
    const at = items.indexOf(event.target as HTMLButtonElement);
    const moves: Record<string, number> = {
      ArrowRight: at + 1,
      ArrowDown: at + 1,
      ArrowLeft: at - 1,
      ArrowUp: at - 1,
      Home: 0,
      End: items.length - 1,
    };
    if (event.key in moves) {
      items[(moves[event.key] + items.length) % items.length]?.focus();
    } else if (event.key === 'Escape') {
      this.close(true);
    } else if (event.key === 'Tab') {
      this.open = false;
      return;
    } else {
      return;
    }
    // the message's toolbar moves between its buttons with the same arrows
    event.preventDefault();
    event.stopPropagation();
  }

  private choose(emoji: Emoji): void {
    this.dispatchEvent(new ReactRequestEvent(this.messageId, emoji));
    this.close(true);
  }

  private close(refocus: boolean): void {
    this.open = false;
    if (refocus) this.toggleButton?.focus();
  }

  /** Focus moved elsewhere by keyboard; a pointer outside is {@link onOutsidePointer}. */
  private onFocusOut(event: FocusEvent): void {
    const to = event.relatedTarget as Node | null;
    if (this.open && to !== null && !this.contains(to)) this.open = false;
  }

  private readonly onOutsidePointer = (event: PointerEvent): void => {
    if (this.open && !this.contains(event.target as Node)) this.open = false;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('pointerdown', this.onOutsidePointer);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.onOutsidePointer);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-reaction-menu': ReactionMenu;
  }
}
