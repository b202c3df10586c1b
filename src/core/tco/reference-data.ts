// Reference data of the TCO model: every external figure with its value, unit, source, the date it
// describes (asOf) and the date by which it must be checked again (reviewBy). A test lists the
// figures past their review date. Figures marked "hypothèse Relocalisons" are the project's own
// starting points for quick mode, to be adjusted by the buyer; they are not published facts.
//
// Honesty note (2026-11-26): this module was written without network access. Where a more precise
// current value could not be verified, the value given in ../shared/TCO-MODEL.md is used and the
// source says so.

export interface ReferenceFigure {
  id: string;
  label: string;
  value: number;
  unit: string;
  source: string;
  /** Date the figure describes (ISO 8601, YYYY-MM-DD or YYYY-MM). */
  asOf: string;
  /** Date by which it must be checked again (YYYY-MM-DD). */
  reviewBy: string;
  note?: string;
}

const fig = (f: ReferenceFigure): ReferenceFigure => f;
const HYPOTHESIS = 'hypothèse Relocalisons (ordre de grandeur à ajuster par l’acheteur)';
const MODEL = 'valeur de ../shared/TCO-MODEL.md (non revérifiée, session sans accès réseau)';

export const REFERENCE = {
  carryingRate: fig({
    id: 'carryingRate',
    label: 'Taux de possession du stock (r)',
    value: 0.25,
    unit: '/an',
    source: 'Reshoring Initiative, TCO Estimator (fourchette usuelle 20–30 % par an)',
    asOf: '2025-01',
    reviewBy: '2027-06-30',
  }),
  insuranceRate: fig({
    id: 'insuranceRate',
    label: 'Assurance marchandises (i)',
    value: 0.005,
    unit: 'de (prix + emballage + fret)',
    source: 'Reshoring Initiative, TCO Estimator (0,5 %)',
    asOf: '2025-01',
    reviewBy: '2027-06-30',
  }),
  serviceLevel: fig({
    id: 'serviceLevel',
    label: 'Taux de service (z = 1,65 pour 95 %)',
    value: 0.95,
    unit: 'probabilité',
    source: 'loi normale : Φ⁻¹(0,95) = 1,645',
    asOf: '2026-11-26',
    reviewBy: '2036-12-31',
  }),
  demandCv: fig({
    id: 'demandCv',
    label: 'Coefficient de variation de la demande hebdomadaire',
    value: 0.3,
    unit: 'σ_w / d_w',
    source: HYPOTHESIS,
    asOf: '2026-11-26',
    reviewBy: '2027-11-30',
  }),
  productLifeYears: fig({
    id: 'productLifeYears',
    label: 'Durée de vie du produit',
    value: 5,
    unit: 'ans',
    source: HYPOTHESIS,
    asOf: '2026-11-26',
    reviewBy: '2027-11-30',
  }),
  horizonYears: fig({
    id: 'horizonYears',
    label: 'Horizon de la comparaison',
    value: 5,
    unit: 'ans',
    source: 'TCO-MODEL.md : horizon 1 à 10 ans',
    asOf: '2026-11-26',
    reviewBy: '2027-11-30',
  }),
  discountRate: fig({
    id: 'discountRate',
    label: 'Taux d’actualisation',
    value: 0.08,
    unit: '/an',
    source: 'TCO-MODEL.md (8 %)',
    asOf: '2026-11-26',
    reviewBy: '2027-11-30',
  }),
  carbonPrice: fig({
    id: 'carbonPrice',
    label: 'Prix du carbone (quota EU ETS)',
    value: 80,
    unit: '€/tCO2e',
    source: `EU ETS : moyenne 2025 ≈ 75 €/t, prévision 2026 ≈ 93 €/t ; 80 €/t retenu — ${MODEL}`,
    asOf: '2026-01',
    reviewBy: '2026-12-31',
    note: 'Le prix des certificats MACF (CBAM) suit les enchères EU ETS.',
  }),
  efSeaContainer: fig({
    id: 'efSeaContainer',
    label: 'Facteur d’émission, porte-conteneurs',
    value: 0.008,
    unit: 'kgCO2e/t·km',
    source: `GLEC Framework v3 (Smart Freight Centre, 2023) / ADEME Base Carbone, du puits à la roue — ${MODEL}`,
    asOf: '2023-09',
    reviewBy: '2027-03-31',
  }),
  efTruck: fig({
    id: 'efTruck',
    label: 'Facteur d’émission, poids lourd > 33 t',
    value: 0.1,
    unit: 'kgCO2e/t·km',
    source: `ADEME Base Carbone (ensemble articulé, gazole) / GLEC v3, du puits à la roue — ${MODEL}`,
    asOf: '2023-09',
    reviewBy: '2027-03-31',
  }),
  efRailFr: fig({
    id: 'efRailFr',
    label: 'Facteur d’émission, fret ferroviaire (France)',
    value: 0.006,
    unit: 'kgCO2e/t·km',
    source: `ADEME Base Carbone (train de fret, mix électrique français) — ${MODEL}`,
    asOf: '2023-09',
    reviewBy: '2027-03-31',
  }),
  efAirFreighter: fig({
    id: 'efAirFreighter',
    label: 'Facteur d’émission, avion cargo',
    value: 0.8,
    unit: 'kgCO2e/t·km',
    source: `GLEC Framework v3, avion cargo long-courrier, du puits à la roue — ${MODEL}`,
    asOf: '2023-09',
    reviewBy: '2027-03-31',
  }),
  cbamThresholdTonnes: fig({
    id: 'cbamThresholdTonnes',
    label: 'Seuil MACF (CBAM) par importateur',
    value: 50,
    unit: 't/an de marchandises MACF',
    source:
      'Règlement (UE) 2025/2083 modifiant le règlement (UE) 2023/956 : exemption sous 50 t/an (fer et acier, aluminium, ciment, engrais ; pas pour l’hydrogène ni l’électricité)',
    asOf: '2025-10',
    reviewBy: '2027-12-31',
  }),
  doorToDoorSuezDays: fig({
    id: 'doorToDoorSuezDays',
    label: 'Transit porte à porte Asie → France via Suez',
    value: 45,
    unit: 'jours',
    source: `32–36 jours de port à port via Suez ; budget porte à porte 45 jours — ${MODEL}`,
    asOf: '2025-06',
    reviewBy: '2027-03-31',
  }),
  doorToDoorCapeDays: fig({
    id: 'doorToDoorCapeDays',
    label: 'Transit porte à porte Asie → France via le Cap',
    value: 60,
    unit: 'jours',
    source: `45–48 jours de port à port via le Cap ; budget porte à porte 60 jours — ${MODEL}`,
    asOf: '2025-06',
    reviewBy: '2027-03-31',
    note: 'En 2024–2025 la plupart des services Asie–Europe contournaient le Cap (crise de la mer Rouge).',
  }),
  transitSigmaDays: fig({
    id: 'transitSigmaDays',
    label: 'Écart type du transit maritime porte à porte',
    value: 7,
    unit: 'jours',
    source: `σ ≈ 7 jours — ${MODEL}`,
    asOf: '2025-06',
    reviewBy: '2027-03-31',
  }),
  leadTimeCostPerWeek: fig({
    id: 'leadTimeCostPerWeek',
    label: 'Coût d’une semaine de délai en plus (Blackburn)',
    value: 0.006,
    unit: 'du coût unitaire par semaine',
    source: `J. D. Blackburn, « Valuing time in supply chains », Journal of Operations Management, 2012 : 0,4–0,8 %/semaine (demande stable) ; milieu 0,6 % — ${MODEL}`,
    asOf: '2012',
    reviewBy: '2028-12-31',
  }),
  roadDetourFactor: fig({
    id: 'roadDetourFactor',
    label: 'Coefficient de détour routier',
    value: 1.3,
    unit: 'km route / km à vol d’oiseau',
    source:
      'Ballou, Rahardja & Sakai, « Selected country circuity factors for road travel distance estimation », Transportation Research A 36 (2002) : 1,2–1,4 selon les pays ; 1,3 retenu',
    asOf: '2002',
    reviewBy: '2028-12-31',
  }),
  containerRate: fig({
    id: 'containerRate',
    label: 'Fret conteneur 40 pieds Asie → Europe du Nord',
    value: 2400,
    unit: 'USD/conteneur',
    source:
      'Drewry World Container Index, Shanghai → Rotterdam, avril 2025 (14 000 $ au pic de 2021) — TCO-MODEL.md',
    asOf: '2025-04',
    reviewBy: '2026-12-31',
  }),
  containerPayloadKg: fig({
    id: 'containerPayloadKg',
    label: 'Chargement utile moyen d’un 40 pieds (limité par le volume)',
    value: 12000,
    unit: 'kg',
    source: HYPOTHESIS,
    asOf: '2026-11-26',
    reviewBy: '2027-11-30',
  }),
  lclRatePerKg: fig({
    id: 'lclRatePerKg',
    label: 'Groupage maritime Asie → France, port à porte',
    value: 0.35,
    unit: '€/kg',
    source: HYPOTHESIS,
    asOf: '2026-11-26',
    reviewBy: '2027-11-30',
  }),
  preCarriagePerContainer: fig({
    id: 'preCarriagePerContainer',
    label: 'Pré-acheminement usine → port d’origine',
    value: 350,
    unit: '€/envoi',
    source: HYPOTHESIS,
    asOf: '2026-11-26',
    reviewBy: '2027-11-30',
  }),
  truckCostPerKm: fig({
    id: 'truckCostPerKm',
    label: 'Coût d’un camion complet en France',
    value: 1.9,
    unit: '€/km',
    source: `${HYPOTHESIS} ; ordre de grandeur des indices du CNR (Comité national routier) pour un 40 t longue distance`,
    asOf: '2025',
    reviewBy: '2027-06-30',
  }),
  brokerFeePerShipment: fig({
    id: 'brokerFeePerShipment',
    label: 'Frais de dédouanement par envoi',
    value: 120,
    unit: '€/envoi',
    source: HYPOTHESIS,
    asOf: '2026-11-26',
    reviewBy: '2027-11-30',
  }),
  fxBufferRate: fig({
    id: 'fxBufferRate',
    label: 'Provision pour variation défavorable du change',
    value: 0.03,
    unit: 'du prix',
    source: HYPOTHESIS,
    asOf: '2026-11-26',
    reviewBy: '2027-11-30',
  }),
  valueAddedShareOfSpend: fig({
    id: 'valueAddedShareOfSpend',
    label: 'Part de valeur ajoutée dans un achat industriel',
    value: 0.3,
    unit: 'fraction',
    source: `${HYPOTHESIS} ; ordre de grandeur des comptes nationaux (INSEE) pour l’industrie manufacturière`,
    asOf: '2024',
    reviewBy: '2027-11-30',
  }),
  valueAddedPerJob: fig({
    id: 'valueAddedPerJob',
    label: 'Valeur ajoutée par emploi (industrie, France)',
    value: 85000,
    unit: '€/emploi/an',
    source: `${HYPOTHESIS} ; ordre de grandeur INSEE (Ésane), à affiner par le module impact`,
    asOf: '2023',
    reviewBy: '2027-11-30',
  }),
} as const;

