/**
 * Wire types mirroring PRODUCT.md §7. The socket's frames, events and commands are generated from
 * the server's records (protocol.generated.ts, docs/decisions.md); the REST types below are still
 * written by hand. What arrives is read leniently: a frame of the right shape is accepted even if
 * the server added fields or an event kind this client does not know yet.
 */
import type * as Wire from './protocol.generated';

export type Role = Wire.Role;

export interface Organization {
  name: string;
  kind: string;
  prefecture: string;
}

export interface User {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organization: Organization;
  profession?: string;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface LoginResponse {
  token: string;
  user: User;
}

/** The body of every non-2xx response: `{"error": {"code", "message", "details"}}`. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    details?: unknown[];
  };
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (!isObject(value) || !isObject(value.error)) return false;
  return typeof value.error.code === 'string';
}

export function isUser(value: unknown): value is User {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    typeof value.email === 'string' &&
    typeof value.displayName === 'string' &&
    typeof value.role === 'string' &&
    isObject(value.organization) &&
    typeof value.organization.name === 'string' &&
    (value.profession === undefined || value.profession === null || typeof value.profession === 'string')
  );
}

export function isLoginResponse(value: unknown): value is LoginResponse {
  return isObject(value) && typeof value.token === 'string' && isUser(value.user);
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/* ---------------------------------------------------------------------------------------------
 * Case files (§3, docs/protocol.md "REST: case files")
 * ------------------------------------------------------------------------------------------- */

export const PREFECTURES = [
  '北海道', '青森県', '岩手県', '宮城県', '秋田県', '山形県', '福島県', '茨城県', '栃木県', '群馬県',
  '埼玉県', '千葉県', '東京都', '神奈川県', '新潟県', '富山県', '石川県', '福井県', '山梨県', '長野県',
  '岐阜県', '静岡県', '愛知県', '三重県', '滋賀県', '京都府', '大阪府', '兵庫県', '奈良県', '和歌山県',
  '鳥取県', '島根県', '岡山県', '広島県', '山口県', '徳島県', '香川県', '愛媛県', '高知県', '福岡県',
  '佐賀県', '長崎県', '熊本県', '大分県', '宮崎県', '鹿児島県', '沖縄県',
] as const;

export const AGE_BANDS = ['65-69', '70-74', '75-79', '80-84', '85-89', '90-94', '95-99', '100+'] as const;
export const GENDERS = ['female', 'male', 'other'] as const;
export const CARE_LEVELS = [
  '事業対象者', '要支援1', '要支援2', '要介護1', '要介護2', '要介護3', '要介護4', '要介護5',
] as const;
export const HOUSEHOLDS = ['独居', '高齢夫婦', '子と同居', 'その他'] as const;
export const ACTIVITIES = [
  '買い物', '調理', '掃除', '洗濯', 'ゴミ出し', '外出・移動', '金銭管理', '服薬', '入浴', '通いの場',
  '食事', '排泄', '整容', '更衣', '電話・連絡', '趣味・社会参加', 'その他',
] as const;
export const ACTIVITY_LEVELS = ['自立', '見守り', '一部介助', '全介助'] as const;
export const SUPPORT_KINDS = ['formal', 'informal', 'market'] as const;
export const CASE_STATES = ['draft', 'submitted', 'scheduled', 'discussed', 'published', 'withdrawn'] as const;
export const PII_KINDS = [
  'person_name', 'phone', 'postal_code', 'address', 'birth_date', 'exact_age',
  'care_insurance_number', 'my_number', 'email',
] as const;

export type Gender = (typeof GENDERS)[number];
export type SupportKind = (typeof SUPPORT_KINDS)[number];
export type CaseState = (typeof CASE_STATES)[number];
export type PiiKind = (typeof PII_KINDS)[number];

export interface CasePerson {
  ageBand: string;
  gender?: Gender;
  careLevel: string;
  household: string;
  housing: string;
  health: string;
}

export interface CaseActivity {
  activity: string;
  level: string;
  canDo: string;
  difficulty: string;
}

export interface CaseSupport {
  kind: SupportKind;
  description: string;
}

/** The sheet the client edits and sends (POST/PUT body). */
export interface CaseSheet {
  title: string;
  prefecture: string;
  provider?: string;
  person: CasePerson;
  activities: CaseActivity[];
  wishes: string;
  supports: CaseSupport[];
  questions: string;
}

/** A stored case as the server returns it; extra fields (assessment, checklist, history…) are kept. */
export interface CaseFile extends CaseSheet {
  id: string;
  state: CaseState | string;
  createdAt?: string;
  updatedAt?: string;
  [extra: string]: unknown;
}

/**
 * One PII finding: `field` is a JSON path into the sheet (`title`, `person.housing`,
 * `activities[0].difficulty`), `start`/`end` UTF-16 offsets, end exclusive.
 */
export interface PiiFinding {
  field: string;
  start: number;
  end: number;
  kind: PiiKind | string;
}

export interface PrivacyCheckResponse {
  findings: PiiFinding[];
}

export function isPiiFinding(value: unknown): value is PiiFinding {
  return (
    isObject(value) &&
    typeof value.field === 'string' &&
    Number.isInteger(value.start) &&
    Number.isInteger(value.end) &&
    (value.start as number) >= 0 &&
    (value.end as number) >= (value.start as number) &&
    typeof value.kind === 'string'
  );
}

/** Keeps only well-formed findings (the server may add fields; malformed entries are dropped). */
export function toFindings(value: unknown): PiiFinding[] {
  return Array.isArray(value) ? value.filter(isPiiFinding) : [];
}

export function isPrivacyCheckResponse(value: unknown): value is PrivacyCheckResponse {
  return isObject(value) && Array.isArray(value.findings);
}

export function isCaseFile(value: unknown): value is CaseFile {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    typeof value.state === 'string' &&
    typeof value.title === 'string'
  );
}

