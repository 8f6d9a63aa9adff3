import express from 'express';
import Router from 'express-promise-router';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
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
  return router;
}
