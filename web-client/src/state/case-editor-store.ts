import { CHECKLIST_ITEMS, findingsOf, type CaseApi, type EditableSheet } from '../net/case-api';
import { ApiError } from '../net/http';
import { isObject, type CaseActivity, type CaseFile, type CaseSupport, type PiiFinding } from '../net/protocol';
import { DebouncedCheck } from './debounced-check';

export type CaseGateway = Pick<CaseApi, 'get' | 'create' | 'replace' | 'submit' | 'checkPrivacy'>;

export type EditorStatus = 'loading' | 'ready' | 'saving' | 'submitting' | 'load-failed';

/** The outcome to tell the user about (shown and announced once). */
export type EditorNotice =
  | { readonly kind: 'saved' }
  | { readonly kind: 'submitted' }
  /** The server refused the sheet with PII (422 `pii_found`) and stored nothing of it: on save or on submit. */
  | { readonly kind: 'blocked'; readonly count: number; readonly action: 'submit' | 'save' }
  | { readonly kind: 'title-required' }
  /** `state`: the case's state a 409 `invalid_state` named (the lifecycle forbids the action in it). */
  | { readonly kind: 'error'; readonly status: number; readonly code: string; readonly message: string; readonly state?: string };

/** The state in which the owner may still change the sheet (server: casefile/CaseState.editable). */
const EDITABLE_STATE = 'draft';

export class CaseEditorChangeEvent extends Event {
  static readonly type = 'case-editor-change';
  constructor() {
    super(CaseEditorChangeEvent.type);
  }
}

export function emptyActivity(): CaseActivity {
  return { activity: '', level: '', canDo: '', difficulty: '' };
}

export function emptySupport(): CaseSupport {
  return { kind: 'formal', description: '' };
}

export function emptySheet(): EditableSheet {
  return {
    title: '',
    prefecture: '',
    person: { ageBand: '', careLevel: '', household: '', housing: '', health: '' },
    activities: [emptyActivity()],
    wishes: '',
    supports: [],
    questions: '',
  };
}

/**
 * The case sheet being edited, its server state and the PII findings. The only place they change.
 * Every edit schedules a debounced `POST /privacy/check` of the whole sheet; a response that
 * arrives after a newer check was started is ignored, so highlights never go backwards.
 * A loaded sheet keeps every field the server sent, shown or not, so saving never drops one.
 */
export class CaseEditorStore extends EventTarget {
  private sheetValue: EditableSheet = emptySheet();
  private caseId: string | null = null;
  private caseState: string = 'draft';
  private statusValue: EditorStatus = 'ready';
  private findingsValue: PiiFinding[] = [];
  private noticeValue: EditorNotice | null = null;
  private dirty = false;
  private savedVersionValue = 0;
  private readonly privacyCheck = new DebouncedCheck(
    (signal) => this.api.checkPrivacy(this.sheetValue, signal),
    (findings) => this.checked(findings),
  );

  constructor(
    private readonly api: CaseGateway,
    private readonly debounceMs = 400,
  ) {
    super();
  }

  get sheet(): EditableSheet {
    return this.sheetValue;
  }
  get id(): string | null {
    return this.caseId;
  }
  get state(): string {
    return this.caseState;
  }
  get status(): EditorStatus {
    return this.statusValue;
  }
  get findings(): readonly PiiFinding[] {
    return this.findingsValue;
  }
  get notice(): EditorNotice | null {
    return this.noticeValue;
  }
  /** Grows each time the server confirms the sheet (loaded, saved, submitted): what depends on the stored sheet reads it again then, never while typing. */
  get savedVersion(): number {
    return this.savedVersionValue;
  }
  /** Whether the sheet may still be changed: a loaded draft, or a new case. Any later state is read-only. */
  get editable(): boolean {
    return this.caseState === EDITABLE_STATE && this.statusValue !== 'load-failed';
  }
  get busy(): boolean {
    return this.statusValue === 'saving' || this.statusValue === 'submitting' || this.statusValue === 'loading';
  }

  findingsFor(field: string): PiiFinding[] {
    return this.findingsValue.filter((finding) => finding.field === field);
  }

