// The contract of core/ibal: supplier locations in, the Indice breton de l'achat local out
// (DESIGN.md §5). All amounts are integer cents; percentages are computed from cents and
// rounded only for display.
import type { Cents } from '../shared/index.ts';
import type { Period } from '../purchases/types.ts';
import { IBAL_ZONES, type IbalZone } from '../geo/index.ts';

/** The four zones of the IBAL (core/geo): Bretagne; France outside Bretagne; EU outside France; outside the EU. */
export type { IbalZone };
export const ibalZones: readonly IbalZone[] = IBAL_ZONES;

/** How a supplier was located, from the surest to the weakest. */
export type LocationMethod =
  'siret' | 'siren' | 'postal-code' | 'commune' | 'country' | 'name' | 'legal-form' | 'currency' | 'user';

/**
 * - located: counts in the zones;
 * - proposed: a guess (legal form, currency, a weak name match) waiting for the user's
 *   confirmation — counted as unlocated meanwhile;
 * - ignored: the user chose to leave this spend out of the measure (intra-group, taxes...).
 */
export type LocationStatus = 'located' | 'proposed' | 'ignored';

export interface SupplierLocation {
  status: LocationStatus;
  zone: IbalZone | null;
  /** Department code ('29', '2A', '971') for France, else null. */
  department: string | null;
  /** INSEE commune code (COG) when known. */
  communeCode: string | null;
  communeName: string | null;
  /** ISO 3166-1 alpha-2 ('FR', 'DE'), null when unknown. */
  country: string | null;
  method: LocationMethod;
  /** 0..1. */
  confidence: number;
  /** In French, what the location rests on ("SIRET 123… trouvé dans l'annuaire, commune de Brest"). */
  evidence: string;
}

/** One amount to place in a zone: a supplier's spend or a group of unattributed purchases. */
export interface IbalItem {
  key: string;
  name: string;
  kind: 'supplier' | 'unattributed';
  amountCents: Cents;
  /** Per purchase category (3-digit PCG account). */
  byCategory: Record<string, Cents>;
  location: SupplierLocation | null;
}

export type ZoneCents = Record<IbalZone | 'unlocated', Cents>;

export interface IbalIndex {
  /** Share of located spend in Bretagne, percent (null when nothing is located). */
  bretagne: number | null;
  /** Bretagne + rest of France, percent. */
  france: number | null;
  /** Bretagne + France + rest of the EU, percent. */
  europe: number | null;
}

export interface IbalMethod {
  id: 'ibal';
  version: string;
}

export interface IbalSupplierRow {
  key: string;
  name: string;
  kind: 'supplier' | 'unattributed';
  amountCents: Cents;
  /** null when not located (including proposals not confirmed). */
  zone: IbalZone | null;
  status: LocationStatus | 'unlocated';
  department: string | null;
  country: string | null;
  method: LocationMethod | null;
  confidence: number;
  evidence: string;
}

export interface IbalCategoryRow {
  code: string;
  label: string;
  totalCents: Cents;
  zones: ZoneCents;
}

export interface IbalDepartmentRow {
  department: string;
  zone: IbalZone;
  amountCents: Cents;
}

export interface BadgeEligibility {
  eligible: boolean;
  /** In French, why not (coverage below the threshold, nothing located...); null when eligible. */
  reason: string | null;
}

export interface IbalResult {
  method: IbalMethod;
  period: Period | null;
  /** Year shown on the badge: the year of the period's end. */
  year: number | null;
  /** Spend in the measure (ignored spend excluded). */
  totalCents: Cents;
  /** Spend located in one of the four zones. */
  locatedCents: Cents;
  zones: ZoneCents;
  /** Cumulative percentages on located spend. */
  index: IbalIndex;
  /** Located spend / total spend, percent (null when total is zero). Always shown beside the index. */
  coverage: number | null;
  /** Spend located in Loire-Atlantique (44): counted in "france", shown apart as information. */
  loireAtlantiqueCents: Cents;
  /** Spend of purchases with no supplier line (part of totalCents). */
  unattributedCents: Cents;
  /** Spend the user chose to leave out (not in totalCents). */
  ignoredCents: Cents;
  byCategory: IbalCategoryRow[];
  byDepartment: IbalDepartmentRow[];
  /** Largest first. */
  bySupplier: IbalSupplierRow[];
  badge: BadgeEligibility;
}
