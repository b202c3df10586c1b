// The HTTP contract of the directory of suppliers (SIRENE establishments): search, detail,
// local alternatives and exports. Shared by the server (route schemas, OpenAPI) and the web.
import { z } from 'zod';

/** INSEE headcount bands (trancheEffectifsEtablissement). Source: INSEE, SIRENE documentation, 2024. */
export const headcountBands = {
  NN: 'Non employeur',
  '00': '0 salarié',
  '01': '1 ou 2 salariés',
  '02': '3 à 5 salariés',
  '03': '6 à 9 salariés',
  '11': '10 à 19 salariés',
  '12': '20 à 49 salariés',
  '21': '50 à 99 salariés',
  '22': '100 à 199 salariés',
  '31': '200 à 249 salariés',
  '32': '250 à 499 salariés',
  '41': '500 à 999 salariés',
  '42': '1 000 à 1 999 salariés',
  '51': '2 000 à 4 999 salariés',
  '52': '5 000 à 9 999 salariés',
  '53': '10 000 salariés et plus',
} as const;
export type HeadcountBand = keyof typeof headcountBands;
export const headcountBandCodes = Object.keys(headcountBands) as [HeadcountBand, ...HeadcountBand[]];
export const headcountBandSchema = z.enum(headcountBandCodes);

/** The 21 sections of NAF rev. 2 (A–U). */
export const nafSectionSchema = z
  .string()
  .regex(/^[A-Ua-u]$/, 'section NAF attendue : une lettre de A à U')
  .transform((s) => s.toUpperCase());

/** A NAF rev. 2 code at any level: division `25`, group `25.6`, class `25.62`, sub-class `25.62B` (dot optional). */
export const nafCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{2}(\.?\d{1,2}[A-Za-z]?)?$/, 'code NAF attendu, par exemple 25, 25.6, 25.62 ou 25.62B')
  .transform((s) => {
    const digits = s.replace('.', '').toUpperCase();
    return digits.length <= 2 ? digits : `${digits.slice(0, 2)}.${digits.slice(2)}`;
  });

/** Department code: 2 characters (01–95, 2A, 2B) or 3 digits for overseas (971–976). */
export const departmentCodeSchema = z
  .string()
  .regex(/^(\d{2}|2[AB]|97\d)$/i, 'code de département attendu, par exemple 29');
/** Commune: INSEE COG code (not a postal code). */
export const communeCodeSchema = z
  .string()
  .regex(/^(\d{5}|2[AB]\d{3})$/i, 'code commune INSEE attendu (5 caractères), par exemple 29019');

/** `near`: a commune code (`29019`) or a point `lat,lon` in WGS84 (`48.39,-4.49`). */
export const nearSchema = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const point = /^(-?\d{1,2}(?:\.\d+)?),\s*(-?\d{1,3}(?:\.\d+)?)$/.exec(value);
    if (point) {
      const lat = Number(point[1]);
      const lon = Number(point[2]);
      if (Math.abs(lat) <= 90 && Math.abs(lon) <= 180) return { kind: 'point' as const, lat, lon };
    } else if (/^(\d{5}|2[AB]\d{3})$/i.test(value)) {
      return { kind: 'commune' as const, code: value.toUpperCase() };
    }
    ctx.addIssue({
      code: 'custom',
      message: 'attendu : un code commune INSEE (29019) ou un point « lat,lon » (48.39,-4.49)',
    });
    return z.NEVER;
  });
export type Near = z.output<typeof nearSchema>;

/** A list in a query string: repeated (`?department=22&department=29`) or comma separated (`22,29`). */
const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) =>
      (Array.isArray(v) ? v : [v])
        .flatMap((x) => (typeof x === 'string' ? x.split(',') : [x]))
        .map((x) => (typeof x === 'string' ? x.trim() : x))
        .filter((x) => x !== ''),
    z.array(item).max(50),
  );

const booleanFlag = z.preprocess(
  (v) => (v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : v),
  z.boolean(),
);

export const sortSchema = z.enum(['relevance', 'distance']);

export const searchQuerySchema = z.object({
  /** Words of the name, enseigne or sigle, activity words; typos tolerated. */
  q: z.string().trim().max(200).optional(),
  /** NAF code at any level (division, group, class, sub-class): matches everything below it. */
  naf: nafCodeSchema.optional(),
  section: nafSectionSchema.optional(),
  department: listOf(departmentCodeSchema).optional(),
  /** EPCI by its SIREN (9 digits). */
  epci: z
    .string()
    .regex(/^\d{9}$/, 'SIREN de l’EPCI attendu (9 chiffres)')
    .optional(),
  commune: communeCodeSchema.optional(),
  near: nearSchema.optional(),
  /** Radius around `near`, in km. Without `near` it is ignored. */
  radiusKm: z.coerce.number().positive().max(500).optional(),
  headcount: listOf(headcountBandSchema).optional(),
  includeClosed: booleanFlag.optional().default(false),
  /** `distance` needs `near`. Default: relevance when `q` is given, else distance when `near` is given, else name. */
  sort: sortSchema.optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional().default(1),
  pageSize: z.coerce.number().int().min(1).max(100).optional().default(20),
});
export type SearchQuery = z.output<typeof searchQuerySchema>;
/** What a client puts in the URL (before parsing). */
export type SearchQueryInput = z.input<typeof searchQuerySchema>;

