// GET /api/v1/establishments (search), /establishments.csv and .json (exports of a search),
// /establishments/:siret (detail with the company's other establishments).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  establishmentDetailSchema,
  establishmentSummarySchema,
  exportMaxRows,
  searchQuerySchema,
  searchResponseSchema,
  siretParamSchema,
} from '../../../api/establishments.ts';
import { notFound } from '../../errors.ts';
import { toCsv } from '../../services/establishments-export.ts';
import { findBySiret, otherEstablishments, toSummary } from '../../services/establishments-repository.ts';
import { rankingText, searchEstablishments } from '../../services/establishments-search.ts';

const tags = ['annuaire'];
const BRITTANY = new Set(['22', '29', '35', '56']);

export const establishmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/establishments',
    {
      schema: {
        summary: 'Chercher un fournisseur dans l’annuaire (établissements SIRENE)',
        description:
          'Recherche plein texte en français (accents, pluriels, fautes de frappe, sigles, enseignes), filtres NAF, lieu, rayon, effectif. ' +
          rankingText,
        tags,
        querystring: searchQuerySchema,
        response: { 200: searchResponseSchema },
      },
    },
    async (request) => searchEstablishments(app.db, request.query),
  );

  app.get(
    '/establishments.csv',
    {
      schema: {
        summary: `Exporter une recherche en CSV (au plus ${exportMaxRows} lignes)`,
        description:
          'Mêmes paramètres que la recherche ; CSV « ; » en UTF-8, protégé contre l’injection de formules.',
        tags,
        querystring: searchQuerySchema,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const result = await searchEstablishments(app.db, request.query, {
        facets: false,
        limit: exportMaxRows,
      });
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="fournisseurs-bretons.csv"')
        .send(toCsv(result.items));
    },
  );

  app.get(
    '/establishments.json',
    {
      schema: {
        summary: `Exporter une recherche en JSON (au plus ${exportMaxRows} établissements)`,
        tags,
        querystring: searchQuerySchema,
        response: {
          200: z.object({
            total: z.number().int(),
            exported: z.number().int(),
            items: z.array(establishmentSummarySchema),
          }),
        },
      },
    },
    async (request, reply) => {
      const result = await searchEstablishments(app.db, request.query, {
        facets: false,
        limit: exportMaxRows,
      });
      reply.header('content-disposition', 'attachment; filename="fournisseurs-bretons.json"');
      return { total: result.pagination.total, exported: result.items.length, items: result.items };
    },
  );

  app.get(
    '/establishments/:siret',
    {
      schema: {
        summary: 'Fiche d’un établissement et autres établissements de la même entreprise',
        tags,
        params: siretParamSchema,
        response: { 200: establishmentDetailSchema },
      },
    },
    async (request) => {
      const row = await findBySiret(app.db, request.params.siret);
      if (!row) throw notFound(`Établissement SIRET ${request.params.siret}`);
      const others = await otherEstablishments(app.db, row.siren, row.siret);
      const summary = toSummary(row);
      return {
        ...summary,
        addressLines: [
          summary.address,
          [summary.postalCode, summary.commune?.name].filter(Boolean).join(' ') || null,
          summary.country?.label ?? null,
        ].filter((l): l is string => Boolean(l)),
        annuaireUrl: `https://annuaire-entreprises.data.gouv.fr/etablissement/${row.siret}`,
        inBrittany: row.department !== null && BRITTANY.has(row.department),
        otherEstablishments: others.rows.map((r) => toSummary(r)),
        otherEstablishmentsTotal: others.total,
      };
    },
  );
};
