import {
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { entitiesFromEnvironments } from './entities';
import { StagelightInventory } from './StagelightInventoryClient';

/**
 * Keeps the catalog in step with the environments Stagelight finds deployed.
 *
 * @public
 */
export class StagelightEntityProvider implements EntityProvider {
  #connection?: EntityProviderConnection;

  constructor(
    private readonly deps: {
      inventory: StagelightInventory;
      runner: SchedulerServiceTaskRunner;
      logger: LoggerService;
      defaultOwner: string;
    },
  ) {}

  getProviderName(): string {
    return 'stagelight';
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.#connection = connection;
    await this.deps.runner.run({
      id: `${this.getProviderName()}:refresh`,
      fn: () => this.refresh(),
    });
  }

  /** One pass: read the inventory and replace this provider's entities. */
  async refresh(): Promise<void> {
    const connection = this.#connection;
    if (!connection)
      throw new Error('StagelightEntityProvider is not connected');
    const environments = await this.deps.inventory.environments();
    if (!environments) {
      // An empty full mutation would delete every clinic: wait for a snapshot.
      this.deps.logger.info(
        'Stagelight has no inventory yet; catalog left as it is',
      );
      return;
    }
    const entities = entitiesFromEnvironments(environments, {
      defaultOwner: this.deps.defaultOwner,
    });
    await connection.applyMutation({
      type: 'full',
      entities: entities.map(({ entity }) => ({
        entity,
        locationKey: this.getProviderName(),
      })),
    });
    this.deps.logger.info(
      `Stagelight provided ${entities.length} entities for ${
        new Set(entities.map(e => e.clinic)).size
      } clinics`,
    );
  }
}
