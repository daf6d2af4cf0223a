package yoriai.meeting;

import java.time.Instant;
import java.util.Map;

/** One entry of a meeting's log; the same object over REST and (with {@code type}) over the socket. */
public record MeetingEvent(long seq, String meetingId, String kind, Instant at, Actor actor, Map<String, Object> data) {}
