// Locating suppliers (issue 3, point 4), as pure functions shared by the browser and the CLI.
// The order, from the surest to the weakest:
//   0. the user's answer (postal code, country, zone or "ignorer") wins over everything;
//   1. SIRET/SIREN found in the directory → establishment → commune → zone;
//   2. a postal code (+ country) or a country given with the supplier → zone (core/geo);
//   3. a foreign legal form (GmbH, S.p.A., Sp. z o.o.…) or a telling invoice currency (CNY, GBP…)
//      → a country PROPOSED to the user (counted as unlocated until confirmed). A weak currency
//      hint (USD, confidence < 0.6) gives way to a good name match in the directory;
//   4. the name, matched by the directory (server side, rule in name-evidence.ts): the exact name
//      of one company of the whole directory locates when its confidence reaches the threshold
//      (0.85 by default: only a directory covering France outside Bretagne gets there); otherwise
//      it, or the zone shared by all its namesakes, is proposed; namesakes in several zones give
//      no zone at all (the user picks one of the candidates);
//   5. the rest is listed for the user.
// The directory is asked with names, identifiers and postal codes only — never amounts.
import { err, ok, type Problem, type Result } from '../shared/index.ts';
import { resolveCountry, zoneOf, zoneOfDepartment, type PlaceLookup, type ZoneAnswer } from '../geo/index.ts';
import type { SupplierLocation } from '../ibal/types.ts';
import type { SupplierIdentifiers } from '../purchases/types.ts';
import { countryHints } from './hints.ts';
import type {
  DirectoryAnswer,
  DirectoryEstablishment,
  SupplierQuery,
  UserAnswer,
  UserAnswers,
} from './types.ts';

export interface SupplierToLocate {
  key: string;
  name: string;
  identifiers?: Partial<SupplierIdentifiers>;
  currencies?: readonly string[];
}

export interface LocateContext {
  lookup: PlaceLookup;
  /** The directory's answers by supplier key. */
  directory?: ReadonlyMap<string, DirectoryAnswer>;
  answers?: UserAnswers;
  /**
   * Confidence from which a name found in the directory locates rather than proposes (default
   * 0.85, above what a Breton-only directory can give a name: see name-evidence.ts).
   */
  nameThreshold?: number;
}

export const DEFAULT_NAME_THRESHOLD = 0.85;
/** Bounded batches for POST /api/v1/suppliers/resolve (its limit is 500). */
export const RESOLVE_BATCH_SIZE = 500;

function answerOf(answers: UserAnswers | undefined, key: string): UserAnswer | undefined {
  if (!answers) return undefined;
  return answers instanceof Map ? answers.get(key) : (answers as Record<string, UserAnswer>)[key];
}

function fromZoneAnswer(
  a: ZoneAnswer,
  method: SupplierLocation['method'],
  confidence: number,
  evidence: string,
): SupplierLocation {
  const lowered = a.ambiguous
    ? Math.min(confidence, 0.7)
    : a.approximate
      ? Math.min(confidence, 0.8)
      : confidence;
  const notes = [
    evidence,
    a.ambiguous
      ? 'Ce code postal dessert des communes de plusieurs zones : zone de la commune la plus peuplée.'
      : '',
    a.approximate
      ? 'Code postal absent de la base de La Poste : département déduit de ses premiers chiffres.'
      : '',
  ].filter((x) => x !== '');
  return {
    status: 'located',
    zone: a.zone,
    department: a.departments[0] ?? null,
    communeCode: null,
    communeName: null,
    country: a.country.alpha2,
    method,
    confidence: lowered,
    evidence: notes.join(' '),
  };
}

