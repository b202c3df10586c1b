// The HTTP contract of the TCO calculator (issue 5, point 7). The scenario JSON is the same for the
// API, the CLI (`npm run cli -- tco SCENARIO.json`) and the web page's URL state: one zod schema,
// checked against the core's TypeScript types below so both cannot drift apart.
import { z } from 'zod';
import type { BatchRow, QuickInput, Scenario } from '../core/tco/index.ts';

const finite = z.number().refine(Number.isFinite, { message: 'nombre fini attendu' });

/** A point value or a { low, likely, high } range with low ≤ likely ≤ high. */
export const uncertainSchema = z.union([
  finite,
  z
    .object({ low: finite, likely: finite, high: finite })
    .strict()
    .refine((r) => r.low <= r.likely && r.likely <= r.high, {
      message: 'une fourchette doit respecter bas ≤ probable ≤ haut',
    }),
]);
const u = uncertainSchema.optional();
const rate = z.number().min(0).max(1);

export const originSchema = z
  .object({
    portId: z.string().max(10).optional(),
    city: z.string().max(120).optional(),
    country: z.string().length(2),
    lat: z.number().min(-90).max(90).optional(),
    lon: z.number().min(-180).max(180).optional(),
  })
  .strict();

const modeSchema = z.enum(['sea', 'road', 'rail', 'air']);

