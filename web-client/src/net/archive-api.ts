import { invalid } from './case-api';
import { queryString, type HttpClient } from './http';
import { isObject } from './protocol';

/* Wire types of the public archive (§5). Read leniently: missing optional fields become empty. */

export interface ArchiveHit {
  id: string;
  title: string;
  /** HTML-escaped text whose only markup is `<mark>…</mark>` around matched words. */
  snippet: string;
  prefecture: string;
  careLevel: string;
  household: string;
  publishedAt: string;
  score?: number;
}

/** facet name (activity, careLevel …) → value → count. */
export type ArchiveFacets = Readonly<Record<string, Readonly<Record<string, number>>>>;

export interface ArchiveSearchResult {
  total: number;
  page: number;
  size: number;
  hits: ArchiveHit[];
  facets: ArchiveFacets;
  /** No case shared enough of the words, so these are the nearest ones (any word in common). */
  relaxed: boolean;
}

export const ARCHIVE_FACETS = ['activity', 'careLevel', 'household', 'prefecture', 'type', 'year'] as const;
export type ArchiveFacet = (typeof ARCHIVE_FACETS)[number];

/** The query parameters `GET /archive/search` understands; anything else in the hash is dropped. */
export const ARCHIVE_PARAMS = ['q', ...ARCHIVE_FACETS, 'page', 'size'] as const;

export interface ArchivePerson {
  ageBand?: string;
  gender?: string;
  careLevel?: string;
  household?: string;
  housing?: string;
  health?: string;
}

export interface ArchiveActivity {
  activity: string;
  level: string;
  canDo: string;
  difficulty: string;
}

export interface ArchiveRemark {
  seq: number;
  phase: string;
  label: string;
  text: string;
  replyTo: number | null;
}

export interface ArchiveProposal {
  proposalId: string;
  proposedBy: string;
  targetActivity: string;
  type: string;
  description: string;
  keepsAbilities: string;
  serviceId: string | null;
  cost: string;
  area: string;
  endorsements: number;
  adopted: boolean;
}

export interface ArchiveSummary {
  direction: string;
  regionalIssues: { text: string; tags: string[] }[];
  missingResources: string[];
  followUps: string[];
}

export interface ArchiveEntry {
  id: string;
  title: string;
  prefecture: string;
  provider: string;
  publishedAt: string;
  person: ArchivePerson;
  activities: ArchiveActivity[];
  wishes: string;
  questions: string;
  supports: { kind: string; description: string }[];
  discussion: ArchiveRemark[];
  proposals: ArchiveProposal[];
  summary: ArchiveSummary | null;
}

/** What a redacted text reads from then on (the server writes it). */
export const REDACTED = '（削除されました）';

/** The audit record of one redaction. */
export interface ArchiveRedaction {
  entryId: string;
  path: string;
  by: string;
  reason: string;
  at: string;
}

/** The open-data links of §5 (plain links: the browser downloads them, no token needed). */
export const ARCHIVE_EXPORTS = {
  json: '/api/v1/archive/export.json',
  csv: '/api/v1/archive/export.csv',
  atom: '/api/v1/archive/feed.atom',
} as const;

/** What narrows a search and so its exports; the page and its size do not. */
export const ARCHIVE_FILTERS = ['q', ...ARCHIVE_FACETS] as const;

/** The export `base` of exactly what the search `params` finds (every page). */
export function archiveExportUrl(base: string, params: Readonly<Record<string, string | undefined>>): string {
  return `${base}${queryString(params, ARCHIVE_FILTERS)}`;
}

/** What a feed can follow (GET /api/v1/archive/feed.atom?prefecture=…&activity=…). */
export const FEED_FILTERS = ['prefecture', 'activity'] as const;

/** The Atom feed of the new cases that `params` narrows to by prefecture and activity (all new cases without them). */
export function archiveFeedUrl(params: Readonly<Record<string, string | undefined>>): string {
  return `${ARCHIVE_EXPORTS.atom}${queryString(params, FEED_FILTERS)}`;
}

/** The published entry as an .xlsx; public, so a plain link downloads it. */
export function entryXlsxUrl(id: string): string {
  return `/api/v1/archive/cases/${encodeURIComponent(id)}.xlsx`;
}

/** The public archive endpoints. Reading needs no sign-in; redacting needs the host or an admin. */
export class ArchiveApi {
  constructor(private readonly http: HttpClient) {}

  async search(params: Readonly<Record<string, string>>, signal?: AbortSignal): Promise<ArchiveSearchResult> {
    const response = await this.http.get<unknown>(`/api/v1/archive/search${queryString(params, ARCHIVE_PARAMS)}`, { signal });
    if (!isObject(response) || !Array.isArray(response.hits)) throw invalid('archive search');
    const hits = response.hits.map(toHit).filter((hit): hit is ArchiveHit => hit !== null);
    return {
      total: num(response.total, hits.length),
      page: num(response.page, 1),
      size: num(response.size, 10),
      hits,
      facets: toFacets(response.facets),
      relaxed: response.relaxed === true,
    };
  }

  async entry(id: string, signal?: AbortSignal): Promise<ArchiveEntry> {
    const response = await this.http.get<unknown>(`/api/v1/archive/cases/${encodeURIComponent(id)}`, { signal });
    const entry = toEntry(response);
    if (!entry) throw invalid('archive entry');
    return entry;
  }

