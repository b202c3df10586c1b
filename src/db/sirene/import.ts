// SIRENE → directory of establishments. Streams the official files, keeps the chosen
// departments, joins names from the legal-unit file and coordinates from a geolocation file,
// and upserts by SIRET in batches (COPY into a staging table, then insert … on conflict).
// Idempotent: a re-import updates every row it reads, closed ones included (active = false).
// Memory stays bounded: legal units and coordinates go to staging tables, looked up per batch.
import type { Db } from '../connection.ts';
import { departmentOfCommuneCode } from '../../core/geo/index.ts';
import { geoIndex } from './geo.ts';
import {
  cell,
  columnsOf,
  displayName,
  establishmentLayout,
  LayoutError,
  legalUnitLayout,
  mapEstablishment,
  mapLegalUnit,
  titleCase,
  type EstablishmentRecord,
  type LegalUnitRecord,
} from './layout.ts';
import { openCsv, type CsvSource } from './source.ts';

export const BRITTANY_DEPARTMENTS = ['22', '29', '35', '56'];

export interface ImportProgress {
  phase: 'sirens' | 'legal-units' | 'geo' | 'establishments';
  rows: number;
  bytesRead: number;
  totalBytes: number;
  elapsedMs: number;
}

export interface ImportOptions {
  establishments: string;
  legalUnits?: string | undefined;
  geo?: string | undefined;
  /** Department codes to keep, or 'all' (foreign establishments included). */
  departments: readonly string[] | 'all';
  batchSize?: number;
  onProgress?: (p: ImportProgress) => void;
}

export type SkipReason = 'outside-departments' | 'abroad' | 'invalid-siret' | 'no-commune';
export const skipReasonLabels: Record<SkipReason, string> = {
  'outside-departments': 'hors des départements retenus',
  abroad: 'établissement à l’étranger (gardé avec --all)',
  'invalid-siret': 'SIRET invalide',
  'no-commune': 'ni commune ni pays',
};

export interface ImportSummary {
  read: number;
  imported: number;
  active: number;
  closed: number;
  partialDiffusion: number;
  skipped: Record<SkipReason, number>;
  legalUnitsLoaded: number;
  geoPointsLoaded: number;
  coordinates: { sirene: number; 'geo-sirene': number; commune: number; none: number };
  naf25: number;
  elapsedMs: number;
}

const stagingColumns = [
  'siret',
  'siren',
  'name',
  'legal_name',
  'enseigne',
  'usual_name',
  'sigle',
  'naf_code',
  'naf25_code',
  'section',
  'naf_label',
  'department',
  'region',
  'commune_code',
  'commune_name',
  'postal_code',
  'address',
  'address_extra',
  'country_code',
  'country_name',
  'headcount_band',
  'headcount_year',
  'created_on',
  'head_office',
  'active',
  'diffusion',
  'lat',
  'lon',
  'coord_source',
] as const;

// One statement empties the staging table and upserts its rows (a SIRET twice in a batch: last wins).
const upsertSql = `
  with s as (delete from establishments_staging returning *)
  insert into establishments (${stagingColumns.join(', ')})
  select distinct on (siret) ${stagingColumns.join(', ')} from s order by siret
  on conflict (siret) do update set
    ${stagingColumns
      .filter((c) => c !== 'siret')
      .map((c) => `${c} = excluded.${c}`)
      .join(',\n    ')},
    updated_at = now()`;

/** Words of names for the typo-correction table, folded like the search folds query words. */
function nameWords(row: readonly (string | null)[], into: Set<string>): void {
  // name, enseigne, usual_name, sigle, naf_label (staging column order)
  for (const i of [2, 4, 5, 6, 10]) {
    const v = row[i];
    if (!v) continue;
    for (const w of v
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/œ/gi, 'oe')
      .replace(/æ/gi, 'ae')
      .toLowerCase()
      .split(/[^a-z0-9]+/)) {
      if (w.length >= 3) into.add(w);
    }
  }
}

/**
 * Loading into an empty directory: the secondary indexes are dropped and rebuilt at the end
 * (much faster than maintaining GIN/GiST indexes row by row). Their definitions are read from
 * the catalogue, so the migration stays the one place that defines them.
 */
