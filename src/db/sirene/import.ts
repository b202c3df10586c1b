// SIRENE → directory of establishments. Streams the official files, keeps the chosen
// departments, joins names from the legal-unit file and coordinates from a geolocation file,
// and upserts by SIRET. Every file goes raw (mapped once, filtered) into an unlogged staging
// table by COPY; the join, the upsert and the typo-correction words are then a few set-based
// statements, not a round trip per batch. Idempotent: a re-import updates every row it reads,
// closed ones included (active = false). Memory stays bounded: only the kept SIRENs (numbers)
// are held, to filter the legal-unit and geolocation files (twice: the legal-unit thread has
// its own copy).
// Where the time goes (npm run bench -- sirene, 1,000,000 rows on PostgreSQL, 17–18 s): reading
// the establishments keeps both cores busy for about 5.5 s: the main thread maps the rows from
// the file's bytes (establishment-bytes.ts; about 3 s of CPU, 0.7 of which build the reference
// geography first), the database takes the COPYs meanwhile, two at a time (about 5 s of CPU with
// the legal units', read on a second thread in step, 1.3 s); after it, two connections share the
// work, longest first: the insert in two slices (about 4.5 s), then the index builds and the
// words (about 13 s of CPU, 6.5 s), then the statistics (0.7 s).
import type { Db } from '../connection.ts';
import {
  cell,
  columnsOf,
  establishmentLayout,
  LayoutError,
  legalUnitLayout,
  mapLegalUnit,
} from './layout.ts';
import { openCsv, type CsvSource } from './source.ts';
import { CopyBuffer } from './copy-buffer.ts';
import { copyValue } from '../copy-text.ts';
import { increasing, SirenSet } from './sorted-keys.ts';
import { EstablishmentBytes, type ByteRow } from './establishment-bytes.ts';
import { readLegalUnitsAside, type LegalUnitsAside } from './legal-units.ts';

export const BRITTANY_DEPARTMENTS = ['22', '29', '35', '56'];

export interface ImportProgress {
  /** `write`: the files are read, the directory is being written (join, upsert, indexes). */
  phase: 'establishments' | 'legal-units' | 'geo' | 'write';
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
  /** Rows per COPY into the staging tables. */
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
  /** Milliseconds per phase, in the order they ran (where the time goes). */
  phasesMs: Record<string, number>;
}

