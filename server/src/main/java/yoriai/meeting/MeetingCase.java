package yoriai.meeting;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import yoriai.casefile.CaseSheet;

/**
 * A case on a meeting's agenda as the meeting's participants read it: its id and its anonymized
 * sheet, flat as the case editor shows it. Never its owner, state, editors or history.
 */
public record MeetingCase(String id, @JsonUnwrapped CaseSheet sheet) {}