export async function withoutIndexesWhenEmpty(db: Db, load: () => Promise<void>): Promise<void> {
  const empty = (
    await db.query<{ empty: boolean }>('select not exists (select 1 from establishments) as empty')
  ).rows[0]?.empty;
  if (!empty) return load();
  const indexes = (
    await db.query<{ name: string; def: string }>(
      `select indexname as name, indexdef as def from pg_indexes
        where schemaname = current_schema() and tablename = 'establishments' and indexname <> 'establishments_pkey'`,
    )
  ).rows;
  for (const i of indexes) await db.exec(`drop index if exists ${i.name}`);
  try {
    await load();
  } finally {
    for (const i of indexes) await db.exec(i.def);
  }
}

/** Department of a kept establishment (always from the commune code), or why it is skipped. */
function placeOf(
  e: EstablishmentRecord,
  keep: Set<string> | 'all',
): { department: string | null } | SkipReason {
  if (!e.communeCode) return keep === 'all' ? { department: null } : 'abroad';
  const department =
    geoIndex().commune(e.communeCode)?.departmentCode ?? departmentOfCommuneCode(e.communeCode) ?? null;
  if (keep !== 'all' && (!department || !keep.has(department))) return 'outside-departments';
  return { department };
}

export async function importSirene(db: Db, options: ImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  const keep = options.departments === 'all' ? 'all' : new Set(options.departments);
  const batchSize = options.batchSize ?? 5000;
  const progress = (phase: ImportProgress['phase'], rows: number, source: CsvSource) =>
    options.onProgress?.({
      phase,
      rows,
      bytesRead: source.bytesRead(),
      totalBytes: source.totalBytes,
      elapsedMs: performance.now() - started,
    });

  // Check every layout before loading anything.
  const etab = await openCsv(options.establishments);
  const layout = establishmentLayout(etab.header, etab.file);
  const luSource = options.legalUnits ? await openCsv(options.legalUnits) : undefined;
  const luLayout = luSource ? legalUnitLayout(luSource.header, luSource.file) : undefined;
  const geoSource = options.geo ? await openCsv(options.geo) : undefined;
  const geoLayout = geoSource ? geoColumns(geoSource) : undefined;

  const summary: ImportSummary = {
    read: 0,
    imported: 0,
    active: 0,
    closed: 0,
    partialDiffusion: 0,
    skipped: { 'outside-departments': 0, abroad: 0, 'invalid-siret': 0, 'no-commune': 0 },
    legalUnitsLoaded: 0,
    geoPointsLoaded: 0,
    coordinates: { sirene: 0, 'geo-sirene': 0, commune: 0, none: 0 },
    naf25: 0,
    elapsedMs: 0,
  };

  try {
    // 1. The SIRENs to keep (only to filter a big legal-unit or geolocation file).
    let sirens: Set<number> | undefined;
    if ((luSource || geoSource) && keep !== 'all') {
      sirens = new Set();
      const pre = await openCsv(options.establishments);
      let rows = 0;
      try {
        for await (const batch of pre.batches()) {
          for (const row of batch) {
            const e = mapEstablishment(row, layout);
            if (typeof e === 'string') continue;
            if (typeof placeOf(e, keep) === 'string') continue;
            sirens.add(Number(e.siren));
          }
          rows += batch.length;
          progress('sirens', rows, pre);
        }
      } finally {
        pre.close();
      }
    }

    // 2. Legal units → staging.
    await db.exec(
      'truncate legal_units_staging; truncate establishment_geo_staging; truncate establishments_staging',
    );
    if (luSource && luLayout) {
      let rows = 0;
      for await (const batch of luSource.batches()) {
        const out: (string | null)[][] = [];
        for (const row of batch) {
          const lu = mapLegalUnit(row, luLayout);
          if (!lu || (sirens && !sirens.has(Number(lu.siren)))) continue;
          out.push([lu.siren, lu.legalName, lu.personName, lu.sigle, lu.diffusion]);
        }
        await db.copyRows(
          'legal_units_staging',
          ['siren', 'legal_name', 'person_name', 'sigle', 'diffusion'],
          out,
        );
        summary.legalUnitsLoaded += out.length;
        rows += batch.length;
        progress('legal-units', rows, luSource);
      }
      await db.exec('analyze legal_units_staging');
    }

    // 3. Coordinates → staging.
    if (geoSource && geoLayout) {
      let rows = 0;
      for await (const batch of geoSource.batches()) {
        const out: (string | null)[][] = [];
        for (const row of batch) {
          const siret = cell(row, geoLayout.siret);
          const lat = Number(cell(row, geoLayout.lat) ?? NaN);
          const lon = Number(cell(row, geoLayout.lon) ?? NaN);
          if (!siret || !/^\d{14}$/.test(siret) || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
          if (lat === 0 && lon === 0) continue;
          if (sirens && !sirens.has(Number(siret.slice(0, 9)))) continue;
          out.push([siret, String(lat), String(lon), geoLayout.source]);
        }
        await db.copyRows('establishment_geo_staging', ['siret', 'lat', 'lon', 'source'], out);
        summary.geoPointsLoaded += out.length;
        rows += batch.length;
        progress('geo', rows, geoSource);
      }
      await db.exec('analyze establishment_geo_staging');
    }
    sirens = undefined;

    // 4. Establishments, batch by batch.
    const knownWords = new Set<string>();
    let pending: { e: EstablishmentRecord; department: string | null }[] = [];
    // The database writes one batch while the next one is parsed (one write in flight).
    let inflight: Promise<void> = Promise.resolve();
    const write = async (rows: (string | null)[][]) => {
      await db.copyRows('establishments_staging', stagingColumns, rows);
      await db.exec(upsertSql);
      const seen = new Set<string>();
      for (const row of rows) nameWords(row, seen);
      const fresh = [...seen].filter((w) => !knownWords.has(w));
      if (fresh.length > 0) {
        for (const w of fresh) knownWords.add(w);
        await db.query(
          'insert into establishment_words (word) select unnest($1::text[]) on conflict (word) do nothing',
          [fresh],
        );
      }
    };
    const flush = async () => {
      if (pending.length === 0) return;
      const batch = pending;
      pending = [];
      const rows = await stagingRows(db, batch, luSource !== undefined, geoSource !== undefined, summary);
      await inflight;
      inflight = write(rows);
      // Surface a failure at the next await, never as an unhandled rejection.
      inflight.catch(() => undefined);
      summary.imported += batch.length;
    };
    await withoutIndexesWhenEmpty(db, async () => {
      for await (const batch of etab.batches()) {
        for (const row of batch) {
          summary.read++;
          const e = mapEstablishment(row, layout);
          if (e === 'siret') {
            summary.skipped['invalid-siret']++;
            continue;
          }
          if (e === 'commune') {
            summary.skipped['no-commune']++;
            continue;
          }
          const place = placeOf(e, keep);
          if (typeof place === 'string') {
            summary.skipped[place]++;
            continue;
          }
          pending.push({ e, department: place.department });
          if (e.active) summary.active++;
          else summary.closed++;
          if (e.diffusion === 'P') summary.partialDiffusion++;
          if (e.naf25Code) summary.naf25++;
          if (pending.length >= batchSize) await flush();
        }
        progress('establishments', summary.read, etab);
      }
      await flush();
      await inflight;
    });
    await db.exec('truncate legal_units_staging; truncate establishment_geo_staging');
    // Merge the GIN pending lists (PGlite has no autovacuum to do it) and refresh statistics.
    await db.exec(
      `select gin_clean_pending_list('establishments_search_idx'::regclass), gin_clean_pending_list('establishments_name_trgm_idx'::regclass); analyze establishments; analyze establishment_words`,
    );
  } finally {
    etab.close();
    luSource?.close();
    geoSource?.close();
  }
  summary.elapsedMs = performance.now() - started;
  return summary;
}

async function stagingRows(
  db: Db,
  pending: readonly { e: EstablishmentRecord; department: string | null }[],
  withLegalUnits: boolean,
  withGeo: boolean,
  summary: ImportSummary,
): Promise<(string | null)[][]> {
  const units = new Map<string, LegalUnitRecord>();
  if (withLegalUnits) {
    const sirens = [...new Set(pending.map((p) => p.e.siren))];
    const r = await db.query<{
      siren: string;
      legal_name: string | null;
      person_name: string | null;
      sigle: string | null;
      diffusion: string;
    }>(
      'select siren, legal_name, person_name, sigle, diffusion from legal_units_staging where siren = any($1::text[])',
      [sirens],
    );
    for (const u of r.rows) {
      units.set(u.siren, {
        siren: u.siren,
        legalName: u.legal_name,
        personName: u.person_name,
        sigle: u.sigle,
        diffusion: u.diffusion === 'O' ? 'O' : 'P',
      });
    }
  }
  const points = new Map<string, { lat: number; lon: number; source: string }>();
  if (withGeo) {
    const r = await db.query<{ siret: string; lat: number; lon: number; source: string }>(
      'select siret, lat, lon, source from establishment_geo_staging where siret = any($1::text[])',
      [pending.map((p) => p.e.siret)],
    );
    for (const p of r.rows) points.set(p.siret, p);
  }
  const geo = geoIndex();
  return pending.map(({ e, department }) => {
    const lu = units.get(e.siren);
    const commune = e.communeCode ? geo.commune(e.communeCode) : undefined;
    let point: { lat: number; lon: number; source: 'sirene' | 'geo-sirene' | 'commune' } | null = null;
    const fromFile = e.diffusion === 'O' ? points.get(e.siret) : undefined;
    if (fromFile)
      point = {
        lat: fromFile.lat,
        lon: fromFile.lon,
        source: fromFile.source === 'geo-sirene' ? 'geo-sirene' : 'sirene',
      };
    else if (e.point) point = { ...e.point, source: 'sirene' };
    else if (e.communeCode) {
      const c = geo.coordinates(e.communeCode);
      if (c) point = { lat: c.lat, lon: c.lon, source: 'commune' };
    }
    summary.coordinates[point?.source ?? 'none']++;
    return [
      e.siret,
      e.siren,
      displayName(e, lu),
      lu?.legalName ?? lu?.personName ?? null,
      e.enseigne,
      e.usualName,
      lu?.sigle ?? null,
      e.nafCode,
      e.naf25Code,
      e.section,
      e.nafLabel,
      department,
      department ? (geo.department(department)?.regionCode ?? null) : null,
      commune?.code ?? e.communeCode,
      commune?.name ?? titleCase(e.communeName),
      e.postalCode,
      e.address,
      e.addressExtra,
      e.countryCode,
      e.countryName,
      e.headcountBand,
      e.headcountYear === null ? null : String(e.headcountYear),
      e.createdOn,
      e.headOffice ? 't' : 'f',
      e.active ? 't' : 'f',
      e.diffusion,
      point ? String(point.lat) : null,
      point ? String(point.lon) : null,
      point?.source ?? null,
    ];
  });
}

/** Columns of a geolocation file: INSEE's (`;`, y_latitude/x_longitude) or Etalab's geo-sirene (latitude/longitude). */
function geoColumns(source: CsvSource): {
  siret: number;
  lat: number;
  lon: number;
  source: 'sirene' | 'geo-sirene';
} {
  const at = (name: string) => source.header.indexOf(name);
  if (at('siret') >= 0 && at('y_latitude') >= 0 && at('x_longitude') >= 0) {
    return { siret: at('siret'), lat: at('y_latitude'), lon: at('x_longitude'), source: 'sirene' };
  }
  if (at('siret') >= 0 && at('latitude') >= 0 && at('longitude') >= 0) {
    return { siret: at('siret'), lat: at('latitude'), lon: at('longitude'), source: 'geo-sirene' };
  }
  // Reuse the generic message: name what is missing.
  columnsOf(
    source.header,
    { required: ['siret', 'y_latitude', 'x_longitude'], optional: [] },
    'un fichier de géolocalisation',
    source.file,
  );
  throw new LayoutError('unreachable');
}
