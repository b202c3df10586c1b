// GET /api/v1/demo/fec and /demo/supplier-list: the generated demo files, streamed as they
// are on disk (generated on first request when missing), so a newcomer can try "Mesurer mon
// IBAL" without a file of their own. The browser reads them exactly like a dropped file.
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { defaultDemoDataDir, DEMO_FILES, ensureDemoData } from '../../../db/demo/index.ts';
import { HttpError } from '../../errors.ts';

/** demo-data/fec/ at the root of the repository (written by the demo generator). */
export const defaultDemoFecDir = join(defaultDemoDataDir, 'fec');

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
  /** The demo supplier list (CSV); defaults to demo-data/suppliers/fournisseurs-2025.csv. */
  demoSupplierList?: string;
  /** Writes the demo files when missing; defaults to the demo generator's ensureDemoData. */
  ensureDemoData?: () => Promise<unknown>;
}

const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export const demoRoutes: FastifyPluginAsyncZod<DemoRoutesOptions> = async (app, options) => {
  const dir = options.demoFecDir ?? defaultDemoFecDir;
  const supplierList = options.demoSupplierList ?? join(defaultDemoDataDir, DEMO_FILES.supplierList);
  // The default generator writes into demo-data/ only; tests give their own folder and generator.
  const ensure =
    options.ensureDemoData ?? (options.demoFecDir ? undefined : () => ensureDemoData(defaultDemoDataDir));
  let generating: Promise<unknown> | null = null;
  const generateOnce = async () => {
    if (!ensure) return;
    generating ??= ensure().finally(() => {
      generating = null;
    });
    await generating;
  };
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
      if (!fec) {
        await generateOnce();
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

  app.get(
    '/demo/supplier-list',
    {
      schema: {
        summary: 'Liste de fournisseurs de démonstration (CSV)',
        description:
          'Liste fictive de fournisseurs avec montants, SIRET, codes postaux ou pays, pour essayer le calcul sans FEC.',
        tags: ['démonstration'],
        response: { 200: z.unknown().describe('Le fichier CSV tel que généré'), 404: errorSchema },
      },
    },
    async (_request, reply) => {
      if (!existsSync(supplierList)) await generateOnce();
      if (!existsSync(supplierList)) {
        throw new HttpError(
          404,
          'demo_supplier_list_missing',
          'La liste de fournisseurs de démonstration n’a pas encore été générée sur ce serveur. Lancez `npm run cli -- demo-data` puis réessayez.',
        );
      }
      return reply
        .header('content-type', 'text/csv')
        .header('content-length', String(statSync(supplierList).size))
        .header('content-disposition', 'attachment; filename="fournisseurs-demonstration.csv"')
        .header('cache-control', 'no-cache')
        .send(createReadStream(supplierList));
    },
  );
};
