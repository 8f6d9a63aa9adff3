import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  PowerState,
  PowerStep,
} from '@stagelight/backstage-plugin-stagelight-common';
import {
  mockStagelightApi,
  operation,
  powerStep,
  responseError,
} from '../../__testUtils__/fixtures';
import {
  clickInDialog,
  reasonField,
  typeReason,
} from '../../__testUtils__/dialogs';
import {
  deniedButton,
  enabledButton,
  PowerGrantOptions,
  renderWithPowerGrant,
} from '../../__testUtils__/powerPermissions';
import { PowerActions } from './PowerActions';

function render(
  options: PowerGrantOptions & { power?: PowerState; protected?: boolean },
) {
  return renderWithPowerGrant(
    <PowerActions
      clinic="north-clinic"
      stage={options.protected ? 'prod' : 'dev'}
      power={options.power ?? 'asleep'}
      protected={options.protected ?? false}
    />,
    options,
  );
}

const wakeSteps = (statuses: PowerStep['status'][]): PowerStep[] =>
  (
    ['start-db', 'wait-db-available', 'restore-counts', 'wait-ready'] as const
  ).map((name, i) => powerStep(name, statuses[i]));

async function openWakeDialog() {
  await userEvent.click(await enabledButton('Wake'));
  return screen.findByRole('dialog', { name: 'Wake north-clinic/dev' });
}

