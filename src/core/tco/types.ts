// The contract of the TCO calculator (../shared/TCO-MODEL.md): the scenario a buyer fills in (the same
// JSON for the API, the CLI and the web page's URL state) and the explained result.
//
// Units of inputs: money in euros (EUR) except an offer's `price`, which is in the offer's `currency`;
// rates are fractions (0.25 = 25 %), never percents; masses in kg; durations in days or weeks as named.
// Any numeric input may be a point (`12.5`) or a range `{ low, likely, high }`: the deterministic
// result uses `likely`, the Monte Carlo draws from a triangular distribution on [low, high] with mode
// `likely`.

/** A point value or a three-point range. */
export type Uncertain = number | Range3;
export interface Range3 {
  low: number;
  likely: number;
  high: number;
}

/** Scenario format version, stored with saved scenarios and results. */
export const TCO_MODEL_VERSION = 'tco-2026.1';

export type FactorId =
  | 'A1'
  | 'A2'
  | 'A3'
  | 'A4'
  | 'A5'
  | 'A6'
  | 'A7'
  | 'A8'
  | 'A9'
  | 'A10'
  | 'B1'
  | 'B2'
  | 'B3'
  | 'B4'
  | 'B5'
  | 'B6'
  | 'C1'
  | 'C2'
  | 'C3'
  | 'C4'
  | 'D1'
  | 'D2'
  | 'D3'
  | 'D4'
  | 'D5'
  | 'D6'
  | 'E1'
  | 'E2'
  | 'E3'
  | 'T1';

export type FactorGroup = 'landed' | 'stock' | 'quality' | 'risk' | 'strategic' | 'carbon';
export const FACTOR_GROUPS: readonly FactorGroup[] = [
  'landed',
  'stock',
  'quality',
  'risk',
  'strategic',
  'carbon',
];

export type TransportMode = 'sea' | 'road' | 'rail' | 'air';
export type SeaRoute = 'suez' | 'cape';
export type CbamCategory =
  'none' | 'iron-steel' | 'aluminium' | 'cement' | 'fertilisers' | 'hydrogen' | 'electricity';

/** Where an offer ships from: a port of the ports list and/or a place (city, coordinates). */
export interface OriginInput {
  /** Id in the ports list (`listPorts()`), e.g. 'CNSZX' (Shenzhen/Yantian), 'FRLEH' (Le Havre). */
  portId?: string;
  /** Free label of the city or site, e.g. 'Shenzhen' or 'Loudéac'. */
  city?: string;
  /** ISO 3166-1 alpha-2 country code, e.g. 'CN', 'FR'. */
  country: string;
  /** Coordinates of the site (decimal degrees); default: the port's or the city's. */
  lat?: number;
  lon?: number;
}

/** Transport legs. Distances are computed from the places unless overridden (km). */
export interface TransportInput {
  /** Main leg mode: 'sea' for an overseas offer, 'road' for a local one. */
  mainMode: TransportMode;
  /** French port of arrival for a sea leg (ports list id), default: the scenario's destination port. */
  arrivalPortId?: string;
  /** Overrides of computed distances, km. */
  preCarriageKm?: Uncertain;
  mainKm?: Uncertain;
  onCarriageKm?: Uncertain;
}

/** A. Landed cost inputs (all in EUR unless named otherwise). */
export interface LandedInput {
  /** A2 one-off tooling / NRE (EUR) and the years over which it is spread (default: product life). */
  toolingNre?: Uncertain;
  toolingLifeYears?: Uncertain;
  /** A3 packaging, EUR per unit. */
  packagingPerUnit?: Uncertain;
  /** n, shipments (deliveries) per year. */
  shipmentsPerYear?: Uncertain;
  /** A4 main freight: EUR per shipment (full container, truck) ... */
  freightPerShipment?: Uncertain;
  /** ... or EUR per kg (groupage, LCL); both may be given and are added. */
  freightPerKg?: Uncertain;
  /** A5 pre- and on-carriage, EUR per shipment. */
  inlandPerShipment?: Uncertain;
  /** A6 share of the volume sent by air (0..1) and the extra cost per unit sent by air. */
  airShare?: Uncertain;
  airCostPerUnit?: Uncertain;
  /** A7 cargo insurance rate on (P + packaging + freight), default 0.5 %. */
  insuranceRate?: Uncertain;
  /** A8 customs duty rate on CIF (TARIC) and anti-dumping rate on CIF. */
  dutyRate?: Uncertain;
  antiDumpingRate?: Uncertain;
  /** A9 broker fee as a share of price and a flat fee per shipment (EUR). */
  brokerFeeRate?: Uncertain;
  brokerFeePerShipment?: Uncertain;
  /** A10 CBAM. */
  cbam?: CbamInput;
}

