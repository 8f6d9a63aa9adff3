import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PowerLease } from '@stagelight/backstage-plugin-stagelight-common';
import { mockStagelightApi, responseError } from '../../__testUtils__/fixtures';
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
import { LeaseActions } from './LeaseActions';

const NOW = Date.parse('2026-11-26T10:00:00.000Z');

const LEASE: PowerLease = {
  clinic: 'north-clinic',
  stage: 'dev',
  startsAt: '2026-11-26T09:00:00.000Z',
  endsAt: '2026-11-26T12:00:00.000Z',
  requestedBy: 'user:default/lead',
  reason: 'demo for the clinic',
};

function render(
  options: PowerGrantOptions & {
    lease?: PowerLease | null;
    maxLeaseHours?: number;
    onChanged?: jest.Mock;
  } = {},
) {
  return renderWithPowerGrant(
    <LeaseActions
      clinic="north-clinic"
      stage="dev"
      lease={options.lease === undefined ? LEASE : options.lease}
      maxLeaseHours={options.maxLeaseHours ?? 12}
      nowMs={NOW}
      onChanged={options.onChanged}
    />,
    options,
  );
}

describe('LeaseActions', () => {
  it('offers nothing to extend or end without a lease', async () => {
    render({ lease: null });

    // The test app is up (its notification region is there), and no lease action in it.
    await screen.findByRole('region', { name: /notifications/ });
    expect(
      screen.queryByRole('button', { name: 'Extend lease' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'End lease' }),
    ).not.toBeInTheDocument();
  });

  it('treats a lease that has already ended as none', async () => {
    render({ lease: { ...LEASE, endsAt: '2026-11-26T09:30:00.000Z' } });

    // The test app is up (its notification region is there), and no lease action in it.
    await screen.findByRole('region', { name: /notifications/ });
    expect(
      screen.queryByRole('button', { name: 'Extend lease' }),
    ).not.toBeInTheDocument();
  });

  it('offers Extend and End for a running lease and leaves saying it to the schedule summary', async () => {
    render();

    expect(
      await screen.findByRole('button', { name: 'Extend lease' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'End lease' }),
    ).toBeInTheDocument();
    // The lease is said once, by ScheduleSummary beside these buttons.
    expect(screen.queryByText(/Held awake|Lease by/)).toBeNull();
  });

  it('extends the lease by the chosen hours, bounded like the backend', async () => {
    const api = mockStagelightApi();
    const extended = { ...LEASE, endsAt: '2026-11-26T14:00:00.000Z' };
    api.extendLease.mockResolvedValue({ lease: extended });
    const onChanged = jest.fn();
    render({ api, onChanged });

    await userEvent.click(await enabledButton('Extend lease'));
    const dialog = await screen.findByRole('dialog', {
      name: 'Extend the lease of north-clinic/dev',
    });
    const reason = reasonField(dialog);
    expect(reason).toHaveFocus();
    const hours = within(dialog).getByRole('combobox', { name: 'Extend by' });
    // Ends in 2 h, so at most 10 more hours stay within 12 h of now.
    expect(
      within(hours)
        .getAllByRole('option')
        .map(o => o.getAttribute('value')),
    ).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    await userEvent.selectOptions(hours, '2');
    await clickInDialog(dialog, 'Extend lease');
    expect(api.extendLease).not.toHaveBeenCalled();

    await userEvent.type(reason, 'demo runs late{Enter}');

    await waitFor(() =>
      expect(api.extendLease).toHaveBeenCalledWith('north-clinic', 'dev', {
        hours: 2,
        reason: 'demo runs late',
      }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      `Lease extended until ${new Date(extended.endsAt).toLocaleString()}`,
    );
    expect(onChanged).toHaveBeenCalledWith(extended);
  });

  it("shows the backend's refusal in the dialog", async () => {
    const api = mockStagelightApi();
    api.extendLease.mockRejectedValue(
      await responseError(
        400,
        'A lease may reach at most 8 hours ahead; this one would end 2026-11-26T13:00:00.000Z',
        'InputError',
      ),
    );
    render({ api });

    await userEvent.click(await enabledButton('Extend lease'));
    const dialog = await screen.findByRole('dialog');
    await typeReason(dialog, 'longer{Enter}');

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Invalid request: A lease may reach at most 8 hours ahead',
    );
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('offers hours up to the cap the backend serves, not more', async () => {
    // The lease ends in 2 h; a cap of 4 h from now leaves room for 2 more hours.
    render({ maxLeaseHours: 4 });
    await userEvent.click(await enabledButton('Extend lease'));
    const dialog = await screen.findByRole('dialog');
    const hours = within(dialog).getByRole('combobox', { name: 'Extend by' });
    expect(
      within(hours)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['1 hour', '2 hours']);
  });

  it('offers no extension once the lease reaches the cap', async () => {
    render({ lease: { ...LEASE, endsAt: '2026-11-26T21:45:00.000Z' } });

    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: 'Extend lease' }),
      ).toBeDisabled(),
    );
    expect(
      screen.getByText(
        'The lease already reaches 12 hours ahead, the most allowed.',
      ),
    ).toBeInTheDocument();
    expect(await enabledButton('End lease')).toBeEnabled();
  });

  it('ends the lease early after confirmation', async () => {
    const api = mockStagelightApi();
    api.endLease.mockResolvedValue({
      lease: { ...LEASE, endsAt: '2026-11-26T10:00:00.000Z' },
    });
    const onChanged = jest.fn();
    render({ api, onChanged });

    await userEvent.click(await enabledButton('End lease'));
    const dialog = await screen.findByRole('dialog', {
      name: 'End the lease of north-clinic/dev',
    });
    expect(dialog).toHaveTextContent('its schedule decides again');
    await typeReason(dialog, 'demo over{Enter}');

    await waitFor(() =>
      expect(api.endLease).toHaveBeenCalledWith(
        'north-clinic',
        'dev',
        'demo over',
      ),
    );
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Lease ended; the schedule decides again',
    );
    expect(onChanged).toHaveBeenCalledTimes(1);
  });

  it('disables what the user may not do and says why', async () => {
    render({ allow: 'sleep-only' });

    expect(
      await deniedButton(
        'Extend lease',
        'You are not allowed to extend leases; only leads can',
      ),
    ).toBeDisabled();
    expect(await enabledButton('End lease')).toBeEnabled();
  });

  it('disables both for a user without power permissions', async () => {
    render({ allow: 'none' });

    expect(
      await deniedButton(
        'End lease',
        'You are not allowed to end leases; only leads can',
      ),
    ).toBeDisabled();
  });

  it('closes with Escape without calling the backend', async () => {
    const api = render();

    await userEvent.click(await enabledButton('End lease'));
    await screen.findByRole('dialog');
    await userEvent.keyboard('{Escape}');

    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.endLease).not.toHaveBeenCalled();
  });
});