describe('PowerActions', () => {
  it('offers Wake but not Sleep while the environment is asleep', async () => {
    render({ power: 'asleep' });

    expect(await screen.findByRole('button', { name: 'Wake' })).toBeEnabled();
    expect(
      screen.queryByRole('button', { name: 'Sleep' }),
    ).not.toBeInTheDocument();
  });

  it.each<PowerState>(['partial', 'paused', 'unknown'])(
    'offers Wake when the environment is %s',
    async power => {
      render({ power });
      expect(
        await screen.findByRole('button', { name: 'Wake' }),
      ).toBeInTheDocument();
      expect(
        screen.queryByRole('button', { name: 'Sleep' }),
      ).not.toBeInTheDocument();
    },
  );

  it('offers Sleep but not Wake while the environment is awake', async () => {
    render({ power: 'awake' });

    expect(await screen.findByRole('button', { name: 'Sleep' })).toBeEnabled();
    expect(
      screen.queryByRole('button', { name: 'Wake' }),
    ).not.toBeInTheDocument();
  });

  it('never offers Sleep on a protected stage', async () => {
    render({ power: 'awake', protected: true });

    expect(
      await screen.findByText('Protected: never put to sleep'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Sleep' }),
    ).not.toBeInTheDocument();
  });

  it('disables the actions the user may not take and says why', async () => {
    render({ power: 'asleep', allow: 'none' });

    expect(
      await deniedButton(
        'Wake',
        'You are not allowed to wake environments; only leads can',
      ),
    ).toBeDisabled();
  });

  it('disables Sleep for someone who may not sleep environments', async () => {
    render({ power: 'awake', allow: 'none' });

    expect(
      await deniedButton(
        'Sleep',
        'You are not allowed to put environments to sleep; only leads can',
      ),
    ).toBeDisabled();
  });

  describe('the wake dialog', () => {
    it('focuses the reason and will not submit without one', async () => {
      const api = render({ power: 'asleep' });

      const dialog = await openWakeDialog();
      const reason = reasonField(dialog);
      expect(reason).toHaveFocus();

      await clickInDialog(dialog, 'Wake');
      expect(
        within(dialog).getByText(
          'A reason is required; it is recorded in the history',
        ),
      ).toBeInTheDocument();
      await userEvent.type(reason, '   ');
      await userEvent.keyboard('{Enter}');
      expect(api.wake).not.toHaveBeenCalled();
      expect(screen.getByRole('dialog')).toBeInTheDocument();
    });

    it('sends the reason and the chosen lease', async () => {
      const api = mockStagelightApi();
      api.wake.mockResolvedValue({
        operation: operation({
          steps: wakeSteps(['running', 'pending', 'pending', 'pending']),
        }),
        lease: null,
      });
      api.getOperation.mockReturnValue(new Promise(() => {}));
      render({ api, power: 'asleep' });

      const dialog = await openWakeDialog();
      const lease = within(dialog).getByRole('combobox', {
        name: 'Keep awake for',
      });
      expect(lease).toHaveValue('2');
      expect(
        within(lease)
          .getAllByRole('option')
          .map(o => o.textContent),
      ).toEqual(['1 hour', '2 hours', '4 hours', '8 hours']);
      await userEvent.selectOptions(lease, '4');
      await typeReason(dialog, '  demo for the clinic {Enter}');

      await waitFor(() =>
        expect(api.wake).toHaveBeenCalledWith('north-clinic', 'dev', {
          reason: 'demo for the clinic',
          leaseHours: 4,
        }),
      );
      await waitFor(() =>
        expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
      );
      expect(
        screen.getByText(/Waking: starting the database \(step 1 of 4\)/),
      ).toBeInTheDocument();
    });

    it('shows a refusal from the backend and stays open', async () => {
      const api = mockStagelightApi();
      api.wake.mockRejectedValue(
        await responseError(
          403,
          'Not allowed: stagelight.environment.wake',
          'NotAllowedError',
        ),
      );
      render({ api, power: 'asleep' });

      const dialog = await openWakeDialog();
      await typeReason(dialog, 'try it');
      await clickInDialog(dialog, 'Wake');

      expect(await within(dialog).findByRole('alert')).toHaveTextContent(
        'Not allowed: Not allowed: stagelight.environment.wake',
      );
      expect(screen.getByRole('dialog')).toBeInTheDocument();
    });

    it('closes with Escape without calling the backend', async () => {
      const api = render({ power: 'asleep' });

      await openWakeDialog();
      await userEvent.keyboard('{Escape}');

      await waitFor(() =>
        expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
      );
      expect(api.wake).not.toHaveBeenCalled();
    });
  });

  describe('the sleep dialog', () => {
    async function openSleepDialog() {
      await userEvent.click(await enabledButton('Sleep'));
      return screen.findByRole('dialog', {
        name: 'Put north-clinic/dev to sleep',
      });
    }

    it('names the environment, requires a reason and sends it', async () => {
      const api = mockStagelightApi();
      api.sleep.mockResolvedValue({
        operation: operation({ kind: 'sleep', status: 'pending' }),
        lease: null,
      });
      api.getOperation.mockReturnValue(new Promise(() => {}));
      render({ api, power: 'awake' });

      const dialog = await openSleepDialog();
      expect(dialog).toHaveTextContent(
        'This puts north-clinic/dev to sleep: its services scale to 0 and its database stops',
      );
      const reason = reasonField(dialog);
      expect(reason).toHaveFocus();
      await clickInDialog(dialog, 'Sleep');
      expect(api.sleep).not.toHaveBeenCalled();

      await userEvent.type(reason, 'end of the day');
      await clickInDialog(dialog, 'Sleep');

      await waitFor(() =>
        expect(api.sleep).toHaveBeenCalledWith('north-clinic', 'dev', {
          reason: 'end of the day',
        }),
      );
      expect(
        await screen.findByText(/Going to sleep: queued/),
      ).toBeInTheDocument();
    });

    it('shows a 409 conflict in the dialog', async () => {
      const api = mockStagelightApi();
      api.sleep.mockRejectedValue(
        await responseError(
          409,
          'north-clinic/dev already has a running wake',
          'ConflictError',
        ),
      );
      render({ api, power: 'awake', allow: 'sleep-only' });

      const dialog = await openSleepDialog();
      await typeReason(dialog, 'end of the day');
      await clickInDialog(dialog, 'Sleep');

      expect(await within(dialog).findByRole('alert')).toHaveTextContent(
        'Refused: north-clinic/dev already has a running wake',
      );
    });
  });

  describe('a running operation', () => {
    async function startWake() {
      const dialog = await openWakeDialog();
      await typeReason(dialog, 'testing a fix{Enter}');
    }

    it('shows the current step, then the result, then asks for a refresh', async () => {
      const api = mockStagelightApi();
      api.wake.mockResolvedValue({
        operation: operation({
          steps: wakeSteps(['running', 'pending', 'pending', 'pending']),
        }),
        lease: {
          clinic: 'north-clinic',
          stage: 'dev',
          startsAt: '2026-11-26T10:00:00.000Z',
          endsAt: '2026-11-26T12:00:00.000Z',
          requestedBy: 'user:default/lead',
          reason: 'testing a fix',
        },
      });
      const done = operation({
        status: 'succeeded',
        outcome: 'awake',
        finishedAt: '2026-11-26T10:02:40.000Z',
        steps: wakeSteps(['done', 'done', 'done', 'done']),
      });
      let finish: (op: typeof done) => void = () => {};
      api.getOperation
        .mockResolvedValueOnce(
          operation({
            steps: wakeSteps(['done', 'done', 'running', 'pending']),
          }),
        )
        .mockReturnValueOnce(
          new Promise(resolve => {
            finish = resolve;
          }),
        );
      const onOperationEnd = jest.fn();
      render({ api, power: 'asleep', onOperationEnd });

      await startWake();

      const status = await screen.findByText(/^Waking: /);
      await waitFor(() =>
        expect(status).toHaveTextContent(
          /Waking: restoring the desired counts \(step 3 of 4\), \d+s elapsed/,
        ),
      );
      await waitFor(() => expect(api.getOperation).toHaveBeenCalledTimes(2));
      expect(onOperationEnd).not.toHaveBeenCalled();
      await waitFor(() =>
        expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
      );
      // No second wake while one runs.
      expect(
        screen.queryByRole('button', { name: 'Wake' }),
      ).not.toBeInTheDocument();

      finish(done);
      await waitFor(() =>
        expect(screen.getByRole('status')).toHaveTextContent(
          'Wake succeeded after 2m40s',
        ),
      );
      expect(onOperationEnd).toHaveBeenCalledTimes(1);
      expect(onOperationEnd).toHaveBeenCalledWith(done);
      expect(api.getOperation).toHaveBeenCalledWith('op-1');
      expect(api.getOperation).toHaveBeenCalledTimes(2);
      // The lease is said once, in the board's lease and schedule row.
      expect(screen.queryByText(/Held awake until/)).not.toBeInTheDocument();
      // The board still says asleep, but the operation's outcome is newer.
      expect(screen.getByRole('button', { name: 'Sleep' })).toBeInTheDocument();
      expect(
        screen.queryByRole('button', { name: 'Wake' }),
      ).not.toBeInTheDocument();
    });

    it('shows a failure with its error message', async () => {
      const api = mockStagelightApi();
      api.wake.mockResolvedValue({
        operation: operation({
          steps: wakeSteps(['running', 'pending', 'pending', 'pending']),
        }),
        lease: null,
      });
      api.getOperation.mockResolvedValue(
        operation({
          status: 'failed',
          outcome: 'partial',
          error: 'DB cluster stagelight-dev did not become available',
          finishedAt: '2026-11-26T10:10:00.000Z',
          steps: wakeSteps(['done', 'failed', 'pending', 'pending']),
        }),
      );
      const onOperationEnd = jest.fn();
      render({ api, power: 'asleep', onOperationEnd });

      await startWake();

      expect(
        await screen.findByText(
          /Wake failed after 10m00s: DB cluster stagelight-dev did not become available/,
        ),
      ).toBeInTheDocument();
      await waitFor(() =>
        expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
      );
      expect(screen.getByRole('status')).toHaveTextContent(
        'the environment is left partly awake',
      );
      expect(onOperationEnd).toHaveBeenCalledTimes(1);
      // Partial: waking again is offered.
      expect(screen.getByRole('button', { name: 'Wake' })).toBeInTheDocument();
    });

    it('keeps polling through a failed read', async () => {
      const api = mockStagelightApi();
      api.wake.mockResolvedValue({
        operation: operation({ status: 'pending' }),
        lease: null,
      });
      api.getOperation
        .mockRejectedValueOnce(new Error('bad gateway'))
        .mockResolvedValue(
          operation({
            status: 'succeeded',
            outcome: 'awake',
            finishedAt: '2026-11-26T10:00:05.000Z',
          }),
        );
      const onOperationEnd = jest.fn();
      render({ api, power: 'asleep', onOperationEnd });

      await startWake();

      expect(
        await screen.findByText('Wake succeeded after 5s'),
      ).toBeInTheDocument();
      expect(api.getOperation).toHaveBeenCalledTimes(2);
      expect(onOperationEnd).toHaveBeenCalledTimes(1);
    });
  });
});
