// The calculator's entry point: scenario in, explained and compared result out.
import { err, ok, type Problem, type Result } from '../shared/index.ts';
import { buildOfferResult, fmt, withIbal } from './explain.ts';
import { FACTORS, GROUP_LABELS, NOUT, evaluateOffers } from './model.ts';
import { toCents, type EurPerYear } from './quantities.ts';
import { compileScenario, type CompiledScenario } from './resolve.ts';
import { breakEvenReferencePrice, flipValues } from './solvers.ts';
import { runUncertainty } from './uncertainty.ts';
import {
  FACTOR_GROUPS,
  TCO_MODEL_VERSION,
  type OfferResult,
  type PairComparison,
  type Scenario,
  type TcoResult,
} from './types.ts';

export interface ComputeOptions {
  /** Monte Carlo draws (default: scenario.simulation.draws, else 10,000; 0 skips the simulation). */
  draws?: number;
  seed?: number;
  /** Skip the flip search (batch screening). */
  skipFlips?: boolean;
}
export const DEFAULT_DRAWS = 10_000;
export const DEFAULT_SEED = 20261126;

/** Evaluates the base (likely) vectors once: the deterministic result. */
export function evaluateBase(compiled: CompiledScenario): Float64Array[] {
  const outs = compiled.base.map(() => new Float64Array(NOUT));
  evaluateOffers(compiled.base, outs);
  return outs;
}

function compare(
  compiled: CompiledScenario,
  offers: OfferResult[],
  other: number,
  skipFlips: boolean,
): PairComparison {
  const ref = compiled.referenceIndex;
  const r = offers[ref] as OfferResult;
  const o = offers[other] as OfferResult;
  const Q = compiled.base[ref]![0] as number;
  const priceGap = o.priceEurPerUnit - r.priceEurPerUnit;
  const tcoGap = o.tcoPerUnit - r.tcoPerUnit;
  const gapByGroup = FACTOR_GROUPS.map((g, i) => ({
    group: g,
    label: GROUP_LABELS[g],
    gapPerUnit: (o.groups[i]?.perUnit ?? 0) - (r.groups[i]?.perUnit ?? 0),
  })).sort((a, b) => Math.abs(b.gapPerUnit) - Math.abs(a.gapPerUnit));
  const breakEven = breakEvenReferencePrice(compiled, other);
  const cheaper = tcoGap > 0 ? r.name : o.name;
  const summary =
    `Sur le prix, « ${o.name} » est ${priceGap < 0 ? 'moins cher' : 'plus cher'} de ${fmt(Math.abs(priceGap))} €/unité ; ` +
    `en coût complet (TCO), l’écart est de ${fmt(Math.abs(tcoGap))} €/unité en faveur de « ${cheaper} », ` +
    `soit ${fmt(Math.abs(tcoGap * Q))} € par an.` +
    (breakEven
      ? ` Prix d’équilibre de « ${r.name} » : ${fmt(breakEven.price)} ${breakEven.currency}.`
      : ` Même à prix nul, « ${r.name} » resterait plus cher en coût complet.`);
  return {
    referenceOfferId: r.offerId,
    otherOfferId: o.offerId,
    priceGapPerUnit: priceGap,
    tcoGapPerUnit: tcoGap,
    tcoGapPerYearCents: toCents((tcoGap * Q) as EurPerYear),
    breakEvenReferencePrice: breakEven,
    flips: skipFlips ? [] : flipValues(compiled, other),
    gapByGroup,
    summary,
  };
}

export function computeCompiled(compiled: CompiledScenario, options: ComputeOptions = {}): TcoResult {
  const scenario = compiled.scenario;
  const outs = evaluateBase(compiled);
  const offers = compiled.meta.map((m, i) => {
    const res = buildOfferResult(m, compiled.base[i] as Float64Array, outs[i] as Float64Array);
    res.regional = withIbal(res.regional, scenario.common.companyAnnualPurchases);
    return res;
  });
  const comparisons = offers.flatMap((_, i) =>
    i === compiled.referenceIndex ? [] : [compare(compiled, offers, i, options.skipFlips ?? false)],
  );
  const draws = options.draws ?? scenario.simulation?.draws ?? DEFAULT_DRAWS;
  const seed = options.seed ?? scenario.simulation?.seed ?? DEFAULT_SEED;
  const uncertainty =
    draws > 0 && compiled.uncertain.length > 0 ? runUncertainty(compiled, draws, seed) : null;
  return {
    modelVersion: TCO_MODEL_VERSION,
    title: scenario.title ?? scenario.product ?? 'Comparaison d’offres',
    referenceOfferId: offers[compiled.referenceIndex]!.offerId,
    offers,
    comparisons,
    uncertainty,
    referenceData: [...compiled.referenceUsed.values()].map((f) => ({
      id: f.id,
      label: f.label,
      value: f.value,
      unit: f.unit,
      source: f.source,
      asOf: f.asOf,
      reviewBy: f.reviewBy,
    })),
    warnings: compiled.warnings,
  };
}

/** Scenario → result, or the list of problems that prevent the computation (in French). */
export function computeTco(scenario: Scenario, options: ComputeOptions = {}): Result<TcoResult, Problem[]> {
  const compiled = compileScenario(scenario);
  if (!compiled.ok) return err(compiled.error);
  return ok(computeCompiled(compiled.value, options));
}

/** Number of factor lines of the model (A1–E3), for documentation and tests. */
export const FACTOR_COUNT = FACTORS.length;
