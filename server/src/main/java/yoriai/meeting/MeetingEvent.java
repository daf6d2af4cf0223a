package yoriai.meeting;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * One entry of a meeting's log; the same object over REST and (with {@code type}) over the socket.
 * On the wire the data's kind is the sibling property {@code kind}, as §7 has it.
 */
public record MeetingEvent(long seq, String meetingId, Instant at, Actor actor,
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXTERNAL_PROPERTY, property = "kind")
    EventData data) {}
