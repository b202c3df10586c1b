// Search latency over 400,000 generated establishments (SEARCH_BENCH_ROWS to change it), on
// PGlite and PostgreSQL: p50 / p95 of the real search service (text + typo correction +
// filters + facets + page) for a mix of queries: exact name, name with a typo, NAF + radius,
// full-text activity + radius. Targets: p95 ≤ 20 ms on PGlite, ≤ 10 ms on PostgreSQL.
// SEARCH_BENCH_CACHE=DIR keeps the loaded directory between runs (a PGlite dump in DIR, a
// kept schema on PostgreSQL); pending migrations are applied to it on reuse.
// SEARCH_BENCH_ENGINES=pglite or postgres measures one engine only. SEARCH_BENCH_CPU=1 also
// reports CPU time per query (this process, plus the PostgreSQL server's processes when it runs
// on this machine, from /proc): less disturbed than wall time when other work loads the cores.
// SEARCH_BENCH_KINDS=a,b measures only the kinds whose name starts with one of these (e.g.
// « plein,NAF »); the mix is then theirs only.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Benchmark } from './run.ts';
import { searchQuerySchema, type SearchQueryInput } from '../src/api/establishments.ts';
import { connect, type Db } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';
import { geoIndex } from '../src/db/sirene/geo.ts';
import { withoutIndexesWhenEmpty } from '../src/db/sirene/import.ts';
import { nafLabel, nafSectionOf } from '../src/db/sirene/naf.ts';
import { searchEstablishments } from '../src/server/services/establishments-search.ts';
import { words } from '../src/server/services/establishments-text.ts';
import { bretonCommunes, rng } from './sirene-data.ts';
import { adminClient, freshDb, postgresUrl } from './sirene.bench.ts';

const nf = new Intl.NumberFormat('fr-FR');

// 40 activities, drawn with a Zipf-like law (a few frequent, many rare), like a real register.
const ACTIVITIES: [string, string][] = [
  ['BOULANGERIE', '10.71C'],
  ['GARAGE', '45.20A'],
  ['MACONNERIE', '43.99C'],
  ['CONSEIL', '70.22Z'],
  ['PLOMBERIE', '43.22A'],
  ['ELECTRICITE', '43.21A'],
  ['TRANSPORTS', '49.41A'],
  ['CREPERIE', '56.10A'],
  ['MENUISERIE', '16.23Z'],
  ['INFORMATIQUE', '62.01Z'],
  ['NETTOYAGE', '81.21Z'],
  ['CHARPENTE', '43.91A'],
  ['PEINTURE', '43.34Z'],
  ['COIFFURE', '96.02A'],
  ['BOUCHERIE', '47.22Z'],
  ['PHARMACIE', '47.73Z'],
  ['IMMOBILIER', '68.31Z'],
  ['ARCHITECTURE', '71.11Z'],
  ['COMPTABILITE', '69.20Z'],
  ['LOGISTIQUE', '52.29B'],
  ['CHAUDRONNERIE', '25.29Z'],
  ['USINAGE', '25.62B'],
  ['MECANIQUE', '25.62B'],
  ['EMBALLAGES', '22.22Z'],
  ['IMPRIMERIE', '18.12Z'],
  ['CONSERVERIE', '10.20Z'],
  ['BRASSERIE', '11.05Z'],
  ['SERRURERIE', '25.99B'],
  ['FONDERIE', '24.51Z'],
  ['TONNELLERIE', '16.24Z'],
  ['VOILERIE', '13.92Z'],
  ['CHANTIER NAVAL', '30.11Z'],
  ['SCIERIE', '16.10A'],
  ['MAREYAGE', '46.38A'],
  ['LAITERIE', '10.51C'],
  ['BISCUITERIE', '10.72Z'],
  ['CIDRERIE', '11.03Z'],
  ['ELECTRONIQUE', '26.11Z'],
  ['PLASTURGIE', '22.29A'],
  ['ROBOTIQUE', '28.99B'],
];
const SYLLABLES = [
  'ker',
  'gal',
  'bri',
  'mor',
  'lan',
  'ven',
  'goz',
  'tre',
  'plou',
  'gwen',
  'roz',
  'hel',
  'dou',
  'bihan',
  'nev',
  'lez',
  'pen',
  'arz',
  'dan',
  'ron',
  'quer',
  'loc',
  'stang',
  'coat',
];

