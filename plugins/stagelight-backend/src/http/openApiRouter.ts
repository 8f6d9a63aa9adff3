import express from 'express';
import Router from 'express-promise-router';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { NotFoundError } from '@backstage/errors';
import { spec } from '../schema/openapi';
import { requestBody } from './requestBody';

/**
 * Every route of the plugin behind one contract: bodies are parsed within the
 * route's limits, then the request is validated against the OpenAPI document
 * before any handler runs; the document itself is served at `/openapi.json`.
 * The routers inside guard their own routes, so their order does not matter.
 */
export function createOpenApiRouter(routers: express.Router[]): express.Router {
  const api = createValidatedOpenApiRouter(spec, {
    // Bodies are parsed before, outside: the validator would turn a 413 into a 400.
    middleware: [(_req, _res, next) => next()],
  });
  for (const r of routers) api.use(r);
  const router = Router();
  router.use(requestBody());
  router.use(api);
  // A path no route serves gets Backstage's JSON error body, not the root
  // router's empty 404: the frontend reads an empty 404 as "no Stagelight
  // backend installed", which would misname a frontend newer than its backend.
  router.use((req, _res, next) => {
    next(
      new NotFoundError(
        `Stagelight has no route ${req.method} ${req.path}; is this backend older than the Stagelight frontend calling it?`,
      ),
    );
  });
  return router;
}
