// The API under /api/v1: one line per area. Each area lives in its own folder
// (routes.ts + schema.ts in src/api + routes.test.ts).
import type { FastifyPluginAsync } from 'fastify';
import { metaRoutes } from './meta/routes.ts';
import { demoRoutes } from './demo/routes.ts';
import { referenceRoutes } from './reference/routes.ts';
import { establishmentRoutes } from './establishments/routes.ts';
import { alternativeRoutes } from './alternatives/routes.ts';
import { supplierRoutes } from './suppliers/routes.ts';
import { tcoRoutes } from './tco/routes.ts';

export const apiRoutes: FastifyPluginAsync = async (app) => {
  await app.register(metaRoutes);
  await app.register(demoRoutes);
  await app.register(referenceRoutes);
  await app.register(establishmentRoutes);
  await app.register(alternativeRoutes);
  await app.register(supplierRoutes);
  await app.register(tcoRoutes);
};