export interface CbamInput {
  category: CbamCategory;
  /** Embedded emissions, tCO2e per tonne of goods (actual or EU default value). */
  embeddedTco2ePerTonne?: Uncertain;
  /** True when the EU default values are used (they carry the mark-up), false for verified actual data. */
  usesDefaultValues?: boolean;
  /** Carbon price effectively paid in the country of origin, EUR per tCO2e. */
  carbonPricePaidAbroad?: Uncertain;
  /** Free-allocation benchmark of the goods, tCO2e/t (default: EU ETS benchmark of the category). */
  freeAllocationBenchmark?: Uncertain;
  /** All CBAM goods the importer brings in a year, tonnes (threshold 50 t); default: this offer's mass. */
  importerCbamTonnesPerYear?: number;
}

/** B. Stock and cash. */
export interface StockInput {
  /** Production / order processing time before shipping, weeks. */
  productionWeeks?: Uncertain;
  /** Door-to-door transit time, days (default by route for sea: 45 Suez / 60 Cape; road: 2). */
  transitDays?: Uncertain;
  /** Standard deviation of the door-to-door time, days (sea default 7). */
  transitSigmaDays?: Uncertain;
  /** B2 deposit paid in advance (0..1 of price) and days from payment to receipt. */
  depositShare?: Uncertain;
  daysPaymentToReceipt?: Uncertain;
  /** B5 units expected to be written off over the product's life. */
  obsolescenceUnits?: Uncertain;
  /** B6 warehousing / handling, EUR per unit. */
  warehousingPerUnit?: Uncertain;
}

/** C. Quality and management. */
export interface QualityInput {
  /** C1 defect rate (0..1), cost per defective unit (EUR), inspection per unit (EUR). */
  defectRate?: Uncertain;
  costPerDefect?: Uncertain;
  inspectionPerUnit?: Uncertain;
  /** C2 trips (audits, qualification) per year and cost per trip (EUR). */
  tripsPerYear?: Uncertain;
  costPerTrip?: Uncertain;
  /** C3 supplier management hours per year and hourly cost (EUR). */
  managementHoursPerYear?: Uncertain;
  hourlyRate?: Uncertain;
  /** C4 warranty / liability as a share of price. */
  warrantyRate?: Uncertain;
}

/**
 * How D2 (lead-time mismatch, Blackburn) is counted. 'auto': counted only when neither B5
 * (obsolescence) nor D1 (disruption) is quantified for this offer — they price the same risk, so
 * adding D2 on top would count it twice. 'count' / 'skip' force it.
 */
export type LeadTimeMismatchPolicy = 'auto' | 'count' | 'skip';

/** D. Risk. */
export interface RiskInput {
  /** D1 probability of a disruption in a year (0..1) and its impact (EUR: lost margin + expediting + line stop). */
  disruptionProbability?: Uncertain;
  disruptionImpact?: Uncertain;
  /** D2 policy and cost per week of extra lead time as a share of unit cost (Blackburn 0.4–0.8 %). */
  leadTimeMismatch?: LeadTimeMismatchPolicy;
  leadTimeCostPerWeek?: Uncertain;
  /** D3 adverse currency move buffer (share of price); default 0 for EUR offers. */
  fxBufferRate?: Uncertain;
  /** D4 intellectual property risk (share of price). */
  ipRiskRate?: Uncertain;
  /** D5 probability of a trade-policy change over a year and the duty increase it would bring. */
  tradePolicyProbability?: Uncertain;
  tradePolicyDutyDelta?: Uncertain;
  /** D6 yearly price escalation g (e.g. 0.03). */
  escalationRate?: Uncertain;
}

/** E. Strategic and carbon. */
export interface StrategicInput {
  /** E1 innovation / time-to-market cost as a share of price. */
  innovationRate?: Uncertain;
}
export interface CarbonInput {
  /** E3 embodied product carbon, tCO2e per tonne of product (supplier data). */
  embodiedTco2ePerTonne?: Uncertain;
}

/** T1 regional value (shown beside the TCO, never added to it). */
export interface RegionalInput {
  /** Share of the spend that stays in Bretagne / in France (incl. Bretagne), 0..1. */
  shareBretagne?: number;
  shareFrance?: number;
}

