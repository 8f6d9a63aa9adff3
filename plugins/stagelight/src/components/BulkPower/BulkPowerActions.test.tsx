import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ListClinicsResponse } from '@stagelight/backstage-plugin-stagelight-common';
import {
  clinicsOf,
  mockStagelightApi,
  operation,
  responseError,
} from '../../__testUtils__/fixtures';
import {
  clickInDialog,
  reasonField,
  typeReason,
} from '../../__testUtils__/dialogs';
import {
  chooseBulkTarget,
  renderBulkPowerActions,
} from '../../__testUtils__/bulkPower';
import {
  deniedButton,
  enabledButton,
  PowerGrantOptions,
} from '../../__testUtils__/powerPermissions';

const CLINICS = clinicsOf({
  'north-clinic': { dev: 'asleep', prod: 'awake' },
  'south-clinic': { dev: 'awake' },
});

function render(
  options: PowerGrantOptions & { clinics?: ListClinicsResponse } = {},
) {
  return renderBulkPowerActions(options.clinics ?? CLINICS, options);
}

describe('BulkPowerActions', () => {
  it('offers every clinic and every stage as a target, with their sizes', async () => {
    render();

    const select = await screen.findByRole('combobox', {
      name: 'Environments to wake or put to sleep',
    });
    expect(
      within(select)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual([
      'every stage of north-clinic (2 environments)',
      'every stage of south-clinic (1 environment)',
      'dev in every clinic (2 environments)',
      'prod in every clinic (1 environment)',
    ]);
  });

  it('says so when the fleet has no environments', async () => {
    render({ clinics: { items: [] } });

    expect(
      await screen.findByText('No environments to wake or put to sleep.'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Wake all' }),
    ).not.toBeInTheDocument();
  });

  it('disables the bulk actions the user may not take and says why', async () => {
    render({ allow: 'sleep-only' });

    expect(
      await deniedButton(
        'Wake all',
        'You are not allowed to wake environments; only leads can',
      ),
    ).toBeDisabled();
    expect(await enabledButton('Sleep all')).toBeEnabled();
  });

  it('disables both for a user without power permissions', async () => {
    render({ allow: 'none' });

    expect(
      await deniedButton(
        'Sleep all',
        'You are not allowed to put environments to sleep; only leads can',
      ),
    ).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Wake all' })).toBeDisabled();
  });

  it('wakes a whole clinic after confirmation and follows each environment', async () => {
    const api = mockStagelightApi();
    api.bulkWake.mockResolvedValue({
      scope: { clinic: 'north-clinic' },
      started: [
        {
          operation: operation({ id: 'op-dev', status: 'pending' }),
          lease: null,
        },
      ],
      skipped: [
        {
          clinic: 'north-clinic',
          stage: 'prod',
          reason: 'north-clinic/prod already has a running sleep',
        },
      ],
    });
    api.getOperation.mockResolvedValue(
      operation({
        id: 'op-dev',
        status: 'succeeded',
        outcome: 'awake',
        finishedAt: '2026-11-26T10:02:00.000Z',
      }),
    );
    const onOperationEnd = jest.fn();
    render({ api, onOperationEnd });

    await userEvent.click(await enabledButton('Wake all'));
    const dialog = await screen.findByRole('dialog', {
      name: 'Wake every stage of north-clinic',
    });
    expect(dialog).toHaveTextContent(
      'This wakes 2 environments: north-clinic/dev, north-clinic/prod.',
    );
    const reason = reasonField(dialog);
    expect(reason).toHaveFocus();
    await clickInDialog(dialog, 'Wake all');
    expect(api.bulkWake).not.toHaveBeenCalled();
    expect(dialog).toHaveTextContent(
      'A reason is required; it is recorded in the history',
    );

    await userEvent.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Keep awake for' }),
      '4',
    );
    await userEvent.type(reason, 'clinic demo{Enter}');

    await waitFor(() =>
      expect(api.bulkWake).toHaveBeenCalledWith(
        { clinic: 'north-clinic' },
        { reason: 'clinic demo', leaseHours: 4 },
      ),
    );
    const result = await screen.findByRole('region', {
      name: 'Result of the bulk wake',
    });
    expect(result).toHaveTextContent(
      'Bulk wake of every stage of north-clinic: 1 started, 1 skipped',
    );
    expect(result).toHaveTextContent(
      'north-clinic/prod: Skipped: north-clinic/prod already has a running sleep',
    );
    await waitFor(() =>
      expect(result).toHaveTextContent(
        'north-clinic/dev: Wake succeeded after 2m00s',
      ),
    );
    expect(api.getOperation).toHaveBeenCalledWith('op-dev');
    expect(onOperationEnd).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('puts a stage to sleep in every clinic, saying protected stages are skipped', async () => {
    const api = mockStagelightApi();
    api.bulkSleep.mockResolvedValue({
      scope: { stage: 'dev' },
      started: [
        {
          operation: operation({
            id: 'op-n',
            kind: 'sleep',
            status: 'pending',
          }),
          lease: null,
        },
      ],
      skipped: [],
    });
    api.getOperation.mockReturnValue(new Promise(() => {}));
    render({ api });

    await chooseBulkTarget('dev in every clinic');
    await userEvent.click(await enabledButton('Sleep all'));
    const dialog = await screen.findByRole('dialog', {
      name: 'Put dev in every clinic to sleep',
    });
    expect(dialog).toHaveTextContent(
      'This puts 2 environments to sleep: north-clinic/dev, south-clinic/dev.',
    );
    expect(dialog).toHaveTextContent(
      'Protected stages are skipped (never put to sleep); none is in this selection.',
    );
    expect(
      within(dialog).queryByRole('combobox', { name: 'Keep awake for' }),
    ).not.toBeInTheDocument();
    await typeReason(dialog, 'night');
    await clickInDialog(dialog, 'Sleep all');

    await waitFor(() =>
      expect(api.bulkSleep).toHaveBeenCalledWith(
        { stage: 'dev' },
        { reason: 'night' },
      ),
    );
    expect(
      await screen.findByText(/Going to sleep: queued/),
    ).toBeInTheDocument();
  });

  it('names the protected environments a clinic sleep skips and shows a refusal', async () => {
    const api = mockStagelightApi();
    api.bulkSleep.mockRejectedValue(
      await responseError(
        403,
        'Not allowed: stagelight.environment.sleep',
        'NotAllowedError',
      ),
    );
    render({ api });

    await userEvent.click(await enabledButton('Sleep all'));
    const dialog = await screen.findByRole('dialog', {
      name: 'Put every stage of north-clinic to sleep',
    });
    expect(dialog).toHaveTextContent(
      'This puts 1 environment to sleep: north-clinic/dev.',
    );
    expect(dialog).toHaveTextContent(
      'Protected stages are skipped (never put to sleep): north-clinic/prod.',
    );
    await typeReason(dialog, 'night{Enter}');

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Not allowed: Not allowed: stagelight.environment.sleep',
    );
    expect(
      screen.queryByRole('region', { name: /Result/ }),
    ).not.toBeInTheDocument();
  });

  it('offers no sleep for a target that is all protected', async () => {
    render();

    await chooseBulkTarget('prod in every clinic');

    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Sleep all' })).toBeDisabled(),
    );
    expect(
      screen.getByText(
        'Every environment of prod in every clinic is protected: nothing to put to sleep.',
      ),
    ).toBeInTheDocument();
    expect(await enabledButton('Wake all')).toBeEnabled();
  });

  it('closes with Escape without calling the backend', async () => {
    const api = render();

    await userEvent.click(await enabledButton('Wake all'));
    await screen.findByRole('dialog');
    await userEvent.keyboard('{Escape}');

    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.bulkWake).not.toHaveBeenCalled();
  });
});
