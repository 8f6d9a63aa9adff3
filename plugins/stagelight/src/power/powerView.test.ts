import type { PowerStep } from '@internal/plugin-stagelight-common';
import { operation, responseError } from '../__testUtils__/fixtures';
import {
  availableActions,
  failureText,
  formatDuration,
  operationDurationMs,
  progressText,
  requestErrorText,
} from './powerView';

const step = (
  name: PowerStep['name'],
  status: PowerStep['status'],
  error: string | null = null,
): PowerStep => ({
  name,
  status,
  result: null,
  error,
  startedAt: null,
  finishedAt: null,
});

describe('powerView', () => {
  it('offers wake only when not awake and sleep only when awake and unprotected', () => {
    expect(availableActions('asleep', false)).toEqual({
      wake: true,
      sleep: false,
    });
    expect(availableActions('partial', false)).toEqual({
      wake: true,
      sleep: false,
    });
    expect(availableActions('paused', true)).toEqual({
      wake: true,
      sleep: false,
    });
    expect(availableActions('unknown', false)).toEqual({
      wake: true,
      sleep: false,
    });
    expect(availableActions('awake', false)).toEqual({
      wake: false,
      sleep: true,
    });
    expect(availableActions('awake', true)).toEqual({
      wake: false,
      sleep: false,
    });
    expect(availableActions('waking', false)).toEqual({
      wake: false,
      sleep: false,
    });
    expect(availableActions('sleeping', false)).toEqual({
      wake: false,
      sleep: false,
    });
  });

  it('describes the current step of a running operation', () => {
    expect(progressText(operation({ status: 'pending' }))).toBe(
      'Waking: queued',
    );
    expect(
      progressText(
        operation({
          kind: 'sleep',
          steps: [
            step('remember-counts', 'done'),
            step('scale-to-zero', 'running'),
            step('stop-db', 'pending'),
          ],
        }),
      ),
    ).toBe('Going to sleep: scaling the services to 0 (step 2 of 3)');
    expect(
      progressText(
        operation({
          steps: [
            step('start-db', 'done'),
            step('wait-db-available', 'pending'),
          ],
        }),
      ),
    ).toBe('Waking: waiting for the database (step 2 of 2)');
    expect(progressText(operation({ steps: [step('start-db', 'done')] }))).toBe(
      'Waking: finishing',
    );
  });

  it("explains a failure with the operation's or the failed step's error", () => {
    expect(failureText(operation({ status: 'failed', error: 'boom' }))).toBe(
      'boom',
    );
    expect(
      failureText(
        operation({
          status: 'failed',
          steps: [step('stop-db', 'failed', 'cluster busy')],
        }),
      ),
    ).toBe('stopping the database: cluster busy');
    expect(failureText(operation({ status: 'failed' }))).toBe(
      'no error message was recorded',
    );
  });

  it('formats durations', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(45_000)).toBe('45s');
    expect(formatDuration(160_000)).toBe('2m40s');
    expect(formatDuration(3_900_000)).toBe('1h05m');
    expect(formatDuration(-5)).toBe('0s');
    expect(
      operationDurationMs(
        operation({ finishedAt: '2026-11-26T10:01:00.000Z' }),
      ),
    ).toBe(60_000);
    expect(operationDurationMs(operation())).toBeUndefined();
  });

  it('turns request errors into words', async () => {
    expect(
      requestErrorText(await responseError(409, 'prod is protected')),
    ).toBe('Refused: prod is protected');
    expect(requestErrorText(await responseError(403, 'no'))).toBe(
      'Not allowed: no',
    );
    expect(
      requestErrorText(await responseError(400, 'leaseHours too big')),
    ).toBe('Invalid request: leaseHours too big');
    expect(requestErrorText(await responseError(500, 'db down'))).toBe(
      'db down',
    );
    expect(requestErrorText(new Error('offline'))).toBe('offline');
  });
});