export const offerSchema = z
  .object({
    id: z.string().min(1).max(40),
    name: z.string().min(1).max(200),
    role: z.enum(['far', 'local', 'other']),
    origin: originSchema,
    currency: z.string().regex(/^[A-Z]{3}$/, 'code devise ISO 4217 en majuscules attendu (EUR, USD, CNY…)'),
    price: uncertainSchema,
    fxToEur: u,
    transport: z
      .object({
        mainMode: modeSchema,
        arrivalPortId: z.string().max(10).optional(),
        preCarriageKm: u,
        mainKm: u,
        onCarriageKm: u,
      })
      .strict(),
    landed: z
      .object({
        toolingNre: u,
        toolingLifeYears: u,
        packagingPerUnit: u,
        shipmentsPerYear: u,
        freightPerShipment: u,
        freightPerKg: u,
        inlandPerShipment: u,
        airShare: u,
        airCostPerUnit: u,
        insuranceRate: u,
        dutyRate: u,
        antiDumpingRate: u,
        brokerFeeRate: u,
        brokerFeePerShipment: u,
        cbam: z
          .object({
            category: z.enum([
              'none',
              'iron-steel',
              'aluminium',
              'cement',
              'fertilisers',
              'hydrogen',
              'electricity',
            ]),
            embeddedTco2ePerTonne: u,
            usesDefaultValues: z.boolean().optional(),
            carbonPricePaidAbroad: u,
            freeAllocationBenchmark: u,
            importerCbamTonnesPerYear: z.number().min(0).optional(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    stock: z
      .object({
        productionWeeks: u,
        transitDays: u,
        transitSigmaDays: u,
        depositShare: u,
        daysPaymentToReceipt: u,
        obsolescenceUnits: u,
        warehousingPerUnit: u,
      })
      .strict()
      .optional(),
    quality: z
      .object({
        defectRate: u,
        costPerDefect: u,
        inspectionPerUnit: u,
        tripsPerYear: u,
        costPerTrip: u,
        managementHoursPerYear: u,
        hourlyRate: u,
        warrantyRate: u,
      })
      .strict()
      .optional(),
    risk: z
      .object({
        disruptionProbability: u,
        disruptionImpact: u,
        leadTimeMismatch: z.enum(['auto', 'count', 'skip']).optional(),
        leadTimeCostPerWeek: u,
        fxBufferRate: u,
        ipRiskRate: u,
        tradePolicyProbability: u,
        tradePolicyDutyDelta: u,
        escalationRate: u,
      })
      .strict()
      .optional(),
    strategic: z.object({ innovationRate: u }).strict().optional(),
    carbon: z.object({ embodiedTco2ePerTonne: u }).strict().optional(),
    regional: z.object({ shareBretagne: rate.optional(), shareFrance: rate.optional() }).strict().optional(),
  })
  .strict();

export const commonSchema = z
  .object({
    annualVolume: uncertainSchema,
    unitWeightKg: uncertainSchema,
    productLifeYears: u,
    horizonYears: z.number().int().min(1).max(10).optional(),
    discountRate: u,
    carryingRate: u,
    serviceLevel: z.number().gt(0.5).lt(1).optional(),
    demandCv: u,
    carbonPrice: u,
    route: z.enum(['suez', 'cape']).optional(),
    year: z.number().int().min(2020).max(2100).optional(),
    destination: z
      .object({
        city: z.string().max(120).optional(),
        lat: z.number().min(-90).max(90).optional(),
        lon: z.number().min(-180).max(180).optional(),
        portId: z.string().max(10).optional(),
      })
      .strict()
      .optional(),
    referenceOfferId: z.string().optional(),
    includeEmbodiedCarbon: z.boolean().optional(),
    companyAnnualPurchases: z.number().min(0).optional(),
    fxRates: z.record(z.string().regex(/^[A-Z]{3}$/), z.number().positive()).optional(),
  })
  .strict();

export const maxDraws = 100_000;
export const scenarioSchema = z
  .object({
    version: z.string().optional(),
    title: z.string().max(200).optional(),
    product: z.string().max(200).optional(),
    common: commonSchema,
    offers: z.array(offerSchema).min(2, 'au moins deux offres à comparer').max(10),
    assumptions: z.record(z.string().max(200), z.string().max(500)).optional(),
    simulation: z
      .object({
        draws: z.number().int().min(100).max(maxDraws).optional(),
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 32 - 1)
          .optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((s) => new Set(s.offers.map((o) => o.id)).size === s.offers.length, {
    message: 'chaque offre doit avoir un identifiant différent',
    path: ['offers'],
  });

export const quickInputSchema = z
  .object({
    product: z.string().min(1).max(200),
    annualVolume: z.number().positive(),
    unitWeightKg: z.number().positive(),
    far: z
      .object({
        price: z.number().nonnegative(),
        currency: z.string().regex(/^[A-Z]{3}$/),
        originPortId: z.string().min(2).max(10),
      })
      .strict(),
    local: z
      .object({
        price: z.number().nonnegative(),
        city: z.string().min(1).max(120),
        lat: z.number().min(-90).max(90).optional(),
        lon: z.number().min(-180).max(180).optional(),
      })
      .strict(),
    freight: z.enum(['fcl', 'lcl', 'delivered']),
    dutyRate: rate.optional(),
  })
  .strict();

export const computeRequestSchema = z
  .object({
    /** A full scenario, or a quick-mode input expanded with the defaults. */
    scenario: scenarioSchema.optional(),
    quick: quickInputSchema.optional(),
    draws: z.number().int().min(0).max(maxDraws).optional(),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .optional(),
  })
  .strict()
  .refine((r) => (r.scenario ? 1 : 0) + (r.quick ? 1 : 0) === 1, {
    message: 'envoyez soit « scenario » (mode expert), soit « quick » (mode rapide)',
  });
export type ComputeRequest = z.infer<typeof computeRequestSchema>;

export const batchRowSchema = z
  .object({
    reference: z.string().min(1).max(200),
    annualVolume: z.number().positive(),
    unitWeightKg: z.number().positive(),
    farPrice: z.number().nonnegative(),
    farCurrency: z.string().regex(/^[A-Z]{3}$/),
    farOriginPortId: z.string().min(2).max(10),
    localPrice: z.number().nonnegative(),
  })
  .strict();
export const maxBatchRows = 2000;
export const batchRequestSchema = z
  .object({
    csv: z.string().max(2_000_000).optional(),
    rows: z.array(batchRowSchema).max(maxBatchRows).optional(),
    draws: z.number().int().min(0).max(5000).optional(),
    seed: z.number().int().min(0).optional(),
  })
  .strict()
  .refine((r) => (r.csv !== undefined ? 1 : 0) + (r.rows !== undefined ? 1 : 0) === 1, {
    message: 'envoyez soit « csv » (texte), soit « rows » (JSON)',
  });
export type BatchRequest = z.infer<typeof batchRequestSchema>;

// The results are built by the core and typed there; the API documents their shape loosely
// (an explanation tree is recursive) and the core's types are the reference.
export const computeResponseSchema = z.object({ result: z.any() }).passthrough();

// Compile-time guard: the schema's output is assignable to the core's types.
type Assert<T extends true> = T;
export type _ScenarioMatches = Assert<z.infer<typeof scenarioSchema> extends Scenario ? true : false>;
export type _QuickMatches = Assert<z.infer<typeof quickInputSchema> extends QuickInput ? true : false>;
export type _BatchRowMatches = Assert<z.infer<typeof batchRowSchema> extends BatchRow ? true : false>;
