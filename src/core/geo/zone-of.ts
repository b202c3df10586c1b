// (commune | postal code + country) → IBAL zone, with Loire-Atlantique flagged apart.
import { err, ok, type Problem, type Result } from '../shared/index.ts';
import { FRANCE, resolveCountry, type Country } from './countries.ts';
import type { PlaceLookup } from './postal-table.ts';
import {
  departmentOfCommuneCode,
  infoOfDepartment,
  isFrenchDepartmentCode,
  zoneOfDepartment,
  type IbalZone,
  type ZoneInfo,
} from './zones.ts';

export type ZoneQuery = { communeCode: string } | { postalCode: string; country?: string | null };

/**
 * How the zone was found:
 * - `commune`: from the INSEE commune code (the reliable way, DESIGN.md §5);
 * - `postal-code`: from La Poste's postal code → communes base;
 * - `postal-prefix`: the code is not in the base (a CEDEX code, a new code): its first two
 *   digits (three overseas) are taken as the department — an approximation, flagged;
 * - `country`: a foreign country, no postal code needed.
 */
export type ZoneBasis = 'commune' | 'postal-code' | 'postal-prefix' | 'country';

export interface ZoneAnswer {
  zone: IbalZone;
  /** `loire-atlantique` when the place is in (or may be in) department 44: shown apart, counted in France. */
  info: ZoneInfo | null;
  country: Pick<Country, 'alpha2' | 'name'>;
  /** French departments the place may be in (several when a postal code spans departments). */
  departments: string[];
  basis: ZoneBasis;
  approximate: boolean;
  /** The postal code spans departments of different zones: the zone is the one of its most populous commune. */
  ambiguous: boolean;
}

export type ZoneProblem = Problem<
  'unknown-country' | 'unknown-postal-code' | 'missing-postal-code' | 'unknown-commune'
>;

/** `29200`, ` 29 200 `, `29200 CEDEX 2`, `F-29200` → `29200`; undefined when no 5-digit code is there. */
export function normalisePostalCode(raw: string): string | undefined {
  const m = /^\s*(?:F\s*-\s*)?(\d{2})\s?(\d{3})(?:\s+CEDEX(?:\s+\d+)?)?\s*$/i.exec(raw);
  return m ? `${m[1]}${m[2]}` : undefined;
}

function prefixDepartment(cp: string): string | undefined {
  const dep = cp.startsWith('97') || cp.startsWith('98') ? cp.slice(0, 3) : cp.slice(0, 2);
  if (dep === '20') return Number(cp) < 20200 ? '2A' : '2B';
  return isFrenchDepartmentCode(dep) ? dep : undefined;
}

function frenchAnswer(departments: string[], basis: ZoneBasis, approximate: boolean): ZoneAnswer {
  const zones = new Set(departments.map(zoneOfDepartment));
  return {
    zone: zoneOfDepartment(departments[0]!),
    info: departments.some((d) => infoOfDepartment(d)) ? 'loire-atlantique' : null,
    country: { alpha2: FRANCE.alpha2, name: FRANCE.name },
    departments,
    basis,
    approximate,
    ambiguous: zones.size > 1,
  };
}

/** The IBAL zone of a commune, or of a postal code in a country (France when the country is empty). */
export function zoneOf(lookup: PlaceLookup, query: ZoneQuery): Result<ZoneAnswer, ZoneProblem> {
  if ('communeCode' in query) {
    const dep = lookup.departmentOfCommune?.(query.communeCode) ?? departmentOfCommuneCode(query.communeCode);
    if (!dep) {
      return err({
        code: 'unknown-commune',
        message: `Code commune « ${query.communeCode} » inconnu : indiquez le code INSEE à 5 caractères (ex. 29019 pour Brest).`,
      });
    }
    return ok(frenchAnswer([dep], 'commune', false));
  }

  const countryInput = query.country?.trim() ?? '';
  const country = countryInput === '' ? FRANCE : resolveCountry(countryInput);
  if (!country) {
    return err({
      code: 'unknown-country',
      message: `Pays « ${countryInput} » inconnu : indiquez un code ISO (DE, DEU), un code INSEE (99109) ou un nom (Allemagne).`,
    });
  }
  if (!country.france) {
    return ok({
      zone: country.eu ? 'europe' : 'world',
      info: null,
      country: { alpha2: country.alpha2, name: country.name },
      departments: [],
      basis: 'country',
      approximate: false,
      ambiguous: false,
    });
  }
  if (country.alpha2 !== 'FR' && query.postalCode.trim() === '') {
    // An overseas territory given by its own ISO code (RE, NC…): France, whatever the postal code.
    return ok({
      zone: 'france',
      info: null,
      country: { alpha2: country.alpha2, name: country.name },
      departments: [],
      basis: 'country',
      approximate: false,
      ambiguous: false,
    });
  }
  if (query.postalCode.trim() === '') {
    return err({
      code: 'missing-postal-code',
      message:
        'Code postal manquant : sans lui on ne peut pas savoir si le fournisseur est en Bretagne. Ajoutez-le.',
    });
  }
  const cp = normalisePostalCode(query.postalCode);
  const known = cp ? lookup.departmentsOfPostalCode(cp) : [];
  if (known.length > 0) return ok(frenchAnswer([...known], 'postal-code', false));
  const dep = cp ? prefixDepartment(cp) : undefined;
  if (dep) return ok(frenchAnswer([dep], 'postal-prefix', true));
  return err({
    code: 'unknown-postal-code',
    message: `Code postal « ${query.postalCode} » inconnu en France : vérifiez-le (5 chiffres, ex. 29200) ou le pays.`,
  });
}
