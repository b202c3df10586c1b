// Search in the directory of suppliers. Typo tolerance the pg_trgm documentation way: each
// query word missing from the table of known words is corrected to its nearest known word
// (trigram KNN on a small table), then French full-text search (unaccent + stemming) runs on
// the GIN index. Filters by activity, place, radius (bounding box on a GiST point index, then
// haversine), headcount. The ranking is neutral and explained: text relevance (name and sigle
// weigh more than enseigne, then activity), then distance, then name. No paid placement.
import { createRequire } from 'node:module';
import {
  headcountBands,
  type EstablishmentSummary,
  type Facets,
  type Near,
  type SearchQuery,
  type SearchResponse,
} from '../../api/establishments.ts';
import type { Queryable } from '../../db/connection.ts';
import { geoIndex } from '../../db/sirene/geo.ts';
import { nafLabel } from '../../db/sirene/naf.ts';
import { HttpError } from '../errors.ts';
import {
  departmentLabel,
  distanceSql,
  establishmentColumns,
  LON_SCALE,
  toSummary,
  type EstablishmentRow,
} from './establishments-repository.ts';
import { fold, stopWords, wordMatches, words } from './establishments-text.ts';

const require = createRequire(import.meta.url);

export interface ResolvedPoint {
  lat: number;
  lon: number;
  label: string;
}

export function resolveNear(near: Near | undefined): ResolvedPoint | null {
  if (!near) return null;
  if (near.kind === 'point') return { lat: near.lat, lon: near.lon, label: `${near.lat}, ${near.lon}` };
  const geo = geoIndex();
  const commune = geo.commune(near.code);
  const point = geo.coordinates(near.code);
  if (!commune || !point) {
    throw new HttpError(
      400,
      'unknown_commune',
      `Commune « ${near.code} » inconnue : indiquez un code INSEE (29019 pour Brest) ou un point « lat,lon ».`,
    );
  }
  return { lat: point.lat, lon: point.lon, label: commune.name };
}

let epciMembers: Map<string, string[]> | undefined;
function communesOfEpci(code: string): string[] {
  if (!epciMembers) {
    const raw = require('@etalab/decoupage-administratif/data/epci.json') as {
      code: string;
      membres: { code: string }[];
    }[];
    epciMembers = new Map(raw.map((e) => [e.code, e.membres.map((m) => m.code)]));
  }
  const members = epciMembers.get(code);
  if (!members)
    throw new HttpError(
      400,
      'unknown_epci',
      `EPCI « ${code} » inconnu : indiquez le SIREN de l’intercommunalité (242900314 pour Brest Métropole).`,
    );
  return members;
}

export interface QueryWord {
  /** As typed, folded. */
  word: string;
  /** The terms searched for it: the word itself and its correction when there is one. */
  terms: string[];
  correctedTo: string | null;
  prefix: boolean;
}

/** Splits the query, corrects unknown words to their nearest known word (trigram similarity). */
export async function analyseQuery(db: Queryable, q: string): Promise<QueryWord[]> {
  const raw = words(q).filter((w) => !stopWords.has(w));
  const unique = [...new Set(raw)].slice(0, 8);
  if (unique.length === 0) return [];
  const last = unique[unique.length - 1]!;
  const candidates = unique.filter((w) => w.length >= 3 && !/^\d+$/.test(w));
  const known = new Map<string, { known: boolean; correction: string | null }>();
  if (candidates.length > 0) {
    // A word is known when it is a word of a name (or, for the last word being typed, the start of one).
    const r = await db.query<{ w: string; known: boolean; correction: string | null }>(
      `select k.w, k.known,
              case when k.known then null else establishment_word_correction(k.w) end as correction
         from (select q.w,
                      exists (select 1 from establishment_words x where x.word = q.w)
                        or (q.w = $2 and exists (select 1 from establishment_words x where x.word like $3)) as known
                 from unnest($1::text[]) as q(w)) k`,
      [candidates, last, `${last}%`],
    );
    for (const row of r.rows) known.set(row.w, { known: row.known, correction: row.correction });
  }
  return unique.map((w) => {
    const k = known.get(w);
    const correctedTo = k && !k.known && k.correction && k.correction !== w ? k.correction : null;
    return {
      word: w,
      terms: correctedTo ? [w, correctedTo] : [w],
      correctedTo,
      prefix: w === last && w.length >= 3,
    };
  });
}

/** tsquery text: words ANDed (or ORed), each word its terms ORed, the last one as a prefix. */
export function tsqueryText(query: readonly QueryWord[], op: '&' | '|'): string {
  return query
    .map((w) => {
      const terms = w.terms.map((t) => (w.prefix && t === w.word ? `${t}:*` : t));
      return terms.length === 1 ? terms[0]! : `(${terms.join(' | ')})`;
    })
    .join(` ${op} `);
}

interface Filters {
  where: string[];
  params: unknown[];
  point: ResolvedPoint | null;
}