function surname(r: () => number): string {
  const n = r() < 0.5 ? 2 : 3;
  let s = '';
  for (let i = 0; i < n; i++) s += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
  return s.toUpperCase();
}

function zipfPicker(n: number, r: () => number): () => number {
  const weights = Array.from({ length: n }, (_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const w of weights) cumulative.push((acc += w / total));
  return () => {
    const x = r();
    const i = cumulative.findIndex((c) => c >= x);
    return i === -1 ? n - 1 : i;
  };
}

/** Loads `rows` establishments straight into the table (COPY), with the words table. */
export async function loadSyntheticDirectory(db: Db, rows: number): Promise<{ names: string[] }> {
  const r = rng(2026);
  const activity = zipfPicker(ACTIVITIES.length, r);
  const communes = bretonCommunes();
  const geo = geoIndex();
  const located = communes
    .map((c) => ({ c, p: geo.coordinates(c.code) }))
    .filter((x): x is { c: (typeof communes)[number]; p: NonNullable<ReturnType<typeof geo.coordinates>> } =>
      Boolean(x.p),
    );
  const columns = [
    'siret',
    'siren',
    'name',
    'naf_code',
    'section',
    'naf_label',
    'department',
    'region',
    'commune_code',
    'commune_name',
    'postal_code',
    'headcount_band',
    'head_office',
    'active',
    'diffusion',
    'lat',
    'lon',
    'coord_source',
  ];
  const wordSet = new Set<string>();
  const names: string[] = [];
  await withoutIndexesWhenEmpty(db, async () => {
    // Staged, then written in the order of a first import (words-by-cell grid, then NAF code; the table's
    // physical order decides how many pages a radius search reads).
    await db.exec(`create table bench_staging as select ${columns.join(', ')} from establishments limit 0`);
    let batch: (string | null)[][] = [];
    for (let i = 0; i < rows; i++) {
      const [trade, naf] = ACTIVITIES[activity()]!;
      const name = `${trade} ${surname(r)}`;
      if (i % 1000 === 0) names.push(name);
      const { c, p } = located[Math.floor(r() * located.length)]!;
      // Establishments spread around the commune's point (± 3 km).
      const lat = p.lat + (r() - 0.5) * 0.05;
      const lon = p.lon + (r() - 0.5) * 0.07;
      const siren = String(100_000_000 + i);
      const label = nafLabel(naf) ?? '';
      for (const w of words(`${name} ${label}`)) if (w.length >= 3) wordSet.add(w);
      batch.push([
        `${siren}00010`,
        siren,
        name,
        naf,
        nafSectionOf(naf) ?? null,
        label,
        c.departement ?? null,
        '53',
        c.code,
        c.nom,
        c.codesPostaux?.[0] ?? null,
        ['NN', '00', '01', '02', '03', '11', '12', '21'][Math.floor(r() * 8)]!,
        't',
        r() < 0.8 ? 't' : 'f',
        'O',
        String(lat),
        String(lon),
        'sirene',
      ]);
      if (batch.length === 20_000) {
        await db.copyRows('bench_staging', columns, batch);
        batch = [];
      }
    }
    await db.copyRows('bench_staging', columns, batch);
    await db.exec(`insert into establishments (${columns.join(', ')})
      select ${columns.join(', ')} from bench_staging order by establishment_text_cell(lat, lon), naf_code;
      drop table bench_staging`);
  });
  await db.query('insert into establishment_words (word) select unnest($1::text[]) on conflict do nothing', [
    [...wordSet],
  ]);
  await db.exec('analyze establishments; analyze establishment_words');
  return { names };
}

/**
 * The directory of `rows` establishments on an engine: loaded fresh, or reused from the cache
 * directory (PGlite: a dump loaded in memory; PostgreSQL: a kept schema) when one is given.
 */
async function directoryDb(
  engine: 'pglite' | 'postgres',
  rows: number,
  cache: string | undefined,
): Promise<{ db: Db; names: string[]; loadedMs: number | null; drop: () => Promise<void> } | undefined> {
  const t0 = performance.now();
  if (!cache) {
    const fresh = await freshDb(engine);
    if (!fresh) return undefined;
    const { names } = await loadSyntheticDirectory(fresh.db, rows);
    return { db: fresh.db, names, loadedMs: performance.now() - t0, drop: fresh.drop };
  }
  mkdirSync(cache, { recursive: true });
  const namesFile = join(cache, `names-${rows}.json`);
  const names = existsSync(namesFile) ? (JSON.parse(readFileSync(namesFile, 'utf8')) as string[]) : null;
  if (engine === 'pglite') {
    const dump = join(cache, `pglite-${rows}.tar`);
    if (names && existsSync(dump)) {
      const db = await connect({ loadDataDir: new Blob([readFileSync(dump)]) });
      if ((await migrate(db)).length > 0) await db.exec('analyze');
      return { db, names, loadedMs: null, drop: () => db.close() };
    }
    const fresh = await freshDb('pglite');
    const loaded = await loadSyntheticDirectory(fresh!.db, rows);
    writeFileSync(namesFile, JSON.stringify(loaded.names));
    writeFileSync(dump, Buffer.from(await (await fresh!.db.dumpDataDir!()).arrayBuffer()));
    return { db: fresh!.db, names: loaded.names, loadedMs: performance.now() - t0, drop: fresh!.drop };
  }
  const url = postgresUrl();
  const schema = `search_bench_${rows}`;
  const admin = await adminClient(url);
  if (!admin) return undefined;
  const complete = (
    await admin.query<{ ok: boolean }>(
      `select exists (select 1 from pg_tables where schemaname = $1 and tablename = 'search_bench_done') as ok`,
      [schema],
    )
  ).rows[0]?.ok;
  if (!complete || !names) {
    await admin.query(`drop schema if exists ${schema} cascade; create schema ${schema}`);
  }
  await admin.end();
  const db = await connect({ databaseUrl: url, schema });
  const close = () => db.close();
  if (complete && names) {
    if ((await migrate(db)).length > 0) await db.exec('analyze');
    return { db, names, loadedMs: null, drop: close };
  }
  await migrate(db);
  const loaded = await loadSyntheticDirectory(db, rows);
  writeFileSync(namesFile, JSON.stringify(loaded.names));
  await db.exec('create table search_bench_done ()');
  return { db, names: loaded.names, loadedMs: performance.now() - t0, drop: close };
}

/** Nanoseconds of CPU spent by these processes so far (Linux schedstat). */
function cpuNsOf(pids: readonly number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      total += Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

/**
 * A CPU stopwatch (ms): this process, plus the PostgreSQL backends serving this database when
 * the server runs on this machine.
 */
async function cpuClock(db: Db): Promise<() => () => number> {
  const pids =
    db.engine === 'postgres'
      ? (
          await db.query<{ pid: number }>(
            'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
          )
        ).rows
          .map((r) => r.pid)
          .concat((await db.query<{ pid: number }>('select pg_backend_pid() as pid')).rows.map((r) => r.pid))
          .filter((pid) => existsSync(`/proc/${pid}/schedstat`))
      : [];
  return () => {
    const server = cpuNsOf(pids);
    const self = process.cpuUsage();
    return () => {
      const d = process.cpuUsage(self);
      return (d.user + d.system) / 1000 + (cpuNsOf(pids) - server) / 1e6;
    };
  };
}

function typo(word: string, r: () => number): string {
  const i = 1 + Math.floor(r() * (word.length - 2));
  const kind = r();
  if (kind < 0.33) return word.slice(0, i) + word.slice(i + 1); // missing letter
  if (kind < 0.66) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2); // swapped letters
  return word.slice(0, i) + 'k' + word.slice(i + 1); // wrong letter
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const benchmark: Benchmark = {
  name: 'search',
  describe: 'latence de recherche (p50, p95) sur 400 000 établissements, PGlite et PostgreSQL',
  async run() {
    const rows = Number(process.env.SEARCH_BENCH_ROWS ?? 400_000);
    const perKind = Number(process.env.SEARCH_BENCH_QUERIES ?? 100);
    const cache = process.env.SEARCH_BENCH_CACHE || undefined;
    const engines = (process.env.SEARCH_BENCH_ENGINES ?? 'pglite,postgres').split(',');
    let ok = true;
    for (const engine of ['pglite', 'postgres'] as const) {
      if (!engines.includes(engine)) continue;
      const fresh = await directoryDb(engine, rows, cache);
      if (!fresh) continue;
      try {
        const { names, loadedMs } = fresh;
        console.log(
          loadedMs === null
            ? `  ${engine} : ${nf.format(rows)} établissements repris de ${cache}`
            : `  ${engine} : ${nf.format(rows)} établissements chargés en ${(loadedMs / 1000).toFixed(1)} s`,
        );
        const r = rng(7);
        const communes = bretonCommunes();
        const pickCommune = () => communes[Math.floor(r() * communes.length)]!.code;
        const pickName = () => names[Math.floor(r() * names.length)]!;
        const kinds: Record<string, () => SearchQueryInput> = {
          nom: () => ({ q: pickName() }),
          'faute de frappe': () => {
            const [trade, last] = pickName().split(' ').slice(-2) as [string, string];
            return { q: `${trade} ${typo(last, r)}` };
          },
          'NAF + rayon': () => ({
            naf: ACTIVITIES[Math.floor(r() * ACTIVITIES.length)]![1],
            near: pickCommune(),
            radiusKm: '20',
            sort: 'distance',
          }),
          'plein texte + rayon': () => ({
            q: [
              'usinage',
              'emballages plastique',
              'travaux de plomberie',
              'fabrication biscuits',
              'conseil gestion',
              'réparation navale',
            ][Math.floor(r() * 6)]!,
            near: pickCommune(),
            radiusKm: '30',
          }),
        };
        const only = process.env.SEARCH_BENCH_KINDS?.split(',');
        if (only) for (const k of Object.keys(kinds)) if (!only.some((o) => k.startsWith(o))) delete kinds[k];
        // Warm-up
        for (const make of Object.values(kinds))
          for (let i = 0; i < 10; i++) await searchEstablishments(fresh.db, searchQuerySchema.parse(make()));
        const all: number[] = [];
        const allCpu: number[] = [];
        const withCpu = process.env.SEARCH_BENCH_CPU === '1';
        const startCpu = await cpuClock(fresh.db);
        for (const [kind, make] of Object.entries(kinds)) {
          const times: number[] = [];
          const cpu: number[] = [];
          const slow: { ms: number; input: SearchQueryInput; total: number }[] = [];
          let hits = 0;
          for (let i = 0; i < perKind; i++) {
            const input = make();
            const query = searchQuerySchema.parse(input);
            const cpuSince = withCpu ? startCpu() : null;
            const t = performance.now();
            const res = await searchEstablishments(fresh.db, query);
            const ms = performance.now() - t;
            if (cpuSince) cpu.push(cpuSince());
            times.push(ms);
            slow.push({ ms, input, total: res.pagination.total });
            if (res.pagination.total > 0) hits++;
          }
          times.sort((a, b) => a - b);
          cpu.sort((a, b) => a - b);
          // SEARCH_BENCH_SLOWEST=n prints the n slowest queries of each kind (to study the tail).
          slow.sort((a, b) => b.ms - a.ms);
          for (const s of slow.slice(0, Number(process.env.SEARCH_BENCH_SLOWEST ?? 0)))
            console.log(`      ${s.ms.toFixed(1)} ms, ${s.total} résultats : ${JSON.stringify(s.input)}`);
          all.push(...times);
          allCpu.push(...cpu);
          const cpuText = withCpu
            ? ` ; CPU p50 ${percentile(cpu, 50).toFixed(1)} ms, p95 ${percentile(cpu, 95).toFixed(1)} ms`
            : '';
          console.log(
            `    ${kind.padEnd(20)} p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms (${hits}/${perKind} avec résultats)${cpuText}`,
          );
        }
        all.sort((a, b) => a - b);
        allCpu.sort((a, b) => a - b);
        const p95 = percentile(all, 95);
        const target = engine === 'pglite' ? 20 : 10;
        if (p95 > target) ok = false;
        console.log(
          `    mélange              p50 ${percentile(all, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (objectif p95 ≤ ${target} ms : ${p95 <= target ? 'atteint' : 'MANQUÉ'})` +
            (withCpu
              ? ` ; CPU p50 ${percentile(allCpu, 50).toFixed(1)} ms, p95 ${percentile(allCpu, 95).toFixed(1)} ms`
              : ''),
        );
      } finally {
        await fresh.drop();
      }
    }
    return ok;
  },
};
