// Anti-corruption layer for the SIRENE stock files (INSEE, layout of 2019 and after): columns
// are found by header name (53 or 54 columns: `activitePrincipaleNAF25Etablissement` came in
// late 2025), raw rows are mapped once into typed records. A masked value "[ND]" (partially
// diffusible record) becomes null and is never stored.
import { nafLabel, nafSectionOf, parseNafSubclass } from './naf.ts';
import { isLambert93, lambert93ToWgs84 } from './lambert.ts';

export const establishmentColumns = {
  required: [
    'siren',
    'siret',
    'statutDiffusionEtablissement',
    'dateCreationEtablissement',
    'trancheEffectifsEtablissement',
    'anneeEffectifsEtablissement',
    'etablissementSiege',
    'numeroVoieEtablissement',
    'typeVoieEtablissement',
    'libelleVoieEtablissement',
    'codePostalEtablissement',
    'libelleCommuneEtablissement',
    'codeCommuneEtablissement',
    'codePaysEtrangerEtablissement',
    'libellePaysEtrangerEtablissement',
    'etatAdministratifEtablissement',
    'enseigne1Etablissement',
    'denominationUsuelleEtablissement',
    'activitePrincipaleEtablissement',
    'nomenclatureActivitePrincipaleEtablissement',
  ],
  optional: [
    'complementAdresseEtablissement',
    'indiceRepetitionEtablissement',
    'distributionSpecialeEtablissement',
    'libelleCommuneEtrangerEtablissement',
    'coordonneeLambertAbscisseEtablissement',
    'coordonneeLambertOrdonneeEtablissement',
    'activitePrincipaleNAF25Etablissement',
  ],
} as const;

export const legalUnitColumns = {
  required: [
    'siren',
    'statutDiffusionUniteLegale',
    'denominationUniteLegale',
    'nomUniteLegale',
    'prenomUsuelUniteLegale',
    'sigleUniteLegale',
  ],
  optional: ['nomUsageUniteLegale', 'prenom1UniteLegale'],
} as const;

export type Layout<C extends string> = Record<C, number>;

export class LayoutError extends Error {}

/** Column positions by name, or a French error naming the missing columns. */
export function columnsOf<R extends string, O extends string>(
  header: readonly string[],
  spec: { required: readonly R[]; optional: readonly O[] },
  what: string,
  file: string,
): Layout<R> & Partial<Layout<O>> {
  const at = new Map(header.map((h, i) => [h, i]));
  const missing = spec.required.filter((c) => !at.has(c));
  if (missing.length > 0) {
    const hint =
      header.some((h) => /^(SIREN|NIC|L1_NORMALISEE|APET700)$/.test(h)) || header.length < 10
        ? ' Il ressemble à l’ancien format SIRENE (avant 2019) ou à un autre fichier.'
        : '';
    throw new LayoutError(
      `Le fichier « ${file} » n’est pas ${what} au format SIRENE en vigueur (depuis 2019) : ` +
        `${missing.length} colonne(s) manquante(s) : ${missing.join(', ')}.${hint} ` +
        'Téléchargez le fichier « Stock » actuel sur data.gouv.fr (base SIRENE des entreprises et de leurs établissements).',
    );
  }
  const layout: Record<string, number> = {};
  for (const c of [...spec.required, ...spec.optional]) {
    const i = at.get(c);
    if (i !== undefined) layout[c] = i;
  }
  return layout as Layout<R> & Partial<Layout<O>>;
}

export type EstablishmentLayout = ReturnType<typeof establishmentLayout>;
export const establishmentLayout = (header: readonly string[], file: string) =>
  columnsOf(header, establishmentColumns, 'un fichier des établissements', file);
export type LegalUnitLayout = ReturnType<typeof legalUnitLayout>;
export const legalUnitLayout = (header: readonly string[], file: string) =>
  columnsOf(header, legalUnitColumns, 'un fichier des unités légales', file);

/** A cell, trimmed; null when empty or masked ("[ND]"). */
export function cell(row: readonly string[], index: number | undefined): string | null {
  if (index === undefined) return null;
  const v = row[index]?.trim();
  if (!v || v === '[ND]') return null;
  return v;
}

export interface EstablishmentRecord {
  siret: string;
  siren: string;
  enseigne: string | null;
  usualName: string | null;
  nafCode: string | null;
  naf25Code: string | null;
  section: string | null;
  nafLabel: string | null;
  communeCode: string | null;
  communeName: string | null;
  postalCode: string | null;
  address: string | null;
  addressExtra: string | null;
  countryCode: string | null;
  countryName: string | null;
  headcountBand: string | null;
  headcountYear: number | null;
  createdOn: string | null;
  headOffice: boolean;
  active: boolean;
  diffusion: 'O' | 'P';
  /** From the Lambert-93 columns of the file itself, when present. */
  point: { lat: number; lon: number } | null;
}

