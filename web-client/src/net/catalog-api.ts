import { num, str } from './archive-api';
import { invalid } from './case-api';
import { queryString, type HttpClient } from './http';
import { isObject } from './protocol';

/* Wire types of the market-service catalog (§6). */

export const SERVICE_CATEGORIES = [
  '買い物支援', '配食', '移動販売', '見守り', '家事支援', '移送', '通いの場', '外出支援', '安否確認', '住まい', 'その他',
] as const;

export interface ServiceArea {
  prefectureCode: string;
  municipalityCode: string | null;
  name: string;
}

export interface CatalogService {
  id: string;
  name: string;
  provider: string;
  category: string;
  description: string;
  areas: ServiceArea[];
  price: string;
  howToUse: string;
  contactUrl: string;
  proposedCount: number;
  adoptedCount: number;
}

export interface CatalogSearchResult {
  total: number;
  page: number;
  size: number;
  services: CatalogService[];
}

/** The body of `POST /api/v1/catalog/services`. */
export interface NewService {
  name: string;
  category: string;
  description: string;
  areas: ServiceArea[];
  price: string;
  howToUse: string;
  contactUrl: string | null;
}

export const CATALOG_PARAMS = ['q', 'category', 'prefecture', 'municipality', 'page', 'size'] as const;

/** Reading is public; registering is done as a signed-in company account. */
export class CatalogApi {
  constructor(private readonly http: HttpClient) {}

  async search(params: Readonly<Record<string, string>>, signal?: AbortSignal): Promise<CatalogSearchResult> {
    const response = await this.http.get<unknown>(`/api/v1/catalog/services${queryString(params, CATALOG_PARAMS)}`, { signal });
    const list = isObject(response) ? (response.services ?? response.items) : response;
    if (!Array.isArray(list)) throw invalid('catalog search');
    const services = list.map(toService).filter((s): s is CatalogService => s !== null);
    const envelope = isObject(response) ? response : {};
    return {
      total: num(envelope.total, services.length),
      page: num(envelope.page, 1),
      size: num(envelope.size, services.length),
      services,
    };
  }

  async get(id: string, signal?: AbortSignal): Promise<CatalogService> {
    const service = toService(await this.http.get<unknown>(`/api/v1/catalog/services/${encodeURIComponent(id)}`, { signal }));
    if (!service) throw invalid('catalog service');
    return service;
  }

  /** Rejects with ApiError 400/422 whose `details` are `{field, message?}` per invalid field. */
  async create(service: NewService): Promise<CatalogService> {
    const created = toService(await this.http.post<unknown>('/api/v1/catalog/services', { signedIn: true, body: service }));
    if (!created) throw invalid('catalog service');
    return created;
  }
}

/** The JIS prefecture code (`"10"` for 群馬県) of the n-th (0-based) prefecture in JIS order. */
export function prefectureCode(index: number): string {
  return String(index + 1).padStart(2, '0');
}

export function toService(value: unknown): CatalogService | null {
  if (!isObject(value) || (typeof value.id !== 'string' && typeof value.id !== 'number')) return null;
  return {
    id: String(value.id),
    name: str(value.name),
    provider: str(value.provider),
    category: str(value.category),
    description: str(value.description),
    areas: (Array.isArray(value.areas) ? value.areas.filter(isObject) : []).map((a) => ({
      prefectureCode: str(a.prefectureCode),
      municipalityCode: typeof a.municipalityCode === 'string' && a.municipalityCode !== '' ? a.municipalityCode : null,
      name: str(a.name),
    })),
    price: str(value.price),
    howToUse: str(value.howToUse),
    contactUrl: str(value.contactUrl),
    proposedCount: num(value.proposedCount, 0),
    adoptedCount: num(value.adoptedCount, 0),
  };
}
