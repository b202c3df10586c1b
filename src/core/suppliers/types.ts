// The contract of core/suppliers: how a supplier is described to the directory (never with an
// amount), what the directory answers, and what the user answers for the rest.
import type { IbalZone } from '../ibal/types.ts';

/** What is sent to `POST /api/v1/suppliers/resolve` (structurally the same as src/api/suppliers.ts). */
export interface SupplierQuery {
  key: string;
  name?: string;
  siret?: string;
  siren?: string;
  postalCode?: string;
  country?: string;
}

export interface DirectoryEstablishment {
  siret: string;
  name: string;
  commune: { code: string; name: string } | null;
  department: string | null;
  /** INSEE country code (99xxx) for an establishment abroad. */
  countryCode: string | null;
}

/** One answer of the directory (structurally the same as ResolvedSupplier in src/api/suppliers.ts). */
export interface DirectoryAnswer {
  key: string;
  status: 'found' | 'ambiguous' | 'not_found';
  method: 'siret' | 'siren' | 'postal_code' | 'name' | null;
  confidence: number;
  establishment: DirectoryEstablishment | null;
  zone: IbalZone | null;
  department: string | null;
  candidates: (DirectoryEstablishment & { score: number })[];
  note: string;
}

/** What the user said about a supplier (or an unattributed group), by key. */
export type UserAnswer =
  | { kind: 'postal-code'; postalCode: string; country?: string }
  | { kind: 'country'; country: string }
  | {
      kind: 'zone';
      zone: IbalZone;
      department?: string;
      /** The establishment the user picked among namesakes (or confirmed), so the trace names it. */
      establishment?: ChosenEstablishment;
    }
  | { kind: 'ignore' };

/** An establishment of the directory chosen by the user: what the location rests on. */
export interface ChosenEstablishment {
  siret: string;
  communeCode?: string;
  communeName?: string;
}

export type UserAnswers = ReadonlyMap<string, UserAnswer> | Record<string, UserAnswer>;

/** A country guessed from a legal form or a currency, to be confirmed. */
export interface CountryHint {
  /** ISO alpha-2 candidates, most likely first. */
  countries: string[];
  source: 'legal-form' | 'currency' | 'name';
  confidence: number;
  /** In French. */
  evidence: string;
}
