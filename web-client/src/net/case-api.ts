import { ApiError, type DownloadedFile, type HttpClient } from './http';
import { isCaseFile, isObject, isPrivacyCheckResponse, toFindings, type CaseFile, type CaseSheet, type PiiFinding } from './protocol';

/** The four domains of the 介護予防サービス・支援計画書 (server: casefile/Assessment.java), in the form's order. */
export const ASSESSMENT_DOMAINS = ['movement', 'dailyLife', 'socialParticipation', 'healthManagement'] as const;
export type AssessmentDomainName = (typeof ASSESSMENT_DOMAINS)[number];

/** 本人・家族の意欲・意向 and 課題 of one domain. */
export interface AssessmentDomain {
  intention: string;
  issue: string;
}

export type Assessment = Partial<Record<AssessmentDomainName, AssessmentDomain | null>>;

/** The 基本チェックリスト has 25 items; each answer is its point, 0 or 1 (server: casefile/CaseSheet.java). */
export const CHECKLIST_ITEMS = 25;

/**
 * The sheet as the editor holds and sends it: the fields it shows, the optional assessment and
 * checklist, and any other sheet field the server sent (kept as it came, so saving never drops it).
 */
export interface EditableSheet extends CaseSheet {
  assessment?: Assessment | null;
  checklist?: number[] | null;
  [other: string]: unknown;
}

/** The case-file endpoints of §7 / docs/protocol.md. Every call is made as the signed-in user. */
export class CaseApi {
  constructor(private readonly http: HttpClient) {}

  async list(state?: string): Promise<CaseFile[]> {
    const query = state ? `?state=${encodeURIComponent(state)}` : '';
    const response = await this.http.get<unknown>(`/api/v1/cases${query}`, { signedIn: true });
    return listOf(response, 'cases').filter(isCaseFile);
  }

  async get(id: string): Promise<CaseFile> {
    return asCase(await this.http.get<unknown>(`/api/v1/cases/${encodeURIComponent(id)}`, { signedIn: true }));
  }

  async create(sheet: CaseSheet): Promise<CaseFile> {
    return asCase(await this.http.post<unknown>('/api/v1/cases', { signedIn: true, body: sheet }));
  }

  async replace(id: string, sheet: CaseSheet): Promise<CaseFile> {
    return asCase(await this.http.put<unknown>(`/api/v1/cases/${encodeURIComponent(id)}`, { signedIn: true, body: sheet }));
  }

  /** Rejects with ApiError 422 `pii_found` whose `details` are the findings (see {@link findingsOf}). */
  async submit(id: string): Promise<CaseFile> {
    return asCase(await this.http.post<unknown>(`/api/v1/cases/${encodeURIComponent(id)}/submit`, { signedIn: true }));
  }

  async checkPrivacy(sheet: Partial<CaseSheet>, signal?: AbortSignal): Promise<PiiFinding[]> {
    const response = await this.http.post<unknown>('/api/v1/privacy/check', { signedIn: true, body: sheet, signal });
    if (!isPrivacyCheckResponse(response)) throw invalid('privacy check');
    return toFindings(response.findings);
  }

  /** The 事例提出シート to fill in Excel. */
  async template(): Promise<DownloadedFile> {
    return this.http.download('/api/v1/cases/template.xlsx', '事例提出シート.xlsx', { signedIn: true });
  }

  /**
   * A filled 事例提出シート as a new draft. Rejects with ApiError 400 `invalid_cells` (details: {@link CellProblem}s),
   * 422 `pii_found`, 413, 415 `not_xlsx`, 400 `macros_not_allowed` or `formulas_not_allowed`.
   */
  async importSheet(file: File): Promise<CaseFile> {
    const form = new FormData();
    form.append('file', file, file.name);
    return asCase(await this.http.upload<unknown>('/api/v1/cases/import', form, { signedIn: true }));
  }

  /** Checks free texts that are not a case sheet (a meeting's まとめ), each named by a path of the caller's; findings keep that path. */
  async checkTexts(texts: Readonly<Record<string, string>>, signal?: AbortSignal): Promise<PiiFinding[]> {
    const named = Object.fromEntries(Object.entries(texts).filter(([, text]) => text.trim() !== ''));
    if (Object.keys(named).length === 0) return [];
    const response = await this.http.post<unknown>('/api/v1/privacy/check-texts', { signedIn: true, body: { texts: named }, signal });
    if (!isPrivacyCheckResponse(response)) throw invalid('privacy check');
    return toFindings(response.findings);
  }
}

/** One wrong cell of an imported sheet: `code` is required, not_in_list, invalid or formula. */
export interface CellProblem {
  sheet: string;
  cell: string;
  label: string;
  code: string;
  problem: string;
}

/** The wrong cells an import was refused for (400 `invalid_cells`, `formulas_not_allowed`; 422 `pii_found`), or []. */
export function cellProblemsOf(error: unknown): CellProblem[] {
  if (!(error instanceof ApiError)) return [];
  return error.details.filter(isObject).filter((d) => typeof d.sheet === 'string' && typeof d.cell === 'string').map((d) => ({
    sheet: String(d.sheet),
    cell: String(d.cell),
    // a personal-data finding names its field and kind instead
    label: String(d.label ?? d.field ?? ''),
    code: String(d.code ?? 'pii'),
    problem: String(d.problem ?? ''),
  }));
}

/** The findings carried by a 422 `pii_found` error, or null for any other error. */
export function findingsOf(error: unknown): PiiFinding[] | null {
  if (error instanceof ApiError && error.code === 'pii_found') return toFindings(error.details);
  return null;
}

/**
 * List endpoints are read leniently: docs/protocol.md does not fix the envelope, so a bare array,
 * `{<name>: [...]}` and `{items: [...]}` are all accepted.
 */
export function listOf(response: unknown, name: string): unknown[] {
  if (Array.isArray(response)) return response;
  if (isObject(response)) {
    const list = response[name] ?? response.items;
    if (Array.isArray(list)) return list;
  }
  throw invalid(name);
}

function asCase(response: unknown): CaseFile {
  if (!isCaseFile(response)) throw invalid('case');
  return response;
}

export function invalid(what: string): ApiError {
  return new ApiError(200, ApiError.INVALID_RESPONSE, `unexpected ${what} response`);
}
