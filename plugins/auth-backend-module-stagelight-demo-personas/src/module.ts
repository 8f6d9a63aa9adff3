import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  authProvidersExtensionPoint,
  createProxyAuthenticator,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  PERSONA_HEADER,
  personaOfRequest,
  readDemoPersonaSettings,
} from './personas';
import { createPersonasRouter, PERSONAS_PATH } from './router';

const demoPersonaAuthenticator = createProxyAuthenticator({
  defaultProfileTransform: async () => ({ profile: {} }),
  initialize: ({ config }) => readDemoPersonaSettings(config),
  async authenticate({ req }, settings) {
    const userEntityRef = personaOfRequest(
      settings,
      req.header(PERSONA_HEADER),
    );
    return { result: { userEntityRef } };
  },
});

/**
 * Sign-in provider `demo`: the sign-in page lists the configured personas
 * (`GET /api/auth/demo/personas`) and signs in as the chosen one
 * (`GET /api/auth/demo/refresh` with the x-stagelight-persona header), resolved
 * through the catalog so the user's groups — its Stagelight role — come along.
 */
export const authModuleStagelightDemoPersonas = createBackendModule({
  pluginId: 'auth',
  moduleId: 'stagelight-demo-personas',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        config: coreServices.rootConfig,
        httpRouter: coreServices.httpRouter,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
      },
      async init({ providers, config, httpRouter, catalog, auth }) {
        providers.registerProvider({
          providerId: 'demo',
          factory: createProxyAuthProviderFactory({
            authenticator: demoPersonaAuthenticator,
            async signInResolver({ result }, ctx) {
              return ctx.signInWithCatalogUser({
                entityRef: result.userEntityRef,
              });
            },
          }),
        });
        const providerConfig = config.getOptionalConfig('auth.providers.demo');
        httpRouter.use(
          createPersonasRouter({
            settings: providerConfig && readDemoPersonaSettings(providerConfig),
            catalog,
            auth,
          }),
        );
        httpRouter.addAuthPolicy({
          path: PERSONAS_PATH,
          allow: 'unauthenticated',
        });
      },
    });
  },
});
