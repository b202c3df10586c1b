// The compiled model: a scenario resolved into one flat vector of numbers per offer (resolve.ts),
// evaluated by `evaluateOffers` without allocating anything. The Monte Carlo, the tornado and the
// solvers run this path thousands of times; the explained result reads the same output slots.
import {
  a10Cbam,
  a1Price,
  a2Tooling,
  a4Freight,
  a5Inland,
  a6Air,
  a7Insurance,
  a8Duty,
  a9Broker,
  b1InTransit,
  b2Deposit,
  b3Cycle,
  b4Safety,
  b5Obsolescence,
  c1Quality,
  carbonPerUnit,
  cbamApplies,
  cif,
  d2LeadTime,
  d5TradePolicy,
  d6Escalation,
  embodiedTonnes,
  escalationFactor,
  landedCost,
  legEmissions,
  safetyStockUnits,
  yearlyPerUnit,
} from './formulas.ts';
import type {
  Days,
  EurPerKg,
  EurPerShipment,
  EurPerTCo2e,
  EurPerUnit,
  Fraction,
  Kg,
  KgCo2ePerTonneKm,
  Km,
  ShipmentsPerYear,
  TCo2e,
  UnitsPerYear,
  Weeks,
  Years,
} from './quantities.ts';
import type { FactorGroup, FactorId } from './types.ts';

/** Parameter slots. `uncertain: true` marks those a scenario may give as a range. */
export interface ParamDef {
  key: string;
  scope: 'common' | 'offer' | 'derived';
  /** Path inside `common` or inside an offer, e.g. ['landed', 'packagingPerUnit']. */
  path: readonly string[];
  label: string;
  unit: string;
}

const c = <K extends string>(key: K, field: string, label: string, unit: string): ParamDef & { key: K } => ({
  key,
  scope: 'common',
  path: [field],
  label,
  unit,
});
const o = <K extends string>(key: K, path: string[], label: string, unit: string): ParamDef & { key: K } => ({
  key,
  scope: 'offer',
  path,
  label,
  unit,
});
const d = <K extends string>(key: K, label: string, unit: string): ParamDef & { key: K } => ({
  key,
  scope: 'derived',
  path: [],
  label,
  unit,
});

