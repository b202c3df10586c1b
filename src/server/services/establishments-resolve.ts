// "Where is this supplier?" for the IBAL (issue 3, point 4). In order: SIRET → establishment;
// SIREN → the company's establishment (the one at the given postal code, else its head office);
// postal code (+ country) → zone; the name → candidates from the directory's full-text index
// (words corrected for typos), scored with core/suppliers' name similarity (legal forms, accents,
// punctuation, names cut at 30 characters). Never receives amounts.
import type {
  ResolvedEstablishment,
  ResolvedSupplier,
  SupplierToResolve,
  Zone,
} from '../../api/suppliers.ts';
import type { Queryable } from '../../db/connection.ts';
import { geoIndex } from '../../db/sirene/geo.ts';
import { resolveCountry, zoneOf, zoneOfDepartment } from '../../core/geo/index.ts';
import { nameSimilarity, normaliseName } from '../../core/suppliers/index.ts';
import { establishmentColumns, type EstablishmentRow } from './establishments-repository.ts';
import { analyseQuery, tsqueryText } from './establishments-search.ts';

/** A name at least this close is taken as the supplier (when no other candidate comes close). */
export const NAME_FOUND = 0.85;
/** Below this a candidate is not even proposed. */
export const NAME_CANDIDATE = 0.5;

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

  const out: ResolvedSupplier[] = [];
  for (const s of suppliers) out.push(await resolveOne(db, s, bySiret, bySiren));
  return out;
}

async function resolveOne(
  db: Queryable,
  s: SupplierToResolve,
  bySiret: Map<string, EstablishmentRow>,
  bySiren: Map<string, EstablishmentRow[]>,
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
    const candidates = await nameCandidates(db, s.name, null);
    const best = candidates[0];
    if (best && best.score >= NAME_CANDIDATE) {
      const second = candidates.find((c) => c.row.siren !== best.row.siren);
      const clear = best.score >= NAME_FOUND && (!second || best.score - second.score >= 0.1);
      if (clear) {
        return found(
          s.key,
          'name',
          Math.min(0.9, best.score),
          best.row,
          `Nom proche de « ${best.row.name} » dans l’annuaire.`,
        );
      }
      return {
        key: s.key,
        status: 'ambiguous',
        method: 'name',
        confidence: best.score * 0.6,
        establishment: null,
        zone: null,
        department: null,
        candidates: candidates.slice(0, 5).map((c) => ({ ...establishmentOf(c.row), score: c.score })),
        note: 'Plusieurs établissements ont un nom proche : choisissez le bon ou indiquez un code postal.',
      };
    }
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
