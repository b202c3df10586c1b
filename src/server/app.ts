// Builds the Fastify application: security headers, JSON errors, OpenAPI + docs,
// the API under /api/v1, health, and the built web front end. No listening here:
// tests drive it with app.inject(), the CLI's `start` makes it listen.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/connection.ts';
import type { Config } from './config.ts';
import { registerErrorHandling } from './errors.ts';
import { healthRoutes } from './routes/health/routes.ts';
import { apiRoutes } from './routes/index.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    config: Config;
  }
}

export type App = FastifyInstance;

export interface BuildOptions {
  config: Config;
  db: Db;
  logger?: FastifyServerOptions['logger'];
  /** Folder of the built web front end; served when it exists. */
  webRoot?: string;
}

const defaultWebRoot = fileURLToPath(new URL('../../dist/web/', import.meta.url));

export async function buildApp({
  config,
  db,
  logger = false,
  webRoot = defaultWebRoot,
}: BuildOptions): Promise<App> {
  // Validation messages are shown to people: in French (zod's own French locale).
  z.config(z.locales.fr());
  const app = Fastify({
    logger,
    bodyLimit: 5 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', db);
  app.decorate('config', config);

  registerErrorHandling(app);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Swagger UI and the charts set inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        workerSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'API Relocalisons',
        description:
          "API ouverte de la plateforme Relocalisons.bzh (Région Bretagne) : annuaire des fournisseurs bretons, indice breton de l'achat local, coût complet.",
        version: '1',
      },
      servers: [{ url: config.publicUrl }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  await app.register(healthRoutes, { prefix: '/api' });
  await app.register(apiRoutes, { prefix: '/api/v1' });

  if (existsSync(webRoot)) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, maxAge: '1h' });
    // The front end routes on the client: any non-API GET gets index.html.
    app.get('/*', (request, reply) => {
      if (request.url.startsWith('/api/')) {
        return reply
          .status(404)
          .send({ error: { code: 'not_found', message: `Aucune ressource à l’adresse ${request.url}.` } });
      }
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  }
  return app;
}