export const PARAMS = [
  c('Q', 'annualVolume', 'Volume annuel (Q)', 'unités/an'),
  c('unitKg', 'unitWeightKg', 'Masse unitaire', 'kg'),
  c('life', 'productLifeYears', 'Durée de vie du produit', 'ans'),
  c('discount', 'discountRate', 'Taux d’actualisation', '/an'),
  c('r', 'carryingRate', 'Taux de possession du stock (r)', '/an'),
  c('demandCv', 'demandCv', 'Variabilité de la demande (σ_w/d_w)', ''),
  c('carbonPrice', 'carbonPrice', 'Prix du carbone', '€/tCO2e'),
  d('z', 'Facteur de service (z)', ''),
  d('horizon', 'Horizon', 'ans'),
  o('price', ['price'], 'Prix unitaire (devise de l’offre)', 'devise/unité'),
  o('fx', ['fxToEur'], 'Taux de change', '€ par unité de devise'),
  o('nre', ['landed', 'toolingNre'], 'Outillage / frais non récurrents', '€'),
  o('toolingLife', ['landed', 'toolingLifeYears'], 'Durée d’amortissement de l’outillage', 'ans'),
  o('pack', ['landed', 'packagingPerUnit'], 'Emballage', '€/unité'),
  o('n', ['landed', 'shipmentsPerYear'], 'Envois par an (n)', 'envois/an'),
  o('freightShip', ['landed', 'freightPerShipment'], 'Fret principal par envoi', '€/envoi'),
  o('freightKg', ['landed', 'freightPerKg'], 'Fret principal au kilo (groupage)', '€/kg'),
  o('inlandShip', ['landed', 'inlandPerShipment'], 'Pré- et post-acheminement par envoi', '€/envoi'),
  o('airShare', ['landed', 'airShare'], 'Part expédiée par avion', 'fraction'),
  o('airCost', ['landed', 'airCostPerUnit'], 'Surcoût par unité expédiée par avion', '€/unité'),
  o('ins', ['landed', 'insuranceRate'], 'Taux d’assurance', 'fraction'),
  o('duty', ['landed', 'dutyRate'], 'Droit de douane', 'fraction du CIF'),
  o('antiDump', ['landed', 'antiDumpingRate'], 'Droit antidumping', 'fraction du CIF'),
  o('brokerRate', ['landed', 'brokerFeeRate'], 'Commission du transitaire', 'fraction du prix'),
  o('brokerShip', ['landed', 'brokerFeePerShipment'], 'Frais de dédouanement par envoi', '€/envoi'),
  o('cbamEmb', ['landed', 'cbam', 'embeddedTco2ePerTonne'], 'Émissions intrinsèques (MACF)', 'tCO2e/t'),
  o('cbamAbroad', ['landed', 'cbam', 'carbonPricePaidAbroad'], 'Prix du carbone payé à l’origine', '€/tCO2e'),
  o(
    'cbamBench',
    ['landed', 'cbam', 'freeAllocationBenchmark'],
    'Référentiel d’allocation gratuite',
    'tCO2e/t',
  ),
  o('prodWeeks', ['stock', 'productionWeeks'], 'Délai de fabrication', 'semaines'),
  o('transitDays', ['stock', 'transitDays'], 'Transit porte à porte', 'jours'),
  o('transitSigma', ['stock', 'transitSigmaDays'], 'Écart type du transit', 'jours'),
  o('deposit', ['stock', 'depositShare'], 'Acompte à la commande', 'fraction du prix'),
  o('daysPay', ['stock', 'daysPaymentToReceipt'], 'Jours entre paiement et réception', 'jours'),
  o('obso', ['stock', 'obsolescenceUnits'], 'Unités mises au rebut sur la vie du produit', 'unités'),
  o('warehousing', ['stock', 'warehousingPerUnit'], 'Stockage / manutention', '€/unité'),
  o('defectRate', ['quality', 'defectRate'], 'Taux de défauts', 'fraction'),
  o('costPerDefect', ['quality', 'costPerDefect'], 'Coût d’un défaut', '€'),
  o('inspection', ['quality', 'inspectionPerUnit'], 'Contrôle par unité', '€/unité'),
  o('trips', ['quality', 'tripsPerYear'], 'Déplacements (audits, qualification)', '/an'),
  o('costTrip', ['quality', 'costPerTrip'], 'Coût d’un déplacement', '€'),
  o('mgmtHours', ['quality', 'managementHoursPerYear'], 'Heures de gestion fournisseur', 'h/an'),
  o('hourly', ['quality', 'hourlyRate'], 'Coût horaire', '€/h'),
  o('warranty', ['quality', 'warrantyRate'], 'Garantie / responsabilité', 'fraction du prix'),
  o('disrP', ['risk', 'disruptionProbability'], 'Probabilité de rupture dans l’année', 'probabilité'),
  o('disrImpact', ['risk', 'disruptionImpact'], 'Impact d’une rupture', '€'),
  o('ltCostWeek', ['risk', 'leadTimeCostPerWeek'], 'Coût d’une semaine de délai en plus', 'fraction/semaine'),
  o('fxBuffer', ['risk', 'fxBufferRate'], 'Provision de change', 'fraction du prix'),
  o('ipRate', ['risk', 'ipRiskRate'], 'Risque propriété intellectuelle', 'fraction du prix'),
  o(
    'tpP',
    ['risk', 'tradePolicyProbability'],
    'Probabilité d’un changement de politique commerciale',
    'probabilité',
  ),
  o('tpDelta', ['risk', 'tradePolicyDutyDelta'], 'Hausse de droit en cas de changement', 'fraction du CIF'),
  o('escalation', ['risk', 'escalationRate'], 'Hausse annuelle du prix (g)', '/an'),
  o(
    'innovation',
    ['strategic', 'innovationRate'],
    'Innovation / délai de mise sur le marché',
    'fraction du prix',
  ),
  o('embodied', ['carbon', 'embodiedTco2ePerTonne'], 'Carbone intrinsèque du produit', 'tCO2e/t'),
  o('preKm', ['transport', 'preCarriageKm'], 'Pré-acheminement', 'km'),
  o('mainKm', ['transport', 'mainKm'], 'Trajet principal', 'km'),
  o('onKm', ['transport', 'onCarriageKm'], 'Post-acheminement', 'km'),
  d('airKm', 'Distance aérienne', 'km'),
  d('efMain', 'Facteur d’émission du trajet principal', 'kgCO2e/t·km'),
  d('efRoad', 'Facteur d’émission routier', 'kgCO2e/t·km'),
  d('efAir', 'Facteur d’émission aérien', 'kgCO2e/t·km'),
  d('cbamCat', 'Catégorie MACF (0 hors champ, 1 soumis au seuil, 2 toujours)', ''),
  d('cbamMarkup', 'Majoration des valeurs par défaut', 'fraction'),
  d('cbamFree', 'Allocation gratuite restante', 'fraction'),
  d('cbamImporterT', 'Marchandises MACF importées par an', 't'),
  d('cbamThreshold', 'Seuil MACF', 't/an'),
  d('d2Policy', 'Règle D2 (0 auto, 1 compter, 2 ne pas compter)', ''),
  d('includeE3', 'E3 ajouté au TCO (0/1)', ''),
] as const satisfies readonly ParamDef[];

