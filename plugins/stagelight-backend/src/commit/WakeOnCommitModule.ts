import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { EventsService } from '@backstage/plugin-events-node';
import { Clock } from '../clock/Clock';
import type { PowerModule } from '../power';
import { WakeOnCommit } from './WakeOnCommit';
import { readWakeOnCommitSettings } from './WakeOnCommitSettings';

/**
 * Subscribes wake on commit to `github.push` when `stagelight.wakeOnCommit`
 * is configured. The GitHub module accepts unsigned webhooks when it has no
 * secret, and anyone could then wake environments: without
 * `events.modules.github.webhookSecret`, wake on commit stays off.
 */
export async function startWakeOnCommit(o: {
  config: Config;
  stages: string[];
  power: Pick<PowerModule, 'service' | 'leases' | 'auditor'>;
  maxLeaseHours: number;
  events: EventsService;
  clock: Clock;
  logger: LoggerService;
}): Promise<void> {
  const settings = readWakeOnCommitSettings(o.config, {
    stages: o.stages,
    maxLeaseHours: o.maxLeaseHours,
  });
  if (!settings) return;
  if (!o.config.getOptionalString('events.modules.github.webhookSecret')) {
    o.logger.warn(
      'stagelight.wakeOnCommit is configured but events.modules.github.webhookSecret is not: wake on commit stays off',
    );
    return;
  }
  // github.push from the events backend's GitHub module (signature checked there).
  await new WakeOnCommit({
    settings,
    service: o.power.service,
    leases: o.power.leases,
    auditor: o.power.auditor,
    clock: o.clock,
    logger: o.logger,
  }).subscribe(o.events);
}
