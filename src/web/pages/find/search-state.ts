// The state of the page « Trouver un fournisseur », kept in the URL query so a search can be shared,
// bookmarked and walked back with the browser's buttons. Parameter names are the API's own, so the
// page's URL and the export links read the same. Invalid values are dropped, never fatal.
import {
  communeCodeSchema,
  departmentCodeSchema,
  headcountBandSchema,
  nafCodeSchema,
  nafSectionSchema,
} from '../../../api/establishments.ts';

export type SortChoice = 'relevance' | 'distance';

export interface SearchState {
  q: string;
  /** NAF code at any level below the section (25, 25.6, 25.62, 25.62B). */
  naf: string | null;
  section: string | null;
  department: string[];
  epci: string | null;
  commune: string | null;
  /** Radius around the commune, km; only meaningful with a commune. */
  radiusKm: number | null;
  headcount: string[];
  /** « Actifs seulement » is the default: closed establishments only on request. */
  includeClosed: boolean;
  /** null: the server's default (relevance with words, distance around a commune, else name). */
  sort: SortChoice | null;
  page: number;
}

export const emptySearch: SearchState = {
  q: '',
  naf: null,
  section: null,
  department: [],
  epci: null,
  commune: null,
  radiusKm: null,
  headcount: [],
  includeClosed: false,
  sort: null,
  page: 1,
};

export const radiusChoicesKm = [5, 10, 20, 30, 50, 100] as const;

function valid<T>(
  schema: { safeParse: (v: unknown) => { success: boolean; data?: T } },
  v: string | null,
): T | null {
  if (v === null || v === '') return null;
  const r = schema.safeParse(v);
  return r.success ? (r.data as T) : null;
}

function list(params: URLSearchParams, key: string): string[] {
  return [
    ...new Set(
      params
        .getAll(key)
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
}

export function parseSearch(params: URLSearchParams): SearchState {
  const radius = Number(params.get('radiusKm'));
  const page = Number(params.get('page'));
  const sort = params.get('sort');
  const epci = params.get('epci');
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    naf: valid<string>(nafCodeSchema, params.get('naf')),
    section: valid<string>(nafSectionSchema, params.get('section')),
    department: list(params, 'department')
      .map((d) => d.toUpperCase())
      .filter((d) => departmentCodeSchema.safeParse(d).success),
    epci: epci && /^\d{9}$/.test(epci) ? epci : null,
    commune: valid<string>(communeCodeSchema, params.get('commune'))?.toUpperCase() ?? null,
    radiusKm: Number.isFinite(radius) && radius > 0 && radius <= 500 ? radius : null,
    headcount: list(params, 'headcount').filter((h) => headcountBandSchema.safeParse(h).success),
    includeClosed: params.get('includeClosed') === 'true',
    sort: sort === 'relevance' || sort === 'distance' ? sort : null,
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** The page URL's query: only what differs from the defaults, lists as repeated keys. */
export function serialiseSearch(s: SearchState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.q.trim()) p.set('q', s.q.trim());
  if (s.section) p.set('section', s.section);
  if (s.naf) p.set('naf', s.naf);
  s.department.forEach((d) => p.append('department', d));
  if (s.epci) p.set('epci', s.epci);
  if (s.commune) p.set('commune', s.commune);
  if (s.commune && s.radiusKm) p.set('radiusKm', String(s.radiusKm));
  s.headcount.forEach((h) => p.append('headcount', h));
  if (s.includeClosed) p.set('includeClosed', 'true');
  if (s.sort) p.set('sort', s.sort);
  if (s.page > 1) p.set('page', String(s.page));
  return p;
}

/**
 * The query of GET /api/v1/establishments (and its exports) for a state. A commune serves as the
 * point distances are measured from (`near`); with a radius the radius replaces the commune limit.
 */
export function toApiQuery(s: SearchState, options: { page?: boolean } = { page: true }): URLSearchParams {
  const p = new URLSearchParams();
  if (s.q.trim()) p.set('q', s.q.trim());
  if (s.section) p.set('section', s.section);
  if (s.naf) p.set('naf', s.naf);
  s.department.forEach((d) => p.append('department', d));
  if (s.epci) p.set('epci', s.epci);
  if (s.commune) {
    p.set('near', s.commune);
    if (s.radiusKm) p.set('radiusKm', String(s.radiusKm));
    else p.set('commune', s.commune);
  }
  s.headcount.forEach((h) => p.append('headcount', h));
  if (s.includeClosed) p.set('includeClosed', 'true');
  if (s.sort === 'relevance' || (s.sort === 'distance' && s.commune)) p.set('sort', s.sort);
  if (options.page !== false && s.page > 1) p.set('page', String(s.page));
  return p;
}

/** A change of filter starts again at page 1; only the pager changes the page. */
export function withFilters(s: SearchState, change: Partial<Omit<SearchState, 'page'>>): SearchState {
  const next = { ...s, ...change, page: 1 };
  if (!next.commune) next.radiusKm = null;
  if (next.sort === 'distance' && !next.commune) next.sort = null;
  return next;
}