export type ParamKey = (typeof PARAMS)[number]['key'];
export const NP = PARAMS.length;
export const PI = Object.fromEntries(PARAMS.map((p, i) => [p.key, i])) as Record<ParamKey, number>;
export const paramDef = (key: ParamKey): ParamDef => PARAMS[PI[key]] as ParamDef;

/** Output slots: the 29 factors per unit, then intermediate values. */
export const FACTORS: readonly { id: FactorId; group: FactorGroup; label: string }[] = [
  { id: 'A1', group: 'landed', label: 'Prix' },
  { id: 'A2', group: 'landed', label: 'Outillage / frais non récurrents' },
  { id: 'A3', group: 'landed', label: 'Emballage' },
  { id: 'A4', group: 'landed', label: 'Fret principal' },
  { id: 'A5', group: 'landed', label: 'Pré- et post-acheminement' },
  { id: 'A6', group: 'landed', label: 'Part avion / urgences' },
  { id: 'A7', group: 'landed', label: 'Assurance transport' },
  { id: 'A8', group: 'landed', label: 'Droits de douane' },
  { id: 'A9', group: 'landed', label: 'Transitaire / frais de douane' },
  { id: 'A10', group: 'landed', label: 'Mécanisme d’ajustement carbone aux frontières (MACF)' },
  { id: 'B1', group: 'stock', label: 'Stock en transit' },
  { id: 'B2', group: 'stock', label: 'Acompte / conditions de paiement' },
  { id: 'B3', group: 'stock', label: 'Stock de cycle' },
  { id: 'B4', group: 'stock', label: 'Stock de sécurité' },
  { id: 'B5', group: 'stock', label: 'Obsolescence / fin de vie' },
  { id: 'B6', group: 'stock', label: 'Stockage / manutention' },
  { id: 'C1', group: 'quality', label: 'Non-qualité' },
  { id: 'C2', group: 'quality', label: 'Déplacements, audits, qualification' },
  { id: 'C3', group: 'quality', label: 'Gestion du fournisseur' },
  { id: 'C4', group: 'quality', label: 'Garantie / responsabilité' },
  { id: 'D1', group: 'risk', label: 'Rupture d’approvisionnement' },
  { id: 'D2', group: 'risk', label: 'Délai plus long (inadéquation de prévision)' },
  { id: 'D3', group: 'risk', label: 'Change' },
  { id: 'D4', group: 'risk', label: 'Propriété intellectuelle' },
  { id: 'D5', group: 'risk', label: 'Changement de politique commerciale' },
  { id: 'D6', group: 'risk', label: 'Hausse des prix sur l’horizon' },
  { id: 'E1', group: 'strategic', label: 'Innovation / délai de mise sur le marché' },
  { id: 'E2', group: 'carbon', label: 'Carbone du transport' },
  { id: 'E3', group: 'carbon', label: 'Carbone intrinsèque du produit' },
];
export const GROUP_LABELS: Record<FactorGroup, string> = {
  landed: 'Coût rendu',
  stock: 'Stock et trésorerie',
  quality: 'Qualité et gestion',
  risk: 'Risques',
  strategic: 'Stratégique',
  carbon: 'Carbone',
};
export const FI = Object.fromEntries(FACTORS.map((f, i) => [f.id, i])) as Record<
  Exclude<FactorId, 'T1'>,
  number
>;
const NFACT = FACTORS.length;
/** Intermediate slots after the factors. */
export const X = {
  P: NFACT,
  CIF: NFACT + 1,
  L: NFACT + 2,
  LT: NFACT + 3,
  sigmaLT: NFACT + 4,
  extraWeeks: NFACT + 5,
  d2Counted: NFACT + 6,
  e3Counted: NFACT + 7,
  cbamActive: NFACT + 8,
  TCO: NFACT + 9,
  safetyUnits: NFACT + 10,
  transportT: NFACT + 11,
  embodiedT: NFACT + 12,
  importerT: NFACT + 13,
  escalationFactor: NFACT + 14,
  daysPay: NFACT + 15,
  toolingLife: NFACT + 16,
} as const;
export const NOUT = NFACT + 17;
const GROUP_INDEX: number[] = FACTORS.map((f) =>
  ['landed', 'stock', 'quality', 'risk', 'strategic', 'carbon'].indexOf(f.group),
);

