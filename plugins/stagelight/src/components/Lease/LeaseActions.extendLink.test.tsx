import { useState } from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import { useLocation } from 'react-router-dom';
import type { PowerLease } from '@stagelight/backstage-plugin-stagelight-common';
import { mockStagelightApi } from '../../__testUtils__/fixtures';
import { typeReason } from '../../__testUtils__/dialogs';
import {
  PowerGrantOptions,
  renderWithPowerGrant,
} from '../../__testUtils__/powerPermissions';
import { LeaseActions } from './LeaseActions';

// A lease warning links to the clinic's board with ?extend=<stage>
// (plugins/stagelight-backend/src/power/notify/leaseWarningMessage.ts).

const NOW = Date.parse('2026-11-26T10:00:00.000Z');

const LEASE: PowerLease = {
  clinic: 'north-clinic',
  stage: 'dev',
  startsAt: '2026-11-26T09:00:00.000Z',
  endsAt: '2026-11-26T10:30:00.000Z',
  requestedBy: 'user:default/lead',
  reason: 'demo for the clinic',
};

/** The address's query string, as the page has it. */
function Search() {
  return <output aria-label="Query string">{useLocation().search}</output>;
}

/** The stage's lease cell as the board holds it: the lease given back after a change. */
function LeaseCell(props: { lease: PowerLease | null }) {
  const [lease, setLease] = useState(props.lease);
  return (
    <>
      <LeaseActions
        clinic="north-clinic"
        stage="dev"
        lease={lease}
        maxLeaseHours={12}
        nowMs={NOW}
        onChanged={setLease}
      />
      <Search />
    </>
  );
}

function openAt(
  search: string,
  options: PowerGrantOptions & { lease?: PowerLease | null } = {},
) {
  return renderWithPowerGrant(
    <LeaseCell lease={options.lease === undefined ? LEASE : options.lease} />,
    {
      ...options,
      initialRouteEntries: [`/catalog/default/system/north-clinic${search}`],
    },
  );
}

/** The query string, also while a modal dialog hides the page from the accessibility tree. */
const query = () =>
  screen.getByRole('status', { name: 'Query string', hidden: true });

describe('LeaseActions opened from a lease warning', () => {
  it('opens the extend dialog with 1 hour chosen, extends on confirm, shows the new end and clears the parameter', async () => {
    const api = mockStagelightApi();
    const extended = { ...LEASE, endsAt: '2026-11-26T11:30:00.000Z' };
    api.extendLease.mockResolvedValue({ lease: extended });
    openAt('?extend=dev&tab=stages', { api });

    const dialog = await screen.findByRole('dialog', {
      name: 'Extend the lease of north-clinic/dev',
    });
    expect(
      within(dialog).getByRole('combobox', { name: 'Extend by' }),
    ).toHaveValue('1');
    // Taken up once: a reload or Back does not open it again; other parameters stay.
    await waitFor(() => expect(query()).toHaveTextContent(/^\?tab=stages$/));

    await typeReason(dialog, 'review runs late{Enter}');
    await waitFor(() =>
      expect(api.extendLease).toHaveBeenCalledWith('north-clinic', 'dev', {
        hours: 1,
        reason: 'review runs late',
      }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(
      screen.getByText(
        `Lease extended until ${new Date(extended.endsAt).toLocaleString()}`,
      ),
    ).toBeInTheDocument();
  });

  it("leaves another stage's request to that stage", async () => {
    openAt('?extend=test');

    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: 'Extend lease' }),
      ).toBeEnabled(),
    );
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(query()).toHaveTextContent('?extend=test');
  });

  it('opens nothing for a user who may not extend it, and clears the parameter', async () => {
    const api = openAt('?extend=dev', { allow: 'sleep-only' });

    await waitFor(() => expect(query()).toBeEmptyDOMElement());
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Extend lease' })).toBeDisabled();
    expect(api.extendLease).not.toHaveBeenCalled();
  });

  it('says so when the lease has ended meanwhile', async () => {
    openAt('?extend=dev', {
      lease: { ...LEASE, endsAt: '2026-11-26T09:59:00.000Z' },
    });

    await waitFor(() => expect(query()).toBeEmptyDOMElement());
    expect(
      screen.getByText(
        'The lease has already ended: wake it with a lease instead',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
