// GET /api/v1/demo/fec: the generated demo FEC, streamed as it is on disk, so a newcomer
// can try "Mesurer mon IBAL" without a file of their own. The browser then reads it
// exactly like a dropped file (same worker, same core).
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpError } from '../../errors.ts';

/** demo-data/fec/ at the root of the repository (written by the demo generator). */
export const defaultDemoFecDir = fileURLToPath(new URL('../../../../demo-data/fec/', import.meta.url));

/** The demo FEC to serve: the first `.txt` file of the folder, by name, or null. */
export function findDemoFec(dir: string): { path: string; name: string; size: number } | null {
  if (!existsSync(dir)) return null;
  const name = readdirSync(dir)
    .filter((f) => /\.txt$/i.test(f))
    .sort()[0];
  if (!name) return null;
  const path = join(dir, name);
  return { path, name, size: statSync(path).size };
}

export interface DemoRoutesOptions {
  /** Folder holding the demo FEC; defaults to demo-data/fec/. */
  demoFecDir?: string;
  /** Writes the demo files when missing (the demo generator's ensureDemoData). */
  ensureDemoData?: () => Promise<unknown>;
}

const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export const demoRoutes: FastifyPluginAsyncZod<DemoRoutesOptions> = async (app, options) => {
  const dir = options.demoFecDir ?? defaultDemoFecDir;
  app.get(
    '/demo/fec',
    {
      schema: {
        summary: 'FEC de démonstration (fichier texte, tel que généré)',
        description:
          "Fichier des écritures comptables fictif d'une entreprise bretonne, pour essayer le calcul de l'indice breton de l'achat local sans son propre fichier.",
        tags: ['démonstration'],
        response: {
          200: z.unknown().describe('Le FEC, fichier texte tel que généré (octets bruts)'),
          404: errorSchema,
        },
      },
    },
    async (_request, reply) => {
      let fec = findDemoFec(dir);
      if (!fec && options.ensureDemoData) {
        await options.ensureDemoData();
        fec = findDemoFec(dir);
      }
      if (!fec) {
        throw new HttpError(
          404,
          'demo_fec_missing',
          'Le FEC de démonstration n’a pas encore été généré sur ce serveur. Lancez `npm run cli -- seed` puis réessayez, ou utilisez votre propre fichier.',
        );
      }
      return reply
        .header('content-type', 'text/plain')
        .header('content-length', String(fec.size))
        .header('content-disposition', `attachment; filename="${fec.name.replace(/[^\w.-]/g, '_')}"`)
        .header('cache-control', 'no-cache')
        .send(createReadStream(fec.path));
    },
  );
};
