// One JSON error shape for the whole API: { error: { code, message, details? } },
// with messages in French that say what is wrong and what to do.
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} introuvable.`);

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpError) {
      return reply
        .status(error.statusCode)
        .send({ error: { code: error.code, message: error.message, details: error.details } });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => ({
        where: `${error.validationContext ?? 'body'}${v.instancePath.replace(/\//g, '.')}`,
        message: v.message,
      }));
      return reply.status(400).send({
        error: {
          code: 'invalid_request',
          message: `Requête invalide : ${details.map((d) => `${d.where} ${d.message}`).join(' ; ')}`,
          details,
        },
      });
    }
    if (error.statusCode && error.statusCode < 500) {
      const message =
        error.statusCode === 413
          ? 'Le contenu envoyé est trop volumineux.'
          : error.statusCode === 415
            ? 'Type de contenu non pris en charge : envoyez du JSON (Content-Type: application/json).'
            : error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
              ? "Le corps de la requête n'est pas un JSON valide."
              : `Requête refusée : ${error.message}`;
      return reply.status(error.statusCode).send({ error: { code: error.code ?? 'bad_request', message } });
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply.status(500).send({
      error: {
        code: 'internal_error',
        message:
          'Une erreur inattendue est survenue. Réessayez ; si elle persiste, signalez-la avec l’heure.',
      },
    });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      error: {
        code: 'not_found',
        message: `Aucune ressource à l’adresse ${request.method} ${request.url}.`,
      },
    }),
  );
}
