// "Where is this supplier?" for the IBAL (issue 3, point 4). In order: SIRET → establishment;
// SIREN → the company's establishment (the one at the given postal code, else its head office);
// postal code (+ country) → zone; the name → the directory's namesakes, then close names.
// A name alone is "found" only when it is exactly the name of one company of the whole directory
// (core/suppliers name-evidence.ts), with a confidence that says how much of France the directory
// covers; homonyms and close names come back "ambiguous", to be confirmed. Never receives amounts.
import type {
  ResolvedEstablishment,
  ResolvedSupplier,
  SupplierToResolve,
  Zone,
} from '../../api/suppliers.ts';
import type { Queryable } from '../../db/connection.ts';
import { geoIndex } from '../../db/sirene/geo.ts';
import { resolveCountry, zoneOf, zoneOfDepartment } from '../../core/geo/index.ts';
import {
  directoryReach,
  nameOnlyConfidence,
  nameSimilarity,
  normaliseName,
  populationSplit,
  reachCaveat,
  sameSupplierName,
  type PopulationSplit,
} from '../../core/suppliers/index.ts';
import { establishmentColumns, type EstablishmentRow } from './establishments-repository.ts';
import { analyseQuery, tsqueryText } from './establishments-search.ts';

/** With a postal code given: a name at least this close names the establishment there. */
export const NAME_FOUND = 0.85;
/** Below this a candidate is not even proposed. */
export const NAME_CANDIDATE = 0.5;
/** Namesakes read at most; when there are more, uniqueness cannot be shown (the name is common). */
export const NAMESAKES_MAX = 1000;
/** Candidates sent back with an ambiguous answer. */
const CANDIDATES_SHOWN = 6;

function establishmentOf(row: EstablishmentRow): ResolvedEstablishment {
  return {
    siret: row.siret,
    name: row.name,
    commune: row.commune_code ? { code: row.commune_code, name: row.commune_name ?? row.commune_code } : null,
    department: row.department,
    countryCode: row.country_code,
  };
}

function zoneOfRow(row: EstablishmentRow): Zone | null {
  if (row.department) return zoneOfDepartment(row.department);
  if (row.country_code) {
    const c = resolveCountry(row.country_code);
    if (c) return c.france ? 'france' : c.eu ? 'europe' : 'world';
  }
  return null;
}

function found(
  key: string,
  method: ResolvedSupplier['method'],
  confidence: number,
  row: EstablishmentRow,
  note: string,
): ResolvedSupplier {
  return {
    key,
    status: 'found',
    method,
    confidence,
    establishment: establishmentOf(row),
    zone: zoneOfRow(row),
    department: row.department,
    candidates: [],
    note,
  };
}

const digits = (v: string | undefined) => v?.replace(/[\s.\u00a0-]/g, '') ?? '';

export async function resolveSuppliers(
  db: Queryable,
  suppliers: readonly SupplierToResolve[],
): Promise<ResolvedSupplier[]> {
  // Identifiers first, in two queries for the whole batch.
  const sirets = [...new Set(suppliers.map((s) => digits(s.siret)).filter((v) => /^\d{14}$/.test(v)))];
  const sirens = [
    ...new Set(
      suppliers.map((s) => digits(s.siren) || digits(s.siret).slice(0, 9)).filter((v) => /^\d{9}$/.test(v)),
    ),
  ];
  const bySiret = new Map<string, EstablishmentRow>();
  if (sirets.length) {
    const r = await db.query<EstablishmentRow>(
      `select ${establishmentColumns('e')} from establishments e where e.siret = any($1::text[])`,
      [sirets],
    );
    for (const row of r.rows) bySiret.set(row.siret, row);
  }
  const bySiren = new Map<string, EstablishmentRow[]>();
  if (sirens.length) {
    const r = await db.query<EstablishmentRow>(
      `select ${establishmentColumns('e')} from establishments e where e.siren = any($1::text[])
       order by e.head_office desc, e.active desc, e.siret`,
      [sirens],
    );
    for (const row of r.rows)
      (bySiren.get(row.siren) ?? bySiren.set(row.siren, []).get(row.siren)!).push(row);
  }

  let reach: number | undefined;
  const reachOnce = async () => (reach ??= await cachedReachOf(db));
  const out: ResolvedSupplier[] = [];
  for (const s of suppliers) out.push(await resolveOne(db, s, bySiret, bySiren, reachOnce));
  return out;
}

