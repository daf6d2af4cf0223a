/**
 * A page asks the shell to say `text` in its polite aria-live status (the outcome of an action
 * that does not move the focus, e.g. an approval in the admin console). The text is already in the
 * current language.
 */
export class AnnounceEvent extends Event {
  static readonly type = 'announce';
  constructor(readonly text: string) {
    super(AnnounceEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    [AnnounceEvent.type]: AnnounceEvent;
  }
}
