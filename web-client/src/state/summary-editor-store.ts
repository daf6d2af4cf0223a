import { findingsOf, type CaseApi } from '../net/case-api';
import { ApiError } from '../net/http';
import type { MeetingApi } from '../net/meeting-api';
import type { PiiFinding } from '../net/protocol';
import type { Summary } from '../net/protocol.generated';
import { DebouncedCheck } from './debounced-check';

export type SummaryGateway = Pick<MeetingApi, 'updateSummary'> & Pick<CaseApi, 'checkTexts'>;

/** A regional issue as typed: its tags are one text, split on commas (、 or ,) when saved. */
export interface IssueDraft {
  readonly text: string;
  readonly tags: string;
}

export interface SummaryDraft {
  readonly direction: string;
  readonly adoptedProposalIds: readonly string[];
  readonly regionalIssues: readonly IssueDraft[];
  readonly missingResources: readonly string[];
  readonly followUps: readonly string[];
}

export type SummaryList = 'missingResources' | 'followUps';

export type SummaryNotice =
  | { readonly kind: 'saved' }
  /** The server refused the summary with personal information (422 `pii_found`). */
  | { readonly kind: 'blocked'; readonly count: number }
  | { readonly kind: 'direction-required' }
  | { readonly kind: 'error'; readonly status: number; readonly code: string; readonly message: string };

export class SummaryEditorChangeEvent extends Event {
  static readonly type = 'summary-editor-change';
  constructor() {
    super(SummaryEditorChangeEvent.type);
  }
}

/**
 * The まとめ the host is writing for one meeting (or one case of its agenda), and the personal
 * information found in it: the only place they change. Paths name each text as the server does
 * without its `summary.` prefix (`direction`, `regionalIssues[0].text`, `followUps[1]`), except
 * that an issue's tags are checked and highlighted as the one text they are typed in
 * (`regionalIssues[0].tags`). Every edit schedules a debounced check; a refused save shows the
 * server's findings and keeps every text as typed.
 */
export class SummaryEditorStore extends EventTarget {
  private draftValue: SummaryDraft;
  private findingsValue: PiiFinding[] = [];
  private noticeValue: SummaryNotice | null = null;
  private savingValue = false;
  private readonly privacyCheck: DebouncedCheck<PiiFinding[]>;

  constructor(
    private readonly api: SummaryGateway,
    readonly meetingId: string,
    readonly caseId: string | undefined,
    initial: Summary | null,
    private readonly debounceMs = 400,
  ) {
    super();
    this.draftValue = draftOf(initial);
    this.privacyCheck = new DebouncedCheck(
      (signal) => this.api.checkTexts(textsOf(this.draftValue), signal),
      (findings) => this.checked(findings),
    );
    if (Object.keys(textsOf(this.draftValue)).length > 0) this.privacyCheck.schedule(0);
  }

  get draft(): SummaryDraft {
    return this.draftValue;
  }
  get findings(): readonly PiiFinding[] {
    return this.findingsValue;
  }
  get notice(): SummaryNotice | null {
    return this.noticeValue;
  }
  get saving(): boolean {
    return this.savingValue;
  }

  findingsFor(path: string): PiiFinding[] {
    return this.findingsValue.filter((finding) => finding.field === path);
  }

  setDirection(direction: string): void {
    this.edit({ ...this.draftValue, direction });
  }

  setAdopted(proposalId: string, adopted: boolean): void {
    const others = this.draftValue.adoptedProposalIds.filter((id) => id !== proposalId);
    this.edit({ ...this.draftValue, adoptedProposalIds: adopted ? [...others, proposalId] : others });
  }

  addIssue(): void {
    this.edit({ ...this.draftValue, regionalIssues: [...this.draftValue.regionalIssues, { text: '', tags: '' }] }, true);
  }

  removeIssue(index: number): void {
    this.edit({ ...this.draftValue, regionalIssues: this.draftValue.regionalIssues.filter((_, i) => i !== index) }, true);
  }

  setIssue(index: number, part: keyof IssueDraft, value: string): void {
    const regionalIssues = this.draftValue.regionalIssues.map((issue, i) => (i === index ? { ...issue, [part]: value } : issue));
    this.edit({ ...this.draftValue, regionalIssues });
  }

  addItem(list: SummaryList): void {
    this.edit({ ...this.draftValue, [list]: [...this.draftValue[list], ''] }, true);
  }

  removeItem(list: SummaryList, index: number): void {
    this.edit({ ...this.draftValue, [list]: this.draftValue[list].filter((_, i) => i !== index) }, true);
  }

  setItem(list: SummaryList, index: number, value: string): void {
    this.edit({ ...this.draftValue, [list]: this.draftValue[list].map((item, i) => (i === index ? value : item)) });
  }

  /** Sends the summary (blank rows left out). Resolves true when the server has it. */
  async save(): Promise<boolean> {
    if (this.savingValue) return false;
    if (this.draftValue.direction.trim() === '') {
      this.noticeValue = { kind: 'direction-required' };
      this.changed();
      return false;
    }
    const body = bodyOf(this.draftValue);
    this.savingValue = true;
    this.noticeValue = null;
    this.changed();
    let ok = false;
    try {
      await this.api.updateSummary(this.meetingId, body.summary, this.caseId);
      this.noticeValue = { kind: 'saved' };
      ok = true;
    } catch (error) {
      const findings = findingsOf(error);
      if (findings) {
        this.privacyCheck.cancel();
        this.findingsValue = findings.map(body.toDraft);
        this.noticeValue = { kind: 'blocked', count: findings.length };
      } else {
        this.noticeValue = errorNotice(error);
      }
    }
    this.savingValue = false;
    this.changed();
    return ok;
  }