export const coordSourceSchema = z.enum(['sirene', 'geo-sirene', 'commune']);
export const coordSourceLabels: Record<z.infer<typeof coordSourceSchema>, string> = {
  sirene: 'Géolocalisation INSEE de l’établissement',
  'geo-sirene': 'Géolocalisation Etalab (geo-sirene)',
  commune: 'Centre de la commune (position approchée)',
};

const codeLabel = z.object({ code: z.string(), label: z.string() });

/** One establishment in a list. Fields not public (diffusion P) are null, never "[ND]". */
export const establishmentSummarySchema = z.object({
  siret: z.string(),
  siren: z.string(),
  /** Display name: legal unit name, or the enseigne when the name is not public. */
  name: z.string(),
  enseigne: z.string().nullable(),
  sigle: z.string().nullable(),
  naf: codeLabel.nullable(),
  /** NAF 2025 code when SIRENE already carries it. */
  naf25Code: z.string().nullable(),
  section: codeLabel.nullable(),
  headcount: z.object({ band: z.string(), label: z.string(), year: z.number().int().nullable() }).nullable(),
  commune: z.object({ code: z.string(), name: z.string() }).nullable(),
  department: codeLabel.nullable(),
  /** For establishments abroad: INSEE country code (99xxx) and name. */
  country: codeLabel.nullable(),
  /** Only when the record is fully public (diffusion O). */
  postalCode: z.string().nullable(),
  /** One-line street address, only when the record is fully public (diffusion O). */
  address: z.string().nullable(),
  location: z.object({ lat: z.number(), lon: z.number(), source: coordSourceSchema }).nullable(),
  /** Distance to `near`, km, when `near` is given. */
  distanceKm: z.number().nullable(),
  isHeadOffice: z.boolean(),
  active: z.boolean(),
  /** `O` fully public, `P` partially public (address and person names withheld). */
  diffusion: z.enum(['O', 'P']),
  createdOn: z.string().nullable(),
  /** Why it matches, in plain French (matched words, corrected typos, distance, NAF). */
  why: z.array(z.string()),
});
export type EstablishmentSummary = z.infer<typeof establishmentSummarySchema>;

export const facetValueSchema = z.object({ value: z.string(), label: z.string(), count: z.number().int() });
export const facetsSchema = z.object({
  section: z.array(facetValueSchema),
  department: z.array(facetValueSchema),
  headcount: z.array(facetValueSchema),
});
export type Facets = z.infer<typeof facetsSchema>;

export const paginationSchema = z.object({
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  pages: z.number().int(),
  /**
   * False when more establishments match than the search ranks and counts (CANDIDATE_CAP):
   * then `total` is a lower bound ("plus de 1 000"), the facets count those ranked, and
   * `query.ranking` says which were kept.
   */
  exact: z.boolean(),
});

export const searchResponseSchema = z.object({
  items: z.array(establishmentSummarySchema),
  facets: facetsSchema,
  pagination: paginationSchema,
  /** How the query was understood: typo corrections, resolved point, effective sort, ranking rule. */
  query: z.object({
    corrections: z.array(z.object({ from: z.string(), to: z.string() })),
    near: z.object({ lat: z.number(), lon: z.number(), label: z.string() }).nullable(),
    sort: z.enum(['relevance', 'distance', 'name']),
    ranking: z.string(),
  }),
});
export type SearchResponse = z.infer<typeof searchResponseSchema>;

export const siretParamSchema = z.object({
  siret: z.string().regex(/^\d{14}$/, 'SIRET attendu (14 chiffres)'),
});

export const establishmentDetailSchema = establishmentSummarySchema.extend({
  addressLines: z.array(z.string()),
  /** Page of the company on the official Annuaire des entreprises. */
  annuaireUrl: z.string(),
  inBrittany: z.boolean(),
  otherEstablishments: z.array(establishmentSummarySchema),
  otherEstablishmentsTotal: z.number().int(),
});
export type EstablishmentDetail = z.infer<typeof establishmentDetailSchema>;

export const alternativesQuerySchema = z.object({
  /** Activity of the current supplier (sub-class ideally, e.g. 25.62B). */
  naf: nafCodeSchema,
  /** Where the buyer is: a commune code or `lat,lon`. Without it, Breton alternatives in name order. */
  near: nearSchema.optional(),
  /** Leave out the establishments of this company (the current supplier). */
  excludeSiren: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).optional().default(20),
});
export type AlternativesQuery = z.output<typeof alternativesQuerySchema>;

export const alternativeLevelSchema = z.enum(['subclass', 'class', 'group']);
export const alternativeSchema = establishmentSummarySchema.extend({
  level: alternativeLevelSchema,
  /** Plain French: "même sous-classe NAF 25.62B (usinage), à 12 km". */
  reason: z.string(),
});
export type Alternative = z.infer<typeof alternativeSchema>;
export const alternativesResponseSchema = z.object({
  naf: codeLabel,
  near: z.object({ lat: z.number(), lon: z.number(), label: z.string() }).nullable(),
  items: z.array(alternativeSchema),
  ranking: z.string(),
});
export type AlternativesResponse = z.infer<typeof alternativesResponseSchema>;

/** Export row count cap (CSV / JSON of the current search). */
export const exportMaxRows = 5000;
