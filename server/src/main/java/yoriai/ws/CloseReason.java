package yoriai.ws;

import yoriai.meeting.Departure;

/** A WebSocket close code with the reason text clients see; every code this server closes with is here. */
record CloseReason(short code, String text) {
  static final short GOING_AWAY = 1001;
  static final short POLICY = 1008;
  static final short TOO_LARGE = 1009;
  static final short INTERNAL_ERROR = 1011;
  static final short TRY_AGAIN_LATER = 1013;
  /** Application range (4000–4999): the host removed this participant. */
  static final short REMOVED = 4003;

  static CloseReason of(Departure why) {
    return switch (why) {
      case REMOVED -> new CloseReason(REMOVED, "removed by the host");
      case DELIVERY_FAILED -> new CloseReason(INTERNAL_ERROR, "delivery failed; join again with lastSeq");
      case REPLAY_FAILED -> new CloseReason(INTERNAL_ERROR, "replay failed; join again");
      case MEETING_UNAVAILABLE -> new CloseReason(INTERNAL_ERROR, "meeting unavailable");
    };
  }
}
