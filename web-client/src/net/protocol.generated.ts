/* Generated from protocol.schema.json by `npm run protocol:types`; do not edit. See docs/decisions.md. */

export type Role = "admin" | "municipality" | "professional" | "company";
export type OrganizationKind = "municipality" | "support_center" | "care_provider" | "company" | "npo";
export type Command = Post | React | Hand | Propose | Endorse | ChangePhase | Focus | Moderate;
export type EventFrame = MeetingEvent & {
  type: "event";
};
export type MeetingEvent =
  | MessagePostedEvent
  | ReactionChangedEvent
  | HandChangedEvent
  | HandLoweredEvent
  | SpeakerCalledEvent
  | ProposalPostedEvent
  | ProposalEndorsedEvent
  | PhaseChangedEvent
  | MessageHiddenEvent
  | ParticipantMutedEvent
  | ParticipantUnmutedEvent
  | ParticipantRemovedEvent
  | ParticipantJoinedEvent
  | ParticipantLeftEvent
  | CaseFocusedEvent
  | SummaryUpdatedEvent;

/**
 * Generated from the server's records by mvn -B -ntp -o -q -pl server test -Dtest=ProtocolSchemaTest -Dyoriai.writeSchema=true; do not edit.
 */
export interface Protocol {
  [k: string]: unknown;
}
export interface Ack {
  type: "ack";
  id: string;
  seq: number;
}
export interface Actor {
  accountId: string;
  displayName: string;
  role: Role;
  profession?: string;
  organization?: Organization;
}
export interface Organization {
  id?: string;
  name: string;
  kind: OrganizationKind;
  prefecture: string;
}
export interface CaseFocused {
  caseId: string;
  phase: string;
  endsAt: string;
}
export interface CaseFocusedEvent {
  seq: number;
  meetingId: string;
  kind: "case.focused";
  at: string;
  actor: Actor;
  data: CaseFocused;
}
export interface ChangePhase {
  type: "phase";
  to: string;
}
export interface Post {
  type: "post";
  text: string;
  replyTo?: string;
}
export interface React {
  type: "react";
  messageId: string;
  emoji: string;
  on?: boolean;
}
export interface Hand {
  type: "hand";
  raised: boolean;
}
export interface Propose {
  type: "propose";
  proposal: Proposal;
}
export interface Proposal {
  targetActivity: string;
  type: string;
  description: string;
  keepsAbilities: string;
  serviceId?: string;
  cost?: string;
  area?: string;
}
export interface Endorse {
  type: "endorse";
  proposalId: string;
}
export interface Focus {
  type: "focus";
  caseId: string;
}
export interface Moderate {
  type: "moderate";
  action: string;
  messageId?: string;
  accountId?: string;
  reason?: string;
}
export interface ErrorFrame {
  type: "error";
  id?: string;
  code: string;
  message: string;
  details?: unknown[];
}
export interface MessagePostedEvent {
  seq: number;
  meetingId: string;
  kind: "message.posted";
  at: string;
  actor: Actor;
  data: MessagePosted;
}
export interface MessagePosted {
  messageId: string;
  text?: string;
  replyTo?: string;
  phase?: string;
  hidden?: boolean;
  caseId?: string;
}
export interface ReactionChangedEvent {
  seq: number;
  meetingId: string;
  kind: "reaction.changed";
  at: string;
  actor: Actor;
  data: ReactionChanged;
}
export interface ReactionChanged {
  messageId: string;
  emoji: string;
  on: boolean;
}
export interface HandChangedEvent {
  seq: number;
  meetingId: string;
  kind: "hand.changed";
  at: string;
  actor: Actor;
  data: HandChanged;
}
export interface HandChanged {
  raised: boolean;
}
export interface HandLoweredEvent {
  seq: number;
  meetingId: string;
  kind: "hand.lowered";
  at: string;
  actor: Actor;
  data: HandLowered;
}
export interface HandLowered {
  accountId: string;
}
export interface SpeakerCalledEvent {
  seq: number;
  meetingId: string;
  kind: "speaker.called";
  at: string;
  actor: Actor;
  data: SpeakerCalled;
}
export interface SpeakerCalled {
  accountId: string;
}
export interface ProposalPostedEvent {
  seq: number;
  meetingId: string;
  kind: "proposal.posted";
  at: string;
  actor: Actor;
  data: ProposalPosted;
}
export interface ProposalPosted {
  proposalId: string;
  targetActivity: string;
  type: string;
  description: string;
  keepsAbilities: string;
  serviceId?: string;
  cost?: string;
  area?: string;
  phase?: string;
  caseId?: string;
}
export interface ProposalEndorsedEvent {
  seq: number;
  meetingId: string;
  kind: "proposal.endorsed";
  at: string;
  actor: Actor;
  data: ProposalEndorsed;
}
export interface ProposalEndorsed {
  proposalId: string;
  caseId?: string;
}
export interface PhaseChangedEvent {
  seq: number;
  meetingId: string;
  kind: "phase.changed";
  at: string;
  actor: Actor;
  data: PhaseChanged;
}
export interface PhaseChanged {
  from?: string;
  to: string;
  endsAt?: string;
}
export interface MessageHiddenEvent {
  seq: number;
  meetingId: string;
  kind: "message.hidden";
  at: string;
  actor: Actor;
  data: MessageHidden;
}
export interface MessageHidden {
  messageId: string;
  reason?: string;
}
export interface ParticipantMutedEvent {
  seq: number;
  meetingId: string;
  kind: "participant.muted";
  at: string;
  actor: Actor;
  data: ParticipantMuted;
}
export interface ParticipantMuted {
  accountId: string;
  reason?: string;
}
export interface ParticipantUnmutedEvent {
  seq: number;
  meetingId: string;
  kind: "participant.unmuted";
  at: string;
  actor: Actor;
  data: ParticipantUnmuted;
}
export interface ParticipantUnmuted {
  accountId: string;
  reason?: string;
}
export interface ParticipantRemovedEvent {
  seq: number;
  meetingId: string;
  kind: "participant.removed";
  at: string;
  actor: Actor;
  data: ParticipantRemoved;
}
export interface ParticipantRemoved {
  accountId: string;
  reason?: string;
}
export interface ParticipantJoinedEvent {
  seq: number;
  meetingId: string;
  kind: "participant.joined";
  at: string;
  actor: Actor;
  data: ParticipantJoined;
}
export interface ParticipantJoined {
  accountId: string;
  displayName: string;
  organization?: Organization;
  role: Role;
  profession?: string;
}
export interface ParticipantLeftEvent {
  seq: number;
  meetingId: string;
  kind: "participant.left";
  at: string;
  actor: Actor;
  data: ParticipantLeft;
}
export interface ParticipantLeft {
  accountId: string;
  displayName: string;
  organization?: Organization;
  role: Role;
  profession?: string;
}
export interface SummaryUpdatedEvent {
  seq: number;
  meetingId: string;
  kind: "summary.updated";
  at: string;
  actor: Actor;
  data: SummaryUpdated;
}
export interface SummaryUpdated {
  direction: string;
  adoptedProposalIds: string[];
  regionalIssues: RegionalIssue[];
  missingResources: string[];
  followUps: string[];
  caseId?: string;
}
export interface RegionalIssue {
  text: string;
  tags?: string[];
}
export interface EventsFrame {
  type: "events";
  events: EventFrame[];
}
export interface Join {
  type: "join";
  meetingId: string;
  token: string;
  lastSeq?: number;
  inviteCode?: string;
  batch?: boolean;
}
export interface JoinedFrame {
  type: "joined";
  meetingId: string;
  seq: number;
  participants: Actor[];
}
export interface Pong {
  type: "pong";
  id?: string;
}
export interface Summary {
  direction: string;
  adoptedProposalIds: string[];
  regionalIssues: RegionalIssue[];
  missingResources: string[];
  followUps: string[];
}