/* ---------------------------------------------------------------------------------------------
 * Meetings (§4, docs/protocol.md "REST: meetings")
 * ------------------------------------------------------------------------------------------- */

export const PHASES = ['presentation', 'questions', 'advice', 'proposals', 'summary', 'closed'] as const;
export type Phase = (typeof PHASES)[number];
/** The phases that have a time box. */
export type TimedPhase = Exclude<Phase, 'closed'>;
/** The phase after `phase` in the §4 flow (null before the first). */
export function nextPhase(phase: Phase | null): Phase | null {
  if (phase === null) return PHASES[0];
  const index = PHASES.indexOf(phase);
  return index >= 0 && index < PHASES.length - 1 ? PHASES[index + 1] : null;
}

export const TIMED_PHASES: readonly TimedPhase[] = ['presentation', 'questions', 'advice', 'proposals', 'summary'];
export type Visibility = 'open' | 'invite';
export type MeetingState = 'scheduled' | 'live' | 'closed';

export interface CreateMeetingRequest {
  title: string;
  caseIds: string[];
  visibility: Visibility;
  startsAt: string;
  phaseMinutes: Record<TimedPhase, number>;
}

export interface Meeting {
  id: string;
  title: string;
  caseIds: string[];
  visibility: Visibility | string;
  startsAt?: string;
  hostId: string;
  state: MeetingState | string;
  phase: Phase | null;
  phaseEndsAt: string | null;
  inviteCode?: string;
  phaseMinutes?: Partial<Record<TimedPhase, number>>;
  [extra: string]: unknown;
}

export function isPhase(value: unknown): value is Phase {
  return typeof value === 'string' && (PHASES as readonly string[]).includes(value);
}

export function isMeeting(value: unknown): value is Meeting {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    typeof value.title === 'string' &&
    typeof value.hostId === 'string' &&
    Array.isArray(value.caseIds)
  );
}

/* ---------------------------------------------------------------------------------------------
 * WebSocket /ws (§7 + docs/protocol.md "WebSocket /ws")
 * ------------------------------------------------------------------------------------------- */

