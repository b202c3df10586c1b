// A foreign legal form or invoice currency → a country to propose (never to assume).
import { currencyCountries } from './legal-forms.ts';
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
  for (const form of normaliseName(name).legalForms) {
    if (form.countries.length === 0) continue;
    hints.push({
      countries: form.countries,
      source: 'legal-form',
      confidence: form.confidence,
      evidence: `Forme juridique « ${form.label} » : pays probable ${form.countries.map(countryName).join(' ou ')} — à confirmer.`,
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
