// Reference data: NAF tree and codes, departments, commune autocomplete, IBAL zone of a
// place, and the compact postal table the browser uses to place suppliers itself.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  communeSchema,
  communesQuerySchema,
  communesResponseSchema,
  departmentsResponseSchema,
  nafCodeResponseSchema,
  nafTreeResponseSchema,
  postalCodesResponseSchema,
  zoneQuerySchema,
  zoneResponseSchema,
  type DepartmentDto,
} from '../../../api/reference.ts';
import {
  infoOfDepartment,
  zoneOf,
  zoneOfDepartment,
  type Commune,
  type GeoIndex,
} from '../../../core/geo/index.ts';
import { nafAncestors, nafTree, type NafNode } from '../../../core/naf/index.ts';
import { HttpError } from '../../errors.ts';
import { geoIndex } from '../../reference-data.ts';

const CACHE = 'public, max-age=86400';
const tags = ['référentiels'];

const leaf = (n: NafNode) => ({ code: n.code, label: n.label });
let nafTreeDto: z.infer<typeof nafTreeResponseSchema> | undefined;
function nafTreeResponse() {
  nafTreeDto ??= {
    source:
      'INSEE, NAF rév. 2 (libellés via @socialgouv/codes-naf 1.1.1 ; sections d’après le décret n° 2007-1888)',
    sections: nafTree().map((s) => ({
      ...leaf(s),
      divisions: s.children.map((d) => ({
        ...leaf(d),
        groups: d.children.map((g) => ({
          ...leaf(g),
          classes: g.children.map((c) => ({ ...leaf(c), subclasses: c.children.map(leaf) })),
        })),
      })),
    })),
  };
  return nafTreeDto;
}

function presentCommune(geo: GeoIndex, c: Commune): z.infer<typeof communeSchema> {
  const dep = geo.department(c.departmentCode);
  const region = geo.region(c.regionCode);
  const point = geo.coordinates(c.code);
  return {
    code: c.code,
    name: c.name,
    postalCodes: [...c.postalCodes],
    department: { code: c.departmentCode, name: dep?.name ?? c.departmentCode },
    region: { code: c.regionCode, name: region?.name ?? c.regionCode },
    zone: zoneOfDepartment(c.departmentCode),
    info: infoOfDepartment(c.departmentCode),
    population: c.population,
    coordinates: point
      ? { lat: point.lat, lon: point.lon, source: point.source, approximate: point.approximate }
      : null,
  };
}

export const referenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/reference/naf',
    {
      schema: {
        summary: 'Nomenclature NAF rév. 2 : sections, divisions, groupes, classes et sous-classes',
        tags,
        response: { 200: nafTreeResponseSchema },
      },
    },
    async (_request, reply) => reply.header('cache-control', CACHE).send(nafTreeResponse()),
  );

  app.get(
    '/reference/naf/:code',
    {
      schema: {
        summary: "Libellé d'un code NAF et ses niveaux supérieurs (25.62B, 2562B ou 25.62b)",
        tags,
        params: z.object({ code: z.string().max(10) }),
        response: { 200: nafCodeResponseSchema },
      },
    },
    async (request, reply) => {
      const [entry, ...ancestors] = nafAncestors(request.params.code);
      if (!entry) {
        throw new HttpError(
          404,
          'not_found',
          `Code NAF « ${request.params.code} » inconnu dans la NAF rév. 2 : vérifiez-le (ex. 25.62B).`,
        );
      }
      return reply.header('cache-control', CACHE).send({ ...entry, ancestors });
    },
  );

  app.get(
    '/reference/departments',
    {
      schema: {
        summary: 'Départements, leur région et leur zone IBAL',
        tags,
        response: { 200: departmentsResponseSchema },
      },
    },
    async (_request, reply) => {
      const items: DepartmentDto[] = geoIndex()
        .departments()
        .map((d) => ({
          code: d.code,
          name: d.name,
          region: { code: d.regionCode, name: d.regionName },
          zone: d.zone,
          info: d.info,
          overseas: d.overseas,
        }));
      return reply.header('cache-control', CACHE).send({ items });
    },
  );

  app.get(
    '/reference/communes',
    {
      schema: {
        summary: 'Recherche de communes par nom (sans accents) ou code postal',
        tags,
        querystring: communesQuerySchema,
        response: { 200: communesResponseSchema },
      },
    },
    async (request) => {
      const { q, department, limit } = request.query;
      const geo = geoIndex();
      const found = geo.searchCommunes(q, { limit, ...(department ? { department } : {}) });
      return { items: found.map((c) => presentCommune(geo, c)) };
    },
  );

  app.get(
    '/reference/zone',
    {
      schema: {
        summary: "Zone IBAL d'un lieu : par code commune, ou par code postal et pays",
        tags,
        querystring: zoneQuerySchema,
        response: { 200: zoneResponseSchema },
      },
    },
    async (request) => {
      const { commune, postalCode, country } = request.query;
      const geo = geoIndex();
      const result = commune
        ? zoneOf(geo, { communeCode: commune })
        : zoneOf(geo, { postalCode: postalCode ?? '', country: country ?? null });
      if (!result.ok) {
        const status = result.error.code === 'missing-postal-code' ? 400 : 404;
        throw new HttpError(status, result.error.code, result.error.message);
      }
      return result.value;
    },
  );

  app.get(
    '/reference/postal-codes',
    {
      schema: {
        summary:
          'Table compacte code postal → départements (pour situer les fournisseurs dans le navigateur)',
        tags,
        response: { 200: postalCodesResponseSchema },
      },
    },
    async (_request, reply) => reply.header('cache-control', CACHE).send(geoIndex().postalTable()),
  );
};
