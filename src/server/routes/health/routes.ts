import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ engine: z.enum(['pglite', 'postgres']), ok: z.boolean(), latencyMs: z.number() }),
  version: z.string(),
});

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        summary: 'État du service et de sa base de données',
        tags: ['système'],
        response: { 200: healthSchema, 503: healthSchema },
      },
    },
    async (_request, reply) => {
      const started = performance.now();
      const ok = await app.db
        .query<{ one: number }>('select 1 as one')
        .then((r) => r.rows[0]?.one === 1)
        .catch(() => false);
      const body = {
        status: ok ? ('ok' as const) : ('degraded' as const),
        database: {
          engine: app.db.engine,
          ok,
          latencyMs: Math.round((performance.now() - started) * 100) / 100,
        },
        version: process.env.npm_package_version ?? '0.1.0',
      };
      return reply.status(ok ? 200 : 503).send(body);
    },
  );
};
