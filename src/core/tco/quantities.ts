// Typed quantities of the TCO model: a unit slip (adding €/unit to €/year, kg to t·km) is a type
// error. Every conversion between units lives in this file.
//
// Money choice: the model works in euros per unit with fractions (0.0342 €/unit of insurance is a
// legitimate rate), so intermediate values are `number`s of euros branded by unit. They are rates,
// not stored money. Money that leaves the model as an amount (per-year totals, fields named *Cents)
// is rounded once, here, to integer cents (DESIGN.md §4).
import { cents, type Cents } from '../shared/index.ts';

declare const unitBrand: unique symbol;
/** A number carrying its unit in the type. */
export type Quantity<U extends string> = number & { readonly [unitBrand]: U };

export type Eur = Quantity<'EUR'>;
export type EurPerUnit = Quantity<'EUR/unit'>;
export type EurPerYear = Quantity<'EUR/year'>;
export type EurPerShipment = Quantity<'EUR/shipment'>;
export type EurPerKg = Quantity<'EUR/kg'>;
export type EurPerTCo2e = Quantity<'EUR/tCO2e'>;
export type UnitsPerYear = Quantity<'unit/year'>;
export type ShipmentsPerYear = Quantity<'shipment/year'>;
export type Kg = Quantity<'kg'>;
export type Tonnes = Quantity<'t'>;
export type Km = Quantity<'km'>;
export type TonneKm = Quantity<'t.km'>;
export type KgCo2e = Quantity<'kgCO2e'>;
export type TCo2e = Quantity<'tCO2e'>;
export type KgCo2ePerTonneKm = Quantity<'kgCO2e/t.km'>;
export type Days = Quantity<'days'>;
export type Weeks = Quantity<'weeks'>;
export type Years = Quantity<'years'>;
/** A fraction (0.25 = 25 %), per year when it is a rate of carrying cost. */
export type Fraction = Quantity<'fraction'>;

/** Brands a plain number read from validated input. The only door from `number` into the model. */
export const q = <U extends string>(value: number): Quantity<U> => value as Quantity<U>;
export const eurPerUnit = (v: number): EurPerUnit => v as EurPerUnit;
export const fraction = (v: number): Fraction => v as Fraction;

/** Adds quantities of the same unit. */
export function add<U extends string>(...values: Quantity<U>[]): Quantity<U> {
  let s = 0;
  for (const v of values) s += v;
  return s as Quantity<U>;
}

// ---- conversions (the one place) ----
export const perYear = (v: EurPerUnit, volume: UnitsPerYear): EurPerYear => (v * volume) as EurPerYear;
export const perUnit = (v: EurPerYear, volume: UnitsPerYear): EurPerUnit =>
  (volume > 0 ? v / volume : 0) as EurPerUnit;
export const perUnitFromShipments = (
  costPerShipment: EurPerShipment,
  shipments: ShipmentsPerYear,
  volume: UnitsPerYear,
): EurPerUnit => (volume > 0 ? (costPerShipment * shipments) / volume : 0) as EurPerUnit;
export const perUnitFromKg = (rate: EurPerKg, unitMass: Kg): EurPerUnit => (rate * unitMass) as EurPerUnit;
export const kgToTonnes = (v: Kg): Tonnes => (v / 1000) as Tonnes;
export const daysToWeeks = (v: Days): Weeks => (v / 7) as Weeks;
export const daysAsYearFraction = (v: Days): Fraction => (v / 365) as Fraction;
export const tonneKm = (mass: Tonnes, distance: Km): TonneKm => (mass * distance) as TonneKm;
export const emissions = (work: TonneKm, factor: KgCo2ePerTonneKm): KgCo2e => (work * factor) as KgCo2e;
export const kgToTCo2e = (v: KgCo2e): TCo2e => (v / 1000) as TCo2e;
export const carbonCost = (v: TCo2e, price: EurPerTCo2e): Eur => (v * price) as Eur;
/** A money amount (€) that concerns one unit of product. */
export const eurForOneUnit = (v: Eur): EurPerUnit => v as number as EurPerUnit;
export const share = (rate: Fraction, base: EurPerUnit): EurPerUnit => (rate * base) as EurPerUnit;

/** Rounds a per-year amount to integer cents (half away from zero), the only rounding of money. */
export function toCents(v: EurPerYear | Eur): Cents {
  const c = Math.round(Math.abs(v) * 100) * Math.sign(v);
  return cents(c === 0 ? 0 : c);
}
/** A per-unit rate rounded to the cent (for the solvers' "equal to the cent" checks and display). */
export function unitToCents(v: EurPerUnit): Cents {
  const c = Math.round(Math.abs(v) * 100) * Math.sign(v);
  return cents(c === 0 ? 0 : c);
}