function param(f: Filters, value: unknown): string {
  f.params.push(value);
  return `$${f.params.length}`;
}

function buildFilters(query: SearchQuery, point: ResolvedPoint | null): Filters {
  const f: Filters = { where: [], params: [], point };
  if (!query.includeClosed) f.where.push('e.active');
  if (query.naf) f.where.push(`e.naf_code like ${param(f, `${query.naf}%`)}`);
  if (query.section) f.where.push(`e.section = ${param(f, query.section)}`);
  if (query.department?.length)
    f.where.push(
      `e.department = any(${param(
        f,
        query.department.map((d) => d.toUpperCase()),
      )}::text[])`,
    );
  if (query.commune) f.where.push(`e.commune_code = ${param(f, query.commune.toUpperCase())}`);
  if (query.epci) f.where.push(`e.commune_code = any(${param(f, communesOfEpci(query.epci))}::text[])`);
  if (query.headcount?.length) f.where.push(`e.headcount_band = any(${param(f, query.headcount)}::text[])`);
  if (point && query.radiusKm) {
    const r = query.radiusKm;
    const dLat = r / 111.2;
    const dLon = r / (111.32 * Math.cos((Math.min(89, Math.abs(point.lat) + dLat) * Math.PI) / 180));
    const x1 = (point.lon - dLon) * LON_SCALE;
    const x2 = (point.lon + dLon) * LON_SCALE;
    f.where.push(
      `point(e.lon * ${LON_SCALE}, e.lat) <@ box(point(${param(f, x1)}, ${param(f, point.lat - dLat)}), point(${param(f, x2)}, ${param(f, point.lat + dLat)}))`,
    );
    const lat = param(f, point.lat);
    const lon = param(f, point.lon);
    f.where.push(`${distanceSql('e', `${lat}::float8`, `${lon}::float8`)} <= ${param(f, r)}`);
  }
  return f;
}

export const rankingText =
  'Classement neutre, sans placement payant : pertinence du texte (nom et sigle d’abord, puis enseigne, puis libellé d’activité), ' +
  'puis distance quand un lieu est donné, puis ordre alphabétique. Les établissements fermés ne sont montrés que sur demande.';

export interface SearchOptions {
  /** Compute facet counts (not needed for exports). */
  facets?: boolean;
  /** Overrides pageSize (exports). */
  limit?: number;
}

export async function searchEstablishments(
  db: Queryable,
  query: SearchQuery,
  options: SearchOptions = {},
): Promise<SearchResponse> {
  const point = resolveNear(query.near);
  const text = query.q?.trim() ?? '';
  const digitsOnly = text.replace(/[\s.]/g, '');
  const identifier = /^\d{9}$|^\d{14}$/.test(digitsOnly) ? digitsOnly : null;
  const analysed = identifier ? [] : await analyseQuery(db, text);
  const sort: 'relevance' | 'distance' | 'name' =
    query.sort === 'distance' && point
      ? 'distance'
      : analysed.length > 0 || identifier
        ? 'relevance'
        : point
          ? 'distance'
          : 'name';
  const limit = options.limit ?? query.pageSize;
  const offset = options.limit ? 0 : (query.page - 1) * query.pageSize;

  const run = async (op: '&' | '|') => {
    const f = buildFilters(query, point);
    let rank = 'null::real';
    if (identifier) {
      f.where.push(
        identifier.length === 9 ? `e.siren = ${param(f, identifier)}` : `e.siret = ${param(f, identifier)}`,
      );
    } else if (analysed.length > 0) {
      const tsq = `to_tsquery('fr', ${param(f, tsqueryText(analysed, op))})`;
      f.where.push(`e.search @@ ${tsq}`);
      rank = `ts_rank(e.search, ${tsq})`;
    }
    const dist = point
      ? distanceSql('e', `${param(f, point.lat)}::float8`, `${param(f, point.lon)}::float8`)
      : 'null::float8';
    const order =
      sort === 'relevance'
        ? 'm.rank desc nulls last, m.dist asc nulls last, m.name, m.siret'
        : sort === 'distance'
          ? 'm.dist asc nulls last, m.rank desc nulls last, m.name, m.siret'
          : 'm.name, m.siret';
    const where = f.where.length ? `where ${f.where.join(' and ')}` : '';
    const facetSql =
      options.facets === false
        ? `'null'::json`
        : `json_build_object(
          'section', (select coalesce(json_agg(json_build_array(section, n)), '[]') from (select section, count(*)::int n from m where section is not null group by section) s),
          'department', (select coalesce(json_agg(json_build_array(department, n)), '[]') from (select department, count(*)::int n from m where department is not null group by department) s),
          'headcount', (select coalesce(json_agg(json_build_array(headcount_band, n)), '[]') from (select headcount_band, count(*)::int n from m where headcount_band is not null group by headcount_band) s))`;
    const sql = `
      with m as materialized (
        select e.siret, e.name, e.section, e.department, e.headcount_band, ${rank} as rank, ${dist} as dist
        from establishments e ${where}
      ),
      page as (
        select m.siret, m.rank, m.dist, row_number() over (order by ${order}) as ord
          from m order by ${order} limit ${param(f, limit)} offset ${param(f, offset)}
      )
      select (select count(*)::int from m) as total, ${facetSql} as facets,
             (select coalesce(json_agg(x order by x.ord), '[]') from (
                select ${establishmentColumns('e')}, p.rank, p.dist, p.ord from page p join establishments e on e.siret = p.siret
              ) x) as page`;
    const r = await db.query<{ total: number; facets: unknown; page: unknown }>(sql, f.params);
    const row = r.rows[0]!;
    const parse = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
    const page = parse<(EstablishmentRow & { rank: number | null; dist: number | null })[]>(row.page);
    return {
      total: Number(row.total),
      facets: parse<Record<string, [string, number][]> | null>(row.facets),
      page,
    };
  };

  let result = await run('&');
  let partial = false;
  if (result.total === 0 && analysed.length > 1) {
    result = await run('|');
    partial = true;
  }

  const items: EstablishmentSummary[] = result.page.map((row) =>
    toSummary(row, {
      distanceKm: row.dist,
      why: explain(row, { analysed, partial, identifier, point, dist: row.dist, query }),
    }),
  );

  return {
    items,
    facets: facetsOf(result.facets),
    pagination: {
      page: options.limit ? 1 : query.page,
      pageSize: limit,
      total: result.total,
      pages: Math.ceil(result.total / limit),
    },
    query: {
      corrections: analysed.filter((w) => w.correctedTo).map((w) => ({ from: w.word, to: w.correctedTo! })),
      near: point,
      sort,
      ranking: rankingText,
    },
  };
}