export type ReferenceId = keyof typeof REFERENCE;

/** CBAM mark-up on default values by year, and free allocation still given to EU producers. */
export const CBAM_MARKUP: { fromYear: number; value: number }[] = [
  { fromYear: 2026, value: 0.1 },
  { fromYear: 2027, value: 0.2 },
  { fromYear: 2028, value: 0.3 },
];
export const CBAM_MARKUP_SOURCE = fig({
  id: 'cbamMarkup',
  label: 'Majoration des valeurs par défaut MACF',
  value: 0.1,
  unit: 'fraction (2026 : 10 %, 2027 : 20 %, 2028+ : 30 %)',
  source: `Règlement d’exécution de la Commission sur les valeurs par défaut MACF — ${MODEL}`,
  asOf: '2025-12',
  reviewBy: '2027-12-31',
});
/** Share of free allocation kept by EU producers (CBAM factor), by year; the CBAM obligation is reduced accordingly. */
export const CBAM_FREE_ALLOCATION: Record<number, number> = {
  2026: 0.975,
  2027: 0.95,
  2028: 0.9,
  2029: 0.775,
  2030: 0.515,
  2031: 0.39,
  2032: 0.265,
  2033: 0.14,
  2034: 0,
};
export const CBAM_FREE_ALLOCATION_SOURCE = fig({
  id: 'cbamFreeAllocation',
  label: 'Allocation gratuite restante (facteur MACF)',
  value: 0.975,
  unit: 'fraction (2026 : 97,5 % … 2034 : 0)',
  source: 'Directive 2003/87/CE art. 10 bis §1 bis, modifiée par la directive (UE) 2023/959',
  asOf: '2023-05',
  reviewBy: '2027-12-31',
});
/** EU ETS benchmarks (tCO2e/t) used for the free-allocation adjustment when the buyer gives none. */
export const CBAM_BENCHMARK: Record<string, number> = {
  'iron-steel': 1.288,
  aluminium: 1.464,
  cement: 0.693,
  fertilisers: 1.57,
  hydrogen: 6.84,
  electricity: 0,
};
export const CBAM_BENCHMARK_SOURCE = fig({
  id: 'cbamBenchmark',
  label: 'Référentiels d’allocation gratuite (fonte, aluminium primaire, clinker, ammoniac, hydrogène)',
  value: 1.288,
  unit: 'tCO2e/t',
  source:
    'Règlement d’exécution (UE) 2021/447 (référentiels 2021–2025), faute des valeurs 2026–2030 vérifiées ; approximation par catégorie',
  asOf: '2021-03',
  reviewBy: '2027-06-30',
});
export const CBAM_ALWAYS_COVERED = new Set(['hydrogen', 'electricity']);

