// Public entry of core/tco: the TCO model of ../shared/TCO-MODEL.md (issue 5).
export * from './types.ts';
export * from './quantities.ts';
export {
  computeTco,
  computeCompiled,
  evaluateBase,
  DEFAULT_DRAWS,
  DEFAULT_SEED,
  type ComputeOptions,
} from './compute.ts';
export { compileScenario, seaTransitDays, type CompiledScenario, type UncertainParam } from './resolve.ts';
export { expandQuickInput } from './quick.ts';
export {
  parseBatchCsv,
  parseFrenchNumber,
  screenBatch,
  type ParsedBatch,
  type ScreenOptions,
} from './batch.ts';
export { runUncertainty, simulate, tornado, seededRandom, triangular, percentiles } from './uncertainty.ts';
export { breakEvenReferencePrice, flipValues } from './solvers.ts';
export { evaluateOffers, FACTORS, GROUP_LABELS, NOUT, X } from './model.ts';
export {
  PORTS,
  CITIES,
  listPorts,
  listCities,
  findPort,
  findCity,
  greatCircleKm,
  seaDistanceKm,
  type Port,
  type City,
} from './places.ts';
export {
  REFERENCE,
  allReferenceFigures,
  overdueFigures,
  fxToEur,
  FX_PER_EUR,
  cbamMarkup,
  cbamFreeAllocation,
  disruptionProbability,
  CBAM_MARKUP as CBAM_MARKUP_TABLE,
  CBAM_FREE_ALLOCATION as CBAM_FREE_ALLOCATION_TABLE,
  FX_SOURCE as FX_REFERENCE,
  type ReferenceFigure,
} from './reference-data.ts';