/** A user's answer → a location, or a French message saying what to fix. */
export function locationFromAnswer(
  answer: UserAnswer,
  lookup: PlaceLookup,
): Result<SupplierLocation, Problem> {
  switch (answer.kind) {
    case 'ignore':
      return ok({
        status: 'ignored',
        zone: null,
        department: null,
        communeCode: null,
        communeName: null,
        country: null,
        method: 'user',
        confidence: 1,
        evidence: 'Écarté de la mesure à votre demande.',
      });
    case 'zone': {
      const chosen = answer.establishment;
      const where = chosen?.communeName ? ` (${chosen.communeName})` : '';
      return ok({
        status: 'located',
        zone: answer.zone,
        department: answer.department ?? null,
        communeCode: chosen?.communeCode ?? null,
        communeName: chosen?.communeName ?? null,
        country: answer.zone === 'bretagne' || answer.zone === 'france' ? 'FR' : null,
        method: 'user',
        confidence: 1,
        evidence: chosen
          ? `Établissement choisi par vous : SIRET ${chosen.siret}${where}.`
          : 'Zone indiquée par vous.',
      });
    }
    case 'country': {
      const z = zoneOf(lookup, { postalCode: '', country: answer.country });
      if (!z.ok) {
        const france = resolveCountry(answer.country)?.alpha2 === 'FR';
        return err(
          france
            ? {
                code: 'missing-postal-code',
                message: `Pays « ${answer.country} » : pour la France, indiquez le code postal.`,
              }
            : z.error,
        );
      }
      return ok(fromZoneAnswer(z.value, 'user', 1, `Pays indiqué par vous : ${z.value.country.name}.`));
    }
    case 'postal-code': {
      const z = zoneOf(lookup, { postalCode: answer.postalCode, country: answer.country ?? null });
      if (!z.ok) return err(z.error);
      return ok(fromZoneAnswer(z.value, 'user', 1, `Code postal indiqué par vous : ${answer.postalCode}.`));
    }
  }
}

function establishmentLocation(
  e: DirectoryEstablishment,
  answer: Pick<DirectoryAnswer, 'zone' | 'department'>,
): Pick<SupplierLocation, 'zone' | 'department' | 'communeCode' | 'communeName' | 'country'> {
  const abroad = e.countryCode ? resolveCountry(e.countryCode) : undefined;
  const department = answer.department ?? e.department;
  const zone =
    answer.zone ??
    (abroad && abroad.alpha2 !== 'FR'
      ? abroad.eu
        ? 'europe'
        : 'world'
      : department
        ? zoneOfDepartment(department)
        : null);
  return {
    zone,
    department: abroad && !abroad.france ? null : department,
    communeCode: e.commune?.code ?? null,
    communeName: e.commune?.name ?? null,
    country: abroad?.alpha2 ?? 'FR',
  };
}

function directoryLocation(d: DirectoryAnswer, threshold: number): SupplierLocation | null {
  const best = d.establishment ?? d.candidates[0] ?? null;
  if (!best || d.status === 'not_found') {
    if (d.status === 'found' && d.zone) {
      return {
        status: 'located',
        zone: d.zone,
        department: d.department,
        communeCode: null,
        communeName: null,
        country: d.zone === 'bretagne' || d.zone === 'france' ? 'FR' : null,
        method: d.method === 'postal_code' ? 'postal-code' : 'name',
        confidence: d.confidence,
        evidence: d.note,
      };
    }
    return null;
  }
  const method: SupplierLocation['method'] =
    d.method === 'siret'
      ? 'siret'
      : d.method === 'siren'
        ? 'siren'
        : d.method === 'postal_code'
          ? 'postal-code'
          : 'name';
  if (d.status === 'ambiguous') {
    // Several candidates: only the zone they all share is proposed (the directory says which),
    // never the first candidate's — that would favour whichever zone the directory covers best.
    if (!d.zone) return null;
    const one = d.candidates.length === 1 ? d.candidates[0] : undefined;
    const place = one
      ? establishmentLocation(one, d)
      : {
          zone: d.zone,
          department: d.department,
          communeCode: null,
          communeName: null,
          country: d.zone === 'bretagne' || d.zone === 'france' ? 'FR' : null,
        };
    return { status: 'proposed', ...place, method, confidence: d.confidence, evidence: d.note };
  }
  const place = establishmentLocation(best, d);
  if (place.zone === null) return null;
  const sure = method !== 'name' || d.confidence >= threshold;
  const where = place.communeName
    ? ` (${place.communeName}${place.department ? `, ${place.department}` : ''})`
    : '';
  const evidence =
    d.note.includes(best.name) || method === 'name'
      ? d.note
      : `${d.note} — ${best.name}${where}.`.replace(/\.\.$/, '.');
  return { status: sure ? 'located' : 'proposed', ...place, method, confidence: d.confidence, evidence };
}

