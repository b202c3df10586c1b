// What a supplier's name alone can prove about where it is. A name is evidence only inside the
// directory it was looked up in: a directory of Breton establishments cannot prove a supplier is
// Breton, since a namesake elsewhere in France would simply be missing from it. So:
//   - a name locates only when it is exactly the name of ONE company of the whole directory
//     (same normalised name, or that name cut by the accounting software), all of its namesake
//     establishments in one zone;
//   - its confidence grows with how well the directory covers France outside Bretagne (its
//     "reach"): from NAME_ONLY_CONFIDENCE.min for a Breton-only directory to .max for a national one;
//   - anything else (homonyms, close names) is a proposal for the user to confirm.
import type { GeoIndex } from '../geo/index.ts';
import { isTruncationOf, normaliseName } from './normalise.ts';

/** Confidence of a name-only match, from a Breton-only directory (min) to a national one (max). */
export const NAME_ONLY_CONFIDENCE = { min: 0.6, max: 0.9 } as const;

const BRETAGNE_REGION = '53';

/** Establishments of the directory in France: in Bretagne and elsewhere (overseas included). */
export interface DirectoryCounts {
  bretagne: number;
  elsewhereInFrance: number;
}

/** Inhabitants of Bretagne and of the rest of France, from the communes of the COG. */
export interface PopulationSplit {
  bretagne: number;
  elsewhereInFrance: number;
}

export function populationSplit(geo: Pick<GeoIndex, 'communes'>): PopulationSplit {
  let bretagne = 0;
  let elsewhere = 0;
  for (const c of geo.communes()) {
    if (c.kind !== 'commune') continue; // arrondissements are counted in their commune
    if (c.regionCode === BRETAGNE_REGION) bretagne += c.population ?? 0;
    else elsewhere += c.population ?? 0;
  }
  return { bretagne, elsewhereInFrance: elsewhere };
}

/**
 * How completely the directory covers France outside Bretagne, 0..1: its establishments per
 * inhabitant there, divided by the same density in Bretagne (where the directory is complete by
 * design). 0 for a Breton-only import, about 1 for a national one (`import-sirene --all`).
 */
export function directoryReach(counts: DirectoryCounts, population: PopulationSplit): number {
  if (counts.elsewhereInFrance <= 0 || population.elsewhereInFrance <= 0) return 0;
  if (counts.bretagne <= 0 || population.bretagne <= 0) return 1;
  const outside = counts.elsewhereInFrance / population.elsewhereInFrance;
  const inside = counts.bretagne / population.bretagne;
  return Math.min(1, outside / inside);
}

/** Confidence of a supplier located by its name alone (exact and unique in the directory). */
export function nameOnlyConfidence(reach: number): number {
  const r = Math.max(0, Math.min(1, reach));
  const { min, max } = NAME_ONLY_CONFIDENCE;
  return Math.round((min + (max - min) * r) * 100) / 100;
}

/** Whether two names are the same name for locating: equal once normalised, or one cut from the other. */
export function sameSupplierName(supplier: string, directoryName: string): boolean {
  const a = normaliseName(supplier).text;
  return (a !== '' && a === normaliseName(directoryName).text) || isTruncationOf(supplier, directoryName);
}

/** In French, what the directory's reach means for a name-only match. */
export function reachCaveat(reach: number): string {
  if (reach >= 0.8) return '';
  const pct = Math.round(reach * 100);
  return pct < 1
    ? 'L’annuaire recense la Bretagne, pas le reste de la France : un homonyme hors de Bretagne n’y figurerait pas.'
    : `L’annuaire ne recense qu’environ ${pct} % des établissements hors de Bretagne : un homonyme ailleurs n’y figurerait peut-être pas.`;
}
