import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const metaRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        summary: "Point d'entrée de l'API : version et liens",
        tags: ['système'],
        response: {
          200: z.object({
            name: z.string(),
            version: z.literal('v1'),
            docs: z.string(),
            openapi: z.string(),
          }),
        },
      },
    },
    async () => ({
      name: 'API Relocalisons',
      version: 'v1' as const,
      docs: '/api/docs',
      openapi: '/api/docs/json',
    }),
  );
};