export function cbamMarkup(year: number): number {
  let v = 0;
  for (const m of CBAM_MARKUP) if (year >= m.fromYear) v = m.value;
  return v;
}
export function cbamFreeAllocation(year: number): number {
  if (year < 2026) return 1;
  if (year >= 2034) return 0;
  return CBAM_FREE_ALLOCATION[year] ?? 0;
}

/**
 * FX: units of currency for 1 EUR, ECB reference rate levels. Approximate levels of late 2025: the
 * buyer edits them (scenario `common.fxRates`, in EUR per unit) with the day's ECB rate.
 */
export const FX_PER_EUR: Record<string, number> = {
  EUR: 1,
  USD: 1.16,
  CNY: 8.25,
  GBP: 0.88,
  JPY: 180,
  CHF: 0.93,
  INR: 103,
  KRW: 1700,
  TRY: 49,
  BRL: 6.2,
  SGD: 1.51,
  PLN: 4.24,
  CZK: 24.2,
  SEK: 11,
  DKK: 7.46,
  HUF: 385,
  RON: 5.09,
  MYR: 4.85,
  THB: 37.5,
  IDR: 19300,
  MXN: 21.3,
  CAD: 1.63,
  AUD: 1.78,
  HKD: 9.03,
};
export const FX_SOURCE = fig({
  id: 'fx',
  label: 'Taux de change (devise pour 1 €)',
  value: 1.16,
  unit: 'USD pour 1 € (exemple)',
  source:
    'BCE, taux de référence de l’euro — niveaux approchés de fin 2025, à remplacer par le taux du jour (modifiable dans le scénario)',
  asOf: '2025-11',
  reviewBy: '2026-12-31',
});
/** EUR for one unit of currency, null when unknown. */
export function fxToEur(currency: string, overrides?: Record<string, number>): number | null {
  const c = currency.toUpperCase();
  const o = overrides?.[c];
  if (o !== undefined) return o;
  const perEur = FX_PER_EUR[c];
  return perEur ? 1 / perEur : null;
}

