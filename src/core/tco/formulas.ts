// The formulas of ../shared/TCO-MODEL.md, one typed function per factor. They are the single source
// of truth: the fast evaluator (model.ts, used by the Monte Carlo and the solvers) and the explained
// result (explain.ts) both take their numbers from here. Quantities are branded (quantities.ts), so
// passing kg where t·km is expected, or €/year where €/unit is expected, does not compile.
import {
  type Days,
  type EurPerKg,
  type EurPerShipment,
  type EurPerTCo2e,
  type EurPerUnit,
  type EurPerYear,
  type Fraction,
  type Kg,
  type KgCo2ePerTonneKm,
  type Km,
  type ShipmentsPerYear,
  type TCo2e,
  type UnitsPerYear,
  type Weeks,
  type Years,
  carbonCost,
  daysAsYearFraction,
  emissions,
  eurForOneUnit,
  kgToTCo2e,
  kgToTonnes,
  perUnit,
  perUnitFromKg,
  perUnitFromShipments,
  share,
  tonneKm,
} from './quantities.ts';

const u = (v: number): EurPerUnit => v as EurPerUnit;

/** A1 price in EUR: P_cur × FX (EUR per unit of currency). */
export const a1Price = (priceInCurrency: number, fxToEur: number): EurPerUnit => u(priceInCurrency * fxToEur);

/** A2 tooling / NRE spread over the volume of its life: NRE / (Q × life years). */
export const a2Tooling = (nre: number, volume: UnitsPerYear, lifeYears: Years): EurPerUnit =>
  u(volume > 0 && lifeYears > 0 ? nre / (volume * lifeYears) : 0);

/** A4 main freight: n × rate per shipment / Q + rate per kg × unit mass (groupage). */
export const a4Freight = (
  shipments: ShipmentsPerYear,
  perShipment: EurPerShipment,
  volume: UnitsPerYear,
  perKg: EurPerKg,
  unitMass: Kg,
): EurPerUnit => u(perUnitFromShipments(perShipment, shipments, volume) + perUnitFromKg(perKg, unitMass));

/** A5 pre- and on-carriage: n × inland cost per shipment / Q. */
export const a5Inland = (shipments: ShipmentsPerYear, perShipment: EurPerShipment, volume: UnitsPerYear) =>
  perUnitFromShipments(perShipment, shipments, volume);

/** A6 air / expedite: share sent by air × extra cost per unit by air. */
export const a6Air = (airShare: Fraction, airCostPerUnit: EurPerUnit): EurPerUnit =>
  share(airShare, airCostPerUnit);

/** A7 cargo insurance: i × (P + packaging + freight). */
export const a7Insurance = (rate: Fraction, price: EurPerUnit, packaging: EurPerUnit, freight: EurPerUnit) =>
  share(rate, u(price + packaging + freight));

/** CIF = P + packaging + main freight + insurance. */
export const cif = (price: EurPerUnit, packaging: EurPerUnit, freight: EurPerUnit, insurance: EurPerUnit) =>
  u(price + packaging + freight + insurance);

/** A8 customs duty: (duty % + anti-dumping %) × CIF. */
export const a8Duty = (dutyRate: Fraction, antiDumpingRate: Fraction, cifValue: EurPerUnit) =>
  u((dutyRate + antiDumpingRate) * cifValue);

/** A9 customs broker: fee % × P + n × flat fee / Q. */
export const a9Broker = (
  feeRate: Fraction,
  price: EurPerUnit,
  shipments: ShipmentsPerYear,
  flatFee: EurPerShipment,
  volume: UnitsPerYear,
) => u(feeRate * price + perUnitFromShipments(flatFee, shipments, volume));

/**
 * A10 CBAM per unit, when the goods are covered and above the threshold:
 * mass (t) × max(0, embedded × (1 + mark-up) × price − benchmark × free-allocation share × price
 * − carbon price paid abroad × embedded).
 */
export function a10Cbam(
  unitMass: Kg,
  embeddedTPerT: number,
  markup: Fraction,
  benchmarkTPerT: number,
  freeAllocationShare: Fraction,
  certificatePrice: EurPerTCo2e,
  paidAbroadPerT: EurPerTCo2e,
): EurPerUnit {
  const certificates = embeddedTPerT * (1 + markup) - benchmarkTPerT * freeAllocationShare;
  const perTonne = Math.max(0, certificates * certificatePrice - paidAbroadPerT * embeddedTPerT);
  return u(kgToTonnes(unitMass) * perTonne);
}

/** Whether CBAM applies: covered goods, and above 50 t/year except hydrogen and electricity. */
export const cbamApplies = (category: number, importerTonnes: number, threshold: number): boolean =>
  category === 2 || (category === 1 && importerTonnes >= threshold);

/** L = CIF + duty + broker + on-carriage (cash landed cost per unit). */
export const landedCost = (cifValue: EurPerUnit, duty: EurPerUnit, broker: EurPerUnit, inland: EurPerUnit) =>
  u(cifValue + duty + broker + inland);

