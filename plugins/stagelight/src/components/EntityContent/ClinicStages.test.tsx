import { screen, within } from '@testing-library/react';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  stagelightCostReadPermission,
  type ClinicCostResponse,
} from '@stagelight/backstage-plugin-stagelight-common';
import { stagelightApiRef } from '../../api';
import {
  detail,
  fleetOf,
  mockStagelightApi,
  responseError,
} from '../../__testUtils__/fixtures';
import { FreshPermissions } from '../../__testUtils__/FreshPermissions';
import { ClinicStages } from './ClinicStages';

type Api = ReturnType<typeof mockStagelightApi>;

const COST: ClinicCostResponse = {
  clinic: 'north-clinic',
  data: {
    refreshedAt: '2026-11-26T09:00:00.000Z',
    dataAgeSeconds: 3600,
    firstDay: '2026-10-01',
    lastDay: '2026-11-25',
    currency: 'USD',
    budget: { usedToday: 3, dailyLimit: 20 },
  } as ClinicCostResponse['data'],
  stages: [
    {
      stage: 'dev',
      monthToDate: 41.5,
      last30Days: 88.2,
      awakeHourlyRate: 0.24,
      asleepDaySavings: 5.76,
    },
    {
      stage: 'test',
      monthToDate: null,
      last30Days: null,
      awakeHourlyRate: null,
      asleepDaySavings: null,
    },
    {
      stage: 'prod',
      monthToDate: 310,
      last30Days: 900,
      awakeHourlyRate: 0.9,
      asleepDaySavings: 21.6,
    },
  ],
  diagnostics: [],
};

function board(
  api: Api,
  options: {
    mayReadCost?: boolean;
    environments?: ReturnType<typeof detail>[];
  } = {},
) {
  api.getHistory.mockResolvedValue({ items: [] });
  api.listEnvironmentDetails.mockResolvedValue(
    fleetOf(
      options.environments ?? [
        detail('north-clinic', 'dev'),
        detail('north-clinic', 'test'),
        detail('north-clinic', 'prod'),
      ],
    ),
  );
  return renderInTestApp(
    <FreshPermissions>
      <ClinicStages clinic="north-clinic" />
    </FreshPermissions>,
    {
      apis: [
        [stagelightApiRef, api],
        mockApis.permission({
          authorize: request =>
            request.permission.name === stagelightCostReadPermission.name &&
            options.mayReadCost === false
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        }),
      ],
    },
  );
}

/** The board's cell of `stage` in the row headed `label`. */
async function cell(label: string, stage: string) {
  const table = await screen.findByRole('table', {
    name: 'Stages of north-clinic',
  });
  const header = await within(table).findByRole('rowheader', { name: label });
  const columns = within(table)
    .getAllByRole('columnheader')
    .map(h => h.textContent ?? '');
  const row = header.closest('tr')!;
  const cells = within(row).getAllByRole('cell');
  // The first column is the row header.
  const index = columns.findIndex(c => c.startsWith(stage)) - 1;
  return cells[index];
}