let population: PopulationSplit | undefined;

/**
 * The reach counts the whole directory (a scan of millions of rows once France is imported); it
 * only changes with an import, so one count per minute and per database serves every request.
 */
const REACH_TTL_MS = 60_000;
const reachCache = new WeakMap<Queryable, { at: number; reach: Promise<number> }>();

function cachedReachOf(db: Queryable): Promise<number> {
  const hit = reachCache.get(db);
  if (hit && Date.now() - hit.at < REACH_TTL_MS) return hit.reach;
  const reach = directoryReachOf(db);
  reachCache.set(db, { at: Date.now(), reach });
  reach.catch(() => reachCache.delete(db));
  return reach;
}

/** How much of France outside Bretagne the directory covers (core/suppliers directoryReach). */
export async function directoryReachOf(db: Queryable): Promise<number> {
  const r = await db.query<{ bretagne: number; elsewhere: number }>(
    `select count(*) filter (where region = '53')::int as bretagne,
            count(*) filter (where department is not null and region is distinct from '53')::int as elsewhere
       from establishments`,
  );
  population ??= populationSplit(geoIndex());
  const row = r.rows[0];
  return directoryReach({ bretagne: row?.bretagne ?? 0, elsewhereInFrance: row?.elsewhere ?? 0 }, population);
}

async function resolveOne(
  db: Queryable,
  s: SupplierToResolve,
  bySiret: Map<string, EstablishmentRow>,
  bySiren: Map<string, EstablishmentRow[]>,
  reachOf: () => Promise<number>,
): Promise<ResolvedSupplier> {
  const siret = digits(s.siret);
  const bySiretRow = bySiret.get(siret);
  if (bySiretRow) return found(s.key, 'siret', 1, bySiretRow, 'SIRET trouvé dans l’annuaire.');

  const siren = digits(s.siren) || siret.slice(0, 9);
  const companyRows = bySiren.get(siren);
  if (companyRows?.length) {
    const postal = s.postalCode?.replace(/\s/g, '');
    const atPostal = postal ? companyRows.find((r) => r.postal_code === postal) : undefined;
    const head = companyRows.find((r) => r.head_office) ?? companyRows[0]!;
    const row = atPostal ?? head;
    return found(
      s.key,
      'siren',
      atPostal ? 0.95 : 0.85,
      row,
      atPostal
        ? 'Entreprise trouvée par son SIREN, établissement au code postal indiqué.'
        : 'Entreprise trouvée par son SIREN : zone de son siège (l’établissement facturé peut être ailleurs).',
    );
  }

  // Postal code (+ country) gives the zone; the name may add the establishment.
  const country = s.country?.trim();
  const postalCode = s.postalCode?.trim();
  if (postalCode || (country && !['FR', 'FRA', 'FRANCE'].includes(country.toUpperCase()))) {
    const answer = zoneOf(geoIndex(), { postalCode: postalCode ?? '', country: country ?? null });
    if (answer.ok) {
      const a = answer.value;
      const named =
        s.name && a.departments.length ? await nameCandidates(db, s.name, postalCode ?? null) : [];
      const best = named[0];
      const sure = best && best.score >= NAME_FOUND && best.row.postal_code === postalCode;
      return {
        key: s.key,
        status: 'found',
        method: 'postal_code',
        confidence: a.ambiguous ? 0.7 : a.approximate ? 0.8 : 0.95,
        establishment: sure ? establishmentOf(best.row) : null,
        zone: a.zone,
        department: a.departments[0] ?? null,
        candidates: sure ? [] : named.slice(0, 3).map((c) => ({ ...establishmentOf(c.row), score: c.score })),
        note:
          a.basis === 'country'
            ? `Pays : ${a.country.name}.`
            : `Code postal ${postalCode}${a.ambiguous ? ' (couvre des communes de plusieurs zones : commune la plus peuplée retenue)' : ''}${a.approximate ? ' (code inconnu de La Poste : département déduit des premiers chiffres)' : ''}.`,
      };
    }
  }

  if (s.name && s.name.trim() !== '') {
    const byName = await resolveByName(db, s.key, s.name, await reachOf());
    if (byName) return byName;
  }
  return {
    key: s.key,
    status: 'not_found',
    method: null,
    confidence: 0,
    establishment: null,
    zone: null,
    department: null,
    candidates: [],
    note: 'Introuvable dans l’annuaire : indiquez un code postal ou un pays, ou ignorez ce fournisseur.',
  };
}

