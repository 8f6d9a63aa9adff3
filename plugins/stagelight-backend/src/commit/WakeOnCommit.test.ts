import { mockServices } from '@backstage/backend-test-utils';
import {
  PowerLease,
  PowerOperation,
  PowerOperationResponse,
  WakeRequest,
} from '@stagelight/backstage-plugin-stagelight-common';
import { AuditedAction } from '../power/audit/PowerAuditor';
import { WakeOnCommit } from './WakeOnCommit';

const NOW = new Date('2026-03-02T10:00:00Z');
const HOUR = 3_600_000;

/** Records wakes as PowerService would take them; leases as given. */
class FakePowerService {
  wakes: Array<{ env: object; request: WakeRequest; actor: string }> = [];
  lease: PowerLease | null = null;
  failWith?: Error;

  /** The lease as LeaseService.active answers it: a running one, or none. */
  async active(): Promise<PowerLease | undefined> {
    return this.lease ?? undefined;
  }

  async wake(
    env: { clinic: string; stage: string },
    request: WakeRequest,
    actor: string,
  ): Promise<PowerOperationResponse> {
    if (this.failWith) throw this.failWith;
    this.wakes.push({ env, request, actor });
    return {
      operation: { id: 'op-1', status: 'running' } as PowerOperation,
      lease: null,
    };
  }
}

/** Runs the action and keeps what was audited with its outcome. */
class FakeAuditor {
  records: Array<AuditedAction & { result: string; operationId?: string }> = [];
  async run<T>(
    what: AuditedAction,
    fn: () => Promise<T>,
    describe: (v: T) => { operationId?: string } = () => ({}),
  ): Promise<T> {
    try {
      const value = await fn();
      this.records.push({
        ...what,
        result: 'succeeded',
        operationId: describe(value).operationId,
      });
      return value;
    } catch (error) {
      this.records.push({ ...what, result: 'failed' });
      throw error;
    }
  }
}

function setup() {
  const service = new FakePowerService();
  const auditor = new FakeAuditor();
  const logger = mockServices.logger.mock();
  const wake = new WakeOnCommit({
    settings: {
      leaseHours: 2,
      repositories: new Map([['acme/northside-app', 'northside']]),
      branches: new Map([
        ['dev', 'dev'],
        ['main', 'prod'],
      ]),
    },
    service: service as any,
    leases: service,
    auditor,
    clock: { now: () => new Date(NOW) },
    logger,
  });
  return { service, auditor, logger, wake };
}

const push = (ref: string, repo = 'acme/northside-app') => ({
  eventPayload: {
    ref,
    after: 'abcdef0123456789abcdef0123456789abcdef01',
    repository: { full_name: repo },
    pusher: { name: 'octocat' },
    sender: { login: 'octocat' },
  },
});

describe('WakeOnCommit', () => {
  it('wakes the mapped environment with a lease, as the pusher, audited with the push', async () => {
    const { service, auditor, wake } = setup();
    const result = await wake.handle(push('refs/heads/dev'));
    expect(result?.operation.id).toBe('op-1');
    expect(service.wakes).toEqual([
      {
        env: { clinic: 'northside', stage: 'dev' },
        request: { reason: 'push abcdef0 to dev', leaseHours: 2 },
        actor: 'github:octocat',
      },
    ]);
    expect(auditor.records).toEqual([
      {
        action: 'environment-wake',
        actor: 'github:octocat',
        clinic: 'northside',
        stage: 'dev',
        reason: 'push abcdef0 to dev',
        result: 'succeeded',
        operationId: 'op-1',
      },
    ]);
  });

  it('wakes a protected stage like any other', async () => {
    const { service, wake } = setup();
    await wake.handle(push('refs/heads/main'));
    expect(service.wakes[0].env).toEqual({
      clinic: 'northside',
      stage: 'prod',
    });
  });

  it('extends a shorter lease but keeps a longer one', async () => {
    const { service, wake } = setup();
    service.lease = {
      endsAt: new Date(NOW.getTime() + HOUR).toISOString(),
    } as PowerLease;
    await wake.handle(push('refs/heads/dev'));
    expect(service.wakes[0].request.leaseHours).toBe(2);

    service.lease = {
      endsAt: new Date(NOW.getTime() + 5 * HOUR).toISOString(),
    } as PowerLease;
    await wake.handle(push('refs/heads/dev'));
    expect(service.wakes[1].request).toEqual({ reason: 'push abcdef0 to dev' });
  });

  it('ignores unknown repositories and branches with a debug log, without auditing', async () => {
    const { service, auditor, logger, wake } = setup();
    expect(
      await wake.handle(push('refs/heads/dev', 'acme/other')),
    ).toBeUndefined();
    expect(await wake.handle(push('refs/heads/feature'))).toBeUndefined();
    expect(service.wakes).toEqual([]);
    expect(auditor.records).toEqual([]);
    expect(logger.debug).toHaveBeenCalledTimes(2);
  });

  it('audits and logs a wake that fails, without throwing into the events service', async () => {
    const { service, auditor, logger, wake } = setup();
    service.failWith = new Error('No environment for clinic northside');
    expect(await wake.handle(push('refs/heads/dev'))).toBeUndefined();
    expect(auditor.records.map(r => r.result)).toEqual(['failed']);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('northside/dev (push abcdef0 to dev) failed'),
    );
  });

  it('subscribes to github.push', async () => {
    const { service, wake } = setup();
    const events = mockServices.events();
    await wake.subscribe(events);
    await events.publish({ topic: 'github.push', ...push('refs/heads/dev') });
    await events.publish({ topic: 'github.issues', ...push('refs/heads/dev') });
    expect(service.wakes).toHaveLength(1);
  });
});
