import { ApiError } from '../net/http';
import type { MeetingApi } from '../net/meeting-api';
import { MeetingConnection } from '../net/meeting-connection';
import type { Emoji, ModerateAction, Phase, ProposalInput, User } from '../net/protocol';
import type { SocketFactory } from '../net/socket';
import { MeetingChangeEvent, MeetingRoomModel } from './meeting-room-model';

export interface LiveMeetingOptions {
  meetingId: string;
  me: User;
  /** The signed-in session's token, sent in the socket's `join`. */
  token: () => string | null;
  api: Pick<MeetingApi, 'get'>;
  factory: SocketFactory;
  url: string;
  inviteCode?: string;
}

/**
 * The live connection to one open meeting room (not the sign-in: that is `SignInStore`): loads the meeting over REST, then runs the {@link MeetingConnection}
 * and feeds everything it reports into the {@link MeetingRoomModel}. The room component calls the
 * command methods; none of them changes state directly (the event coming back does).
 */
export class LiveMeeting {
  readonly store: MeetingRoomModel;
  readonly connection: MeetingConnection;
  private rereadAfterClose = false;

  constructor(private readonly options: LiveMeetingOptions) {
    const store = new MeetingRoomModel(options.me);
    this.store = store;
    this.connection = new MeetingConnection({
      url: options.url,
      meetingId: options.meetingId,
      token: options.token,
      inviteCode: options.inviteCode,
      factory: options.factory,
      listener: {
        onState: (state) => store.setConnection(state),
        onJoined: (frame) => store.joined(frame),
        onEvent: (event) => store.apply(event),
        onQueued: (command) => store.commandQueued(command),
        onAck: (id, seq) => store.commandAcked(id, seq),
        onCommandError: (command, code, message) => store.commandFailed(command, code, message),
        onError: (code, _message, terminal) => {
          if (terminal) store.connectionFailed(code);
        },
      },
    });
    store.addEventListener(MeetingChangeEvent.type, () => this.rereadWhenClosed());
  }

  /** A meeting closed live learns when its comment window closes (`commentClosesAt`) from one more read. */
  private rereadWhenClosed(): void {
    const meeting = this.store.meeting;
    if (this.rereadAfterClose || !meeting || !this.store.isClosed || meeting.commentClosesAt) return;
    this.rereadAfterClose = true;
    this.options.api.get(this.options.meetingId, this.options.inviteCode).then(
      (fresh) => this.store.setMeeting(fresh),
      () => undefined, // the banner just goes without the date
    );
  }

  get meetingId(): string {
    return this.options.meetingId;
  }

  get inviteCode(): string | undefined {
    return this.options.inviteCode;
  }

  /**
   * Reads the meeting, then joins it. A meeting this account may not see (404, 403) is not joined at
   * all: the room shows its no-access page instead of an empty room.
   */
  async start(): Promise<void> {
    try {
      this.store.setMeeting(await this.options.api.get(this.options.meetingId, this.options.inviteCode));
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 403)) {
        this.store.connectionFailed(error.code);
        return;
      }
      // anything else (offline, a restart): the socket's join retries and reports what it finds
    }
    if (this.connection.state === 'idle') this.connection.start();
  }

  stop(): void {
    this.connection.close();
  }

  post(text: string, replyTo?: string): void {
    const trimmed = text.trim();
    if (trimmed === '' || this.store.isMuted) return;
    this.connection.send(replyTo ? { type: 'post', text: trimmed, replyTo } : { type: 'post', text: trimmed });
  }

  react(messageId: string, emoji: Emoji): void {
    const mine = this.store.message(messageId)?.reactions.get(emoji)?.has(this.options.me.id) ?? false;
    this.connection.send({ type: 'react', messageId, emoji, on: !mine });
  }

  toggleHand(): void {
    this.connection.send({ type: 'hand', raised: !this.store.handRaised });
  }

  propose(proposal: ProposalInput): void {
    this.connection.send({ type: 'propose', proposal });
  }

  endorse(proposalId: string): void {
    this.connection.send({ type: 'endorse', proposalId });
  }

  /** Host: moves the agenda's focus to another case, which starts (or resumes) its own phases. */
  focus(caseId: string): void {
    this.connection.send({ type: 'focus', caseId });
  }

  advancePhase(to: Phase): void {
    this.connection.send({ type: 'phase', to });
  }

  moderate(action: ModerateAction, target: { messageId?: string; accountId?: string } = {}): void {
    this.connection.send({ type: 'moderate', action, ...target });
  }

  /** Host: gives the floor to the first raised hand; the server picks it, so a view a moment old cannot call the wrong one. */
  callNextSpeaker(): void {
    this.moderate('call');
  }
}
