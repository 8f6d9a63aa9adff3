import {
  coreServices,
  createBackendPlugin,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { stagelightPermissions } from '@internal/plugin-stagelight-common';
import { AwsClientFactory } from './aws/AwsClientFactory';
import { readStagelightSettings } from './config/StagelightConfig';
import { DatabaseEnvironmentStore } from './inventory/EnvironmentStore';
import { HttpDeployMarkerProbe } from './readiness/DeployMarkerProbe';
import { MarkerWaiter, abortableSleep } from './readiness/MarkerWaiter';
import { createRouter } from './router';
import { systemClock } from './status/Clock';
import { StatusCollector } from './status/StatusCollector';
import { StatusRefresher } from './status/StatusRefresher';
import { stagelightAwsExtensionPoint, AwsExtensions } from './extensions';

/** Stagelight backend: inventory, status and readiness of every clinic's environments at /api/stagelight. */
export const stagelightPlugin = createBackendPlugin({
  pluginId: 'stagelight',
  register(env) {
    const aws = new AwsExtensions();
    env.registerExtensionPoint(stagelightAwsExtensionPoint, aws);

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
      },
      async init(deps) {
        const settings = readStagelightSettings(deps.config);
        const clock = systemClock;

        const knex = await deps.database.getClient();
        if (!deps.database.migrations?.skip) {
          await knex.migrate.latest({
            directory: resolvePackagePath(
              '@internal/plugin-stagelight-backend',
              'migrations',
            ),
          });
        }
        const store = new DatabaseEnvironmentStore(
          knex,
          clock,
          settings.refresh.memoryTtlMs,
        );

        const factory = new AwsClientFactory({
          credentialsManager: DefaultAwsCredentialsManager.fromConfig(
            deps.config,
          ),
          endpoint: settings.aws.endpoint,
          maxAttempts: settings.aws.maxAttempts,
          requestTimeoutMs: settings.aws.requestTimeoutMs,
          concurrency: settings.aws.concurrency,
          customizers: aws.customizers,
        });
        const probe = new HttpDeployMarkerProbe(
          settings.readiness.probeTimeoutMs,
        );
        const collector = new StatusCollector({
          factory,
          settings,
          probe,
          clock,
          logger: deps.logger,
        });
        const refresher = new StatusRefresher({
          collector,
          store,
          clock,
          logger: deps.logger,
        });

        await deps.scheduler.scheduleTask({
          id: 'stagelight-status-refresh',
          frequency: settings.refresh.interval,
          timeout: settings.refresh.timeout,
          scope: 'global',
          fn: async () => {
            await refresher.refresh();
          },
        });

        deps.permissionsRegistry.addPermissions(stagelightPermissions);
        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            store,
            waiter: new MarkerWaiter({
              probe,
              clock,
              sleep: abortableSleep,
              pollIntervalMs: settings.readiness.pollIntervalMs,
            }),
            settings,
            clock,
          }),
        );
      },
    });
  },
});
