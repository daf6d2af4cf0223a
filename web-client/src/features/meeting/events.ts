import type { Emoji, ProposalInput } from '../../net/protocol';

/** Typed events raised by the meeting feature: the app shell turns some into navigation, the room the others into commands. */

/** A municipality user created a meeting. */
export class MeetingCreatedEvent extends Event {
  static readonly type = 'meeting-created';
  constructor(readonly meetingId: string) {
    super(MeetingCreatedEvent.type, { bubbles: true, composed: true });
  }
}

/** The proposal form asks the room to send a `propose` command. */
export class ProposalSubmitEvent extends Event {
  static readonly type = 'proposal-submit';
  constructor(readonly proposal: ProposalInput) {
    super(ProposalSubmitEvent.type, { bubbles: true, composed: true });
  }
}

/** The proposal list asks the room to send an `endorse` command. */
export class EndorseRequestEvent extends Event {
  static readonly type = 'endorse-request';
  constructor(readonly proposalId: string) {
    super(EndorseRequestEvent.type, { bubbles: true, composed: true });
  }
}

/** The host asks the room to move the agenda's focus to a case (`focus`). */
export class FocusRequestEvent extends Event {
  static readonly type = 'focus-request';
  constructor(readonly caseId: string) {
    super(FocusRequestEvent.type, { bubbles: true, composed: true });
  }
}

/** After closing, anyone asks the room to show another case of the agenda (nothing is sent). */
export class CaseViewEvent extends Event {
  static readonly type = 'view-request';
  constructor(readonly caseId: string) {
    super(CaseViewEvent.type, { bubbles: true, composed: true });
  }
}

/** The reaction menu asks for a `react` toggling my `emoji` on a message. */
export class ReactRequestEvent extends Event {
  static readonly type = 'react-request';
  constructor(
    readonly messageId: string,
    readonly emoji: Emoji,
  ) {
    super(ReactRequestEvent.type, { bubbles: true, composed: true });
  }
}

/** The message list asks the room's composer to reply to a message. */
export class ReplyRequestEvent extends Event {
  static readonly type = 'reply-request';
  constructor(readonly messageId: string) {
    super(ReplyRequestEvent.type, { bubbles: true, composed: true });
  }
}

/** The writer takes a refused post's text back into the composer. */
export class TakeBackEvent extends Event {
  static readonly type = 'take-back';
  constructor(
    readonly pendingId: string,
    readonly text: string,
  ) {
    super(TakeBackEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    [MeetingCreatedEvent.type]: MeetingCreatedEvent;
    [ProposalSubmitEvent.type]: ProposalSubmitEvent;
    [EndorseRequestEvent.type]: EndorseRequestEvent;
    [FocusRequestEvent.type]: FocusRequestEvent;
    [CaseViewEvent.type]: CaseViewEvent;
    [ReactRequestEvent.type]: ReactRequestEvent;
    [ReplyRequestEvent.type]: ReplyRequestEvent;
    [TakeBackEvent.type]: TakeBackEvent;
  }
}
