/** Typed events raised by the notifications feature; the app shell announces them in its status region. */

/** The mail settings were saved. */
export class PreferencesSavedEvent extends Event {
  static readonly type = 'preferences-saved';
  constructor() {
    super(PreferencesSavedEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    [PreferencesSavedEvent.type]: PreferencesSavedEvent;
  }
}
