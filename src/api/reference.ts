// The HTTP contract of the reference data: NAF rev. 2 tree, communes, departments, postal
// codes and IBAL zones. Shared by the server (route schemas, OpenAPI) and the web.
import { z } from 'zod';

export const ibalZoneSchema = z.enum(['bretagne', 'france', 'europe', 'world']);
export const zoneInfoSchema = z.enum(['loire-atlantique']).nullable();

// --- NAF rev. 2 -------------------------------------------------------------------------
const nafLeaf = { code: z.string(), label: z.string() };
export const nafSubclassSchema = z.object(nafLeaf);
export const nafClassSchema = z.object({ ...nafLeaf, subclasses: z.array(nafSubclassSchema) });
export const nafGroupSchema = z.object({ ...nafLeaf, classes: z.array(nafClassSchema) });
export const nafDivisionSchema = z.object({ ...nafLeaf, groups: z.array(nafGroupSchema) });
export const nafSectionNodeSchema = z.object({ ...nafLeaf, divisions: z.array(nafDivisionSchema) });
export const nafTreeResponseSchema = z.object({
  source: z.string(),
  sections: z.array(nafSectionNodeSchema),
});
export type NafTreeResponse = z.infer<typeof nafTreeResponseSchema>;

export const nafLevelSchema = z.enum(['section', 'division', 'group', 'class', 'subclass']);
export const nafEntrySchema = z.object({ code: z.string(), label: z.string(), level: nafLevelSchema });
export const nafCodeResponseSchema = nafEntrySchema.extend({
  /** From the parent up to the section. */
  ancestors: z.array(nafEntrySchema),
});
export type NafCodeResponse = z.infer<typeof nafCodeResponseSchema>;

// --- Geography ----------------------------------------------------------------------------
export const departmentSchema = z.object({
  code: z.string(),
  name: z.string(),
  region: z.object({ code: z.string(), name: z.string() }),
  zone: z.enum(['bretagne', 'france']),
  info: zoneInfoSchema,
  overseas: z.boolean(),
});
export const departmentsResponseSchema = z.object({ items: z.array(departmentSchema) });
export type DepartmentDto = z.infer<typeof departmentSchema>;

export const coordinateSchema = z.object({
  lat: z.number(),
  lon: z.number(),
  source: z.enum(['geonames', 'geonames-former-commune', 'epci-centroid', 'department-centroid']),
  approximate: z.boolean(),
});

export const communeSchema = z.object({
  code: z.string(),
  name: z.string(),
  postalCodes: z.array(z.string()),
  department: z.object({ code: z.string(), name: z.string() }),
  region: z.object({ code: z.string(), name: z.string() }),
  zone: z.enum(['bretagne', 'france']),
  info: zoneInfoSchema,
  population: z.number().nullable(),
  coordinates: coordinateSchema.nullable(),
});
export type CommuneDto = z.infer<typeof communeSchema>;

export const communesQuerySchema = z.object({
  q: z.string().trim().min(1, 'texte de recherche attendu (nom ou code postal)').max(100),
  department: z
    .string()
    .trim()
    .regex(/^(\d{2}|2[AB]|9[78]\d)$/i, 'code de département attendu, par exemple 29')
    .transform((s) => s.toUpperCase())
    .optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export const communesResponseSchema = z.object({ items: z.array(communeSchema) });

export const zoneQuerySchema = z
  .object({
    postalCode: z.string().trim().max(20).optional(),
    country: z.string().trim().max(60).optional(),
    commune: z.string().trim().max(5).optional(),
  })
  .refine((q) => q.commune || q.postalCode || q.country, {
    message: 'indiquez un code commune (commune), ou un code postal (postalCode) et/ou un pays (country)',
  });

export const zoneResponseSchema = z.object({
  zone: ibalZoneSchema,
  info: zoneInfoSchema,
  country: z.object({ alpha2: z.string(), name: z.string() }),
  departments: z.array(z.string()),
  basis: z.enum(['commune', 'postal-code', 'postal-prefix', 'country']),
  approximate: z.boolean(),
  ambiguous: z.boolean(),
});
export type ZoneResponse = z.infer<typeof zoneResponseSchema>;

export const postalCodesResponseSchema = z.object({
  source: z.string(),
  /** Postal code → department codes of the communes it serves, most populous first. */
  postalCodes: z.record(z.string(), z.array(z.string())),
});
export type PostalCodesResponse = z.infer<typeof postalCodesResponseSchema>;