/** Starting point for D1: probability of a significant supply disruption in a year, by country. */
export const DISRUPTION_PROBABILITY: Record<string, number> = {
  FR: 0.03,
  DE: 0.03,
  ES: 0.03,
  IT: 0.03,
  BE: 0.03,
  NL: 0.03,
  PL: 0.04,
  PT: 0.03,
  GB: 0.04,
  US: 0.05,
  JP: 0.05,
  KR: 0.05,
  TW: 0.07,
  SG: 0.04,
  CN: 0.1,
  HK: 0.08,
  VN: 0.08,
  TH: 0.07,
  MY: 0.06,
  IN: 0.1,
  BD: 0.12,
  PK: 0.12,
  TR: 0.08,
  MA: 0.06,
  BR: 0.08,
  AE: 0.06,
};
export const DISRUPTION_DEFAULT = 0.08;
export const DISRUPTION_SOURCE = fig({
  id: 'disruption',
  label: 'Probabilité annuelle d’une rupture d’approvisionnement (point de départ par pays)',
  value: DISRUPTION_DEFAULT,
  unit: 'probabilité/an',
  source: `${HYPOTHESIS} : pas de source publique par pays ; impact par défaut 10 % de la dépense annuelle`,
  asOf: '2026-11-26',
  reviewBy: '2027-11-30',
});
export const disruptionProbability = (country: string): number =>
  DISRUPTION_PROBABILITY[country.toUpperCase()] ?? DISRUPTION_DEFAULT;

/** Every figure of the module, for the review-date check and the API. */
export function allReferenceFigures(): ReferenceFigure[] {
  return [
    ...Object.values(REFERENCE),
    CBAM_MARKUP_SOURCE,
    CBAM_FREE_ALLOCATION_SOURCE,
    CBAM_BENCHMARK_SOURCE,
    FX_SOURCE,
    DISRUPTION_SOURCE,
  ];
}

/** Figures whose review date is before `today` (YYYY-MM-DD). */
export function overdueFigures(today: string): ReferenceFigure[] {
  return allReferenceFigures().filter((f) => f.reviewBy < today);
}