  /** Stops the pending privacy check (the editor is going away). */
  dispose(): void {
    this.privacyCheck.cancel();
  }

  private edit(draft: SummaryDraft, structural = false): void {
    this.draftValue = draft;
    if (this.noticeValue?.kind !== 'blocked') this.noticeValue = null;
    // Rows moved: the old findings point into other rows, so drop them until the next check.
    if (structural) this.findingsValue = [];
    this.privacyCheck.schedule(this.debounceMs);
    this.changed();
  }

  private checked(findings: PiiFinding[]): void {
    this.findingsValue = findings;
    if (this.noticeValue?.kind === 'blocked') {
      this.noticeValue = findings.length > 0 ? { kind: 'blocked', count: findings.length } : null;
    }
    this.changed();
  }

  private changed(): void {
    this.dispatchEvent(new SummaryEditorChangeEvent());
  }
}

function draftOf(summary: Summary | null): SummaryDraft {
  return {
    direction: summary?.direction ?? '',
    adoptedProposalIds: summary?.adoptedProposalIds ?? [],
    regionalIssues: (summary?.regionalIssues ?? []).map((issue) => ({ text: issue.text, tags: (issue.tags ?? []).join('、') })),
    missingResources: summary?.missingResources ?? [],
    followUps: summary?.followUps ?? [],
  };
}

/** Every text of the draft by its path, as the privacy check reads them. */
function textsOf(draft: SummaryDraft): Record<string, string> {
  const texts: Record<string, string> = { direction: draft.direction };
  draft.regionalIssues.forEach((issue, i) => {
    texts[`regionalIssues[${i}].text`] = issue.text;
    texts[`regionalIssues[${i}].tags`] = issue.tags;
  });
  draft.missingResources.forEach((item, i) => (texts[`missingResources[${i}]`] = item));
  draft.followUps.forEach((item, i) => (texts[`followUps[${i}]`] = item));
  return Object.fromEntries(Object.entries(texts).filter(([, text]) => text.trim() !== ''));
}

interface Tag {
  readonly text: string;
  readonly start: number;
}

/** `移動、 買い物,` → 移動 at 0 and 買い物 at 4: the tags with where each starts in what was typed. */
export function tagsOf(typed: string): Tag[] {
  return [...typed.matchAll(/[^,、，]+/g)].flatMap((match) => {
    const text = match[0].trim();
    return text === '' ? [] : [{ text, start: match.index + match[0].indexOf(text) }];
  });
}

/**
 * The body to send, and how to map a finding the server reports against that body (where blank
 * rows are gone and tags are separate) back onto the draft.
 */
function bodyOf(draft: SummaryDraft): { summary: Summary; toDraft: (finding: PiiFinding) => PiiFinding } {
  const rows = (items: readonly string[]): number[] => items.flatMap((item, i) => (item.trim() === '' ? [] : [i]));
  const issueRows = draft.regionalIssues.flatMap((issue, i) => (issue.text.trim() === '' ? [] : [i]));
  const missingRows = rows(draft.missingResources);
  const followUpRows = rows(draft.followUps);
  const summary: Summary = {
    direction: draft.direction.trim(),
    adoptedProposalIds: [...draft.adoptedProposalIds],
    regionalIssues: issueRows.map((i) => ({ text: draft.regionalIssues[i].text.trim(), tags: tagsOf(draft.regionalIssues[i].tags).map((tag) => tag.text) })),
    missingResources: missingRows.map((i) => draft.missingResources[i].trim()),
    followUps: followUpRows.map((i) => draft.followUps[i].trim()),
  };
  const shift = (finding: PiiFinding, field: string, by: number): PiiFinding => ({ ...finding, field, start: finding.start + by, end: finding.end + by });
  // Sent texts are trimmed: a finding's offsets count from the first non-blank character.
  const lead = (text: string): number => text.length - text.trimStart().length;
  const toDraft = (finding: PiiFinding): PiiFinding => {
    const path = finding.field.replace(/^summary\./, '');
    if (path === 'direction') return shift(finding, path, lead(draft.direction));
    let match = /^regionalIssues\[(\d+)\]\.text$/.exec(path);
    if (match) {
      const row = issueRows[Number(match[1])];
      return shift(finding, `regionalIssues[${row}].text`, lead(draft.regionalIssues[row]?.text ?? ''));
    }
    match = /^regionalIssues\[(\d+)\]\.tags\[(\d+)\]$/.exec(path);
    if (match) {
      const row = issueRows[Number(match[1])];
      const tag = tagsOf(draft.regionalIssues[row]?.tags ?? '')[Number(match[2])];
      return shift(finding, `regionalIssues[${row}].tags`, tag?.start ?? 0);
    }
    match = /^(missingResources|followUps)\[(\d+)\]$/.exec(path);
    if (match) {
      const list = match[1] as SummaryList;
      const row = (list === 'missingResources' ? missingRows : followUpRows)[Number(match[2])];
      return shift(finding, `${list}[${row}]`, lead(draft[list][row] ?? ''));
    }
    return { ...finding, field: path };
  };
  return { summary, toDraft };
}

function errorNotice(error: unknown): SummaryNotice {
  if (error instanceof ApiError) return { kind: 'error', status: error.status, code: error.code, message: error.message };
  return { kind: 'error', status: 0, code: 'unexpected', message: String(error) };
}
