// A foreign legal form, a country named in the name, or the invoice currency → a country to
// propose (never to assume).
import { countryWords, currencyCountries } from './legal-forms.ts';
import { normaliseName } from './normalise.ts';
import type { CountryHint } from './types.ts';

const countryNames = new Intl.DisplayNames(['fr'], { type: 'region' });
export const countryName = (alpha2: string): string => {
  try {
    return countryNames.of(alpha2) ?? alpha2;
  } catch {
    return alpha2;
  }
};

/** Hints from the name's legal form and the invoice currencies, the strongest first. */
export function countryHints(name: string, currencies: readonly string[] = []): CountryHint[] {
  const hints: CountryHint[] = [];
  const normalised = normaliseName(name);
  const named = normalised.tokens.map((t) => countryWords[t]).find((c) => c !== undefined);
  let namedUsed = false;
  for (const form of normalised.legalForms) {
    if (form.countries.length === 0) continue;
    const agrees = named !== undefined && form.countries.includes(named);
    if (agrees) namedUsed = true;
    const countries = agrees ? [named, ...form.countries.filter((c) => c !== named)] : form.countries;
    hints.push({
      countries,
      source: 'legal-form',
      confidence: agrees ? Math.min(0.9, Math.round((form.confidence + 0.25) * 100) / 100) : form.confidence,
      evidence: agrees
        ? `Forme juridique « ${form.label} » et nom citant ${countryName(named)} : pays probable ${countryName(named)} — à confirmer.`
        : `Forme juridique « ${form.label} » : pays probable ${countries.map(countryName).join(' ou ')} — à confirmer.`,
    });
  }
  if (named !== undefined && !namedUsed && named !== 'FR') {
    hints.push({
      countries: [named],
      source: 'name',
      confidence: 0.5,
      evidence: `Le nom du fournisseur cite ${countryName(named)} : pays probable à confirmer.`,
    });
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
