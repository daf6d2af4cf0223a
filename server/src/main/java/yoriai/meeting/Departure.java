package yoriai.meeting;

/** Why a room sends a participant away; the transport turns it into what its clients understand. */
public enum Departure {
  /** The host removed the participant; joining again is refused. */
  REMOVED,
  /** A live event could not be handed to the participant; it may join again with its last seq. */
  DELIVERY_FAILED,
  /** The events missed since the participant's last seq could not be read; it may join again. */
  REPLAY_FAILED,
  /** The room lost its log (the store failed and could not be read back); the meeting is reloaded on the next join. */
  MEETING_UNAVAILABLE
}
