// A foreign legal form, a country named in the name, or the invoice currency → a country to
// propose (never to assume). A country the name spells out ("Atlantic Seafoods Ireland Ltd",
// "Hong Kong Packaging Co., Ltd") wins over the default country of a legal form shared by
// several countries; the currency keeps its own weight.
import { resolveCountry } from '../geo/index.ts';
import { countryWords, currencyCountries } from './legal-forms.ts';
import { foldName, normaliseName } from './normalise.ts';
import type { CountryHint } from './types.ts';

const countryNames = new Intl.DisplayNames(['fr'], { type: 'region' });
/** French name: i18n-iso-countries' (« Hong Kong »), else the browser's. */
export const countryName = (alpha2: string): string => {
  const known = resolveCountry(alpha2);
  if (known) return known.name;
  try {
    return countryNames.of(alpha2) ?? alpha2;
  } catch {
    return alpha2;
  }
};

/**
 * Country names (French or English, from i18n-iso-countries through core/geo) that are also
 * surnames, first names or common words in French company names: never read as a country.
 */
const NOT_A_COUNTRY = new Set([
  'jordan',
  'chad',
  'georgia',
  'georgie',
  'jersey',
  'guernesey',
  'guernsey',
  'niger',
  'mali',
  'togo',
  'oman',
  'peru',
  'perou',
  'chile',
  'chili',
  'cuba',
  'malta',
  'malte',
  'panama',
  'guinea',
  'guinee',
  'congo',
  'gabon',
  'benin',
  'samoa',
  'tonga',
  'nauru',
  'palau',
  'fiji',
  'aruba',
  'dominica',
  'dominique',
  'grenada',
  'grenade',
  'maurice',
  'salvador',
  'israel',
  'bermudes',
  'bermuda',
]);

/** The country a supplier's name spells out (not France), or undefined. Longest names first. */
export function countryNamedIn(name: string): string | undefined {
  const tokens = foldName(name);
  const curated = tokens.map((t) => countryWords[t]).find((c) => c !== undefined);
  if (curated && curated !== 'FR') return curated;
  for (const size of [4, 3, 2, 1]) {
    for (let i = 0; i + size <= tokens.length; i++) {
      const words = tokens.slice(i, i + size);
      const text = words.join(' ');
      if (text.length < 4 || /\d/.test(text) || NOT_A_COUNTRY.has(text)) continue;
      if (words[0] === 'saint' || words[0] === 'sainte' || words[0] === 'st') continue; // place names
      const country = resolveCountry(text);
      if (country && !country.france) return country.alpha2;
    }
  }
  return undefined;
}

/**
 * « S.A. » is a French form as much as a Spanish or Portuguese one, so on its own it proposes
 * nothing. Beside it, words of the name that French company names do not use tell the language:
 * Spanish articles and contractions, Portuguese ones. Both languages are spoken outside Europe
 * too, hence a weak proposal (to confirm) that a directory match outranks.
 */
const SA_LANGUAGE_WORDS: readonly {
  words: ReadonlySet<string>;
  country: string;
  language: string;
  speaking: string;
}[] = [
  { words: new Set(['del', 'los', 'las']), country: 'ES', language: 'espagnol', speaking: 'hispanophone' },
  { words: new Set(['dos', 'das', 'do']), country: 'PT', language: 'portugais', speaking: 'lusophone' },
];
const SA_LANGUAGE_CONFIDENCE = 0.45;

function saLanguageHint(
  name: string,
  normalisedForms: readonly { label: string }[],
): CountryHint | undefined {
  if (!normalisedForms.some((f) => f.label === 'SA')) return undefined;
  const tokens = foldName(name);
  for (const { words, country, language, speaking } of SA_LANGUAGE_WORDS) {
    const word = tokens.find((t) => words.has(t));
    if (word === undefined) continue;
    return {
      countries: [country],
      source: 'name',
      confidence: SA_LANGUAGE_CONFIDENCE,
      evidence: `Forme juridique « S.A. » et nom en ${language} (« ${word} ») : pays probable ${countryName(country)}, ou un autre pays ${speaking} — à confirmer.`,
    };
  }
  return undefined;
}

/** Hints from the name's legal form and the invoice currencies, the strongest first. */
export function countryHints(name: string, currencies: readonly string[] = []): CountryHint[] {
  const hints: CountryHint[] = [];
  const normalised = normaliseName(name);
  const named = countryNamedIn(name);
  const NAMED_CONFIDENCE = 0.6;
  let namedUsed = false;
  for (const form of normalised.legalForms) {
    if (form.countries.length === 0) continue;
    const agrees = named !== undefined && form.countries.includes(named);
    if (agrees) namedUsed = true;
    const countries = agrees ? [named, ...form.countries.filter((c) => c !== named)] : form.countries;
    hints.push({
      countries,
      source: 'legal-form',
      confidence: agrees
        ? Math.min(0.9, Math.round((form.confidence + 0.25) * 100) / 100)
        : named !== undefined
          ? // A named country the form does not list wins over the form's default country.
            Math.min(form.confidence, NAMED_CONFIDENCE - 0.05)
          : form.confidence,
      evidence: agrees
        ? `Forme juridique « ${form.label} » et nom citant ${countryName(named)} : pays probable ${countryName(named)} — à confirmer.`
        : `Forme juridique « ${form.label} » : pays probable ${countries.map(countryName).join(' ou ')} — à confirmer.`,
    });
  }
  if (named !== undefined && !namedUsed) {
    const form = normalised.legalForms.find((f) => f.countries.length > 0);
    hints.push({
      countries: [named],
      source: 'name',
      confidence: form ? NAMED_CONFIDENCE : 0.5,
      evidence: form
        ? `Le nom du fournisseur cite ${countryName(named)} (la forme juridique « ${form.label} » indiquerait plutôt ${countryName(form.countries[0] as string)}) : pays probable ${countryName(named)} — à confirmer.`
        : `Le nom du fournisseur cite ${countryName(named)} : pays probable à confirmer.`,
    });
  }
  if (hints.length === 0) {
    const language = saLanguageHint(name, normalised.legalForms);
    if (language) hints.push(language);
  }
  for (const code of currencies) {
    const c = currencyCountries[code.toUpperCase()];
    if (!c) continue;
    hints.push({
      countries: c.countries,
      source: 'currency',
      confidence: c.confidence,
      evidence: `Factures en ${code.toUpperCase()} : pays probable ${c.countries.map(countryName).join(' ou ')} — à confirmer.`,
    });
  }
  hints.sort((a, b) => b.confidence - a.confidence);
  // A legal form and a currency that agree reinforce each other.
  const top = hints[0];
  if (top && hints.slice(1).some((h) => h.source !== top.source && h.countries[0] === top.countries[0])) {
    top.confidence = Math.min(0.95, Math.round((top.confidence + 0.15) * 100) / 100);
  }
  return hints;
}
