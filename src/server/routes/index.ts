// The API under /api/v1: one line per area. Each area lives in its own folder
// (routes.ts + schema.ts in src/api + routes.test.ts).
import type { FastifyPluginAsync } from 'fastify';
import { metaRoutes } from './meta/routes.ts';
import { demoRoutes } from './demo/routes.ts';
import { referenceRoutes } from './reference/routes.ts';

export const apiRoutes: FastifyPluginAsync = async (app) => {
  await app.register(metaRoutes);
  await app.register(demoRoutes);
  await app.register(referenceRoutes);
};
