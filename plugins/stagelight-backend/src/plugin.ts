import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { notificationService } from '@backstage/plugin-notifications-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { registerStagelightActions } from './actions/registerStagelightActions';
import { AccountCredentials } from './aws/AccountCredentials';
import { awsClientFactoryFromSettings } from './aws/AwsClientFactory';
import { stagelightClockServiceRef } from './clock/clockService';
import { startWakeOnCommit } from './commit/WakeOnCommitModule';
import { readStagelightSettings } from './config/StagelightConfig';
import {
  createCostExplorerClientFactory,
  createCostModule,
  readCostSettings,
} from './cost';
import { migrateDatabase } from './database/migrateDatabase';
import { AwsExtensions, stagelightAwsExtensionPoint } from './extensions';
import { createDoctorModule } from './doctor';
import { createOpenApiRouter } from './http/openApiRouter';
import { registerStagelightPermissions } from './permissions/registerPermissions';
import { createPowerModule, PowerNotifier, readPowerSettings } from './power';
import { createReadinessModule } from './readiness/ReadinessModule';
import { createStatusModule } from './status/StatusModule';
import { createTimelineModule } from './timeline';

/**
 * Stagelight backend at /api/stagelight: status, readiness, power, cost and
 * wake on commit, each a module with its own wiring (docs/architecture.md).
 *
 * @public
 */
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
        const { config, logger, clock } = deps;
        const settings = readStagelightSettings(config);
        const powerSettings = readPowerSettings(config, settings);
        const costSettings = readCostSettings(config);
        const knex = await migrateDatabase(deps.database);
        // One account config (integration-aws-node's `aws` block); STS goes
        // to stagelight.aws.endpoint like every client (docs/architecture.md).
        const credentialsManager = AccountCredentials.fromConfig(config, {
          endpoint: settings.aws.endpoint,
          customizers: aws.customizers,
          clock,
        });
        const factory = awsClientFactoryFromSettings(
          credentialsManager,
          settings.aws,
          aws.customizers,
        );

        const readiness = createReadinessModule({
          readiness: settings.readiness,
          clock,
        });
        const status = createStatusModule({
          knex,
          settings,
          factory,
          probe: readiness.probe,
          clock,
          logger,
        });
        const power = createPowerModule({
          knex,
          settings,
          power: powerSettings,
          factory,
          store: status.store,
          clock,
          logger,
          auditor: deps.auditor,
          probe: readiness.probe,
          notifications: deps.notifications,
          // The ended operation's environment is re-read first, so the portal
          // already shows it when the notification arrives; live progress goes
          // to the stagelight:operation channel.
          observers: [
            ...status.powerObservers,
            new PowerNotifier({
              signals: deps.signals,
              notifications: deps.notifications,
              logger,
            }),
          ],
        });
        const costClientFactory = createCostExplorerClientFactory({
          credentialsManager,
          settings: costSettings,
        });
        const cost = createCostModule({
          knex,
          settings: costSettings,
          clientFactory: costClientFactory,
          clock,
          logger,
        });
        const doctor = createDoctorModule({
          settings,
          factory,
          credentials: credentialsManager,
          costClientFactory,
          store: status.store,
          probe: readiness.probe,
          clock,
        });
        // Savings from sleeping are measured from the power history.
        status.addSnapshotObserver(cost.powerHistoryRecorder);

        await power.start({
          scheduler: deps.scheduler,
          lifecycle: deps.lifecycle,
        });
        await startWakeOnCommit({
          config,
          stages: settings.stages.map(s => s.name),
          power,
          maxLeaseHours: powerSettings.maxLeaseHours,
          events: deps.events,
          clock,
          logger,
        });
        await cost.start({ scheduler: deps.scheduler });
        await status.start({ scheduler: deps.scheduler });

        // Power permissions are decided per environment, from the snapshot.
        registerStagelightPermissions(deps.permissionsRegistry, status.store);
        // Tools for MCP clients through the actions backend (backend.actions.pluginSources).
        const { httpAuth, permissions } = deps;
        registerStagelightActions({
          actionsRegistry: deps.actionsRegistry,
          permissions,
          lookup: status.lookup,
          stages: settings.stages.map(s => s.name),
          power,
          markerWait: readiness.markerWait,
          cost,
          clock,
        });
        // One contract for every route; each router guards its own routes.
        deps.httpRouter.use(
          createOpenApiRouter([
            status.router({ httpAuth, permissions }),
            readiness.router({ httpAuth, permissions, lookup: status.lookup }),
            power.router({ httpAuth, permissions }),
            cost.router({ httpAuth, permissions }),
            doctor.router({ httpAuth, permissions }),
            createTimelineModule({
              lookup: status.lookup,
              history: cost.history,
              schedules: power.schedules,
              auditLog: power.auditLog,
              cost: cost.data,
              stages: settings.stages.map(s => s.name),
              clock,
            }).router({ httpAuth, permissions }),
          ]),
        );
      },
    });
  },
});
