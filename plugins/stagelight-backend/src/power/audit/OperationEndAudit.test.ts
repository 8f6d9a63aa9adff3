import { powerOperation, powerStep } from '../__testUtils__/powerFixture';
import { OperationEndAudit, operationEndDetail } from './OperationEndAudit';
import { PowerAuditLog } from './PowerAuditLog';

const step = powerStep;
const operation = powerOperation;

describe('OperationEndAudit', () => {
  const append = jest.fn();
  const audit = new OperationEndAudit({
    log: { append } as unknown as PowerAuditLog,
    clock: { now: () => new Date('2026-06-10T12:01:00Z') },
  });
  beforeEach(() => append.mockReset());

  it('records nothing while the operation runs', async () => {
    await audit.operationChanged(operation({ status: 'pending' }));
    await audit.operationChanged(operation({ status: 'running' }));
    expect(append).not.toHaveBeenCalled();
  });

  it('records a success with the outcome and how long it took, as the requester', async () => {
    await audit.operationChanged(
      operation({
        status: 'succeeded',
        outcome: 'awake',
        finishedAt: '2026-06-10T12:00:42.400Z',
      }),
    );
    expect(append).toHaveBeenCalledWith(
      {
        actor: 'user:default/lee.lead',
        action: 'environment-wake-ended',
        clinic: 'alder',
        stage: 'dev',
        reason: 'review',
        result: 'succeeded',
        detail: 'awake after 42 s',
        operationId: 'op-1',
      },
      new Date('2026-06-10T12:01:00Z'),
    );
  });

  it('records a failure with the state it left, the failed step and the error', async () => {
    const failed = operation({
      kind: 'sleep',
      status: 'failed',
      outcome: 'partial',
      error: 'StopDBCluster: InvalidDBClusterStateFault',
      finishedAt: '2026-06-10T12:00:10.000Z',
      steps: [step('scale-to-zero', 'done'), step('stop-db', 'failed')],
    });
    await audit.operationChanged(failed);
    expect(append).toHaveBeenCalledWith(
      expect.objectContaining({
        action: 'environment-sleep-ended',
        result: 'failed',
        detail: 'partial at stop-db: StopDBCluster: InvalidDBClusterStateFault',
      }),
      expect.any(Date),
    );
  });

  it('keeps a long error within the detail column', () => {
    const detail = operationEndDetail(
      operation({
        status: 'failed',
        outcome: 'partial',
        error: 'x'.repeat(2000),
      }),
    );
    expect(detail).toHaveLength(500);
    expect(detail.endsWith('…')).toBe(true);
  });
});