  async load(id: string): Promise<void> {
    this.caseId = id;
    this.statusValue = 'loading';
    this.changed();
    try {
      this.adopt(await this.api.get(id));
      this.statusValue = 'ready';
      this.scheduleCheck(0);
    } catch (error) {
      this.statusValue = 'load-failed';
      this.noticeValue = errorNotice(error);
    }
    this.changed();
  }

  /**
   * Sets one text or select value by its JSON path (`title`, `person.housing`, `activities[0].canDo`,
   * `assessment.movement.issue`); an assessment domain not filled in yet is created empty.
   */
  setField(path: string, value: string): void {
    const sheet = structuredClone(this.sheetValue);
    const domain = /^assessment\.(\w+)\./.exec(path)?.[1];
    if (domain) {
      const assessment: Record<string, unknown> = (sheet.assessment ??= {});
      assessment[domain] ??= { intention: '', issue: '' };
    }
    setAtPath(sheet as Record<string, unknown>, path, value);
    this.edit(sheet);
  }

  /** Marks item `index` (0-based) of the 基本チェックリスト as applying (1) or not (0); the first answer starts the list at all 0. */
  setChecklistAnswer(index: number, applies: boolean): void {
    const checklist = [...(this.sheetValue.checklist ?? Array<number>(CHECKLIST_ITEMS).fill(0))];
    checklist[index] = applies ? 1 : 0;
    this.edit({ ...this.sheetValue, checklist });
  }

  addActivity(): void {
    this.edit({ ...this.sheetValue, activities: [...this.sheetValue.activities, emptyActivity()] }, true);
  }

  removeActivity(index: number): void {
    this.edit({ ...this.sheetValue, activities: this.sheetValue.activities.filter((_, i) => i !== index) }, true);
  }

  addSupport(): void {
    this.edit({ ...this.sheetValue, supports: [...this.sheetValue.supports, emptySupport()] }, true);
  }

  removeSupport(index: number): void {
    this.edit({ ...this.sheetValue, supports: this.sheetValue.supports.filter((_, i) => i !== index) }, true);
  }

  /** POST for a new case, PUT afterwards. Resolves true when the server has the current sheet. */
  async save(): Promise<boolean> {
    if (this.busy || !this.editable) return false;
    if (this.sheetValue.title.trim() === '') {
      this.noticeValue = { kind: 'title-required' };
      this.changed();
      return false;
    }
    this.statusValue = 'saving';
    this.noticeValue = null;
    this.changed();
    const ok = await this.persist('save');
    this.statusValue = 'ready';
    if (ok) this.noticeValue = { kind: 'saved' };
    this.changed();
    return ok;
  }

  /** Saves unsaved changes, then submits. A 422 `pii_found` (on either step) shows the server's findings. */
  async submit(): Promise<void> {
    if (this.busy || !this.editable) return;
    if (this.sheetValue.title.trim() === '') {
      this.noticeValue = { kind: 'title-required' };
      this.changed();
      return;
    }
    this.statusValue = 'submitting';
    this.noticeValue = null;
    this.changed();
    if ((this.dirty || this.caseId === null) && !(await this.persist('submit'))) {
      this.statusValue = 'ready';
      this.changed();
      return;
    }
    try {
      this.adopt(await this.api.submit(this.caseId as string));
      this.findingsValue = [];
      this.noticeValue = { kind: 'submitted' };
    } catch (error) {
      this.refused(error, 'submit');
    }
    this.statusValue = 'ready';
    this.changed();
  }

  /** Stops the pending privacy check (the page is going away). */
  dispose(): void {
    this.cancelCheck();
  }

  private async persist(action: 'save' | 'submit'): Promise<boolean> {
    const sent = this.sheetValue;
    try {
      const saved = this.caseId === null ? await this.api.create(sent) : await this.api.replace(this.caseId, sent);
      const editedMeanwhile = this.sheetValue !== sent;
      this.caseId = saved.id;
      this.caseState = saved.state;
      this.dirty = editedMeanwhile;
      this.savedVersionValue++;
      return true;
    } catch (error) {
      this.refused(error, action);
      return false;
    }
  }

