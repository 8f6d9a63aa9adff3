import { operation, powerStep, responseError } from '../__testUtils__/fixtures';
import {
  availableActions,
  failureText,
  formatDuration,
  operationDurationMs,
  progressText,
  requestErrorText,
} from './powerView';

describe('powerView', () => {
  describe('offers wake only when not awake and sleep only when awake and unprotected', () => {
    it.each([
      { power: 'asleep', protected: false, wake: true, sleep: false },
      { power: 'partial', protected: false, wake: true, sleep: false },
      { power: 'paused', protected: true, wake: true, sleep: false },
      { power: 'unknown', protected: false, wake: true, sleep: false },
      { power: 'awake', protected: false, wake: false, sleep: true },
      { power: 'awake', protected: true, wake: false, sleep: false },
      { power: 'waking', protected: false, wake: false, sleep: false },
      { power: 'sleeping', protected: false, wake: false, sleep: false },
    ] as const)(
      '$power, protected: $protected',
      ({ power, protected: isProtected, wake, sleep }) => {
        expect(availableActions(power, isProtected)).toEqual({ wake, sleep });
      },
    );
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
            powerStep('remember-counts', 'done'),
            powerStep('scale-to-zero', 'running'),
            powerStep('stop-db', 'pending'),
          ],
        }),
      ),
    ).toBe('Going to sleep: scaling the services to 0 (step 2 of 3)');
    expect(
      progressText(
        operation({
          steps: [
            powerStep('start-db', 'done'),
            powerStep('wait-db-available', 'pending'),
          ],
        }),
      ),
    ).toBe('Waking: waiting for the database (step 2 of 2)');
    expect(
      progressText(operation({ steps: [powerStep('start-db', 'done')] })),
    ).toBe('Waking: finishing');
  });

  it("explains a failure with the operation's or the failed step's error", () => {
    expect(failureText(operation({ status: 'failed', error: 'boom' }))).toBe(
      'boom',
    );
    expect(
      failureText(
        operation({
          status: 'failed',
          steps: [powerStep('stop-db', 'failed', 'cluster busy')],
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