export const EMOJIS = ['👍', '❤️', '💡', '🙏', '👏'] as const;
export type Emoji = (typeof EMOJIS)[number];
export type ProposalType = 'market' | 'mutual' | 'public' | 'hybrid';
export const PROPOSAL_TYPES: readonly ProposalType[] = ['market', 'mutual', 'public', 'hybrid'];
export type ModerateAction = 'hide' | 'mute' | 'unmute' | 'remove' | 'lower' | 'call';

export type ProposalInput = Wire.Proposal;
export type JoinFrame = Wire.Join;

/** Commands without their client `id`; {@link CommandFrame} adds it. */
export type Command = Wire.Command;
export type CommandFrame = Command & { id: string };
export type PingFrame = { type: 'ping'; id?: string };
export type ClientFrame = JoinFrame | CommandFrame | PingFrame;

/**
 * A participant as the client keeps them: an event's actor, a joined snapshot's entry or the data
 * of a presence event (the server's Actor fits it).
 */
export interface Participant {
  accountId: string;
  displayName: string;
  role: Role | string;
  profession?: string | null;
  organization?: string | Organization | null;
}

/** One event of the log, a union over its `kind`: switching on the kind narrows `data`. */
export type MeetingEvent = Wire.MeetingEvent;
export type JoinedFrame = Wire.JoinedFrame;
export type AckFrame = Wire.Ack;
export type EventFrame = Wire.EventFrame;
/** The events that went out together, for a client that joined with `batch: true`. */
export type EventsFrame = Wire.EventsFrame;
export type ErrorFrame = Wire.ErrorFrame;
export type PongFrame = Wire.Pong;

export type ServerFrame = JoinedFrame | AckFrame | EventFrame | EventsFrame | ErrorFrame | PongFrame;

/** Error codes after which rejoining cannot help: the client stops instead of reconnecting. */
export const TERMINAL_WS_ERRORS: ReadonlySet<string> = new Set(['unauthenticated', 'forbidden', 'not_found', 'closed']);

export function isParticipant(value: unknown): value is Participant {
  return isObject(value) && typeof value.accountId === 'string' && typeof value.displayName === 'string';
}

export function isMeetingEvent(value: unknown): value is MeetingEvent {
  return (
    isObject(value) &&
    Number.isInteger(value.seq) &&
    (value.seq as number) > 0 &&
    typeof value.kind === 'string' &&
    (value.actor === undefined || value.actor === null || isParticipant(value.actor)) &&
    (value.data === undefined || isObject(value.data))
  );
}

/**
 * Validates one server frame. Returns null for anything that is not a §7 frame, so the client
 * can ignore it instead of acting on half a message.
 */
export function parseServerFrame(text: string): ServerFrame | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  return isServerFrame(value) ? normalizeFrame(value) : null;
}

export function isServerFrame(value: unknown): value is ServerFrame {
  if (!isObject(value) || typeof value.type !== 'string') return false;
  switch (value.type) {
    case 'joined':
      return Number.isInteger(value.seq) && (value.participants === undefined || Array.isArray(value.participants));
    case 'ack':
      return typeof value.id === 'string' && Number.isInteger(value.seq);
    case 'event':
      return isMeetingEvent(value);
    case 'events':
      return Array.isArray(value.events) && value.events.every((event) => isObject(event) && event.type === 'event' && isMeetingEvent(event));
    case 'error':
      return typeof value.code === 'string' && (value.id === undefined || value.id === null || typeof value.id === 'string');
    case 'pong':
      return true;
    default:
      return false;
  }
}

function normalizeFrame(frame: ServerFrame): ServerFrame {
  switch (frame.type) {
    case 'joined':
      return { ...frame, participants: (frame.participants ?? []).filter(isParticipant) };
    case 'event':
      return normalizeEvent(frame);
    case 'events':
      return { ...frame, events: frame.events.map(normalizeEvent) };
    case 'error':
      return { ...frame, id: frame.id ?? undefined, message: typeof frame.message === 'string' ? frame.message : '' };
    default:
      return frame;
  }
}

// the lenient read lets an event without actor or data through; the model treats a missing actor as nobody
function normalizeEvent(frame: EventFrame): EventFrame {
  return { ...frame, actor: frame.actor ?? null, data: frame.data ?? {} } as EventFrame;
}
