import express from 'express';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { spec } from '../schema/openapi';

/**
 * The routes the OpenAPI document describes, validated against it before a
 * handler runs; the document itself is served at `/openapi.json`. Its routes
 * are reads, so no body parser: the power and cost routers, mounted beside
 * this one, parse their own bodies with their own limits.
 */
export function createOpenApiRouter(routers: express.Router[]): express.Router {
  const router = createValidatedOpenApiRouter(spec, {
    // In place of the default JSON body parser (the option takes no empty list).
    middleware: [(_req, _res, next) => next()],
  });
  for (const r of routers) router.use(r);
  return router;
}
