// GET /api/v1/alternatives?naf=25.62B&near=29019: Breton establishments of the same activity.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { alternativesQuerySchema, alternativesResponseSchema } from '../../../api/establishments.ts';
import { alternativesRanking, findAlternatives } from '../../services/establishments-alternatives.ts';

export const alternativeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/alternatives',
    {
      schema: {
        summary: 'Alternatives locales : établissements bretons de même activité, les plus proches d’abord',
        description: alternativesRanking,
        tags: ['annuaire'],
        querystring: alternativesQuerySchema,
        response: { 200: alternativesResponseSchema },
      },
    },
    async (request) => findAlternatives(app.db, request.query),
  );
};
