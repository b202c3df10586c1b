// The TCO calculator over HTTP (issue 5, point 7): the same scenario JSON as the CLI and the web
// page; the computation is the pure core (src/core/tco), nothing is stored.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  batchRequestSchema,
  batchResponseSchema,
  computeRequestSchema,
  computeResponseSchema,
  maxBatchRows,
  referenceDataResponseSchema,
} from '../../../api/tco.ts';
import {
  CBAM_FREE_ALLOCATION_TABLE,
  CBAM_MARKUP_TABLE,
  CITIES,
  FX_PER_EUR,
  FX_REFERENCE,
  PORTS,
  allReferenceFigures,
  computeTco,
  expandQuickInput,
  overdueFigures,
  parseBatchCsv,
  screenBatch,
  type Scenario,
} from '../../../core/tco/index.ts';
import { HttpError } from '../../errors.ts';
import type { z } from 'zod';
import type { tcoResultSchema } from '../../../api/tco.ts';

type TcoResultDto = z.infer<typeof tcoResultSchema>;

const tags = ['coût complet (TCO)'];

export const tcoRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/tco/compute',
    {
      schema: {
        summary:
          'Calcule le coût complet (TCO) de plusieurs offres, expliqué, comparé et avec son incertitude',
        description:
          'Envoyez soit `scenario` (mode expert, format de examples/tco-scenario.json), soit `quick` (mode rapide, environ 8 champs). ' +
          'Les montants par unité sont des taux en euros (non arrondis) ; les champs *Cents sont des centimes entiers.',
        tags,
        body: computeRequestSchema,
        response: { 200: computeResponseSchema },
      },
    },
    async (request) => {
      const body = request.body;
      const scenario: Scenario = body.scenario ?? expandQuickInput(body.quick!);
      const result = computeTco(scenario, {
        ...(body.draws !== undefined ? { draws: body.draws } : {}),
        ...(body.seed !== undefined ? { seed: body.seed } : {}),
      });
      if (!result.ok) {
        throw new HttpError(
          422,
          'invalid_scenario',
          `Scénario incomplet ou incohérent : ${result.error.map((p) => p.message).join(' ')}`,
          result.error,
        );
      }
      // TcoResult (core interfaces, no index signature) against the loose response schema: the
      // serializer validates the response with zod at run time.
      return { scenario, result: result.value as unknown as TcoResultDto };
    },
  );

  app.post(
    '/tco/batch',
    {
      schema: {
        summary: 'Trie de nombreuses références (CSV ou JSON) : lesquelles étudier en premier',
        description:
          'CSV avec en-tête : reference;volume annuel;masse kg;prix lointain;devise;port;prix local (séparateur ; , ou tabulation, virgule décimale acceptée).',
        tags,
        body: batchRequestSchema,
        response: { 200: batchResponseSchema },
      },
    },
    async (request) => {
      const body = request.body;
      const parsed =
        body.csv !== undefined
          ? parseBatchCsv(body.csv)
          : { rows: body.rows!.map((row, i) => ({ line: i + 1, row })), problems: [] };
      if (parsed.rows.length > maxBatchRows) {
        throw new HttpError(
          413,
          'too_many_rows',
          `Trop de références : ${parsed.rows.length} (maximum ${maxBatchRows} par envoi). Découpez le fichier.`,
        );
      }
      if (parsed.rows.length === 0 && parsed.problems.length > 0) {
        throw new HttpError(
          422,
          'invalid_csv',
          parsed.problems.map((p) => p.message).join(' '),
          parsed.problems,
        );
      }
      const result = screenBatch(parsed.rows, {
        draws: body.draws ?? 500,
        ...(body.seed !== undefined ? { seed: body.seed } : {}),
        ...(body.localCity !== undefined ? { localCity: body.localCity } : {}),
      });
      return { ...result, problems: parsed.problems };
    },
  );

  app.get(
    '/tco/reference-data',
    {
      schema: {
        summary: 'Données de référence du calcul de TCO, avec leurs sources et dates',
        tags,
        response: { 200: referenceDataResponseSchema },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      const today = new Date().toISOString().slice(0, 10);
      return {
        figures: allReferenceFigures(),
        overdue: overdueFigures(today).map((f) => f.id),
        fx: { perEur: FX_PER_EUR, source: FX_REFERENCE },
        cbam: {
          markupByYear: CBAM_MARKUP_TABLE,
          freeAllocationByYear: Object.fromEntries(
            Object.entries(CBAM_FREE_ALLOCATION_TABLE).map(([y, v]) => [String(y), v]),
          ),
        },
        ports: [...PORTS],
        cities: [...CITIES],
      };
    },
  );
};
