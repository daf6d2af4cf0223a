import { invalid } from './case-api';
import type { HttpClient } from './http';
import { isObject } from './protocol';
import { num, str } from './archive-api';

/* Wire types of the needs insight (§6). A suppressed cell has `cases: null`: its count is below
 * the threshold and must never be shown as a number. */

export interface NeedCell {
  need: string;
  prefecture: string;
  careLevel: string;
  cases: number | null;
  suppressed: boolean;
}

export interface NeedTotal {
  need: string;
  shownCases: number;
  hasSuppressedCells: boolean;
}

export interface NeedGap {
  need: string;
  prefecture: string;
  categories: string[];
  shownCases: number;
  hasSuppressedCells: boolean;
}

export interface NeedsInsight {
  threshold: number;
  /** How many published cases the report aggregates; null from a server that does not say. */
  publishedCases: number | null;
  cells: NeedCell[];
  totals: NeedTotal[];
  gaps: NeedGap[];
}

export const INSIGHT_CSV = '/api/v1/insights/needs.csv';

export class InsightApi {
  constructor(private readonly http: HttpClient) {}

  async needs(signal?: AbortSignal): Promise<NeedsInsight> {
    const response = await this.http.get<unknown>('/api/v1/insights/needs', { signal });
    if (!isObject(response)) throw invalid('needs insight');
    const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isObject) : []);
    return {
      threshold: num(response.threshold, 3),
      publishedCases: typeof response.publishedCases === 'number' ? response.publishedCases : null,
      cells: list(response.cells).map((c) => {
        // A cell is suppressed when the server says so or sends no count; then the count is dropped.
        const suppressed = c.suppressed === true || typeof c.cases !== 'number';
        return {
          need: str(c.need),
          prefecture: str(c.prefecture),
          careLevel: str(c.careLevel),
          cases: suppressed ? null : (c.cases as number),
          suppressed,
        };
      }),
      totals: list(response.totals).map((x) => ({
        need: str(x.need),
        shownCases: num(x.shownCases, 0),
        hasSuppressedCells: x.hasSuppressedCells === true,
      })),
      gaps: list(response.gaps).map((g) => ({
        need: str(g.need),
        prefecture: str(g.prefecture),
        categories: Array.isArray(g.categories) ? g.categories.map(str).filter((s) => s !== '') : [],
        shownCases: num(g.shownCases, 0),
        hasSuppressedCells: g.hasSuppressedCells === true,
      })),
    };
  }
}