// What the JavaScript side writes per establishment; the name, the legal name and the sigle
// come from the legal units in SQL, and the geolocation file may replace lat/lon/coord_source.
const stagingColumns = [
  'siret',
  'siren',
  'enseigne',
  'usual_name',
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

const legalUnitColumns = ['siren', 'legal_name', 'person_name', 'sigle', 'diffusion', 'line'];
const geoColumnNames = ['siret', 'lat', 'lon', 'source', 'line'];
/** What a staged establishment's COPY line holds: its columns, then its number in the file. */
const establishmentCopyColumns = [...stagingColumns, 'line'];

const directoryColumns = ['name', 'legal_name', 'sigle', ...stagingColumns, 'search'] as const;

const nameSql = `coalesce(u.legal_name, u.person_name, s.enseigne, s.usual_name,
      case when s.diffusion = 'P' or u.diffusion = 'P' then 'Nom non diffusé' else 'Entreprise SIREN ' || s.siren end)`;

/**
 * The full-text vector, equal to establishment_search(name, sigle, enseigne, usual_name,
 * naf_label) (migration 202611262000) but from parts computed before: the legal unit's name and
 * sigle (weight A) as the legal units were copied in, the enseignes (B) as the establishments
 * were, the activity label (C) once per label (`c`); only the name of an establishment named by
 * its own enseigne, or by neither, is computed here. An empty part is the empty vector, as
 * to_tsvector gives it.
 */
const searchSql = `coalesce(u.search_a, setweight(to_tsvector('fr', ${nameSql} || ' ' || coalesce(u.sigle, '')), 'A'))
      || s.search_b || coalesce(c.search_c, ''::tsvector)`;

const stagedJoin = `
  from establishments_staging s
  left join legal_units_staging u on u.siren = s.siren
  -- a partially diffusible establishment's position is not public: never from the geolocation file
  left join establishment_geo_staging p on p.siret = s.siret and s.diffusion = 'O'
  left join establishment_labels_staging c on c.naf_label = s.naf_label`;

/** Words of the texts of `d (value)`, folded like the search folds query words. */
const wordsOf = `regexp_split_to_table(lower(immutable_unaccent(d.value)), '[^a-z0-9]+') w
  where length(w) >= 3`;

/**
 * Join and upsert (or plain insert into an empty table) of one slice of the staged rows; answers
 * how many rows got each kind of coordinates. Slices run side by side on PostgreSQL (a statement
 * runs on one core). The words of a fallback name (« Entreprise SIREN … », « Nom non diffusé »:
 * a row with neither legal unit name, enseigne nor usual name) are added here, the other words
 * by wordsSql. Words are inserted in order, so that two writers wait for each other on a shared
 * word but never deadlock. Into an empty table, rows go in the order of the words-by-cell grid,
 * then of their NAF code (migration 202611270901): a search within a radius then reads a few
 * table pages per cell instead of one page per row (mix p95 on PostgreSQL 10.4 → 8 ms over
 * 400,000 rows with the NAF cells alone, 6.9–8.3 → 5.3–6.0 ms with this order).
 */
function writeSql(empty: boolean, slices = 1, slice = 0): string {
  const conflict = empty
    ? ''
    : `on conflict (siret) do update set
    ${directoryColumns.map((c) => `${c} = excluded.${c}`).join(',\n    ')},
    updated_at = now()`;
  const coordinate = (c: 'lat' | 'lon') => `case when p.siret is null then s.${c} else p.${c} end`;
  const values = [
    nameSql,
    'coalesce(u.legal_name, u.person_name)',
    'u.sigle',
    ...stagingColumns.map((c) =>
      c === 'lat' || c === 'lon'
        ? coordinate(c)
        : c === 'coord_source'
          ? `case when p.siret is null then s.coord_source when p.source = 'geo-sirene' then 'geo-sirene' else 'sirene' end`
          : `s.${c}`,
    ),
    searchSql,
  ];
  return `
  with written as (
    insert into establishments (${directoryColumns.join(', ')})
    select ${values.join(',\n      ')}
    ${stagedJoin}
    ${slices > 1 ? `where abs(hashtext(s.siret) % ${slices}) = ${slice}` : ''}
    ${empty ? `order by establishment_text_cell(${coordinate('lat')}, ${coordinate('lon')}), s.naf_code` : ''}
    ${conflict}
    returning coord_source,
      case when legal_name is null and enseigne is null and usual_name is null then name end as fallback
  ), words as (
    insert into establishment_words (word)
    select w from (select distinct fallback from written where fallback is not null) d (value), ${wordsOf}
    group by w order by w
    on conflict (word) do nothing
  )
  select coalesce(coord_source, 'none') as source, count(*)::int as n from written group by 1`;
}

/**
 * Words of the names, enseignes, sigles and activity labels written (lower(immutable_unaccent(…)),
 * split on [^a-z0-9]+, 3 letters or more), from the distinct staged values rather than from every
 * row written: a row's name is its legal unit's, else its enseigne or usual name (counted here
 * anyway), else a fallback (writeSql). Every staged row is written; a staged legal unit counts
 * when an establishment has it, which is always the case when the units were filtered by SIREN.
 * The activity labels come from their own staging table (a few hundred rows); one column per
 * scan: unnesting an array of them for every staged row took four times as long (1.2 against
 * 0.3 s on 1,000,000 establishments).
 */
const wordsSql = (unitsFiltered: boolean) => {
  const units = unitsFiltered
    ? 'legal_units_staging u'
    : 'legal_units_staging u where exists (select 1 from establishments_staging s where s.siren = u.siren)';
  return `
  insert into establishment_words (word)
  select w from (
    select distinct v from (
      select coalesce(u.legal_name, u.person_name) from ${units}
      union all select u.sigle from ${units}
      union all select enseigne from establishments_staging
      union all select usual_name from establishments_staging
      union all select naf_label from establishment_labels_staging
    ) a (v) where v is not null
  ) d (value), ${wordsOf}
  group by w order by w
  on conflict (word) do nothing`;
};

// Room for the hash joins and aggregates of a whole file (PostgreSQL's default is 4 MB); no JIT:
// compiling these plans costs more than it saves (0.5 s measured on 100,000 rows).
const writeSettings = `set local work_mem = '256MB'; set local jit = off`;

/**
 * Keeps the last row of each key, then gives the planner the sizes of the join keys: guessed from
 * the pages, a million staged rows were taken for 50,000 and joined to the legal units by sorting
 * both (0.6 s more per slice measured on 1,000,000 rows than the hash join chosen with
 * statistics). The last row is the one numbered last (`line`, written by the reader): the place
 * of the rows in the table does not tell the order of the file, as COPYs go through several
 * connections and a later one may fill the room an earlier one left on a page. A file whose keys
 * came in strictly increasing order (INSEE's stock files are sorted) has no duplicate to look
 * for: the search alone took 0.4 s for 1,000,000 establishments.
 */
const dedupeSql = (table: string, key: string, analyse: string, sorted: boolean) =>
  (sorted
    ? ''
    : `delete from ${table} t using (
    select ${key}, max(line) as last from ${table} group by ${key} having count(*) > 1
  ) d where t.${key} = d.${key} and t.line <> d.last;`) +
  `
  analyze ${table} (${analyse})`;

async function secondaryIndexes(db: Db): Promise<{ name: string; def: string }[]> {
  return (
    await db.query<{ name: string; def: string }>(
      `select indexname as name, indexdef as def from pg_indexes
        where schemaname = current_schema() and tablename = 'establishments' and indexname <> 'establishments_pkey'`,
    )
  ).rows;
}

/** A piece of database work and how long it takes relative to the others (to order them). */
export interface Task {
  cost: number;
  run: () => Promise<void>;
}

/**
 * Runs tasks on PostgreSQL two at a time (one per core), the longest first so that both end
 * together; one after the other on PGlite (one connection).
 */
async function runTasks(db: Db, tasks: readonly Task[]): Promise<void> {
  const queue = [...tasks].sort((a, b) => b.cost - a.cost);
  const worker = async () => {
    for (let t = queue.shift(); t !== undefined; t = queue.shift()) await t.run();
  };
  await Promise.all(db.engine === 'pglite' ? [worker()] : [worker(), worker()]);
}

/**
 * Relative build time of an index (CPU seconds on 1,000,000 rows, measured one at a time): the
 * GIN of words by cell computes its lexemes row by row (3.5 s), the B-tree on names compares
 * them by collation (2.2 s), the others 0.6 to 1.5 s.
 */
function indexCost(def: string): number {
  if (/establishment_geo_lexemes/i.test(def)) return 3.5;
  if (/ using btree \(name\b/i.test(def)) return 2.2;
  if (/ using gin /i.test(def)) return 1.4;
  return 1.2;
}

/** An index build with room to sort and collect GIN entries in memory. */
const indexTask = (db: Db, def: string): Task => ({
  cost: indexCost(def),
  run: () => db.exec(`begin; set local maintenance_work_mem = '512MB'; ${def}; commit`),
});

/**
 * Loading into an empty directory: the secondary indexes and the primary key are dropped and
 * rebuilt at the end (much faster than maintaining GIN/GiST indexes row by row; the primary key
 * alone, maintained row by row, took 3 of the 4.5 s of a plain insert of 1,000,000 rows in
 * grid-cell order, against 1.3 s to build it after). Their definitions are read from the
 * catalogue, so the migrations stay the one place that defines them. The key comes back as a
 * unique index built beside the others (an ALTER TABLE would wait for them and hold them back),
 * then made the primary key again, which only records it.
 */
export async function withoutIndexesWhenEmpty(
  db: Db,
  load: (empty: boolean) => Promise<void>,
  /** Work that may run beside the index builds (after `load`), or after `load` when none are rebuilt. */
  alongside: readonly Task[] = [],
): Promise<void> {
  const empty = (
    await db.query<{ empty: boolean }>('select not exists (select 1 from establishments) as empty')
  ).rows[0]?.empty;
  if (!empty) {
    await load(false);
    return runTasks(db, alongside);
  }
  const indexes = await secondaryIndexes(db);
  const pkey = (
    await db.query<{ name: string; def: string }>(
      `select conname as name, pg_get_indexdef(conindid) as def from pg_constraint
        where conrelid = 'establishments'::regclass and contype = 'p'`,
    )
  ).rows[0];
  for (const i of indexes) await db.exec(`drop index if exists ${i.name}`);
  if (pkey) await db.exec(`alter table establishments drop constraint ${pkey.name}`);
  let loaded = false;
  try {
    await load(true);
    loaded = true;
  } finally {
    // Rebuilt even when the load failed (the table must keep its indexes); the other work only
    // after a complete load.
    await runTasks(db, [
      ...[...indexes, ...(pkey ? [pkey] : [])].map((i) => indexTask(db, i.def)),
      ...(loaded ? alongside : []),
    ]);
    if (pkey) {
      await db.exec(
        `alter table establishments add constraint ${pkey.name} primary key using index ${pkey.name}`,
      );
    }
  }
}

/**
 * Lets the event loop run between two batches of rows: the COPY in flight is sent to the database
 * by socket callbacks, which otherwise wait for the next read of the file (1 MB, a few thousand
 * rows mapped meanwhile), so the reader then waited for the database.
 */
const letCopyRun = () => new Promise<void>((resolve) => setImmediate(resolve));

/** SIRENs kept by the main thread, sent to the legal-units thread this many at a time. */
const KEPT_PER_MESSAGE = 32_768;

export async function importSirene(db: Db, options: ImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  const keep = options.departments === 'all' ? 'all' : new Set(options.departments);
  const batchSize = options.batchSize ?? 10_000;
  const progress = (phase: ImportProgress['phase'], rows: number, source?: CsvSource) =>
    options.onProgress?.({
      phase,
      rows,
      bytesRead: source?.bytesRead() ?? 0,
      totalBytes: source?.totalBytes ?? 0,
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
    phasesMs: {},
  };
  let phaseStart = performance.now();
  const phaseDone = (name: string) => {
    const now = performance.now();
    summary.phasesMs[name] = (summary.phasesMs[name] ?? 0) + (now - phaseStart);
    phaseStart = now;
  };

  // The database takes a COPY while the next batch is parsed (`depth` writes in flight, each on
  // its own connection; one when the order of the rows in the table matters, see dedupeSql).
  const inflight: Promise<void>[] = [];
  const copy = async (table: string, columns: readonly string[], lines: CopyBuffer, depth = 1) => {
    const w0 = performance.now();
    while (inflight.length >= depth) await inflight.shift();
    summary.phasesMs['(reader waiting for COPY)'] =
      (summary.phasesMs['(reader waiting for COPY)'] ?? 0) + performance.now() - w0;
    const bytes = lines.take();
    // Its bytes are written into again once the database has them.
    const sent = db.copyText(table, columns, bytes).then(() => lines.reuse(bytes));
    // Surface a failure at the next await, never as an unhandled rejection.
    sent.catch(() => undefined);
    inflight.push(sent);
  };
  const copied = async () => {
    while (inflight.length > 0) await inflight.shift();
  };

  let aside: LegalUnitsAside | undefined;
  try {
    await db.exec(
      'truncate legal_units_staging; truncate establishment_geo_staging; truncate establishments_staging; truncate establishment_labels_staging',
    );

    // 1. Establishments → staging, and the SIRENs kept (to filter the other files).
    const sirens = (luSource || geoSource) && keep !== 'all' ? new SirenSet() : undefined;
    const out = new CopyBuffer();
    const sirets = increasing();
    // The activity labels met (at most the few hundred of the NAF nomenclature).
    const labels = new Set<string>();
    // 2, beside 1. The legal units are read on a thread of their own as the establishments go
    // (legal-units.ts), while the establishments come sorted; else after them, below.
    let luReported = false;
    if (luSource && options.legalUnits) {
      aside = readLegalUnitsAside(
        { path: options.legalUnits, filtered: sirens !== undefined, batchSize, window: 2 },
        (bytes) => db.copyText('legal_units_staging', legalUnitColumns, bytes),
        (rows, bytesRead) => {
          if (luReported) {
            options.onProgress?.({
              phase: 'legal-units',
              rows,
              bytesRead,
              totalBytes: luSource.totalBytes,
              elapsedMs: performance.now() - started,
            });
          }
        },
      );
    }
    let stoppedAside = false;
    let keptNow: number[] = [];
    let lastSiren = -1;
    // What is counted and remembered of each row staged, the byte path's or the string path's.
    const staged = (
      siren: number,
      siret: number,
      active: boolean,
      partial: boolean,
      naf25: boolean,
      label: string | null,
    ) => {
      summary.read++;
      // The establishments of a company follow each other: its SIREN is passed on once.
      if (sirens && siren !== lastSiren) {
        sirens.add(siren);
        keptNow.push(siren);
        lastSiren = siren;
      }
      sirets.see(siret);
      if (label) labels.add(label);
      summary.imported++;
      if (active) summary.active++;
      else summary.closed++;
      if (partial) summary.partialDiffusion++;
      if (naf25) summary.naf25++;
    };
    // Rows go from the file's bytes to COPY text (establishment-bytes.ts).
    const reader = new EstablishmentBytes(etab.header, etab.separator, layout, keep, out, {
      written: (r: ByteRow) => staged(r.siren, r.siret, r.active, r.partialDiffusion, r.naf25, r.nafLabel),
      skipped: (reason: SkipReason) => {
        summary.read++;
        summary.skipped[reason]++;
      },
    });
    // Reads what the bytes pushed so far hold, sending the COPY buffer whenever it is full.
    const readPushed = async (final: boolean) => {
      for (;;) {
        const status = reader.read(batchSize, final);
        if (status === 'flush') {
          await copy('establishments_staging', establishmentCopyColumns, out, 2);
          continue;
        }
        progress('establishments', summary.read, etab);
        if (aside && sirens) {
          if (sirets.sorted) {
            // Every SIREN below the last one kept is final (the next rows come after it). Sent in
            // large groups: one message per batch of rows cost 0.8 s of the main thread per million.
            if (keptNow.length >= KEPT_PER_MESSAGE) {
              aside.keep(keptNow, lastSiren - 1);
              keptNow = [];
            }
          } else {
            // Out of order: a unit passed over may yet belong to a row to come. Read again after.
            await aside.stop();
            aside = undefined;
            stoppedAside = true;
          }
        }
        await letCopyRun();
        if (status === 'more') return;
      }
    };
    for await (const chunk of etab.chunks()) {
      reader.push(chunk);
      await readPushed(false);
    }
    await readPushed(true);
    aside?.keep(keptNow, Infinity);
    await copy('establishments_staging', establishmentCopyColumns, out, 2);
    for (const l of labels) out.add(`${copyValue(l)}\n`);
    await copy('establishment_labels_staging', ['naf_label'], out);
    await copied();
    // Deduplicated while the legal units are still read, and the geolocation file.
    const estDedupe = db.exec(
      [
        'begin',
        writeSettings,
        dedupeSql('establishments_staging', 'siret', 'siret, siren, naf_label', sirets.sorted),
        // the label of a row dropped as a duplicate may be no row's: its words are not to be kept
        sirets.sorted
          ? 'select 1'
          : 'delete from establishment_labels_staging l where not exists (select 1 from establishments_staging s where s.naf_label = l.naf_label)',
        'commit',
      ].join(';\n'),
    );
    estDedupe.catch(() => undefined);
    phaseDone('establishments');
    // 2. Legal units of the kept establishments → staging.
    const units = increasing();
    let unitsSorted = true;
    if (aside) {
      luReported = true;
      const read = await aside.done;
      summary.legalUnitsLoaded = read.loaded;
      unitsSorted = read.sorted;
    } else if (luSource && luLayout) {
      if (stoppedAside) await db.exec('truncate legal_units_staging');
      let rows = 0;
      for await (const batch of luSource.batches(Object.values(luLayout))) {
        for (const row of batch) {
          const lu = mapLegalUnit(row, luLayout);
          if (!lu || (sirens && !sirens.has(Number(lu.siren)))) continue;
          const line = `${lu.siren}\t${copyValue(lu.legalName)}\t${copyValue(lu.personName)}\t${copyValue(lu.sigle)}\t${lu.diffusion}\t${summary.legalUnitsLoaded + 1}\n`;
          units.see(Number(lu.siren));
          // The database computes each unit's name vector as it takes the rows: it, not this
          // reader, sets the pace, so two COPYs run at once, on two cores, while the units come
          // sorted (no duplicate to keep in file order).
          if (out.lines >= batchSize || !out.fits(line))
            await copy('legal_units_staging', legalUnitColumns, out, units.sorted ? 2 : 1);
          out.add(line);
          summary.legalUnitsLoaded++;
        }
        rows += batch.length;
        progress('legal-units', rows, luSource);
        await letCopyRun();
      }
      await copy('legal_units_staging', legalUnitColumns, out);
      await copied();
      unitsSorted = units.sorted;
    }

    phaseDone('legal-units');
    // 3. Coordinates of the kept establishments → staging.
    if (geoSource && geoLayout) {
      let rows = 0;
      for await (const batch of geoSource.batches()) {
        for (const row of batch) {
          const siret = cell(row, geoLayout.siret);
          const lat = Number(cell(row, geoLayout.lat) ?? NaN);
          const lon = Number(cell(row, geoLayout.lon) ?? NaN);
          if (!siret || !/^\d{14}$/.test(siret) || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
          if (lat === 0 && lon === 0) continue;
          if (sirens && !sirens.has(Number(siret.slice(0, 9)))) continue;
          const line = `${siret}\t${lat}\t${lon}\t${geoLayout.source}\t${summary.geoPointsLoaded + 1}\n`;
          if (out.lines >= batchSize || !out.fits(line))
            await copy('establishment_geo_staging', geoColumnNames, out);
          out.add(line);
          summary.geoPointsLoaded++;
        }
        rows += batch.length;
        progress('geo', rows, geoSource);
        await letCopyRun();
      }
      await copy('establishment_geo_staging', geoColumnNames, out);
    }
    await copied();
    const unitsFiltered = sirens !== undefined;
    sirens?.clear();
    phaseDone('geo');

    // 4. Join, upsert and words, set-based.
    progress('write', summary.imported);
    // Beside the establishments' (which the legal units, read at the same time, no longer hide).
    await Promise.all([
      estDedupe,
      db.exec(
        [
          'begin',
          writeSettings,
          dedupeSql('legal_units_staging', 'siren', 'siren', unitsSorted),
          dedupeSql('establishment_geo_staging', 'siret', 'siret', false),
          'commit',
        ].join(';\n'),
      ),
    ]);
    phaseDone('dedupe');
    let rebuilt = false;
    const words: Task = {
      cost: 1.5,
      run: () => db.exec(`begin; ${writeSettings}; ${wordsSql(unitsFiltered)}; commit`),
    };
    await withoutIndexesWhenEmpty(
      db,
      async (empty) => {
        rebuilt = empty;
        const slices = db.engine === 'postgres' ? 2 : 1;
        const counts = await Promise.all(
          Array.from({ length: slices }, (_, slice) =>
            db.transaction(async (tx) => {
              await tx.exec(writeSettings);
              return (await tx.query<{ source: string; n: number }>(writeSql(empty, slices, slice))).rows;
            }),
          ),
        );
        for (const c of counts.flat()) {
          if (c.source in summary.coordinates) summary.coordinates[c.source as 'none'] += c.n;
        }
        phaseDone('insert');
      },
      [words],
    );
    phaseDone('indexes and words');
    // Side by side on PostgreSQL: emptying the staging tables, the statistics of the words and
    // those of the directory (after the pending lists of GIN indexes kept through an upsert are
    // merged: PGlite has no autovacuum to do it; rebuilt ones have none).
    await Promise.all([
      db.exec(
        'truncate legal_units_staging; truncate establishment_geo_staging; truncate establishments_staging; truncate establishment_labels_staging',
      ),
      db.exec('analyze establishment_words'),
      db.exec(
        (rebuilt ? '' : `select gin_clean_pending_list('establishments_search_idx'::regclass); `) +
          'analyze establishments',
      ),
    ]);
    phaseDone('analyze');
  } finally {
    await aside?.stop();
    await Promise.allSettled(inflight);
    etab.close();
    luSource?.close();
    geoSource?.close();
  }
  summary.elapsedMs = performance.now() - started;
  return summary;
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