function facetsOf(raw: Record<string, [string, number][]> | null): Facets {
  const sorted = (list: [string, number][] | undefined, label: (v: string) => string, byValue = false) =>
    (list ?? [])
      .map(([value, count]) => ({ value, label: label(value), count }))
      .sort((a, b) =>
        byValue ? a.value.localeCompare(b.value) : b.count - a.count || a.value.localeCompare(b.value),
      );
  return {
    section: sorted(raw?.section, (v) => nafLabel(v) ?? v, true),
    department: sorted(raw?.department, departmentLabel),
    headcount: sorted(raw?.headcount, (v) => headcountBands[v as keyof typeof headcountBands] ?? v, true),
  };
}

const nf = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

function explain(
  row: EstablishmentRow,
  ctx: {
    analysed: QueryWord[];
    partial: boolean;
    identifier: string | null;
    point: ResolvedPoint | null;
    dist: number | null;
    query: SearchQuery;
  },
): string[] {
  const why: string[] = [];
  if (ctx.identifier)
    why.push(ctx.identifier.length === 14 ? 'SIRET exact' : 'SIREN exact (établissement de l’entreprise)');
  const fields: [string, string | null][] = [
    ['le nom', row.name],
    ['le sigle', row.sigle],
    ['l’enseigne', [row.enseigne, row.usual_name].filter(Boolean).join(' ') || null],
    ['l’activité', row.naf_label],
  ];
  for (const w of ctx.analysed) {
    const found: string[] = [];
    for (const [label, value] of fields) {
      if (!value) continue;
      const fw = words(value);
      if (w.terms.some((t) => fw.some((x) => wordMatches(t, x, w.prefix)))) found.push(label);
    }
    if (found.length === 0) continue;
    const shown = w.correctedTo
      ? `« ${w.word} » → « ${w.correctedTo} » (faute de frappe corrigée)`
      : `« ${w.word} »`;
    why.push(`${shown} trouvé dans ${found.join(', ')}`);
  }
  if (ctx.partial) why.push('correspond à une partie des mots seulement (aucun résultat avec tous les mots)');
  if (ctx.query.naf && row.naf_code) {
    why.push(
      `activité ${row.naf_code} (${row.naf_label ?? nafLabel(row.naf_code) ?? ''}) dans la catégorie NAF ${ctx.query.naf} demandée`,
    );
  } else if (ctx.query.section && row.section) {
    why.push(`section NAF ${row.section} (${nafLabel(row.section) ?? ''})`);
  }
  if (ctx.point && ctx.dist !== null) {
    const approx = row.coord_source === 'commune' ? ' (position approchée : centre de la commune)' : '';
    why.push(`à ${nf.format(ctx.dist)} km de ${ctx.point.label}${approx}`);
    if (ctx.query.radiusKm) why.push(`dans le rayon de ${nf.format(ctx.query.radiusKm)} km`);
  }
  if (!row.active) why.push('établissement fermé (affiché car « inclure les fermés » est demandé)');
  return why;
}

/** fold() re-exported for callers that build their own matching. */
export { fold };
