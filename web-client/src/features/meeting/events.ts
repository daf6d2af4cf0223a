/** Typed events raised by the meeting feature; the app shell turns them into navigation. */

/** A municipality user created a meeting. */
export class MeetingCreatedEvent extends Event {
  static readonly type = 'meeting-created';
  constructor(readonly meetingId: string) {
    super(MeetingCreatedEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    [MeetingCreatedEvent.type]: MeetingCreatedEvent;
  }
}
