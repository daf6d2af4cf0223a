/**
 * The meeting WebSocket at {@code /ws}: handshake checks, the §7 envelope, join timeout, frame and
 * rate limits, backpressure. Each socket is a {@link yoriai.meeting.ParticipantChannel}; all
 * meaning lives in {@link yoriai.meeting.MeetingService}.
 */
package yoriai.ws;
