import { useState } from 'react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type {
  CostProjectionResponse,
  Schedule,
} from '@stagelight/backstage-plugin-stagelight-common';
import { stagelightApiRef } from '../../api';
import { mockStagelightApi, responseError } from '../../__testUtils__/fixtures';
import { FreshPermissions } from '../../__testUtils__/FreshPermissions';
import { costSummary } from '../../__testUtils__/costFixtures';
import { ScheduleCostImpact } from './ScheduleCostImpact';

const SCHEDULE: Schedule = {
  timeZone: 'Europe/Berlin',
  windows: [{ days: ['mon', 'tue'], start: '08:00', end: '18:00' }],
  preWarmMinutes: 0,
  exceptions: [],
};

const PROJECTION: CostProjectionResponse = {
  clinic: 'north-clinic',
  stage: 'dev',
  environments: 1,
  month: { start: '2026-11-01', end: '2026-11-30', timeZone: 'Europe/Berlin' },
  hoursInMonth: 720,
  awakeHours: 90,
  asleepHours: 630,
  awakeHourlyRate: 0.5,
  asleepHourlyRate: 0.05,
  currentMonthlyCost: 360,
  projectedMonthlyCost: 76.5,
  savings: 283.5,
  method: 'run rate',
  diagnostics: [],
};

function render(
  api: ReturnType<typeof mockStagelightApi>,
  options: { allow?: boolean } = {},
) {
  const allow = options.allow ?? true;
  return renderInTestApp(
    <FreshPermissions>
      <ScheduleCostImpact
        clinic="north-clinic"
        stage="dev"
        schedule={SCHEDULE}
      />
    </FreshPermissions>,
    {
      apis: [
        [stagelightApiRef, api],
        mockApis.permission({
          authorize: allow ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
        }),
      ],
    },
  );
}

async function enabledButton() {
  const button = await screen.findByRole('button', {
    name: 'Estimate cost impact',
  });
  await waitFor(() => expect(button).toBeEnabled());
  return button;
}

describe('ScheduleCostImpact', () => {
  it('projects the edited schedule for this environment in the cost currency', async () => {
    const api = mockStagelightApi();
    api.getCostSummary.mockResolvedValue(costSummary());
    api.projectSchedule.mockResolvedValue(PROJECTION);
    render(api);

    await userEvent.click(await enabledButton());

    expect(await screen.findByRole('status')).toHaveTextContent(
      'With this schedule: $76.50 a month (now $360.00), savings $283.50; awake 90 of 720 hours',
    );
    expect(api.projectSchedule).toHaveBeenCalledWith({
      clinic: 'north-clinic',
      stage: 'dev',
      schedule: SCHEDULE,
    });
  });

  it('says "no data" rather than a zero when the rates are unknown', async () => {
    const api = mockStagelightApi();
    api.getCostSummary.mockResolvedValue(costSummary());
    api.projectSchedule.mockResolvedValue({
      ...PROJECTION,
      currentMonthlyCost: null,
      projectedMonthlyCost: null,
      savings: null,
    });
    render(api);

    await userEvent.click(await enabledButton());

    expect(await screen.findByRole('status')).toHaveTextContent(
      'With this schedule: no data a month (now no data), savings no data',
    );
  });

  it('shows why the estimate failed', async () => {
    const api = mockStagelightApi();
    api.getCostSummary.mockResolvedValue(costSummary());
    api.projectSchedule.mockRejectedValue(
      await responseError(400, 'schedule.timeZone is invalid', 'InputError'),
    );
    render(api);

    await userEvent.click(await enabledButton());

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The cost impact could not be estimated: Invalid request: schedule.timeZone is invalid',
    );
  });

  it('clears a stale estimate and waits while the edited schedule has problems', async () => {
    const api = mockStagelightApi();
    api.getCostSummary.mockResolvedValue(costSummary());
    api.projectSchedule.mockResolvedValue(PROJECTION);
    function Editing() {
      const [schedule, setSchedule] = useState<Schedule | undefined>(SCHEDULE);
      return (
        <>
          <button onClick={() => setSchedule(undefined)}>Break it</button>
          <ScheduleCostImpact
            clinic="north-clinic"
            stage="dev"
            schedule={schedule}
          />
        </>
      );
    }
    renderInTestApp(
      <FreshPermissions>
        <Editing />
      </FreshPermissions>,
      {
        apis: [
          [stagelightApiRef, api],
          mockApis.permission({ authorize: AuthorizeResult.ALLOW }),
        ],
      },
    );

    const button = await enabledButton();
    await userEvent.click(button);
    expect(await screen.findByRole('status')).toHaveTextContent(
      'With this schedule',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Break it' }));

    expect(button).toBeDisabled();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('is disabled with the reason for someone who may not read cost', async () => {
    const api = mockStagelightApi();
    render(api, { allow: false });

    expect(
      await screen.findByText(
        'You are not allowed to read cost; only managers and leads can',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Estimate cost impact' }),
    ).toBeDisabled();
    expect(api.projectSchedule).not.toHaveBeenCalled();
  });
});