const placeOf = (row: EstablishmentRow) =>
  row.commune_name
    ? `${row.commune_name}${row.department ? ` (${row.department})` : ''}`
    : (row.country_name ?? row.department ?? 'lieu inconnu');

/** One establishment per company, the head office (else an active one) first. */
function onePerCompany(rows: readonly EstablishmentRow[]): EstablishmentRow[] {
  const sorted = [...rows].sort(
    (a, b) =>
      Number(b.head_office) - Number(a.head_office) ||
      Number(b.active) - Number(a.active) ||
      a.siret.localeCompare(b.siret),
  );
  const seen = new Set<string>();
  return sorted.filter((r) => !seen.has(r.siren) && seen.add(r.siren));
}

/** The single zone of these establishments, or null when they are in several. */
function commonZone(rows: readonly EstablishmentRow[]): Zone | null {
  const zones = new Set(rows.map(zoneOfRow));
  const [only] = zones;
  return zones.size === 1 && only ? only : null;
}

function commonDepartment(rows: readonly EstablishmentRow[]): string | null {
  const departments = new Set(rows.map((r) => r.department));
  const [only] = departments;
  return departments.size === 1 ? (only ?? null) : null;
}

/**
 * The name rule (core/suppliers name-evidence.ts): exactly one company of the directory bears the
 * name → found, with the directory's name-only confidence; several → ambiguous (the zone only
 * when they all share it); no namesake → the closest names, ambiguous as well.
 */
async function resolveByName(
  db: Queryable,
  key: string,
  name: string,
  reach: number,
): Promise<ResolvedSupplier | null> {
  const base = nameOnlyConfidence(reach);
  const caveat = reachCaveat(reach);
  const namesakes = await exactNamesakes(db, name);
  if (namesakes && namesakes.length > 0) {
    const companies = onePerCompany(namesakes);
    const zone = commonZone(namesakes);
    const head = companies[0]!;
    if (companies.length === 1 && zone) {
      return {
        ...found(
          key,
          'name',
          base,
          head,
          `Seule entreprise de ce nom dans l’annuaire : « ${head.name} », ${placeOf(head)}.${caveat ? ` ${caveat}` : ''}`,
        ),
        zone,
      };
    }
    const places = companies.slice(0, CANDIDATES_SHOWN).map(placeOf).join(', ');
    return {
      key,
      status: 'ambiguous',
      method: 'name',
      // Agreeing namesakes give the zone as surely as one would; otherwise a blind pick would be
      // right once in as many companies.
      confidence: zone ? base : Math.round((base / companies.length) * 100) / 100,
      establishment: null,
      zone,
      department: zone ? commonDepartment(namesakes) : null,
      candidates: (companies.length > 1 ? companies : namesakes)
        .slice(0, CANDIDATES_SHOWN)
        .map((row) => ({ ...establishmentOf(row), score: 1 })),
      note:
        companies.length > 1
          ? `${companies.length} entreprises portent ce nom dans l’annuaire (${places}${companies.length > CANDIDATES_SHOWN ? '…' : ''}) : choisissez la bonne ou indiquez un code postal.`
          : `L’entreprise « ${head.name} » a des établissements dans plusieurs zones (${namesakes.map(placeOf).slice(0, CANDIDATES_SHOWN).join(', ')}) : indiquez le code postal de celui qui facture.`,
    };
  }
  const candidates = await nameCandidates(db, name, null);
  const best = candidates[0];
  if (!best || best.score < NAME_CANDIDATE) return null;
  // The names as close as the best one (within 0.1), one per company: the zone only if they agree.
  const close = onePerCompany(candidates.filter((c) => best.score - c.score <= 0.1).map((c) => c.row));
  const zone = commonZone(close);
  const confidence = base * best.score * (zone ? 1 : 1 / close.length);
  return {
    key,
    status: 'ambiguous',
    method: 'name',
    confidence: Math.round(confidence * 100) / 100,
    establishment: null,
    zone,
    department: zone ? commonDepartment(close) : null,
    candidates: candidates
      .slice(0, CANDIDATES_SHOWN)
      .map((c) => ({ ...establishmentOf(c.row), score: c.score })),
    note:
      close.length > 1
        ? `Noms proches dans l’annuaire (${close
            .slice(0, CANDIDATES_SHOWN)
            .map((r) => `« ${r.name} », ${placeOf(r)}`)
            .join(' ; ')}) : choisissez le bon ou indiquez un code postal.`
        : `Nom proche dans l’annuaire : « ${best.row.name} », ${placeOf(best.row)} — à confirmer.${caveat ? ` ${caveat}` : ''}`,
  };
}

