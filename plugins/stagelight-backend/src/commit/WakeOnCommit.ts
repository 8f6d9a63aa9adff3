import { LoggerService } from '@backstage/backend-plugin-api';
import { EventParams, EventsService } from '@backstage/plugin-events-node';
import { PowerOperationResponse } from '@stagelight/backstage-plugin-stagelight-common';
import type { PowerAuditor } from '../power/audit/PowerAuditor';
import type { LeaseService } from '../power/service/LeaseService';
import type { PowerService } from '../power/service/PowerService';
import { Clock } from '../clock/Clock';
import { GithubPushPayload, pushTarget } from './pushTarget';
import { WakeOnCommitSettings } from './WakeOnCommitSettings';

const HOUR = 3_600_000;
export const GITHUB_PUSH_TOPIC = 'github.push';

/**
 * Wakes the environment a push deploys to, so the pipeline finds it up. The
 * webhook carries no user credentials: like the scheduler, it calls the power
 * service directly (no permission check), as actor `github:<login>`, and every
 * attempt is audited.
 */
export class WakeOnCommit {
  constructor(
    private readonly deps: {
      settings: WakeOnCommitSettings;
      service: Pick<PowerService, 'wake'>;
      leases: Pick<LeaseService, 'active'>;
      auditor: Pick<PowerAuditor, 'run'>;
      clock: Clock;
      logger: LoggerService;
    },
  ) {}

  async subscribe(events: EventsService): Promise<void> {
    await events.subscribe({
      id: 'stagelight-wake-on-commit',
      topics: [GITHUB_PUSH_TOPIC],
      onEvent: async params => {
        await this.handle(params);
      },
    });
  }

  /** Returns the wake's result, or undefined when the push is ignored or the wake failed (logged). */
  async handle(
    params: Pick<EventParams, 'eventPayload'>,
  ): Promise<PowerOperationResponse | undefined> {
    const { settings, service, leases, auditor, clock, logger } = this.deps;
    const target = pushTarget(
      (params.eventPayload ?? {}) as GithubPushPayload,
      settings,
    );
    if ('ignored' in target) {
      logger.debug(`Stagelight wake on commit: ignored, ${target.ignored}`);
      return undefined;
    }
    const env = { clinic: target.clinic, stage: target.stage };
    const actor = `github:${target.pusher}`;
    const reason = `push ${target.shortSha} to ${target.branch}`;
    try {
      return await auditor.run(
        {
          action: 'environment-wake',
          actor,
          clinic: env.clinic,
          stage: env.stage,
          reason,
        },
        async () => {
          // Never shortens a longer lease someone asked for.
          const now = clock.now();
          const until = now.getTime() + settings.leaseHours * HOUR;
          const lease = await leases.active(env, now);
          const keeps = lease && Date.parse(lease.endsAt) >= until;
          return service.wake(
            env,
            keeps ? { reason } : { reason, leaseHours: settings.leaseHours },
            actor,
          );
        },
        r => ({
          operationId: r.operation.id,
          detail: `operation ${r.operation.status}`,
        }),
      );
    } catch (error) {
      logger.warn(
        `Stagelight wake on commit of ${env.clinic}/${env.stage} (${reason}) failed: ${error}`,
      );
      return undefined;
    }
  }
}
