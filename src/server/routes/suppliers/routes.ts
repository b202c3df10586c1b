// POST /api/v1/suppliers/resolve: locate up to 500 suppliers (names, identifiers, postal codes;
// never amounts — any other field is refused).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { resolveMaxSuppliers, resolveRequestSchema, resolveResponseSchema } from '../../../api/suppliers.ts';
import { resolveSuppliers } from '../../services/establishments-resolve.ts';

export const supplierRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/suppliers/resolve',
    {
      schema: {
        summary: `Localiser des fournisseurs (au plus ${resolveMaxSuppliers} par appel) pour l’IBAL`,
        description:
          'Par SIRET, puis SIREN, puis code postal et pays, puis nom (rapprochement approché avec l’annuaire). ' +
          'Ne recevez ni n’envoyez jamais de montants : tout champ inconnu est refusé.',
        tags: ['annuaire', 'ibal'],
        body: resolveRequestSchema,
        response: { 200: resolveResponseSchema },
      },
    },
    async (request) => ({ results: await resolveSuppliers(app.db, request.body.suppliers) }),
  );
};