const A = FI;
/**
 * Evaluates every offer: `vecs[k]` holds offer k's parameters (PI slots), `outs[k]` receives its
 * factors (FI slots) and intermediates (X slots). No allocation. Offers are evaluated together
 * because D2 measures each offer's lead time against the shortest one.
 */
export function evaluateOffers(vecs: readonly Float64Array[], outs: readonly Float64Array[]): void {
  const k = vecs.length;
  let minLt = Infinity;
  for (let i = 0; i < k; i++) {
    const v = vecs[i] as Float64Array;
    const out = outs[i] as Float64Array;
    const Q = v[PI.Q] as number as UnitsPerYear;
    const mass = v[PI.unitKg] as number as Kg;
    const r = v[PI.r] as number as Fraction;
    const n = v[PI.n] as number as ShipmentsPerYear;
    const carbonPrice = v[PI.carbonPrice] as number as EurPerTCo2e;
    const P = a1Price(v[PI.price] as number, v[PI.fx] as number);
    const life = v[PI.life] as number as Years;
    const toolingLife = (Number.isNaN(v[PI.toolingLife]) ? life : v[PI.toolingLife]) as number as Years;
    const a3 = v[PI.pack] as number as EurPerUnit;
    const a4 = a4Freight(n, v[PI.freightShip] as EurPerShipment, Q, v[PI.freightKg] as EurPerKg, mass);
    const a5 = a5Inland(n, v[PI.inlandShip] as EurPerShipment, Q);
    const a7 = a7Insurance(v[PI.ins] as Fraction, P, a3, a4);
    const cifV = cif(P, a3, a4, a7);
    const a8 = a8Duty(v[PI.duty] as Fraction, v[PI.antiDump] as Fraction, cifV);
    const a9 = a9Broker(v[PI.brokerRate] as Fraction, P, n, v[PI.brokerShip] as EurPerShipment, Q);
    const importerT = Number.isNaN(v[PI.cbamImporterT]) ? (Q * mass) / 1000 : (v[PI.cbamImporterT] as number);
    const cbamOn = cbamApplies(v[PI.cbamCat] as number, importerT, v[PI.cbamThreshold] as number);
    const a10 = cbamOn
      ? a10Cbam(
          mass,
          v[PI.cbamEmb] as number,
          v[PI.cbamMarkup] as Fraction,
          v[PI.cbamBench] as number,
          v[PI.cbamFree] as Fraction,
          carbonPrice,
          v[PI.cbamAbroad] as EurPerTCo2e,
        )
      : (0 as EurPerUnit);
    const L = landedCost(cifV, a8, a9, a5);
    const transit = v[PI.transitDays] as Days;
    const lt = ((v[PI.prodWeeks] as number) + transit / 7) as Weeks;
    const sigmaLt = ((v[PI.transitSigma] as number) / 7) as Weeks;
    const daysPay = (
      Number.isNaN(v[PI.daysPay]) ? (v[PI.prodWeeks] as number) * 7 + transit : v[PI.daysPay]
    ) as Days;
    const units = safetyStockUnits(v[PI.z] as number, Q, v[PI.demandCv] as number, lt, sigmaLt);
    const esc = escalationFactor(
      v[PI.escalation] as number,
      v[PI.horizon] as number,
      v[PI.discount] as number,
    );
    const transportT = (legEmissions(mass, v[PI.preKm] as Km, v[PI.efRoad] as KgCo2ePerTonneKm) +
      legEmissions(
        mass,
        v[PI.mainKm] as Km,
        v[PI.efMain] as KgCo2ePerTonneKm,
        1 - (v[PI.airShare] as number),
      ) +
      legEmissions(mass, v[PI.airKm] as Km, v[PI.efAir] as KgCo2ePerTonneKm, v[PI.airShare] as number) +
      legEmissions(mass, v[PI.onKm] as Km, v[PI.efRoad] as KgCo2ePerTonneKm)) as TCo2e;
    const embT = embodiedTonnes(mass, v[PI.embodied] as number);

    out[A.A1] = P;
    out[A.A2] = a2Tooling(v[PI.nre] as number, Q, toolingLife);
    out[A.A3] = a3;
    out[A.A4] = a4;
    out[A.A5] = a5;
    out[A.A6] = a6Air(v[PI.airShare] as Fraction, v[PI.airCost] as EurPerUnit);
    out[A.A7] = a7;
    out[A.A8] = a8;
    out[A.A9] = a9;
    out[A.A10] = a10;
    out[A.B1] = b1InTransit(cifV, r, transit);
    out[A.B2] = b2Deposit(v[PI.deposit] as Fraction, P, r, daysPay);
    out[A.B3] = b3Cycle(L, r, n);
    out[A.B4] = b4Safety(units, L, r, Q);
    out[A.B5] = b5Obsolescence(v[PI.obso] as number, L, Q, life);
    out[A.B6] = v[PI.warehousing] as number;
    out[A.C1] = c1Quality(
      v[PI.defectRate] as Fraction,
      v[PI.costPerDefect] as number,
      v[PI.inspection] as EurPerUnit,
    );
    out[A.C2] = yearlyPerUnit(v[PI.trips] as number, v[PI.costTrip] as number, Q);
    out[A.C3] = yearlyPerUnit(v[PI.mgmtHours] as number, v[PI.hourly] as number, Q);
    out[A.C4] = (v[PI.warranty] as number) * P;
    out[A.D1] = yearlyPerUnit(v[PI.disrP] as number, v[PI.disrImpact] as number, Q);
    out[A.D3] = (v[PI.fxBuffer] as number) * P;
    out[A.D4] = (v[PI.ipRate] as number) * P;
    out[A.D5] = d5TradePolicy(v[PI.tpP] as Fraction, v[PI.tpDelta] as Fraction, cifV);
    out[A.D6] = d6Escalation(P, esc);
    out[A.E1] = (v[PI.innovation] as number) * P;
    out[A.E2] = carbonPerUnit(transportT, carbonPrice);
    out[A.E3] = carbonPerUnit(embT, carbonPrice);
    out[X.P] = P;
    out[X.CIF] = cifV;
    out[X.L] = L;
    out[X.LT] = lt;
    out[X.sigmaLT] = sigmaLt;
    out[X.cbamActive] = cbamOn ? 1 : 0;
    out[X.safetyUnits] = units;
    out[X.transportT] = transportT;
    out[X.embodiedT] = embT;
    out[X.importerT] = importerT;
    out[X.escalationFactor] = esc;
    out[X.daysPay] = daysPay;
    out[X.toolingLife] = toolingLife;
    if (lt < minLt) minLt = lt;
  }
  for (let i = 0; i < k; i++) {
    const v = vecs[i] as Float64Array;
    const out = outs[i] as Float64Array;
    const extra = ((out[X.LT] as number) - minLt) as Weeks;
    const policy = v[PI.d2Policy] as number;
    // Anti-double-count rule: D2 prices the cost of a long lead time (forecast error → write-offs,
    // expediting). When B5 already prices that risk for this offer, D2 is shown, not added
    // (resolve.ts decides 'auto' up front and says why; 0 here is the same rule for raw vectors).
    const otherwisePriced = (out[A.B5] as number) > 0;
    const counted = policy === 1 || (policy === 0 && !otherwisePriced);
    out[A.D2] = d2LeadTime(v[PI.ltCostWeek] as Fraction, out[X.L] as EurPerUnit, extra);
    out[X.extraWeeks] = extra;
    out[X.d2Counted] = counted ? 1 : 0;
    out[X.e3Counted] = v[PI.includeE3] as number;
    let tco = 0;
    for (let f = 0; f < NFACT; f++) {
      if (f === A.D2 && !counted) continue;
      if (f === A.E3 && v[PI.includeE3] !== 1) continue;
      tco += out[f] as number;
    }
    out[X.TCO] = tco;
  }
}

/** Sums of counted factors by group (landed, stock, quality, risk, strategic, carbon). */
export function groupTotals(out: Float64Array): number[] {
  const g = [0, 0, 0, 0, 0, 0];
  for (let f = 0; f < NFACT; f++) {
    if (f === A.D2 && out[X.d2Counted] !== 1) continue;
    if (f === A.E3 && out[X.e3Counted] !== 1) continue;
    const gi = GROUP_INDEX[f] as number;
    g[gi] = (g[gi] as number) + (out[f] as number);
  }
  return g;
}
