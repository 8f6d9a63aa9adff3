import { AuthService } from '@backstage/backend-plugin-api';
import { UserEntity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import express from 'express';
import Router from 'express-promise-router';
import {
  assertEnabled,
  DemoPersonaSettings,
  describePersona,
} from './personas';

/** Where the sign-in page lists the personas, under the auth plugin's base URL. */
export const PERSONAS_PATH = '/demo/personas';

/** `GET /api/auth/demo/personas`: who one may sign in as, before signing in. */
export function createPersonasRouter(options: {
  settings: DemoPersonaSettings | undefined;
  catalog: CatalogService;
  auth: AuthService;
}): express.Router {
  const { settings, catalog, auth } = options;
  const router = Router();
  router.get(PERSONAS_PATH, async (_req, res) => {
    if (!settings) {
      throw new NotFoundError(
        'Demo sign-in is not configured (auth.providers.demo)',
      );
    }
    assertEnabled(settings);
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs: settings.personas },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    res.json({
      personas: settings.personas.map((ref, i) =>
        describePersona(ref, items[i] as UserEntity | undefined),
      ),
    });
  });
  return router;
}
