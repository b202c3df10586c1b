// The European Union's member states: the "Europe" zone of the IBAL (DESIGN.md §5: the
// programme's sheet speaks of "international hors UE"). Written once, here, with its source.
import type { Sourced } from './sourced.ts';

/**
 * EU-27, ISO 3166-1 alpha-2 codes. Greece is `GR` here (ISO); the EU's own protocol
 * writes it `EL` — `resolveCountry` maps `EL` to `GR`. The United Kingdom left on 2020-02-01.
 */
export const EU_MEMBERS: Sourced<readonly string[]> = {
  value: [
    'AT',
    'BE',
    'BG',
    'HR',
    'CY',
    'CZ',
    'DK',
    'EE',
    'FI',
    'FR',
    'DE',
    'GR',
    'HU',
    'IE',
    'IT',
    'LV',
    'LT',
    'LU',
    'MT',
    'NL',
    'PL',
    'PT',
    'RO',
    'SK',
    'SI',
    'ES',
    'SE',
  ],
  source:
    'Union européenne, « Pays de l’UE » (european-union.europa.eu/principles-countries-history/eu-countries) ; Conseil de l’UE, États membres',
  asOf: '2026-11-26',
  reviewBy: '2027-06-30',
};

const members = new Set(EU_MEMBERS.value);

/** Whether an ISO alpha-2 code is an EU member state (France included). */
export const isEuMember = (alpha2: string): boolean => members.has(alpha2);