/**
 * Every establishment of the directory whose name (or enseigne, usual name) is the supplier's
 * name: exact words, no typo correction, no row limit short of NAMESAKES_MAX — uniqueness must be
 * checked against the whole directory, not against the first results. null when it cannot be
 * shown (no searchable word, or a name so common that the cap is reached).
 */
async function exactNamesakes(db: Queryable, name: string): Promise<EstablishmentRow[] | null> {
  const tokens = normaliseName(name).tokens;
  if (tokens.length === 0) return null;
  const truncated = name.trim().length >= 25;
  // Tokens are [a-z0-9]+ (normaliseName): safe inside a tsquery. Weights A and B: the name,
  // sigle, enseigne and usual name, not the activity label.
  const query = tokens
    .map((t, i) => (truncated && i === tokens.length - 1 ? `${t}:*AB` : `${t}:AB`))
    .join(' & ');
  const r = await db.query<EstablishmentRow>(
    `select ${establishmentColumns('e')} from establishments e
      where numnode(to_tsquery('fr', $1)) > 0 and e.search @@ to_tsquery('fr', $1)
      limit ${NAMESAKES_MAX + 1}`,
    [query],
  );
  if (r.rows.length > NAMESAKES_MAX) return null;
  return r.rows.filter(
    (row) =>
      sameSupplierName(name, row.name) ||
      (row.enseigne !== null && sameSupplierName(name, row.enseigne)) ||
      (row.usual_name !== null && sameSupplierName(name, row.usual_name)),
  );
}

/** Candidates for a name: full-text on the corrected words (all, else any), scored in JS. */
async function nameCandidates(
  db: Queryable,
  name: string,
  postalCode: string | null,
): Promise<{ row: EstablishmentRow; score: number }[]> {
  const normal = normaliseName(name);
  if (normal.text === '') return [];
  const analysed = await analyseQuery(db, normal.text);
  if (analysed.length === 0) return [];
  // A name cut at 30 characters: its last word may be cut too, keep it as a prefix.
  const truncated = name.trim().length >= 25;
  const words = analysed.map((w, i) => ({ ...w, prefix: truncated && i === analysed.length - 1 }));
  const scored = new Map<string, { row: EstablishmentRow; score: number }>();
  for (const op of ['&', '|'] as const) {
    const r = await db.query<EstablishmentRow>(
      `select ${establishmentColumns('e')} from establishments e
        where e.search @@ to_tsquery('fr', $1)
        order by ($2::text is not null and e.postal_code = $2) desc, ts_rank(e.search, to_tsquery('fr', $1)) desc, e.active desc, e.head_office desc
        limit 20`,
      [tsqueryText(words, op), postalCode],
    );
    for (const row of r.rows) {
      const score = Math.max(
        nameSimilarity(name, row.name),
        row.enseigne ? nameSimilarity(name, row.enseigne) : 0,
        row.sigle ? nameSimilarity(name, row.sigle) : 0,
      );
      const prev = scored.get(row.siret);
      if (!prev || prev.score < score) scored.set(row.siret, { row, score });
    }
    if (scored.size > 0 || words.length === 1) break;
  }
  return [...scored.values()]
    .filter((c) => c.score >= NAME_CANDIDATE)
    .sort(
      (a, b) =>
        b.score - a.score ||
        Number(b.row.active) - Number(a.row.active) ||
        Number(b.row.head_office) - Number(a.row.head_office),
    );
}
