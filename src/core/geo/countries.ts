// Countries: ISO 3166-1 alpha-2 / alpha-3, INSEE 99xxx codes and French or English names
// (case- and accent-insensitive) all resolve to one ISO alpha-2 code with its French name.
// Names and codes come from `i18n-iso-countries` (MIT); INSEE codes from ./insee-countries.ts.
import codes from 'i18n-iso-countries/codes.json' with { type: 'json' };
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import { isEuMember } from './eu-members.ts';
import { INSEE_COUNTRY_CODES } from './insee-countries.ts';
import { foldText } from './text.ts';

export interface Country {
  /** ISO 3166-1 alpha-2, e.g. `DE` (Greece is `GR`, the United Kingdom `GB`). */
  alpha2: string;
  alpha3: string;
  /** French name, e.g. « Allemagne ». */
  name: string;
  /** INSEE code (99xxx) when known; `null` for France's overseas territories and unlisted countries. */
  inseeCode: string | null;
  /** Member of the European Union (France included). */
  eu: boolean;
  /** France or one of its overseas departments and collectivities (their own ISO codes: GP, RE, NC…). */
  france: boolean;
}

/** ISO codes that France's overseas departments and collectivities carry. */
export const FRENCH_OVERSEAS_ISO: readonly string[] = [
  'GP',
  'MQ',
  'GF',
  'RE',
  'YT',
  'PM',
  'BL',
  'MF',
  'WF',
  'PF',
  'NC',
  'TF',
];

/** Codes used outside ISO 3166-1: the EU writes Greece `EL`, and `UK` is everywhere. */
const CODE_ALIASES: Record<string, string> = { EL: 'GR', UK: 'GB' };

/** Usual names that neither locale of i18n-iso-countries carries. */
const NAME_ALIASES: Record<string, string> = {
  angleterre: 'GB',
  'grande bretagne': 'GB',
  ecosse: 'GB',
  hollande: 'NL',
  tchequie: 'CZ',
  'republique tcheque': 'CZ',
  'etats unis': 'US',
  usa: 'US',
  'coree du sud': 'KR',
  'republique de coree': 'KR',
  'chine populaire': 'CN',
  'republique populaire de chine': 'CN',
  turquie: 'TR',
  russie: 'RU',
  'viet nam': 'VN',
  vietnam: 'VN',
  macedoine: 'MK',
  'la reunion': 'RE',
};

type Names = Record<string, string | string[]>;
const frNames = fr.countries as Names;
const enNames = en.countries as Names;
const firstName = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

const alpha3ByAlpha2 = new Map<string, string>();
const alpha2ByAlpha3 = new Map<string, string>();
for (const row of codes as string[][]) {
  const [a2, a3] = row;
  if (a2 && a3) {
    alpha3ByAlpha2.set(a2, a3);
    alpha2ByAlpha3.set(a3, a2);
  }
}

const inseeByAlpha2 = new Map<string, string>();
for (const [insee, a2] of Object.entries(INSEE_COUNTRY_CODES.value)) {
  if (!inseeByAlpha2.has(a2)) inseeByAlpha2.set(a2, insee);
}

const alpha2ByName = new Map<string, string>();
for (const names of [enNames, frNames]) {
  for (const [a2, value] of Object.entries(names)) {
    for (const name of Array.isArray(value) ? value : [value]) alpha2ByName.set(foldText(name), a2);
  }
}
for (const [name, a2] of Object.entries(NAME_ALIASES)) alpha2ByName.set(name, a2);

const overseas = new Set(FRENCH_OVERSEAS_ISO);

function countryOf(alpha2: string): Country | undefined {
  const alpha3 = alpha3ByAlpha2.get(alpha2);
  const name = firstName(frNames[alpha2]);
  if (!alpha3 || !name) return undefined;
  return {
    alpha2,
    alpha3,
    name,
    inseeCode: inseeByAlpha2.get(alpha2) ?? null,
    eu: isEuMember(alpha2),
    france: alpha2 === 'FR' || overseas.has(alpha2),
  };
}

/**
 * Resolves `DE`, `deu`, `99109`, `Allemagne`, `allemagne`, `Germany`, `EL`, `UK`… to a country.
 * Returns undefined for an empty or unknown input.
 */
export function resolveCountry(input: string): Country | undefined {
  const raw = input.trim();
  if (raw === '') return undefined;
  if (/^99\d{3}$/.test(raw)) {
    const a2 = INSEE_COUNTRY_CODES.value[raw];
    return a2 ? countryOf(a2) : undefined;
  }
  const upper = raw.toUpperCase();
  if (/^[A-Z]{2}$/.test(upper)) return countryOf(CODE_ALIASES[upper] ?? upper);
  if (/^[A-Z]{3}$/.test(upper)) {
    const a2 = alpha2ByAlpha3.get(upper);
    if (a2) return countryOf(a2);
  }
  const a2 = alpha2ByName.get(foldText(raw));
  return a2 ? countryOf(a2) : undefined;
}

export const FRANCE: Country = countryOf('FR')!;