/** B1 in-transit stock: CIF × r × transit days / 365. */
export const b1InTransit = (cifValue: EurPerUnit, r: Fraction, transit: Days) =>
  u(cifValue * r * daysAsYearFraction(transit));

/** B2 deposit: deposit % × P × r × days from payment to receipt / 365. */
export const b2Deposit = (deposit: Fraction, price: EurPerUnit, r: Fraction, days: Days) =>
  u(deposit * price * r * daysAsYearFraction(days));

/** B3 cycle stock: L × r / (2n) (on average half a delivery is in stock). */
export const b3Cycle = (landed: EurPerUnit, r: Fraction, shipments: ShipmentsPerYear) =>
  u(shipments > 0 ? (landed * r) / (2 * shipments) : 0);

/** Safety stock in units: z × √(LT·σ_w² + d_w²·σ_LT²), weekly demand d_w = Q/52, σ_w = cv × d_w. */
export function safetyStockUnits(
  z: number,
  volume: UnitsPerYear,
  cv: number,
  lt: Weeks,
  sigmaLt: Weeks,
): number {
  const dw = volume / 52;
  const sw = cv * dw;
  return z * Math.sqrt(lt * sw * sw + dw * dw * sigmaLt * sigmaLt);
}
/** B4 safety stock cost per unit: safety units × L × r / Q. */
export const b4Safety = (units: number, landed: EurPerUnit, r: Fraction, volume: UnitsPerYear) =>
  u(volume > 0 ? (units * landed * r) / volume : 0);

/** B5 obsolescence: units written off × L / (Q × life). */
export const b5Obsolescence = (units: number, landed: EurPerUnit, volume: UnitsPerYear, life: Years) =>
  u(volume > 0 && life > 0 ? (units * landed) / (volume * life) : 0);

/** C1 non-quality: defect rate × cost per defect + inspection per unit. */
export const c1Quality = (defectRate: Fraction, costPerDefect: number, inspection: EurPerUnit) =>
  u(defectRate * costPerDefect + inspection);

/** A yearly cost spread over the volume (C2 trips × cost, C3 hours × rate, D1 P × impact). */
export const yearlyPerUnit = (count: number, cost: number, volume: UnitsPerYear) =>
  perUnit((count * cost) as EurPerYear, volume);

/** D2 lead-time mismatch: cost per week × unit cost (L) × weeks of extra lead time. */
export const d2LeadTime = (perWeek: Fraction, landed: EurPerUnit, extraWeeks: Weeks) =>
  u(perWeek * landed * Math.max(0, extraWeeks));

/** D5 trade-policy change: P(change) × Δduty × CIF. */
export const d5TradePolicy = (probability: Fraction, dutyDelta: Fraction, cifValue: EurPerUnit) =>
  u(probability * dutyDelta * cifValue);

/**
 * D6 escalation over the horizon: the discounted average of P × ((1 + g)^t − 1) for t = 0..H−1,
 * i.e. Σ P((1+g)^t − 1)/(1+d)^t ÷ Σ 1/(1+d)^t — the extra price per unit, levelised.
 */
export function escalationFactor(g: number, horizonYears: number, discount: number): number {
  let num = 0;
  let den = 0;
  let grow = 1;
  let disc = 1;
  const h = Math.max(1, Math.round(horizonYears));
  for (let t = 0; t < h; t++) {
    num += (grow - 1) / disc;
    den += 1 / disc;
    grow *= 1 + g;
    disc *= 1 + discount;
  }
  return num / den;
}
export const d6Escalation = (price: EurPerUnit, factor: number) => u(price * factor);

/** Transport emissions of one unit (t CO2e): Σ legs mass (t) × km × factor. */
export function legEmissions(unitMass: Kg, km: Km, factor: KgCo2ePerTonneKm, shareOfVolume = 1): TCo2e {
  return kgToTCo2e(emissions(tonneKm(kgToTonnes(unitMass), (km * shareOfVolume) as Km), factor));
}
/** E2 / E3: tonnes of CO2e × price per tonne, per unit. */
export const carbonPerUnit = (t: TCo2e, price: EurPerTCo2e): EurPerUnit =>
  eurForOneUnit(carbonCost(t, price));

/** E3 embodied carbon of one unit: mass (t) × tCO2e/t. */
export const embodiedTonnes = (unitMass: Kg, tPerT: number): TCo2e => (kgToTonnes(unitMass) * tPerT) as TCo2e;

/** Inverse of the standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  const pl = 0.02425;
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  if (p < pl) {
    const qq = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c0 * qq + c1) * qq + c2) * qq + c3) * qq + c4) * qq + c5) /
      ((((d0 * qq + d1) * qq + d2) * qq + d3) * qq + 1)
    );
  }
  if (p > 1 - pl) return -normalQuantile(1 - p);
  const qq = p - 0.5;
  const r = qq * qq;
  return (
    ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * qq) /
    (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1)
  );
}