export interface OfferInput {
  /** Stable id inside the scenario, e.g. 'far', 'local'. */
  id: string;
  name: string;
  /** 'local' marks the reference offer that the others are compared with (first local one). */
  role: 'far' | 'local' | 'other';
  origin: OriginInput;
  /** ISO 4217 code of the price, e.g. 'USD', 'CNY', 'EUR'. */
  currency: string;
  /** A1 price per unit in `currency` (Incoterm: ex works / FOB; freight is entered in `landed`). */
  price: Uncertain;
  /** EUR for 1 unit of `currency`; default: the reference rate (ECB) of `currency`. */
  fxToEur?: Uncertain;
  transport: TransportInput;
  landed?: LandedInput;
  stock?: StockInput;
  quality?: QualityInput;
  risk?: RiskInput;
  strategic?: StrategicInput;
  carbon?: CarbonInput;
  regional?: RegionalInput;
}

/** Inputs common to every offer. */
export interface CommonInput {
  /** Q, units a year. */
  annualVolume: Uncertain;
  /** Mass of one unit, kg (drives freight per kg, carbon, CBAM). */
  unitWeightKg: Uncertain;
  /** Product life (years): spreads tooling and obsolescence. Default 5. */
  productLifeYears?: Uncertain;
  /** D6 horizon (1–10 years, default 5) and discount rate (default 8 %). */
  horizonYears?: number;
  discountRate?: Uncertain;
  /** r, annual carrying rate (default 25 %). */
  carryingRate?: Uncertain;
  /** Cycle service level (default 0.95 → z ≈ 1.65). */
  serviceLevel?: number;
  /** Coefficient of variation of weekly demand σ_w / d_w (default 0.3). */
  demandCv?: Uncertain;
  /** Carbon price EUR/tCO2e (default: EU ETS reference). */
  carbonPrice?: Uncertain;
  /** Sea route through Suez or around the Cape. */
  route?: SeaRoute;
  /** Year of the purchase (CBAM mark-ups and free-allocation phase-out). Default: the reference year. */
  year?: number;
  /** Buyer's site (default Rennes) and its French port for sea freight (default Le Havre). */
  destination?: { city?: string; lat?: number; lon?: number; portId?: string };
  /** Id of the reference offer (default: the first offer with role 'local', else the last offer). */
  referenceOfferId?: string;
  /** Add E3 (embodied product carbon) into the TCO; by default it is shown for information only. */
  includeEmbodiedCarbon?: boolean;
  /** The company's total annual purchases (EUR), to show the effect of a choice on its IBAL. */
  companyAnnualPurchases?: number;
  /** Overrides of reference FX rates: EUR for 1 unit of the currency, e.g. { USD: 0.86 }. */
  fxRates?: Record<string, number>;
}

export interface Scenario {
  version?: string;
  title?: string;
  product?: string;
  common: CommonInput;
  offers: OfferInput[];
  /** Where values filled by quick mode come from: path (e.g. 'offers.far.quality.defectRate') → source. */
  assumptions?: Record<string, string>;
  /** Monte Carlo settings (used when some input is a range). */
  simulation?: { draws?: number; seed?: number };
}

/** Quick mode: about eight inputs; `expandQuickInput` turns them into a full scenario with defaults. */
export interface QuickInput {
  product: string;
  annualVolume: number;
  unitWeightKg: number;
  far: {
    price: number;
    currency: string;
    /** Id in the ports list, e.g. 'CNSZX'. */
    originPortId: string;
  };
  local: {
    price: number;
    /** Place of the local supplier (city name, optional coordinates). */
    city: string;
    lat?: number;
    lon?: number;
  };
  /**
   * How the far offer travels: 'fcl' full containers (freight per container), 'lcl' groupage
   * (freight per kg), 'delivered' (price already includes delivery to the buyer: DAP/DDP).
   */
  freight: 'fcl' | 'lcl' | 'delivered';
  /** Customs duty rate (TARIC) of the product from that origin, default 0. */
  dutyRate?: number;
}

// ---------------------------------------------------------------- results

/** An input of an explained line, with where its value comes from. */
export interface LineInput {
  name: string;
  value: number;
  unit: string;
  /** 'saisie' for a user input, 'calcul' for a value derived from others, else the reference's source. */
  source: string;
}

/** One line of the explanation tree. */
export interface ExplainedLine {
  /** 'A1'..'E3', 'T1', or a sub-line id such as 'B4.safetyUnits'. */
  id: string;
  factorId: FactorId;
  group: FactorGroup | 'regional';
  label: string;
  /** EUR per unit (a rate; may have many decimals). */
  perUnit: number;
  /** EUR per year rounded to integer cents. */
  perYearCents: number;
  /** The formula in words (French), with the numbers. */
  formula: string;
  inputs: LineInput[];
  children: ExplainedLine[];
  /** False when the line is shown but not added (E3 by default, D2 when the anti-double-count rule applies). */
  counted: boolean;
  note?: string;
}

export interface GroupTotal {
  group: FactorGroup;
  label: string;
  perUnit: number;
  perYearCents: number;
}