export type RowProblem = 'siret' | 'commune';

/** Street type abbreviations of SIRENE (typeVoieEtablissement), the common ones spelt out. */
const streetTypes: Record<string, string> = {
  AV: 'avenue',
  BD: 'boulevard',
  CHE: 'chemin',
  IMP: 'impasse',
  PL: 'place',
  QUA: 'quartier',
  QU: 'quai',
  RTE: 'route',
  RUE: 'rue',
  ALL: 'allée',
  LD: 'lieu-dit',
  ZA: 'ZA',
  ZI: 'ZI',
  ZAC: 'ZAC',
  SQ: 'square',
  PRO: 'promenade',
  CRS: 'cours',
  VOI: 'voie',
  HAM: 'hameau',
  RPT: 'rond-point',
  PARC: 'parc',
  RES: 'résidence',
  VLA: 'villa',
  FG: 'faubourg',
  SEN: 'sentier',
  CAR: 'carrefour',
  ESP: 'esplanade',
  TSSE: 'terrasse',
  CITE: 'cité',
  DOM: 'domaine',
  PORT: 'port',
};

/** A street type as written in an address: spelt out when common, else in lower case. */
export const streetType = (raw: string): string => streetTypes[raw.toUpperCase()] ?? raw.toLowerCase();

// A file has a few hundred distinct NAF codes: each is parsed and labelled once.
const nafCache = new Map<string, { code: string; section: string | null; label: string | null } | null>();
/** A raw NAF rev. 2 value → its sub-class, section and label, or null when it is not one. */
export function nafOf(raw: string) {
  let naf = nafCache.get(raw);
  if (naf === undefined) {
    const code = parseNafSubclass(raw);
    naf = code ? { code, section: nafSectionOf(code) ?? null, label: nafLabel(code) ?? null } : null;
    if (nafCache.size < 10_000) nafCache.set(raw, naf);
  }
  return naf;
}

const isoDate = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);
const digitPatterns: Record<number, RegExp> = { 5: /^\d{5}$/, 9: /^\d{9}$/, 14: /^\d{14}$/ };
const digits = (v: string | null, len: 5 | 9 | 14) => (v && digitPatterns[len]!.test(v) ? v : null);

/** The non-empty parts joined by `sep`, or null when there is none (no array per row). */
function joined(sep: string, ...parts: (string | null)[]): string | null {
  let out = '';
  for (const p of parts) if (p) out = out === '' ? p : out + sep + p;
  return out === '' ? null : out;
}

