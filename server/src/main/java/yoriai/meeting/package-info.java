/**
 * Live meetings (PRODUCT §4): meetings and their phases, the event log with its gapless sequence,
 * proposals, the summary and the fan-out to connected participants. Transports reach it through
 * {@link yoriai.meeting.MeetingService} and implement {@link yoriai.meeting.ParticipantChannel};
 * case files are reached through {@link yoriai.meeting.CaseLink}.
 */
package yoriai.meeting;