/** Where a supplier is, by the pipeline above; null when nothing is known (to ask the user). */
export function locateSupplier(s: SupplierToLocate, ctx: LocateContext): SupplierLocation | null {
  const threshold = ctx.nameThreshold ?? DEFAULT_NAME_THRESHOLD;
  const answer = answerOf(ctx.answers, s.key);
  if (answer) {
    const fromUser = locationFromAnswer(answer, ctx.lookup);
    if (fromUser.ok) return fromUser.value;
  }
  const d = ctx.directory?.get(s.key);
  // 1. identifiers found in the directory
  if (d && d.status === 'found' && (d.method === 'siret' || d.method === 'siren')) {
    const loc = directoryLocation(d, threshold);
    if (loc) return loc;
  }
  // 2. postal code or country given with the supplier
  const ids = s.identifiers ?? {};
  const countryText = ids.countries?.[0] ?? '';
  for (const cp of ids.postalCodes ?? []) {
    const z = zoneOf(ctx.lookup, { postalCode: cp, country: countryText || null });
    if (z.ok)
      return fromZoneAnswer(z.value, 'postal-code', 0.9, `Code postal ${cp} fourni avec le fournisseur.`);
  }
  if (countryText !== '') {
    const z = zoneOf(ctx.lookup, { postalCode: '', country: countryText });
    if (z.ok)
      return fromZoneAnswer(
        z.value,
        'country',
        0.9,
        `Pays fourni avec le fournisseur : ${z.value.country.name}.`,
      );
  }
  if (d && d.status === 'found' && d.method === 'postal_code') {
    const loc = directoryLocation(d, threshold);
    if (loc) return loc;
  }
  // 3. legal form or currency → a proposal
  const nameLoc = d && d.method === 'name' ? directoryLocation(d, threshold) : null;
  const hint = countryHints(s.name, s.currencies ?? [])[0];
  if (hint && (hint.source === 'legal-form' || hint.confidence >= 0.6 || nameLoc?.status !== 'located')) {
    const country = resolveCountry(hint.countries[0] as string);
    if (country) {
      return {
        status: 'proposed',
        zone: country.france ? 'france' : country.eu ? 'europe' : 'world',
        department: null,
        communeCode: null,
        communeName: null,
        country: country.alpha2,
        method: hint.source === 'name' ? 'name' : hint.source,
        confidence: hint.confidence,
        evidence: hint.evidence,
      };
    }
  }
  // 4. the name, matched by the directory
  return nameLoc;
}

/** What to send to the directory for each supplier: names, identifiers and postal codes — no amount. */
export function supplierQuery(s: SupplierToLocate): SupplierQuery {
  const ids = s.identifiers ?? {};
  const q: SupplierQuery = { key: s.key.slice(0, 200) };
  if (s.name.trim() !== '') q.name = s.name.trim().slice(0, 300);
  const siret = ids.siret?.[0];
  const siren = ids.siren?.[0];
  const cp = ids.postalCodes?.[0];
  const country = ids.countries?.[0];
  if (siret) q.siret = siret;
  if (siren) q.siren = siren;
  if (cp) q.postalCode = cp;
  if (country) q.country = country.slice(0, 60);
  return q;
}

/** Splits the queries into batches the resolve endpoint accepts. */
export function resolveBatches(
  queries: readonly SupplierQuery[],
  size = RESOLVE_BATCH_SIZE,
): SupplierQuery[][] {
  const out: SupplierQuery[][] = [];
  for (let i = 0; i < queries.length; i += size) out.push(queries.slice(i, i + size));
  return out;
}
