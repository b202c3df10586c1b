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

export const maxDraws = 50_000;
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
export const maxBatchRows = 500;
export const batchRequestSchema = z
  .object({
    csv: z.string().max(500_000).optional(),
    rows: z.array(batchRowSchema).max(maxBatchRows).optional(),
    draws: z.number().int().min(0).max(2000).optional(),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .optional(),
    localCity: z.string().max(120).optional(),
  })
  .strict()
  .refine((r) => (r.csv !== undefined ? 1 : 0) + (r.rows !== undefined ? 1 : 0) === 1, {
    message: 'envoyez soit « csv » (texte), soit « rows » (JSON)',
  });
export type BatchRequest = z.infer<typeof batchRequestSchema>;

// Responses. The core builds and types the result (TcoResult in src/core/tco/types.ts); these
// schemas document its main fields in OpenAPI and let the rest through (the explanation tree is
// recursive).
const lineInputSchema = z.object({
  name: z.string(),
  value: z.number(),
  unit: z.string(),
  source: z.string(),
});
export const explainedLineSchema = z.looseObject({
  id: z.string(),
  factorId: z.string(),
  group: z.string(),
  label: z.string(),
  perUnit: z.number().describe('€ par unité (taux, non arrondi)'),
  perYearCents: z.number().int().describe('€ par an, en centimes'),
  formula: z.string(),
  inputs: z.array(lineInputSchema),
  children: z.array(z.unknown()),
  counted: z.boolean(),
  note: z.string().optional(),
});
const percentilesSchema = z.object({ p10: z.number(), p50: z.number(), p90: z.number(), mean: z.number() });
export const tcoResultSchema = z.looseObject({
  modelVersion: z.string(),
  title: z.string(),
  referenceOfferId: z.string(),
  offers: z.array(
    z.looseObject({
      offerId: z.string(),
      name: z.string(),
      role: z.string(),
      priceEurPerUnit: z.number(),
      tcoPerUnit: z.number(),
      tcoPerYearCents: z.number().int(),
      hiddenCostShare: z.number(),
      lines: z.array(explainedLineSchema),
      groups: z.array(
        z.object({
          group: z.string(),
          label: z.string(),
          perUnit: z.number(),
          perYearCents: z.number().int(),
        }),
      ),
      regional: z.looseObject({
        shareBretagne: z.number(),
        shareFrance: z.number(),
        line: explainedLineSchema,
      }),
      warnings: z.array(z.string()),
    }),
  ),
  comparisons: z.array(
    z.looseObject({
      referenceOfferId: z.string(),
      otherOfferId: z.string(),
      priceGapPerUnit: z.number(),
      tcoGapPerUnit: z.number(),
      tcoGapPerYearCents: z.number().int(),
      breakEvenReferencePrice: z
        .object({
          price: z.number(),
          currency: z.string(),
          method: z.enum(['exact', 'bisection']),
          referenceTcoCents: z.number().int(),
          otherTcoCents: z.number().int(),
        })
        .nullable(),
      flips: z.array(
        z.looseObject({
          path: z.string(),
          label: z.string(),
          flipAt: z.number().nullable(),
          message: z.string(),
        }),
      ),
      summary: z.string(),
    }),
  ),
  uncertainty: z
    .looseObject({
      draws: z.number().int(),
      seed: z.number().int(),
      distribution: z.literal('triangular'),
      perOffer: z.array(z.looseObject({ offerId: z.string(), tcoPerUnit: percentilesSchema })),
      pairs: z.array(
        z.object({ otherOfferId: z.string(), pReferenceCheaper: z.number(), gapPerUnit: percentilesSchema }),
      ),
      pReferenceCheapest: z.number(),
      tornado: z.array(z.looseObject({ path: z.string(), label: z.string(), swing: z.number() })),
    })
    .nullable(),
  referenceData: z.array(
    z.looseObject({ id: z.string(), value: z.number(), source: z.string(), asOf: z.string() }),
  ),
  warnings: z.array(z.string()),
});
export const computeResponseSchema = z.object({ scenario: z.unknown(), result: tcoResultSchema });

export const batchResponseSchema = z.object({
  rows: z.array(
    z.object({
      reference: z.string(),
      line: z.number().int(),
      ok: z.boolean(),
      error: z.string().optional(),
      farTcoPerUnit: z.number().optional(),
      localTcoPerUnit: z.number().optional(),
      priceGapPerUnit: z.number().optional(),
      tcoGapPerUnit: z.number().optional(),
      tcoGapPerYearCents: z.number().int().optional(),
      breakEvenLocalPrice: z.number().nullable().optional(),
      pLocalCheaper: z.number().optional(),
      rank: z.number().int().optional(),
      score: z.number().optional(),
    }),
  ),
  problems: z.array(z.object({ line: z.number().int(), message: z.string() })),
  rankedBy: z.string(),
});

const figureSchema = z.object({
  id: z.string(),
  label: z.string(),
  value: z.number(),
  unit: z.string(),
  source: z.string(),
  asOf: z.string(),
  reviewBy: z.string(),
  note: z.string().optional(),
});
export const referenceDataResponseSchema = z.object({
  figures: z.array(figureSchema),
  overdue: z.array(z.string()).describe('identifiants des chiffres dont la date de revue est passée'),
  fx: z.object({ perEur: z.record(z.string(), z.number()), source: figureSchema }),
  cbam: z.object({
    markupByYear: z.array(z.object({ fromYear: z.number().int(), value: z.number() })),
    freeAllocationByYear: z.record(z.string(), z.number()),
  }),
  ports: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      country: z.string(),
      lat: z.number(),
      lon: z.number(),
      french: z.boolean().optional(),
    }),
  ),
  cities: z.array(
    z.object({ name: z.string(), country: z.string(), lat: z.number(), lon: z.number(), portId: z.string() }),
  ),
});

// Compile-time guard: the schema's output is assignable to the core's types.
type Assert<T extends true> = T;
export type _ScenarioMatches = Assert<z.infer<typeof scenarioSchema> extends Scenario ? true : false>;
export type _QuickMatches = Assert<z.infer<typeof quickInputSchema> extends QuickInput ? true : false>;
export type _BatchRowMatches = Assert<z.infer<typeof batchRowSchema> extends BatchRow ? true : false>;