  /** The entry's redaction audit; fails with 403 unless the signed-in user is the entry's host or an admin. */
  async redactions(id: string, signal?: AbortSignal): Promise<ArchiveRedaction[]> {
    const response = await this.http.get<unknown>(`/api/v1/archive/cases/${encodeURIComponent(id)}/redactions`, { signedIn: true, signal });
    if (!isObject(response) || !Array.isArray(response.redactions)) throw invalid('redactions');
    return response.redactions.filter(isObject).map((r) => ({
      entryId: str(r.entryId),
      path: str(r.path),
      by: str(r.by),
      reason: str(r.reason),
      at: str(r.at),
    }));
  }

  /** Replaces the text at `path` (as the server's PII check names it) with {@link REDACTED}; returns the entry. */
  async redact(id: string, path: string, reason: string): Promise<ArchiveEntry> {
    const response = await this.http.post<unknown>(`/api/v1/archive/cases/${encodeURIComponent(id)}/redactions`, {
      signedIn: true,
      body: { path, reason },
    });
    const entry = toEntry(response);
    if (!entry) throw invalid('archive entry');
    return entry;
  }

  async similar(id: string, signal?: AbortSignal): Promise<ArchiveHit[]> {
    return similarHits(await this.http.get<unknown>(`/api/v1/archive/cases/${encodeURIComponent(id)}/similar`, { signal }));
  }

  /** Published entries like a case sheet the signed-in user may read (`GET /cases/{id}/similar`), best first. */
  async similarToCase(caseId: string, signal?: AbortSignal): Promise<ArchiveHit[]> {
    return similarHits(await this.http.get<unknown>(`/api/v1/cases/${encodeURIComponent(caseId)}/similar`, { signedIn: true, signal }));
  }
}

function similarHits(response: unknown): ArchiveHit[] {
  const hits = isObject(response) ? response.hits : response;
  if (!Array.isArray(hits)) throw invalid('similar cases');
  return hits.map(toHit).filter((hit): hit is ArchiveHit => hit !== null);
}

export function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

export function num(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(str).filter((s) => s !== '') : [];
}

function toHit(value: unknown): ArchiveHit | null {
  if (!isObject(value) || (typeof value.id !== 'string' && typeof value.id !== 'number')) return null;
  return {
    id: String(value.id),
    title: str(value.title),
    snippet: str(value.snippet),
    prefecture: str(value.prefecture),
    careLevel: str(value.careLevel),
    household: str(value.household),
    publishedAt: str(value.publishedAt),
    score: typeof value.score === 'number' ? value.score : undefined,
  };
}

function toFacets(value: unknown): ArchiveFacets {
  const facets: Record<string, Record<string, number>> = {};
  if (!isObject(value)) return facets;
  for (const [name, counts] of Object.entries(value)) {
    if (!isObject(counts)) continue;
    const out: Record<string, number> = {};
    for (const [key, count] of Object.entries(counts)) if (typeof count === 'number') out[key] = count;
    facets[name] = out;
  }
  return facets;
}

/** An archive entry read leniently (missing optional fields become empty), or null when it has no id. */
export function toEntry(value: unknown): ArchiveEntry | null {
  if (!isObject(value) || (typeof value.id !== 'string' && typeof value.id !== 'number')) return null;
  const person = isObject(value.person) ? value.person : {};
  const summary = isObject(value.summary) ? value.summary : null;
  const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isObject) : []);
  return {
    id: String(value.id),
    title: str(value.title),
    prefecture: str(value.prefecture),
    provider: str(value.provider),
    publishedAt: str(value.publishedAt),
    person: {
      ageBand: str(person.ageBand),
      gender: str(person.gender),
      careLevel: str(person.careLevel),
      household: str(person.household),
      housing: str(person.housing),
      health: str(person.health),
    },
    activities: list(value.activities).map((a) => ({
      activity: str(a.activity),
      level: str(a.level),
      canDo: str(a.canDo),
      difficulty: str(a.difficulty),
    })),
    wishes: str(value.wishes),
    questions: str(value.questions),
    supports: list(value.supports).map((s) => ({ kind: str(s.kind), description: str(s.description) })),
    discussion: list(value.discussion)
      .filter((r) => typeof r.seq === 'number')
      .map((r) => ({
        seq: r.seq as number,
        phase: str(r.phase),
        label: str(r.label),
        text: str(r.text),
        replyTo: typeof r.replyTo === 'number' ? r.replyTo : null,
      })),
    proposals: list(value.proposals).map((p) => ({
      proposalId: str(p.proposalId),
      proposedBy: str(p.proposedBy),
      targetActivity: str(p.targetActivity),
      type: str(p.type),
      description: str(p.description),
      keepsAbilities: str(p.keepsAbilities),
      serviceId: typeof p.serviceId === 'string' && p.serviceId !== '' ? p.serviceId : null,
      cost: str(p.cost),
      area: str(p.area),
      endorsements: num(p.endorsements, 0),
      adopted: p.adopted === true,
    })),
    summary: summary
      ? {
          direction: str(summary.direction),
          regionalIssues: list(summary.regionalIssues).map((i) => ({ text: str(i.text), tags: strings(i.tags) })),
          missingResources: strings(summary.missingResources),
          followUps: strings(summary.followUps),
        }
      : null,
  };
}
