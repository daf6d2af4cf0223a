import type { PiiFinding } from '../../net/protocol';
import { has, t } from './messages';

export interface Segment {
  readonly text: string;
  readonly finding: PiiFinding | null;
}

/**
 * Splits `text` into plain and flagged runs for the highlight mirror. Offsets are clamped to the
 * current text (it may have changed since the check), and overlapping findings are merged into
 * the first one so no character is shown twice.
 */
export function segments(text: string, findings: readonly PiiFinding[]): Segment[] {
  const sorted = [...findings]
    .map((f) => ({ ...f, start: Math.min(f.start, text.length), end: Math.min(f.end, text.length) }))
    .filter((f) => f.end > f.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const result: Segment[] = [];
  let cursor = 0;
  for (const finding of sorted) {
    if (finding.end <= cursor) continue;
    const start = Math.max(finding.start, cursor);
    if (start > cursor) result.push({ text: text.slice(cursor, start), finding: null });
    result.push({ text: text.slice(start, finding.end), finding });
    cursor = finding.end;
  }
  if (cursor < text.length) result.push({ text: text.slice(cursor), finding: null });
  return result;
}

/** 「電話番号の可能性があります」 for `phone`; a generic message for kinds this client does not know. */
export function piiMessage(kind: string): string {
  const key = `pii.${kind}`;
  return has(key) ? t(key) : t('pii.unknown');
}
