package yoriai.meeting;

import java.util.List;

/** The reply to a join: the latest seq at the moment of joining and who is present. */
public record Joined(String meetingId, long seq, List<Actor> participants) {}