export function mapEstablishment(
  row: readonly string[],
  l: EstablishmentLayout,
): EstablishmentRecord | RowProblem {
  const siret = digits(cell(row, l.siret), 14);
  if (!siret) return 'siret';
  const siren = digits(cell(row, l.siren), 9) ?? siret.slice(0, 9);
  const diffusion = cell(row, l.statutDiffusionEtablissement) === 'O' ? 'O' : 'P';
  const isPublic = diffusion === 'O';

  const countryCode = digits(cell(row, l.codePaysEtrangerEtablissement), 5);
  const communeCodeRaw = cell(row, l.codeCommuneEtablissement)?.toUpperCase() ?? null;
  const communeCode = communeCodeRaw && /^(\d{5}|2[AB]\d{3})$/.test(communeCodeRaw) ? communeCodeRaw : null;
  if (!communeCode && !countryCode) return 'commune';

  const nomenclature = cell(row, l.nomenclatureActivitePrincipaleEtablissement);
  const nafRaw = cell(row, l.activitePrincipaleEtablissement);
  // Old nomenclatures (NAP, NAF 1993, NAF rev. 1) are ignored: only NAF rev. 2 codes are kept.
  const naf = nafRaw && (nomenclature === 'NAFRev2' || nomenclature === null) ? nafOf(nafRaw) : null;
  const naf25Raw = cell(row, l.activitePrincipaleNAF25Etablissement);
  const naf25Code = naf25Raw ? naf25Raw.toUpperCase() : null;

  // The street is never public for a partially diffusible record: not even built.
  let street: string | null = null;
  let extra: string | null = null;
  if (isPublic) {
    const typeRaw = cell(row, l.typeVoieEtablissement);
    street = joined(
      ' ',
      cell(row, l.numeroVoieEtablissement),
      cell(row, l.indiceRepetitionEtablissement),
      typeRaw ? streetType(typeRaw) : null,
      titleCase(cell(row, l.libelleVoieEtablissement), true),
    );
    extra = joined(
      ', ',
      titleCase(cell(row, l.complementAdresseEtablissement)),
      cell(row, l.distributionSpecialeEtablissement),
    );
  }

  const band = cell(row, l.trancheEffectifsEtablissement);
  const year = cell(row, l.anneeEffectifsEtablissement);

  let point: { lat: number; lon: number } | null = null;
  const x = Number(cell(row, l.coordonneeLambertAbscisseEtablissement) ?? NaN);
  const y = Number(cell(row, l.coordonneeLambertOrdonneeEtablissement) ?? NaN);
  // Lambert-93 only in metropolitan France; overseas files use local projections (ignored).
  if (
    communeCode &&
    !communeCode.startsWith('97') &&
    Number.isFinite(x) &&
    Number.isFinite(y) &&
    isLambert93(x, y)
  ) {
    point = lambert93ToWgs84(x, y);
  }

  return {
    siret,
    siren,
    enseigne: cell(row, l.enseigne1Etablissement),
    usualName: cell(row, l.denominationUsuelleEtablissement),
    nafCode: naf?.code ?? null,
    naf25Code,
    section: naf?.section ?? null,
    nafLabel: naf?.label ?? null,
    communeCode,
    communeName: communeCode
      ? cell(row, l.libelleCommuneEtablissement)
      : cell(row, l.libelleCommuneEtrangerEtablissement),
    // INSEE masks what is not public with [ND] (null here): a postal code it publishes for a
    // partially diffusible establishment is public, like its commune; the street never is.
    postalCode: cell(row, l.codePostalEtablissement),
    address: street,
    addressExtra: extra,
    countryCode: communeCode ? null : countryCode,
    countryName: communeCode ? null : titleCase(cell(row, l.libellePaysEtrangerEtablissement)),
    headcountBand: band && /^(NN|\d\d)$/.test(band) ? band : null,
    headcountYear: year && /^\d{4}$/.test(year) ? Number(year) : null,
    createdOn: isoDate(cell(row, l.dateCreationEtablissement)),
    headOffice: cell(row, l.etablissementSiege) === 'true',
    active: cell(row, l.etatAdministratifEtablissement) !== 'F',
    diffusion,
    point: isPublic ? point : null,
  };
}

export interface LegalUnitRecord {
  siren: string;
  legalName: string | null;
  /** "Prénom Nom" of a physical person, only when the legal unit is fully public. */
  personName: string | null;
  sigle: string | null;
  diffusion: 'O' | 'P';
}

export function mapLegalUnit(row: readonly string[], l: LegalUnitLayout): LegalUnitRecord | null {
  const siren = digits(cell(row, l.siren), 9);
  if (!siren) return null;
  const diffusion = cell(row, l.statutDiffusionUniteLegale) === 'O' ? 'O' : 'P';
  const legalName = cell(row, l.denominationUniteLegale);
  let personName: string | null = null;
  if (!legalName && diffusion === 'O') {
    const last = cell(row, l.nomUsageUniteLegale) ?? cell(row, l.nomUniteLegale);
    const first = cell(row, l.prenomUsuelUniteLegale) ?? cell(row, l.prenom1UniteLegale);
    personName = [titleCase(first), last].filter(Boolean).join(' ') || null;
  }
  const sigle = cell(row, l.sigleUniteLegale)?.replace(/\./g, '').trim() || null;
  return { siren, legalName, personName, sigle, diffusion };
}

const smallWords = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'l', 'd', 'et', 'sur', 'en', 'aux', 'au']);
// Street and commune names repeat across a file: each spelling is converted once (bounded caches).
const titleCache = [new Map<string, string>(), new Map<string, string>()] as const;

/** "LEONCE DE SEYNES" → "Leonce de Seynes" (for addresses and first names; company names stay as filed). */
export function titleCase(v: string | null, continuing = false): string | null {
  if (!v) return v;
  if (v !== v.toUpperCase()) return v;
  const cache = titleCache[continuing ? 1 : 0];
  let out = cache.get(v);
  if (out === undefined) {
    out = v
      .toLowerCase()
      .split(/(\s+|-|')/)
      .map((w, i) =>
        (i > 0 || continuing) && smallWords.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1),
      )
      .join('');
    if (cache.size >= 50_000) cache.clear();
    cache.set(v, out);
  }
  return out;
}

/** The name shown for an establishment: the legal unit's, else the enseigne, never a masked value. */
export function displayName(e: EstablishmentRecord, lu: LegalUnitRecord | undefined): string {
  return (
    lu?.legalName ??
    lu?.personName ??
    e.enseigne ??
    e.usualName ??
    (e.diffusion === 'P' || lu?.diffusion === 'P' ? 'Nom non diffusé' : `Entreprise SIREN ${e.siren}`)
  );
}
