import {
  createBackendPlugin,
  coreServices,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  catalogProcessingExtensionPoint,
  EntityProvider,
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import Router from 'express-promise-router';
import { catalogModuleStagelight } from './module';
import { StagelightEntityProvider } from './StagelightEntityProvider';
import { environment } from './__testUtils__/environmentFixture';

/** A stand-in Stagelight backend answering the contract, recording who called. */
function fakeStagelight(state: { ready: boolean; callers: string[] }) {
  return createBackendPlugin({
    pluginId: 'stagelight',
    register(env) {
      env.registerInit({
        deps: {
          http: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
        },
        async init({ http, httpAuth }) {
          const router = Router();
          router.get('/environments', async (req, res) => {
            const credentials = await httpAuth.credentials(req, {
              allow: ['service'],
            });
            state.callers.push(
              `${credentials.principal.subject}:${req.query.include}`,
            );
            if (!state.ready) {
              res.status(503).json({ error: { message: 'no snapshot yet' } });
              return;
            }
            res.json({
              items: [
                environment('alder', 'dev'),
                environment('alder', 'prod'),
              ],
              stages: [],
              refreshedAt: '2026-11-26T10:00:00.000Z',
              dataAgeSeconds: 1,
            });
          });
          http.use(router);
        },
      });
    },
  });
}

describe('catalogModuleStagelight', () => {
  it('reads the inventory with service credentials and applies the clinic entities', async () => {
    const providers: EntityProvider[] = [];
    const state = { ready: false, callers: [] as string[] };
    await startTestBackend({
      extensionPoints: [
        [
          catalogProcessingExtensionPoint,
          { addEntityProvider: (...p: any[]) => providers.push(...p.flat()) },
        ],
      ],
      features: [
        catalogModuleStagelight,
        fakeStagelight(state),
        mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
        mockServices.rootConfig.factory({
          data: { stagelight: { catalog: { owner: 'group:default/imaging' } } },
        }),
      ],
    });
    expect(providers).toHaveLength(1);
    const provider = providers[0] as StagelightEntityProvider;
    expect(provider.getProviderName()).toBe('stagelight');

    const mutations: EntityProviderMutation[] = [];
    const connection: EntityProviderConnection = {
      applyMutation: async m => {
        mutations.push(m);
      },
      refresh: async () => {},
    };
    await provider.connect(connection);

    // No snapshot yet: the catalog is left alone rather than emptied.
    await provider.refresh();
    expect(mutations).toEqual([]);

    state.ready = true;
    await provider.refresh();
    expect(state.callers).toEqual([
      'plugin:catalog:resources',
      'plugin:catalog:resources',
    ]);
    expect(mutations).toHaveLength(1);
    const mutation = mutations[0];
    if (mutation.type !== 'full') throw new Error('expected a full mutation');
    expect(mutation.entities.every(e => e.locationKey === 'stagelight')).toBe(
      true,
    );
    const refs = mutation.entities.map(
      e => `${e.entity.kind}:${e.entity.metadata.name}`,
    );
    expect(refs).toEqual(
      expect.arrayContaining([
        'System:alder',
        'Component:alder-api',
        'Component:alder-web',
        'Resource:alder-dev-db',
        'Resource:alder-prod-queue',
      ]),
    );
    expect(mutation.entities[0].entity.spec!.owner).toBe(
      'group:default/imaging',
    );
  });

  it('names the missing Stagelight backend plugin when the backend has none, and applies nothing', async () => {
    const providers: EntityProvider[] = [];
    await startTestBackend({
      extensionPoints: [
        [
          catalogProcessingExtensionPoint,
          { addEntityProvider: (...p: any[]) => providers.push(...p.flat()) },
        ],
      ],
      features: [
        catalogModuleStagelight,
        mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      ],
    });
    const provider = providers[0] as StagelightEntityProvider;
    const mutations: EntityProviderMutation[] = [];
    await provider.connect({
      applyMutation: async m => {
        mutations.push(m);
      },
      refresh: async () => {},
    });

    await expect(provider.refresh()).rejects.toThrow(
      /^The Stagelight backend plugin is not installed in this backend: http:\/\/localhost:\d+\/api\/stagelight\/environments\?include=resources answered 404 Not Found, and not from Stagelight\. .*backend\.add\(import\('@stagelight\/backstage-plugin-stagelight-backend'\)\);/,
    );
    expect(mutations).toEqual([]);
  });
});
