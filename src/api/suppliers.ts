// The HTTP contract of "where is this supplier?" (issue 3, point 4): the browser sends names,
// identifiers and postal codes only — never amounts — in bounded batches, and gets each
// supplier located with its method and a confidence.
import { z } from 'zod';

export const resolveMaxSuppliers = 500;

/** One supplier to locate. Strict: any other field (an amount for instance) is refused. */
export const supplierToResolveSchema = z
  .object({
    /** The caller's key (CompAuxNum, a row id...), echoed in the answer. */
    key: z.string().min(1).max(200),
    name: z.string().max(300).optional(),
    siret: z.string().max(30).optional(),
    siren: z.string().max(30).optional(),
    postalCode: z.string().max(20).optional(),
    /** ISO 3166 alpha-2 (FR, DE...) or a country name; absent means unknown. */
    country: z.string().max(60).optional(),
  })
  .strict();
export type SupplierToResolve = z.infer<typeof supplierToResolveSchema>;

export const resolveRequestSchema = z
  .object({ suppliers: z.array(supplierToResolveSchema).min(1).max(resolveMaxSuppliers) })
  .strict();
export type ResolveRequest = z.infer<typeof resolveRequestSchema>;

export const zoneSchema = z.enum(['bretagne', 'france', 'europe', 'world']);
export type Zone = z.infer<typeof zoneSchema>;

export const resolvedEstablishmentSchema = z.object({
  siret: z.string(),
  name: z.string(),
  commune: z.object({ code: z.string(), name: z.string() }).nullable(),
  department: z.string().nullable(),
  /** INSEE country code (99xxx) for an establishment abroad. */
  countryCode: z.string().nullable(),
});
export type ResolvedEstablishment = z.infer<typeof resolvedEstablishmentSchema>;

export const resolveMethodSchema = z.enum(['siret', 'siren', 'postal_code', 'name']);

export const resolvedSupplierSchema = z.object({
  key: z.string(),
  status: z.enum(['found', 'ambiguous', 'not_found']),
  /** What located it; null when nothing did. */
  method: resolveMethodSchema.nullable(),
  /** 0 to 1. */
  confidence: z.number().min(0).max(1),
  establishment: resolvedEstablishmentSchema.nullable(),
  /** Zone of the IBAL when known (from the establishment, else from the postal code). */
  zone: zoneSchema.nullable(),
  /** Department when known (Loire-Atlantique, 44, is shown apart by the IBAL). */
  department: z.string().nullable(),
  /** For `ambiguous` (and close calls): the best candidates with their score. */
  candidates: z.array(resolvedEstablishmentSchema.extend({ score: z.number() })),
  /** Plain French explanation ("SIRET trouvé dans l'annuaire", "nom proche de …"). */
  note: z.string(),
});
export type ResolvedSupplier = z.infer<typeof resolvedSupplierSchema>;

export const resolveResponseSchema = z.object({ results: z.array(resolvedSupplierSchema) });
export type ResolveResponse = z.infer<typeof resolveResponseSchema>;