  /**
   * The server stored nothing. PII findings replace the live check's; a state the lifecycle no
   * longer allows editing in (a colleague submitted it meanwhile) makes the sheet read-only, its
   * text still on screen. Either way the text stays as typed, so it can be fixed or copied.
   */
  private refused(error: unknown, action: 'save' | 'submit'): void {
    const findings = findingsOf(error);
    if (findings) {
      this.cancelCheck();
      this.findingsValue = findings;
      this.noticeValue = { kind: 'blocked', count: findings.length, action };
      return;
    }
    const notice = errorNotice(error);
    if (notice.kind === 'error' && notice.state) this.caseState = notice.state;
    this.noticeValue = notice;
  }

  private adopt(saved: CaseFile): void {
    this.caseId = saved.id;
    this.caseState = saved.state;
    this.sheetValue = sheetOf(saved);
    this.dirty = false;
    this.savedVersionValue++;
  }

  private edit(sheet: EditableSheet, structural = false): void {
    this.sheetValue = sheet;
    this.dirty = true;
    if (this.noticeValue?.kind !== 'blocked') this.noticeValue = null;
    // Rows moved: the old offsets point into other rows, so drop them until the next check.
    if (structural) this.findingsValue = [];
    this.scheduleCheck(this.debounceMs);
    this.changed();
  }

  private scheduleCheck(delay: number): void {
    this.privacyCheck.schedule(delay);
  }

  private cancelCheck(): void {
    this.privacyCheck.cancel();
  }

  private checked(findings: PiiFinding[]): void {
    this.findingsValue = findings;
    if (this.noticeValue?.kind === 'blocked') {
      this.noticeValue = findings.length > 0 ? { ...this.noticeValue, count: findings.length } : null;
    }
    this.changed();
  }

  private changed(): void {
    this.dispatchEvent(new CaseEditorChangeEvent());
  }
}

function errorNotice(error: unknown): EditorNotice {
  if (!(error instanceof ApiError)) return { kind: 'error', status: 0, code: 'unexpected', message: String(error) };
  const state = error.code === 'invalid_state' ? stateOf(error.details) : undefined;
  return { kind: 'error', status: error.status, code: error.code, message: error.message, ...(state ? { state } : {}) };
}

/** The `state` a 409 `invalid_state` names in its details (`[{"state": "submitted"}]`). */
function stateOf(details: readonly unknown[]): string | undefined {
  const detail = details[0];
  return isObject(detail) && typeof detail.state === 'string' ? detail.state : undefined;
}

/** What a stored case has besides its sheet (server: casefile/Case.java); every other field is the sheet's. */
const CASE_OWN_FIELDS = ['id', 'state', 'organization', 'createdBy', 'createdAt', 'updatedAt', 'revision', 'history'];

/** The editable part of a stored case: every sheet field it has (shown or not), the shown ones all present. */
export function sheetOf(saved: CaseFile): EditableSheet {
  const empty = emptySheet();
  const person = { ...empty.person, ...(saved.person ?? {}) };
  const rest = Object.fromEntries(Object.entries(saved).filter(([key]) => !CASE_OWN_FIELDS.includes(key) && key !== 'provider'));
  return {
    ...rest,
    title: saved.title ?? '',
    prefecture: saved.prefecture ?? '',
    ...(saved.provider ? { provider: saved.provider } : {}),
    person,
    activities: (saved.activities ?? []).map((a) => ({ ...emptyActivity(), ...a })),
    wishes: saved.wishes ?? '',
    supports: (saved.supports ?? []).map((s) => ({ ...emptySupport(), ...s })),
    questions: saved.questions ?? '',
  };
}

/** `a.b[2].c` → ['a', 'b', 2, 'c']. */
export function parsePath(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    keys.push(match[2] !== undefined ? Number(match[2]) : match[1]);
  }
  return keys;
}

function setAtPath(target: Record<string, unknown>, path: string, value: string): void {
  const keys = parsePath(path);
  let node: Record<string | number, unknown> = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) throw new Error(`no field at ${path}`);
    node = next as Record<string | number, unknown>;
  }
  const last = keys.at(-1);
  if (last === undefined) throw new Error('empty path');
  if (path === 'person.gender' || path === 'provider') {
    if (value === '') delete node[last];
    else node[last] = value;
    return;
  }
  node[last] = value;
}
