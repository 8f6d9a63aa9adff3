import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { stagelightApiRef } from '../../api';
import { mockStagelightApi, responseError } from '../../__testUtils__/fixtures';
import { FreshPermissions } from '../../__testUtils__/FreshPermissions';
import {
  costSummary,
  environmentCost,
  projection,
  stageForecast,
} from '../../__testUtils__/costFixtures';
import { CostView } from './CostView';

type Api = ReturnType<typeof mockStagelightApi>;

function costApi(): Api {
  const api = mockStagelightApi();
  api.getCostSummary.mockResolvedValue(costSummary());
  api.getStageForecast.mockImplementation(async stage => stageForecast(stage));
  api.getEnvironmentCost.mockImplementation(async (clinic, stage) =>
    environmentCost(clinic, stage),
  );
  return api;
}

function render(api: Api, allowed = true) {
  const permission = mockApis.permission({
    authorize: request =>
      allowed && request.permission.name === 'stagelight.cost.read'
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY,
  });
  return renderInTestApp(
    <FreshPermissions>
      <CostView />
    </FreshPermissions>,
    { apis: [[stagelightApiRef, api], permission] },
  );
}

describe('CostView', () => {
  it('shows progress while the cost loads', async () => {
    const api = mockStagelightApi();
    api.getCostSummary.mockReturnValue(new Promise(() => {}));

    render(api);

    await waitFor(() => expect(api.getCostSummary).toHaveBeenCalled());
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('explains that cost is for managers and leads, without asking the backend', async () => {
    const api = costApi();

    render(api, false);

    expect(
      await screen.findByText(/Cost is visible to managers and leads/),
    ).toBeInTheDocument();
    expect(api.getCostSummary).not.toHaveBeenCalled();
    expect(api.getStageForecast).not.toHaveBeenCalled();
    expect(api.getEnvironmentCost).not.toHaveBeenCalled();
  });

  it('shows the error when the summary cannot be loaded', async () => {
    const api = mockStagelightApi();
    api.getCostSummary.mockRejectedValue(
      await responseError(
        503,
        'cost store unavailable',
        'ServiceUnavailableError',
      ),
    );

    render(api);

    expect(
      await screen.findByText(/Could not load Stagelight cost/),
    ).toBeInTheDocument();
    expect(screen.getByText(/cost store unavailable/)).toBeInTheDocument();
  });

  it('shows diagnostics as text and missing amounts as "no data", never $0', async () => {
    const api = mockStagelightApi();
    api.getCostSummary.mockResolvedValue(
      costSummary({
        data: {
          refreshedAt: null,
          dataAgeSeconds: null,
          firstDay: null,
          lastDay: null,
          monthToDateDays: 0,
          last30Days: null,
          currency: 'USD',
          budget: { usedToday: 20, dailyLimit: 20 },
        },
        total: {
          monthToDate: null,
          lastMonthToSameDay: null,
          lastMonth: null,
          last30Days: null,
        },
        byStage: [
          {
            stage: 'dev',
            monthToDate: null,
            lastMonthToSameDay: null,
            lastMonth: null,
            last30Days: null,
          },
        ],
        byClinic: [],
        diagnostics: [
          {
            code: 'NO_COST_DATA',
            message: 'Cost Explorer returned no cost for image-review',
          },
          {
            code: 'TAGS_NOT_ACTIVATED',
            message:
              'Activate stagelight:stage and stagelight:clinic as cost allocation tags',
          },
          { code: 'BUDGET_EXHAUSTED', message: '20 of 20 requests used today' },
        ],
      }),
    );
    api.getStageForecast.mockResolvedValue(
      stageForecast('dev', {
        monthToDate: null,
        remainder: null,
        monthTotal: null,
        diagnostics: [
          { code: 'NO_COST_DATA', message: 'nothing to forecast from' },
        ],
      }),
    );

    render(api);

    expect(await screen.findByText('No cost data yet')).toBeInTheDocument();
    expect(
      screen.getByText('Cost Explorer returned no cost for image-review'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Cost allocation tags are not activated'),
    ).toBeInTheDocument();
    expect(
      screen.getByText("Today's Cost Explorer request budget is spent"),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Cost data has never been read from AWS Cost Explorer/),
    ).toBeInTheDocument();
    // Without data the month is empty: the last 30 days and last month, both unknown.
    const byStage = screen.getByRole('table', {
      name: 'Last 30 days and last month by stage',
    });
    const devRow = within(byStage).getByRole('row', { name: /^dev/ });
    expect(within(devRow).getAllByText('no data')).toHaveLength(2);
    expect(within(byStage).queryByText('$0.00')).not.toBeInTheDocument();
    const forecast = screen.getByRole('table', {
      name: 'Forecast of this month by stage',
    });
    expect(within(forecast).getAllByText('no data')).toHaveLength(2);
    expect(
      within(forecast).getByText('nothing to forecast from'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/No cost recorded by clinic yet/),
    ).toBeInTheDocument();
    expect(api.getEnvironmentCost).not.toHaveBeenCalled();
  });

  it('shows month to date by stage and clinic, forecasts with their method, the chart and savings', async () => {
    const api = costApi();
    api.getStageForecast.mockImplementation(async stage =>
      stage === 'prod'
        ? stageForecast('prod', {
            method: 'aws-cost-forecast',
            methodDescription:
              "AWS's own forecast for the rest of the month, added to what the month has cost so far.",
            methodDetail:
              'aws-cost-forecast: month to date from Cost Explorer plus GetCostForecast (UNBLENDED_COST) for the rest of the month',
            monthToDate: 100,
            remainder: 20,
            monthTotal: 120,
          })
        : stageForecast(stage),
    );

    render(api);

    const byStage = await screen.findByRole('table', {
      name: 'Month to date against last month by stage',
    });
    const prod = within(byStage).getByRole('row', { name: /^prod/ });
    expect(within(prod).getByText('$100.00')).toBeInTheDocument();
    expect(within(prod).getByText('$80.00')).toBeInTheDocument();
    expect(within(prod).getByText('+25%')).toBeInTheDocument();
    const total = within(byStage).getByRole('row', { name: /^Total/ });
    expect(within(total).getByText('$150.00')).toBeInTheDocument();

    const byClinic = screen.getByRole('table', {
      name: 'Month to date against last month by clinic',
    });
    const north = within(byClinic).getByRole('row', { name: /^north-clinic/ });
    expect(within(north).getByText('$150.00')).toBeInTheDocument();
    expect(within(north).getAllByText('no data')).toHaveLength(3);

    const forecast = screen.getByRole('table', {
      name: 'Forecast of this month by stage',
    });
    const prodForecast = within(forecast).getByRole('row', { name: /^prod/ });
    expect(within(prodForecast).getByText('$120.00')).toBeInTheDocument();
    expect(
      within(prodForecast).getByText(/^AWS's own forecast for the rest/),
    ).toBeInTheDocument();
    const devForecast = within(forecast).getByRole('row', { name: /^dev/ });
    expect(
      within(devForecast).getByText(
        /^Estimated from the average daily cost of the last 14 days/,
      ),
    ).toBeInTheDocument();
    // The formula waits behind Details.
    expect(
      within(forecast).queryByText(/GetCostForecast \(UNBLENDED_COST\)/),
    ).not.toBeInTheDocument();
    await userEvent.click(
      within(prodForecast).getByRole('button', {
        name: 'Details of the prod forecast',
      }),
    );
    expect(
      within(prodForecast).getByText(/GetCostForecast \(UNBLENDED_COST\)/),
    ).toBeInTheDocument();
    expect(
      within(prodForecast).getByRole('button', {
        name: 'Hide details of the prod forecast',
      }),
    ).toHaveAttribute('aria-expanded', 'true');
    expect(
      screen.getByText(/read from AWS Cost Explorer 2 h ago/),
    ).toBeInTheDocument();

    expect(
      await screen.findByRole('img', {
        name: /north-clinic, daily cost by stage/,
      }),
    ).toBeInTheDocument();
    expect(api.getEnvironmentCost).toHaveBeenCalledWith('north-clinic', 'dev');
    expect(api.getEnvironmentCost).toHaveBeenCalledWith('north-clinic', 'prod');

    const savings = screen.getByRole('table', {
      name: 'Savings from sleeping in north-clinic',
    });
    const devSavings = within(savings).getByRole('row', { name: /^dev/ });
    expect(within(devSavings).getByText('$150.00')).toBeInTheDocument();
    expect(
      within(devSavings).getByText(
        'The hours it slept this month, times what an hour awake costs.',
      ),
    ).toBeInTheDocument();
    const prodSavings = within(savings).getByRole('row', { name: /^prod/ });
    expect(within(prodSavings).getAllByText('no data')).toHaveLength(2);
  });

  it('on the first day of a month says nothing is billed yet and shows the last 30 days and last month, with no change', async () => {
    const api = costApi();
    const summary = costSummary();
    api.getCostSummary.mockResolvedValue({
      ...summary,
      data: {
        ...summary.data,
        lastDay: '2026-11-30',
        monthToDateDays: 0,
        last30Days: { start: '2026-11-01', end: '2026-11-30' },
      },
      total: { ...summary.total, monthToDate: null, lastMonthToSameDay: null },
    });

    render(api);

    expect(
      await screen.findByText(/Nothing is billed for this month yet/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('table', {
        name: 'Month to date against last month by stage',
      }),
    ).not.toBeInTheDocument();
    const byStage = screen.getByRole('table', {
      name: 'Last 30 days and last month by stage',
    });
    expect(
      within(byStage)
        .getAllByRole('columnheader')
        .map(h => h.textContent),
    ).toEqual(['Stage', 'Last 30 days', 'Last month']);
    const prod = within(byStage).getByRole('row', { name: /^prod/ });
    expect(within(prod).getByText('$117.00')).toBeInTheDocument();
    expect(within(prod).getByText('$105.00')).toBeInTheDocument();
    expect(screen.queryByText(/±0%/)).not.toBeInTheDocument();
    expect(screen.queryByText('Change')).not.toBeInTheDocument();
    const forecast = screen.getByRole('table', {
      name: 'Forecast of this month by stage',
    });
    expect(within(forecast).getAllByText('nothing billed yet')).toHaveLength(2);
  });

  it("keeps a diagnostic's technical reason behind Details", async () => {
    const api = costApi();
    api.getCostSummary.mockResolvedValue(
      costSummary({
        diagnostics: [
          {
            code: 'REFRESH_FAILED',
            message:
              'The last read of AWS Cost Explorer failed; the figures are from the read before.',
            detail: 'ThrottlingException: Rate exceeded',
          },
        ],
      }),
    );

    render(api);

    const notes = await screen.findByRole('list', { name: 'Cost data notes' });
    expect(
      within(notes).getByText(/The last read of AWS Cost Explorer failed/),
    ).toBeInTheDocument();
    expect(within(notes).queryByText(/ThrottlingException/)).toBeNull();
    await userEvent.click(
      within(notes).getByRole('button', {
        name: 'Details of the last cost refresh failed',
      }),
    );
    expect(
      within(notes).getByText(
        'REFRESH_FAILED: ThrottlingException: Rate exceeded',
      ),
    ).toBeInTheDocument();
  });

  it('gives the chart a text alternative: a summary and a table of every day', async () => {
    const api = costApi();

    render(api);

    const chart = await screen.findByRole('img', {
      name: /daily cost by stage/,
    });
    expect(chart).toHaveAccessibleName(
      'north-clinic, daily cost by stage from 2026-11-24 to 2026-11-25. dev: $3.00 in total, highest $2.00 on 2026-11-25; prod: $9.00 in total, highest $5.00 on 2026-11-25.',
    );
    const table = screen.getByRole('table', {
      name: 'north-clinic: daily cost by stage',
    });
    const rows = within(table).getAllByRole('row');
    expect(rows.map(r => r.textContent)).toEqual([
      'Daydevprod',
      '2026-11-24$1.00$4.00',
      '2026-11-25$2.00 (estimated)$5.00 (estimated)',
    ]);
  });

  it('explains the missing access when the backend refuses with 403', async () => {
    const api = mockStagelightApi();
    api.getCostSummary.mockRejectedValue(
      await responseError(
        403,
        'Not allowed to read Stagelight cost',
        'NotAllowedError',
      ),
    );

    render(api);

    expect(
      await screen.findByText(/Cost is visible to managers and leads/),
    ).toBeInTheDocument();
    expect(
      screen.queryByText(/Could not load Stagelight cost/),
    ).not.toBeInTheDocument();
  });

  it("keeps one stage's failing forecast in its row", async () => {
    const api = costApi();
    api.getStageForecast.mockImplementation(async stage => {
      if (stage === 'prod')
        throw await responseError(500, 'forecast store broken');
      return stageForecast(stage);
    });

    render(api);

    const forecast = await screen.findByRole('table', {
      name: 'Forecast of this month by stage',
    });
    expect(
      within(forecast).getByText(
        'Could not read the forecast: forecast store broken',
      ),
    ).toBeInTheDocument();
    expect(
      within(forecast).getByRole('row', { name: /^dev/ }),
    ).toHaveTextContent('$60.00');
  });

  describe('projection', () => {
    async function openForm(api: Api) {
      render(api);
      return screen.findByRole('form', { name: 'Schedule projection' });
    }

    it('posts the office-hours schedule and shows projected cost and savings', async () => {
      const api = costApi();
      api.projectSchedule.mockResolvedValue(projection());
      const form = await openForm(api);

      await userEvent.selectOptions(
        within(form).getByLabelText('Stage'),
        'dev',
      );
      await userEvent.selectOptions(
        within(form).getByLabelText('Time zone'),
        'America/New_York',
      );
      await userEvent.click(within(form).getByLabelText('Fri'));
      await userEvent.click(within(form).getByLabelText('Sat'));
      const prewarm = within(form).getByLabelText('Pre-warm minutes');
      await userEvent.clear(prewarm);
      await userEvent.type(prewarm, '30');
      await userEvent.click(
        within(form).getByRole('button', { name: 'Project monthly cost' }),
      );

      const result = await screen.findByRole('region', {
        name: 'Projection result',
      });
      expect(api.projectSchedule).toHaveBeenCalledWith({
        stage: 'dev',
        schedule: {
          timeZone: 'America/New_York',
          windows: [
            {
              days: ['mon', 'tue', 'wed', 'thu', 'sat'],
              start: '08:00',
              end: '18:00',
            },
          ],
          preWarmMinutes: 30,
          exceptions: [],
        },
      });
      expect(
        within(result).getByRole('row', { name: /Projected monthly cost/ }),
      ).toHaveTextContent('$126.00');
      expect(
        within(result).getByRole('row', { name: /Savings/ }),
      ).toHaveTextContent('$234.00');
      expect(
        within(result).getByRole('row', { name: /Current monthly cost/ }),
      ).toHaveTextContent('$360.00');
      expect(
        within(result).getByText(/every dev environment \(2\)/),
      ).toBeInTheDocument();
      await userEvent.click(
        within(result).getByRole('button', {
          name: 'Details of the projection',
        }),
      );
      expect(
        within(result).getByText(
          'awake and asleep rates from the last 14 days',
        ),
      ).toBeInTheDocument();
    });

    it('sends the chosen clinic and shows unknown amounts as no data', async () => {
      const api = costApi();
      api.projectSchedule.mockResolvedValue(
        projection({
          clinic: 'north-clinic',
          environments: 1,
          savings: null,
          projectedMonthlyCost: null,
        }),
      );
      const form = await openForm(api);

      await userEvent.selectOptions(
        within(form).getByLabelText('Clinic'),
        'north-clinic',
      );
      await userEvent.click(
        within(form).getByRole('button', { name: 'Project monthly cost' }),
      );

      const result = await screen.findByRole('region', {
        name: 'Projection result',
      });
      expect(api.projectSchedule.mock.calls[0][0]).toMatchObject({
        clinic: 'north-clinic',
        stage: 'dev',
        schedule: { timeZone: 'Europe/Berlin', preWarmMinutes: 15 },
      });
      expect(
        within(result).getByRole('row', { name: /Savings/ }),
      ).toHaveTextContent('no data');
      expect(within(result).getByText(/north-clinic\/dev/)).toBeInTheDocument();
    });

    it("shows the backend's validation error next to the form", async () => {
      const api = costApi();
      api.projectSchedule.mockRejectedValue(
        await responseError(
          400,
          'schedule.windows[0].days must not be empty',
          'InputError',
        ),
      );
      const form = await openForm(api);

      for (const day of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri']) {
        await userEvent.click(within(form).getByLabelText(day));
      }
      await userEvent.click(
        within(form).getByRole('button', { name: 'Project monthly cost' }),
      );

      expect(await within(form).findByRole('alert')).toHaveTextContent(
        'The schedule could not be projected: schedule.windows[0].days must not be empty',
      );
      expect(
        api.projectSchedule.mock.calls[0][0].schedule.windows[0].days,
      ).toEqual([]);
      expect(
        screen.queryByRole('region', { name: 'Projection result' }),
      ).not.toBeInTheDocument();
    });
  });
});
