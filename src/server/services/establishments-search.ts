// Search in the directory of suppliers. Typo tolerance the pg_trgm documentation way: each
// query word missing from the table of known words is corrected to its nearest known words
// (trigram similarity on a small table), then French full-text search (unaccent + stemming)
// runs on the GIN index; within a radius, on the GIN index of words by grid cell, one cell at a
// time. Filters by activity, place, radius (grid cells or a GiST box, then haversine),
// headcount. At most CANDIDATE_CAP rows are ranked, counted and faceted, and the response says
// when there were more. The ranking is neutral and explained: text relevance (name and sigle
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
  /** The terms searched for it: the word itself and its corrections when there are some. */
  terms: string[];
  /** The nearest known word when the word is unknown (the first of `corrections`). */
  correctedTo: string | null;
  /** The known words an unknown word may be a typo of, nearest first. */
  corrections: string[];
  prefix: boolean;
}

/** A correction is kept when it is this close to the best one (trigram similarity). */
const CORRECTION_SPREAD = 0.1;

/**
 * Splits the query, corrects unknown words to their nearest known words (trigram similarity):
 * at most `maxCorrections` per word, those about as close as the nearest one.
 */
export async function analyseQuery(db: Queryable, q: string, maxCorrections = 1): Promise<QueryWord[]> {
  const raw = words(q).filter((w) => !stopWords.has(w));
  const unique = [...new Set(raw)].slice(0, 8);
  if (unique.length === 0) return [];
  const last = unique[unique.length - 1]!;
  const candidates = unique.filter((w) => w.length >= 3 && !/^\d+$/.test(w));
  const known = new Map<string, { known: boolean; corrections: string[] }>();
  if (candidates.length > 0) {
    // A word is known when it is a word of a name (or, for the last word being typed, the start of one).
    const r = await db.query<{
      w: string;
      known: boolean;
      corrections: string[] | null;
      sims: number[] | null;
    }>(
      `select k.w, k.known, c.corrections, c.sims
         from (select q.w,
                      exists (select 1 from establishment_words x where x.word = q.w)
                        or (q.w = $2 and exists (select 1 from establishment_words x where x.word like $3)) as known
                 from unnest($1::text[]) as q(w)) k
         left join lateral (
           select array_agg(c.word order by c.similarity desc, c.word) as corrections,
                  array_agg(c.similarity order by c.similarity desc, c.word) as sims
             from establishment_word_corrections(k.w, $4) c
            where not k.known) c on true`,
      [candidates, last, `${last}%`, maxCorrections],
    );
    for (const row of r.rows) {
      const sims = (row.sims ?? []).map(Number);
      const best = sims[0] ?? 0;
      const corrections = (row.corrections ?? []).filter(
        (c, i) => c !== row.w && (sims[i] ?? 0) >= best - CORRECTION_SPREAD,
      );
      known.set(row.w, { known: row.known, corrections: row.known ? [] : corrections });
    }
  }
  return unique.map((w) => {
    const corrections = known.get(w)?.corrections ?? [];
    return {
      word: w,
      terms: [w, ...corrections],
      correctedTo: corrections[0] ?? null,
      corrections,
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

/**
 * Grids of the cell indexes: cells per degree of latitude and of longitude, and the SQL that
 * numbers them (the migrations hold the same formulas).
 * - `naf`: establishment_cell(lat, lon), B-tree with the NAF code (202611261701), ~5.6 × 6.2 km;
 * - `text`: the prefix of establishment_geo_lexemes (202611261702), ~11 × 12 km.
 */
const GRIDS = {
  naf: { perLat: 20, perLon: 12, maxCells: 300 },
  text: { perLat: 10, perLon: 6, maxCells: 80 },
} as const;

/**
 * The cells of a grid that meet the circle, numbered as the database does
 * (floor(lat × perLat) × 10000 + floor(lon × perLon) + 5000); null when the circle spans more
 * cells than the grid is worth it for (then the GiST box serves).
 */
export function geoCells(
  lat: number,
  lon: number,
  radiusKm: number,
  grid: keyof typeof GRIDS,
): number[] | null {
  const { perLat, perLon, maxCells } = GRIDS[grid];
  const margin = radiusKm * 1.01 + 0.2;
  const dLat = margin / 111.2;
  const dLon = margin / (111.32 * Math.cos((Math.min(89, Math.abs(lat) + dLat) * Math.PI) / 180));
  const i1 = Math.floor((lat - dLat) * perLat);
  const i2 = Math.floor((lat + dLat) * perLat);
  const j1 = Math.floor((lon - dLon) * perLon);
  const j2 = Math.floor((lon + dLon) * perLon);
  if ((i2 - i1 + 1) * (j2 - j1 + 1) > maxCells * 1.4) return null;
  const cells: number[] = [];
  for (let i = i1; i <= i2; i++) {
    for (let j = j1; j <= j2; j++) {
      // The point of the cell nearest to the centre, then its distance.
      const nLat = Math.min(Math.max(lat, i / perLat), (i + 1) / perLat);
      const nLon = Math.min(Math.max(lon, j / perLon), (j + 1) / perLon);
      if (haversineKm(lat, lon, nLat, nLon) <= margin) cells.push(i * 10000 + j + 5000);
    }
  }
  return cells.length <= maxCells ? cells : null;
}

function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 12742.0176 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * `textInRadius`: the radius is applied by the full-text-in-cells index, not by a geographic one,
 * and the caller filters on the distance it computes (once a row).
 */
function buildFilters(query: SearchQuery, point: ResolvedPoint | null, textInRadius = false): Filters {
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
    // The cell index holds active establishments only (202611262052).
    const cells = textInRadius || query.includeClosed ? null : geoCells(point.lat, point.lon, r, 'naf');
    if (textInRadius) {
      f.where.push(
        `e.lat between ${param(f, point.lat - dLat)} and ${param(f, point.lat + dLat)}`,
        `e.lon between ${param(f, point.lon - dLon)} and ${param(f, point.lon + dLon)}`,
      );
    } else if (cells) {
      f.where.push(
        `establishment_cell(e.lat, e.lon) = any(${param(f, cells)}::int[])`,
        `e.lat between ${param(f, point.lat - dLat)} and ${param(f, point.lat + dLat)}`,
        `e.lon between ${param(f, point.lon - dLon)} and ${param(f, point.lon + dLon)}`,
      );
    } else {
      const x1 = (point.lon - dLon) * LON_SCALE;
      const x2 = (point.lon + dLon) * LON_SCALE;
      f.where.push(
        `point(e.lon * ${LON_SCALE}, e.lat) <@ box(point(${param(f, x1)}, ${param(f, point.lat - dLat)}), point(${param(f, x2)}, ${param(f, point.lat + dLat)}))`,
      );
    }
    if (!textInRadius) {
      const lat = param(f, point.lat);
      const lon = param(f, point.lon);
      f.where.push(`${distanceSql('e', `${lat}::float8`, `${lon}::float8`)} <= ${param(f, r)}`);
    }
  }
  return f;
}

/** Lexemes of `search` ANALYZE found most common, with their share of establishments. */
const commonLexemes = new WeakMap<Queryable, { at: number; freq: Promise<Map<string, number>> }>();
const COMMON_LEXEMES_TTL_MS = 60_000;

/**
 * The column statistics of `search`, read at most once a minute per database: reading them
 * through pg_stats (unnesting ~1,000 lexemes) took 12 ms on PostgreSQL and 19 ms on PGlite, on
 * every search that found nothing with all its words. A directory not analysed yet is not kept.
 */
function lexemeFrequencies(db: Queryable): Promise<Map<string, number>> {
  const cached = commonLexemes.get(db);
  if (cached && Date.now() - cached.at < COMMON_LEXEMES_TTL_MS) return cached.freq;
  const freq = db
    .query<{ lexeme: string; freq: number }>(
      `select s.lexeme, s.freq
         from pg_stats p,
              unnest(p.most_common_elems::text::text[], p.most_common_elem_freqs) as s(lexeme, freq)
        where p.schemaname = current_schema() and p.tablename = 'establishments' and p.attname = 'search'
          and s.lexeme is not null`,
    )
    .then((r) => new Map(r.rows.map((row) => [row.lexeme, Number(row.freq)])));
  commonLexemes.set(db, { at: Date.now(), freq });
  freq.then(
    (m) => {
      if (m.size === 0) commonLexemes.delete(db);
    },
    () => commonLexemes.delete(db),
  );
  return freq;
}

/**
 * Share of establishments whose `search` holds each query word (from the column statistics of
 * ANALYZE: its most common lexemes), 0 for a word rarer than those; a corrected word counts
 * as its best-known form.
 */
async function wordFrequencies(db: Queryable, query: readonly QueryWord[]): Promise<Map<string, number>> {
  const [common, r] = await Promise.all([
    lexemeFrequencies(db),
    db.query<{ w: string; lexemes: string[] }>(
      `select q.w, tsvector_to_array(to_tsvector('fr', q.t)) as lexemes from unnest($1::text[], $2::text[]) as q(w, t)`,
      [query.map((w) => w.word), query.map((w) => w.terms.join(' '))],
    ),
  ]);
  return new Map(r.rows.map((row) => [row.w, Math.max(0, ...row.lexemes.map((l) => common.get(l) ?? 0))]));
}

export const rankingText =
  'Classement neutre, sans placement payant : pertinence du texte (nom et sigle d’abord, puis enseigne, puis libellé d’activité), ' +
  'puis distance quand un lieu est donné, puis ordre alphabétique. Si aucun établissement n’a tous les mots, les plus courants sont laissés de côté un à un. ' +
  'Les établissements fermés ne sont montrés que sur demande.';

/**
 * Rows ranked, counted and faceted at most. Beyond, the search says so (the total is a lower
 * bound): ranking and counting every one of 50,000 matches visits most of the table (100 ms and
 * more). With a place, the nearest are kept, a small set suffices; without one, the cap is
 * wider so that relevance is judged on nearly every match of a broad query, and a search with
 * neither words nor place keeps the first by name, so its pages follow the alphabet.
 */
export const CANDIDATE_CAP = 1000;
export const UNPLACED_CANDIDATE_CAP = 10_000;

/** Which candidates a capped search keeps: the nearest, the first by name, or the first found. */
export type CappedKeep = 'nearest' | 'alphabetical' | 'first';

const CAPPED_KEPT: Record<CappedKeep, string> = {
  nearest: 'plus proches du lieu donné',
  alphabetical: 'premiers par ordre alphabétique',
  first: 'premiers trouvés',
};

export const cappedText = (cap: number, keep: CappedKeep) => {
  const n = new Intl.NumberFormat('fr-FR').format(cap);
  return (
    `Plus de ${n} établissements correspondent : le classement et les nombres par filtre portent sur les ${n} ${CAPPED_KEPT[keep]}.` +
    ' Précisez la recherche (mots, lieu, rayon, activité) pour tout voir.'
  );
};

export interface SearchOptions {
  /** Compute facet counts (not needed for exports). */
  facets?: boolean;
  /** Overrides pageSize (exports). */
  limit?: number;
}

type PageRow = EstablishmentRow & { rank: number | null; dist: number | null };

export async function searchEstablishments(
  db: Queryable,
  query: SearchQuery,
  options: SearchOptions = {},
): Promise<SearchResponse> {
  const point = resolveNear(query.near);
  const text = query.q?.trim() ?? '';
  const digitsOnly = text.replace(/[\s.]/g, '');
  const identifier = /^\d{9}$|^\d{14}$/.test(digitsOnly) ? digitsOnly : null;
  const analysed = identifier ? [] : await analyseQuery(db, text, 3);
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
  const cap = Math.max(point ? CANDIDATE_CAP : UNPLACED_CANDIDATE_CAP, limit);

  // The words-by-cell index holds active establishments only (202611262052).
  const textCells =
    point && query.radiusKm && analysed.length > 0 && !query.includeClosed
      ? geoCells(point.lat, point.lon, query.radiusKm, 'text')
      : null;
  /**
   * One statement: the candidates (at most cap + 1: the nearest when a place is given, else the
   * first found), their count, facets and the page.
   */
  const run = async (searched: readonly QueryWord[]) => {
    const text = searched.length > 0 ? tsqueryText(searched, '&') : null;
    // Full text within a radius: the words near the point, from the index of words by cell.
    const inCells = text !== null && textCells !== null && !identifier;
    const f = buildFilters(query, point, inCells);
    let rank = 'null::real';
    let from = 'establishments e';
    if (identifier) {
      f.where.push(
        identifier.length === 9 ? `e.siren = ${param(f, identifier)}` : `e.siret = ${param(f, identifier)}`,
      );
    } else if (text) {
      const tsq = `to_tsquery('fr', ${param(f, text)})`;
      if (inCells) {
        // The same words in the same cell as the row: that is `search @@ tsq` within those cells.
        // Each cell's rows are read by its own GIN scan: the lateral subquery (kept apart by
        // offset 0) cannot be turned into a join that reads the rows of the radius box once and
        // tests every row against every cell (1.7 s seen when the box looked small to the planner).
        f.where.unshift(
          `establishment_geo_lexemes(e.search, e.lat, e.lon) @@ establishment_cell_tsquery(${tsq}, cell.n)`,
        );
        // The distance is computed once a row, there, and both filters and ranks.
        const d = distanceSql('e', `${param(f, point!.lat)}::float8`, `${param(f, point!.lon)}::float8`);
        from = `unnest(${param(f, textCells)}::int[]) as cell (n) cross join lateral (
             select e.siret, e.name, e.section, e.department, e.headcount_band, e.search, e.lat, e.lon, ${d} as dist
               from establishments e where ${f.where.splice(0).join(' and ')} offset 0) e`;
        f.where.push(`e.dist <= ${param(f, query.radiusKm!)}`);
      } else {
        f.where.push(`e.search @@ ${tsq}`);
      }
      rank = `ts_rank(e.search, ${tsq})`;
    }
    const dist = inCells
      ? 'e.dist'
      : point
        ? distanceSql('e', `${param(f, point.lat)}::float8`, `${param(f, point.lon)}::float8`)
        : 'null::float8';
    /** The order of the results, on the rows of `alias` (unique: SIRET last). */
    const orderBy = (alias: string) =>
      sort === 'relevance'
        ? `${alias}.rank desc nulls last, ${alias}.dist asc nulls last, ${alias}.name, ${alias}.siret`
        : sort === 'distance'
          ? `${alias}.dist asc nulls last, ${alias}.rank desc nulls last, ${alias}.name, ${alias}.siret`
          : `${alias}.name, ${alias}.siret`;
    const where = f.where.length ? `where ${f.where.join(' and ')}` : '';
    const columns = `e.siret, e.name, e.section, e.department, e.headcount_band, ${rank} as rank, ${dist} as dist`;
    // Without a place, a materialised CTE is read only as far as the limit asks: rank is
    // computed for the rows kept only (the index bitmaps are built whole). In name order the
    // limit is written inside, where the planner sees it: it then walks the index on names
    // instead of sorting every row that passes the filters (a directory opened without a query,
    // 400,000 rows: 450 ms → a few ms).
    const candidates = point
      ? `k as materialized (
           select ${columns} from ${from} ${where}
            order by point(e.lon * ${LON_SCALE}, e.lat) <-> point(${param(f, point.lon * LON_SCALE)}, ${param(f, point.lat)})
            limit ${param(f, cap + 1)})`
      : sort === 'name'
        ? `k as materialized (select ${columns} from ${from} ${where} order by e.name, e.siret limit ${param(f, cap + 1)})`
        : `c as materialized (select ${columns} from ${from} ${where}),
         k as materialized (select * from c limit ${param(f, cap + 1)})`;
    const facetSql =
      options.facets === false
        ? `'null'::json`
        : `(select coalesce(json_agg(json_build_array(g.facet, g.value, g.n)), '[]') from (
             select case when grouping(m.section) = 0 then 'section'
                         when grouping(m.department) = 0 then 'department' else 'headcount' end as facet,
                    coalesce(m.section, m.department, m.headcount_band) as value, count(*)::int as n
               from m group by grouping sets ((m.section), (m.department), (m.headcount_band))) g
            where g.value is not null)`;
    // `m` is read twice but not copied again (a second tuplestore of 1,000 rows, ~0.3 ms); the
    // page is a top-N sort of `m` and its rows are put in order again by the same key (unique:
    // siret last), where numbering them with a window sorted all of `m` in full (~0.3 ms more).
    const sql = `
      with ${candidates},
      m as not materialized (select * from k limit ${param(f, cap)}),
      page as (select m.siret, m.rank, m.dist from m order by ${orderBy('m')} limit ${param(f, limit)} offset ${param(f, offset)})
      select (select count(*)::int from k) as total, ${facetSql} as facets,
             (select coalesce(json_agg(x order by ${orderBy('x')}), '[]') from (
                select ${establishmentColumns('e')}, p.rank, p.dist from page p join establishments e on e.siret = p.siret
              ) x) as page`;
    const r = await db.query<{ total: number; facets: unknown; page: unknown }>(sql, f.params);
    const row = r.rows[0]!;
    const parse = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
    return {
      total: Number(row.total),
      facets: parse<[string, string, number][] | null>(row.facets),
      page: parse<PageRow[]>(row.page),
    };
  };

  let result = await run(analysed);
  // No establishment has all the words: leave out the most common word, then the next, while
  // none is found (« réparation navale » → « navale » rather than every garage).
  const dropped: QueryWord[] = [];
  if (result.total === 0 && analysed.length > 1) {
    const frequency = await wordFrequencies(db, analysed);
    const kept = [...analysed];
    while (result.total === 0 && kept.length > 1) {
      let most = 0;
      kept.forEach((w, i) => {
        if ((frequency.get(w.word) ?? 0) > (frequency.get(kept[most]!.word) ?? 0)) most = i;
      });
      dropped.push(...kept.splice(most, 1));
      result = await run(kept);
    }
  }
  const capped = result.total > cap;

  const items: EstablishmentSummary[] = result.page.map((row) =>
    toSummary(row, {
      distanceKm: row.dist,
      why: explain(row, { analysed, dropped, identifier, point, dist: row.dist, query }),
    }),
  );
  const total = capped ? cap : result.total;

  return {
    items,
    facets: facetsOf(result.facets),
    pagination: {
      page: options.limit ? 1 : query.page,
      pageSize: limit,
      total,
      pages: Math.ceil(total / limit),
      exact: !capped,
    },
    query: {
      corrections: analysed.flatMap((w) => w.corrections.map((to) => ({ from: w.word, to }))),
      near: point,
      sort,
      ranking: capped
        ? `${rankingText} ${cappedText(cap, point ? 'nearest' : sort === 'name' ? 'alphabetical' : 'first')}`
        : rankingText,
    },
  };
}

function facetsOf(raw: [string, string, number][] | null): Facets {
  const of = (facet: string) =>
    (raw ?? []).filter(([f]) => f === facet).map(([, value, count]) => [value, count] as const);
  const sorted = (list: (readonly [string, number])[], label: (v: string) => string, byValue = false) =>
    list
      .map(([value, count]) => ({ value, label: label(value), count }))
      .sort((a, b) =>
        byValue ? a.value.localeCompare(b.value) : b.count - a.count || a.value.localeCompare(b.value),
      );
  return {
    section: sorted(of('section'), (v) => nafLabel(v) ?? v, true),
    department: sorted(of('department'), departmentLabel),
    headcount: sorted(of('headcount'), (v) => headcountBands[v as keyof typeof headcountBands] ?? v, true),
  };
}

const nf = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

function explain(
  row: EstablishmentRow,
  ctx: {
    analysed: QueryWord[];
    dropped: QueryWord[];
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
    // The word as typed, else the correction that this row matched.
    for (const term of w.terms) {
      const found: string[] = [];
      for (const [label, value] of fields) {
        if (!value) continue;
        const fw = words(value);
        if (fw.some((x) => wordMatches(term, x, w.prefix && term === w.word))) found.push(label);
      }
      if (found.length === 0) continue;
      const shown =
        term === w.word ? `« ${w.word} »` : `« ${w.word} » → « ${term} » (faute de frappe corrigée)`;
      why.push(`${shown} trouvé dans ${found.join(', ')}`);
      break;
    }
  }
  if (ctx.dropped.length > 0)
    why.push(
      `correspond à une partie des mots seulement : aucun établissement n’a tous les mots, ${ctx.dropped
        .map((w) => `« ${w.word} »`)
        .join(
          ', ',
        )} laissé${ctx.dropped.length > 1 ? 's' : ''} de côté (le${ctx.dropped.length > 1 ? 's' : ''} plus courant${ctx.dropped.length > 1 ? 's' : ''})`,
    );
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