export interface RegionalValue {
  spendPerYearCents: number;
  shareBretagne: number;
  shareFrance: number;
  bretagnePerYearCents: number;
  francePerYearCents: number;
  /** Points of IBAL Bretagne this offer's spend represents, when the company's purchases are known. */
  ibalBretagnePoints: number | null;
  ibalFrancePoints: number | null;
  /** Order of magnitude of jobs supported in France by the spend. */
  jobsFrance: number;
  line: ExplainedLine;
}

export interface OfferResult {
  offerId: string;
  name: string;
  role: OfferInput['role'];
  /** A1 price in EUR per unit. */
  priceEurPerUnit: number;
  lines: ExplainedLine[];
  groups: GroupTotal[];
  tcoPerUnit: number;
  tcoPerYearCents: number;
  /** TCO / price − 1. */
  hiddenCostShare: number;
  distances: {
    preCarriageKm: number;
    mainKm: number;
    onCarriageKm: number;
    mainMode: TransportMode;
    note: string;
  };
  leadTimeWeeks: number;
  regional: RegionalValue;
  warnings: string[];
}

/** The input at which the decision between two offers flips. */
export interface FlipResult {
  /** Path of the input in the scenario, e.g. 'offers.far.landed.freightPerShipment' or 'common.carryingRate'. */
  path: string;
  label: string;
  unit: string;
  current: number;
  /** The value where both TCOs are equal, or null when the decision never flips in [searchLow, searchHigh]. */
  flipAt: number | null;
  searchLow: number;
  searchHigh: number;
  message: string;
}

export interface PairComparison {
  referenceOfferId: string;
  otherOfferId: string;
  /** other − reference, EUR per unit (positive: the reference is cheaper). */
  priceGapPerUnit: number;
  tcoGapPerUnit: number;
  tcoGapPerYearCents: number;
  /** Reference price (in its currency) at which both TCOs are equal, to the cent. */
  breakEvenReferencePrice: {
    price: number;
    currency: string;
    method: 'exact' | 'bisection';
    /** Both TCOs at that price, EUR per unit rounded to the cent (equal). */
    referenceTcoCents: number;
    otherTcoCents: number;
  } | null;
  flips: FlipResult[];
  /** Factors sorted by how much they contribute to the TCO gap beyond the price gap. */
  gapByGroup: { group: FactorGroup; label: string; gapPerUnit: number }[];
  summary: string;
}

export interface Percentiles {
  p10: number;
  p50: number;
  p90: number;
  mean: number;
}

export interface TornadoEntry {
  path: string;
  label: string;
  low: number;
  likely: number;
  high: number;
  /** Gap (other − reference, EUR/unit) with this input at its low / high, others at likely. */
  gapAtLow: number;
  gapAtHigh: number;
  swing: number;
}

export interface UncertaintyResult {
  draws: number;
  seed: number;
  distribution: 'triangular';
  perOffer: {
    offerId: string;
    tcoPerUnit: Percentiles;
    histogram: { from: number; to: number; count: number }[];
  }[];
  /** Per pair: probability that the reference offer has the lower TCO, and percentiles of the gap. */
  pairs: { otherOfferId: string; pReferenceCheaper: number; gapPerUnit: Percentiles }[];
  /** Probability that the reference offer is the cheapest of all. */
  pReferenceCheapest: number;
  tornado: TornadoEntry[];
  uncertainInputs: number;
}

export interface ReferenceUsed {
  id: string;
  label: string;
  value: number;
  unit: string;
  source: string;
  asOf: string;
  reviewBy: string;
}

export interface TcoResult {
  modelVersion: string;
  title: string;
  referenceOfferId: string;
  offers: OfferResult[];
  comparisons: PairComparison[];
  uncertainty: UncertaintyResult | null;
  referenceData: ReferenceUsed[];
  warnings: string[];
}

/** Batch screening: one row of the CSV. */
export interface BatchRow {
  reference: string;
  annualVolume: number;
  unitWeightKg: number;
  farPrice: number;
  farCurrency: string;
  farOriginPortId: string;
  localPrice: number;
}
export interface BatchResultRow {
  reference: string;
  line: number;
  ok: boolean;
  error?: string;
  farTcoPerUnit?: number;
  localTcoPerUnit?: number;
  priceGapPerUnit?: number;
  /** far − local TCO, EUR/unit (positive: local is cheaper on TCO). */
  tcoGapPerUnit?: number;
  tcoGapPerYearCents?: number;
  breakEvenLocalPrice?: number | null;
  pLocalCheaper?: number;
  /** Rank: 1 = look at it first. */
  rank?: number;
  score?: number;
}
export interface BatchResult {
  rows: BatchResultRow[];
  problems: { line: number; message: string }[];
  rankedBy: string;
}
