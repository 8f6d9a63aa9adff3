import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { stagelightApiRef } from '../../api';
import { auditRouteRef } from '../../routes';
import {
  ASLEEP,
  clinicsOf,
  fleetOf,
  mockStagelightApi,
  operation,
  summary,
} from '../../__testUtils__/fixtures';
import { TestSignals } from '../../__testUtils__/TestSignals';
import { FleetView } from './FleetView';

const CLINICS = clinicsOf({
  'south-clinic': { dev: 'asleep', prod: 'awake' },
  'north-clinic': { dev: 'awake', prod: 'awake' },
});

function render(
  api: ReturnType<typeof mockStagelightApi>,
  signals?: TestSignals,
) {
  const mountedRoutes = {
    '/catalog/:namespace/:kind/:name': entityRouteRef,
    '/stagelight/audit': auditRouteRef,
  };
  return signals
    ? renderInTestApp(<FleetView />, {
        apis: [
          [stagelightApiRef, api],
          [signalApiRef, signals],
        ],
        mountedRoutes,
      })
    : renderInTestApp(<FleetView />, {
        apis: [[stagelightApiRef, api]],
        mountedRoutes,
      });
}

describe('FleetView', () => {
  it('shows progress while the fleet loads', async () => {
    const api = mockStagelightApi();
    api.listClinics.mockReturnValue(new Promise(() => {}));
    api.listEnvironments.mockReturnValue(new Promise(() => {}));

    render(api);

    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    expect(screen.getByText('Awake now: counting…')).toBeInTheDocument();
  });

  it('shows the error when the fleet cannot be loaded', async () => {
    const api = mockStagelightApi();
    api.listClinics.mockRejectedValue(new Error('first refresh not done'));
    api.listEnvironments.mockRejectedValue(new Error('first refresh not done'));

    render(api);

    expect(
      await screen.findByText(/Could not load the fleet/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Awake now: unknown (first refresh not done)'),
    ).toBeInTheDocument();
  });

  it('says so when there are no environments at all', async () => {
    const api = mockStagelightApi();
    api.listClinics.mockResolvedValue({ items: [] });
    api.listEnvironments.mockResolvedValue(fleetOf([]));

    render(api);

    expect(
      await screen.findByText('No environments found'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Awake now: 0 of 0 environments'),
    ).toBeInTheDocument();
  });

  it('lists every environment by clinic and stage order, with the awake count', async () => {
    const api = mockStagelightApi();
    api.listClinics.mockResolvedValue(CLINICS);
    api.listEnvironments.mockResolvedValue(
      fleetOf([
        summary('south-clinic', 'prod'),
        summary('south-clinic', 'dev', ASLEEP),
        summary('north-clinic', 'prod', {
          queue: {
            visible: 2,
            inFlight: 0,
            delayed: 0,
            dlq: 1,
            oldestAgeSeconds: 30,
          },
        }),
        summary('north-clinic', 'dev', {
          errors: [
            { source: 'sqs:GetQueueAttributes', message: 'access denied' },
          ],
        }),
      ]),
    );

    render(api);

    const table = await screen.findByRole('table', {
      name: 'Environments of all clinics',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(r => within(r).getByRole('rowheader').textContent)).toEqual(
      ['north-clinic', 'north-clinic', 'south-clinic', 'south-clinic'],
    );
    expect(rows[0]).toHaveTextContent('dev');
    expect(rows[0]).toHaveTextContent('sqs:GetQueueAttributes: access denied');
    expect(rows[1]).toHaveTextContent('prodProtected');
    expect(rows[1]).toHaveTextContent('1 message in the DLQ');
    expect(rows[2]).toHaveTextContent('Asleep');
    expect(
      within(rows[0]).getByRole('link', { name: 'north-clinic' }),
    ).toHaveAttribute('href', '/catalog/default/system/north-clinic');
    expect(
      screen.getByText('Awake now: 3 of 4 environments'),
    ).toBeInTheDocument();
    expect(api.listEnvironments).toHaveBeenCalledWith({});
  });

  it("reads the fleet again when an operation's signal arrives, whoever started it", async () => {
    const api = mockStagelightApi();
    const signals = new TestSignals();
    api.listClinics.mockResolvedValue(CLINICS);
    api.listEnvironments
      .mockResolvedValueOnce(fleetOf([summary('south-clinic', 'dev', ASLEEP)]))
      .mockResolvedValue(fleetOf([summary('south-clinic', 'dev')]));

    render(api, signals);
    const table = await screen.findByRole('table', {
      name: 'Environments of all clinics',
    });
    // Asleep in power and in readiness.
    expect(within(table).getAllByText('Asleep')).toHaveLength(2);

    // Another lead's wake of south-clinic/dev has ended.
    signals.publishOperation(
      operation({
        clinic: 'south-clinic',
        stage: 'dev',
        status: 'succeeded',
        outcome: 'awake',
      }),
    );
    expect(await within(table).findByText('Awake')).toBeInTheDocument();
    expect(within(table).queryByText('Asleep')).not.toBeInTheDocument();
    expect(api.listEnvironments).toHaveBeenCalledTimes(2);
  });

  it('asks the backend again with the chosen filters and offers to clear them', async () => {
    const api = mockStagelightApi();
    api.listClinics.mockResolvedValue(CLINICS);
    api.listEnvironments.mockImplementation(async filter =>
      fleetOf(
        filter?.power === 'paused'
          ? []
          : [
              summary('north-clinic', 'dev'),
              summary('south-clinic', 'dev'),
            ].filter(e => !filter?.clinic || e.clinic === filter.clinic),
      ),
    );

    render(api);
    await screen.findByRole('table', { name: 'Environments of all clinics' });

    await userEvent.selectOptions(
      screen.getByLabelText('Clinic'),
      'south-clinic',
    );
    await userEvent.selectOptions(screen.getByLabelText('Stage'), 'dev');

    const table = await screen.findByRole('table', {
      name: 'Environments of all clinics',
    });
    expect(api.listEnvironments).toHaveBeenLastCalledWith({
      clinic: 'south-clinic',
      stage: 'dev',
    });
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map(h => h.textContent),
    ).toEqual(['south-clinic']);

    await userEvent.selectOptions(
      screen.getByLabelText('Power state'),
      'paused',
    );
    expect(
      await screen.findByText('No environment matches these filters'),
    ).toBeInTheDocument();
    expect(api.listEnvironments).toHaveBeenLastCalledWith({
      clinic: 'south-clinic',
      stage: 'dev',
      power: 'paused',
    });

    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    expect(
      await screen.findByRole('table', { name: 'Environments of all clinics' }),
    ).toBeInTheDocument();
    expect(api.listEnvironments).toHaveBeenLastCalledWith({});
  });

  it('links to the audit trail and offers bulk wake and sleep once the fleet is known', async () => {
    const api = mockStagelightApi();
    api.listClinics.mockResolvedValue(CLINICS);
    api.listEnvironments.mockResolvedValue(
      fleetOf([summary('north-clinic', 'dev')]),
    );

    render(api);

    expect(
      await screen.findByRole('combobox', {
        name: 'Environments to wake or put to sleep',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('Bulk wake and sleep')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Audit trail' })).toHaveAttribute(
      'href',
      '/stagelight/audit',
    );
  });

  it('warns when the fleet status is stale', async () => {
    const api = mockStagelightApi();
    api.listClinics.mockResolvedValue(CLINICS);
    api.listEnvironments.mockResolvedValue(
      fleetOf([summary('north-clinic', 'dev', { dataAgeSeconds: 7200 })], 7200),
    );

    render(api);

    expect(
      await screen.findByText('Warning: Status data is 2 h old'),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', {
      name: 'Environments of all clinics',
    });
    expect(
      within(table).getByText('updated 2 h ago (stale)'),
    ).toBeInTheDocument();
  });
});
