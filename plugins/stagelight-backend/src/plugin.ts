import {
  coreServices,
  createBackendPlugin,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { stagelightPermissions } from '@internal/plugin-stagelight-common';
import { AwsClientFactory } from './aws/AwsClientFactory';
import {
  createCostExplorerClientFactory,
  createCostRouter,
  createCostService,
  readCostSettings,
  recordPowerSamples,
} from './cost';
import { readWakeOnCommitSettings, WakeOnCommit } from './commit';
import { readStagelightSettings } from './config/StagelightConfig';
import { DatabaseEnvironmentStore } from './inventory/EnvironmentStore';
import { HttpDeployMarkerProbe } from './readiness/DeployMarkerProbe';
import { MarkerWaiter, abortableSleep } from './readiness/MarkerWaiter';
import { createPowerModule, PowerNotifier, readPowerSettings } from './power';
import { createRouter } from './router';
import { stagelightClockServiceRef } from './clockService';
import { EnvironmentStatusUpdater } from './status/EnvironmentStatusUpdater';
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
        auditor: coreServices.auditor,
        lifecycle: coreServices.lifecycle,
        signals: signalsServiceRef,
        notifications: notificationService,
        actionsRegistry: actionsRegistryServiceRef,
        events: eventsServiceRef,
        clock: stagelightClockServiceRef,
      },
      async init(deps) {
        const settings = readStagelightSettings(deps.config);
        const { clock } = deps;

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

        const credentialsManager = DefaultAwsCredentialsManager.fromConfig(
          deps.config,
        );
        const factory = new AwsClientFactory({
          credentialsManager,
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

        const powerSettings = readPowerSettings(deps.config, settings);
        const power = createPowerModule({
          knex,
          settings,
          power: powerSettings,
          factory,
          store,
          clock,
          logger: deps.logger,
          auditor: deps.auditor,
          probe,
          // The ended operation's environment is re-read first, so the portal
          // already shows it when the notification arrives; live progress goes
          // to the stagelight:operation channel.
          observers: [
            ...(settings.refresh.afterOperation
              ? [
                  new EnvironmentStatusUpdater({
                    collector,
                    store,
                    logger: deps.logger,
                  }),
                ]
              : []),
            new PowerNotifier({
              signals: deps.signals,
              notifications: deps.notifications,
              logger: deps.logger,
            }),
          ],
        });
        // Operations a previous run of this replica left unfinished.
        await power.resume();
        deps.lifecycle.addShutdownHook(() => power.stop());
        await deps.scheduler.scheduleTask({
          id: 'stagelight-power-schedules',
          frequency: powerSettings.applyInterval,
          timeout: { minutes: 2 },
          scope: 'global',
          fn: async () => {
            await power.applySchedules();
          },
        });
        await deps.scheduler.scheduleTask({
          // Picks up operations of a replica that died, once their lock has expired.
          id: 'stagelight-power-resume',
          frequency: { minutes: 1 },
          timeout: { minutes: 1 },
          scope: 'local',
          fn: async () => {
            await power.resume();
          },
        });

        const wakeOnCommit = readWakeOnCommitSettings(deps.config, {
          stages: settings.stages.map(s => s.name),
          maxLeaseHours: powerSettings.maxLeaseHours,
        });
        // The GitHub module accepts unsigned webhooks when it has no secret, and
        // anyone could then wake environments: without a secret, no wake on commit.
        const webhookSecret = deps.config.getOptionalString(
          'events.modules.github.webhookSecret',
        );
        if (wakeOnCommit && !webhookSecret) {
          deps.logger.warn(
            'stagelight.wakeOnCommit is configured but events.modules.github.webhookSecret is not: wake on commit stays off',
          );
        } else if (wakeOnCommit) {
          // github.push from the events backend's GitHub module (signature checked there).
          await new WakeOnCommit({
            settings: wakeOnCommit,
            service: power.service,
            auditor: power.auditor,
            clock,
            logger: deps.logger,
          }).subscribe(deps.events);
        }

        const costSettings = readCostSettings(deps.config);
        const costService = createCostService({
          knex,
          settings: costSettings,
          clientFactory: createCostExplorerClientFactory({
            credentialsManager,
            settings: costSettings,
          }),
          clock,
          logger: deps.logger,
        });
        await deps.scheduler.scheduleTask({
          id: 'stagelight-cost-refresh',
          frequency: { hours: 1 },
          timeout: { minutes: 10 },
          initialDelay: { minutes: 1 },
          scope: 'global',
          // Reads Cost Explorer only when the stored data is older than its TTL
          // and the daily request budget allows it.
          fn: async () => {
            await costService.refreshIfStale();
          },
        });

        await deps.scheduler.scheduleTask({
          id: 'stagelight-status-refresh',
          frequency: settings.refresh.interval,
          timeout: settings.refresh.timeout,
          scope: 'global',
          fn: async () => {
            await refresher.refresh();
            // Savings from sleeping are measured from this power history.
            const snapshot = await store.snapshot();
            if (snapshot) {
              await recordPowerSamples(
                costService,
                snapshot.records,
                new Date(snapshot.refreshedAt),
              );
            }
          },
        });

        deps.permissionsRegistry.addPermissions(stagelightPermissions);
        // For MCP clients through the actions backend (backend.actions.pluginSources).
        power.registerActions({
          actionsRegistry: deps.actionsRegistry,
          permissions: deps.permissions,
        });
        // Before the main router, whose first step requires the status permission:
        // power and cost check their own.
        deps.httpRouter.use(
          await power.router({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
          }),
        );
        deps.httpRouter.use(
          createCostRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            costService,
          }),
        );
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
