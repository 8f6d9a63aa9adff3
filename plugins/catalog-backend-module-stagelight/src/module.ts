import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { readDurationFromConfig } from '@backstage/config';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { StagelightEntityProvider } from './StagelightEntityProvider';
import { StagelightInventoryClient } from './StagelightInventoryClient';

const DEFAULT_OWNER = 'group:default/platform';

/**
 * Adds the Stagelight entity provider to the catalog.
 *
 * @public
 */
export const catalogModuleStagelight = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'stagelight',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        scheduler: coreServices.scheduler,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        logger: coreServices.logger,
      },
      async init({ catalog, config, scheduler, discovery, auth, logger }) {
        const frequency = config.has('stagelight.catalog.schedule')
          ? readDurationFromConfig(config, {
              key: 'stagelight.catalog.schedule',
            })
          : { minutes: 5 };
        catalog.addEntityProvider(
          new StagelightEntityProvider({
            inventory: new StagelightInventoryClient({ discovery, auth }),
            runner: scheduler.createScheduledTaskRunner({
              frequency,
              timeout: { minutes: 3 },
              initialDelay: { seconds: 15 },
            }),
            logger,
            defaultOwner:
              config.getOptionalString('stagelight.catalog.owner') ??
              DEFAULT_OWNER,
          }),
        );
      },
    });
  },
});
