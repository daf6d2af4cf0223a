/** Typed events raised by the case-file feature; the app shell turns them into navigation. */

/** The case was stored for the first time and now has an id. */
export class CaseCreatedEvent extends Event {
  static readonly type = 'case-created';
  constructor(readonly caseId: string) {
    super(CaseCreatedEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    [CaseCreatedEvent.type]: CaseCreatedEvent;
  }
}