describe('ClinicStages: cost and wake time on the board', () => {
  it('shows each stage its month to date and what a day asleep saves, from one request', async () => {
    const api = mockStagelightApi();
    api.getClinicCost.mockResolvedValue(COST);

    board(api);

    const dev = await cell('Cost', 'dev');
    expect(
      await within(dev).findByText('$41.50 this month'),
    ).toBeInTheDocument();
    expect(
      within(dev).getByText('Asleep saves about $5.76 a day'),
    ).toBeInTheDocument();
    expect(within(dev).getByText('$0.24 an awake hour')).toBeInTheDocument();
    // Not known is not zero.
    expect(
      within(await cell('Cost', 'test')).getByText('No cost data yet'),
    ).toBeInTheDocument();
    // Prod never sleeps, so it saves nothing.
    const prod = await cell('Cost', 'prod');
    expect(within(prod).getByText('$310.00 this month')).toBeInTheDocument();
    expect(within(prod).queryByText(/Asleep saves/)).toBeNull();
    expect(api.getClinicCost).toHaveBeenCalledTimes(1);
    expect(api.getClinicCost).toHaveBeenCalledWith('north-clinic');
    expect(api.getEnvironmentCost).not.toHaveBeenCalled();
  });

  it("shows the last 30 days on a month's first day, before any of it is billed", async () => {
    const api = mockStagelightApi();
    api.getClinicCost.mockResolvedValue({
      ...COST,
      stages: [
        {
          stage: 'dev',
          monthToDate: null,
          last30Days: 88.2,
          awakeHourlyRate: 0.24,
          asleepDaySavings: 5.76,
        },
      ],
    });

    board(api);

    const dev = await cell('Cost', 'dev');
    expect(
      await within(dev).findByText(
        '$88.20 in the last 30 days (none of this month billed yet)',
      ),
    ).toBeInTheDocument();
    expect(
      within(dev).getByText('Asleep saves about $5.76 a day'),
    ).toBeInTheDocument();
  });

  it('shows no cost, and asks for none, to someone who may not read cost', async () => {
    const api = mockStagelightApi();
    api.getClinicCost.mockResolvedValue(COST);

    board(api, { mayReadCost: false });

    // The board is there, with its wake times, but no Cost row and no error.
    expect(await cell('Wake time', 'dev')).toBeInTheDocument();
    expect(screen.queryByRole('rowheader', { name: 'Cost' })).toBeNull();
    expect(screen.queryByText(/Cost unavailable/)).toBeNull();
    expect(api.getClinicCost).not.toHaveBeenCalled();
  });

  it('says briefly when the cost cannot be read', async () => {
    const api = mockStagelightApi();
    api.getClinicCost.mockRejectedValue(
      await responseError(503, 'cost store unreachable'),
    );

    board(api);

    expect(
      await within(await cell('Cost', 'dev')).findByText(
        'Cost unavailable (cost store unreachable)',
      ),
    ).toBeInTheDocument();
  });

  it('says how long a wake usually takes, or that there is no history yet', async () => {
    const api = mockStagelightApi();
    api.getWakeDurations.mockResolvedValue({
      clinic: 'north-clinic',
      sampleSize: 10,
      items: [
        { stage: 'dev', medianSeconds: 160, wakes: 4 },
        { stage: 'test', medianSeconds: null, wakes: 0 },
      ],
    });

    board(api);

    const dev = await cell('Wake time', 'dev');
    expect(
      await within(dev).findByText('Usually ready in about 3 min'),
    ).toBeInTheDocument();
    expect(
      within(dev).getByText('median of the last 4 wakes'),
    ).toBeInTheDocument();
    expect(
      within(await cell('Wake time', 'test')).getByText('No wake history yet'),
    ).toBeInTheDocument();
    expect(api.getWakeDurations).toHaveBeenCalledWith('north-clinic');
  });

  it('shortens long deploy markers, whole on hover, with a copy button', async () => {
    const api = mockStagelightApi();
    const marker = '2026-11-24T09:30:00Z-a11ce';
    board(api, {
      environments: [
        detail('north-clinic', 'dev', {
          expectedMarker: marker,
          servedMarker: marker,
        }),
      ],
    });

    const readiness = await cell('Readiness', 'dev');
    const shown = await within(readiness).findAllByText('2026-11-24…a11ce');
    expect(shown).toHaveLength(2);
    expect(shown[0]).toHaveAttribute('title', marker);
    expect(
      within(readiness).getAllByRole('button', {
        name: `Copy deploy marker ${marker}`,
      }),
    ).toHaveLength(2);
  });

  it('says when the wake history cannot be read', async () => {
    const api = mockStagelightApi();
    api.getWakeDurations.mockRejectedValue(new Error('backend unreachable'));

    board(api);

    expect(
      await within(await cell('Wake time', 'dev')).findByText(
        'Wake history unavailable',
      ),
    ).toBeInTheDocument();
  });
});
