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
          'Par SIRET, puis SIREN, puis code postal et pays, puis nom. Un nom seul n’est « found » que s’il est ' +
          'exactement celui d’une seule entreprise de tout l’annuaire, avec une confiance qui dit quelle part de la ' +
          'France l’annuaire couvre ; homonymes et noms proches reviennent « ambiguous » (zone commune, ou aucune). ' +
          'Ne recevez ni n’envoyez jamais de montants : tout champ inconnu est refusé.',
        tags: ['annuaire', 'ibal'],
        body: resolveRequestSchema,
        response: { 200: resolveResponseSchema },
      },
    },
    async (request) => ({ results: await resolveSuppliers(app.db, request.body.suppliers) }),
  );
};
