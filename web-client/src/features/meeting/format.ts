import { isPhase, type Participant } from '../../net/protocol';
import { roleLabel } from '../../shared/format';
import { has, t } from './messages';

/** Why the room refused something, in words: a known `room.error.*` code, else the code itself. */
export function roomErrorLabel(code: string): string {
  const key = `room.error.${code}`;
  return has(key) ? t(key) : t('room.error.command', { code });
}

export function phaseLabel(phase: string | null): string {
  if (phase === null) return t('phase.none');
  return isPhase(phase) ? t(`phase.${phase}`) : phase;
}

/** `m:ss` (or `h:mm:ss`) for a positive duration in milliseconds. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** 「残り 4:59」 / 「0:12 超過」 for a deadline, or '' without one. */
export function countdown(endsAt: string | null, now: number): string {
  if (!endsAt) return '';
  const end = Date.parse(endsAt);
  if (Number.isNaN(end)) return '';
  const left = end - now;
  return left >= 0 ? t('room.remaining', { time: formatDuration(left) }) : t('room.overtime', { time: formatDuration(-left) });
}

/** The badge under a name: the profession if there is one, else the role label. */
export function badgeOf(participant: Participant | null): string {
  if (!participant) return '';
  return participant.profession ? participant.profession : roleLabel(String(participant.role ?? ''));
}

export function organizationOf(participant: Participant | null): string {
  const org = participant?.organization;
  if (!org) return '';
  return typeof org === 'string' ? org : org.name;
}

/** `2026-12-01T10:00` (datetime-local, entered in Japan time like every time shown) → `2026-12-01T10:00:00+09:00`. */
export function toOffsetIso(local: string): string {
  return `${local.length === 16 ? `${local}:00` : local}+09:00`;
}
