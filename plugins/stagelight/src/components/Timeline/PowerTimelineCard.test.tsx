import { act, fireEvent, screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { stagelightApiRef } from '../../api';
import { mockStagelightApi } from '../../__testUtils__/fixtures';
import {
  environmentTimeline,
  TIMELINE_COST_DAYS,
  TIMELINE_FROM,
  TIMELINE_TO,
  timelineResponse,
} from '../../__testUtils__/timelineFixtures';
import { PowerTimelineCard } from './PowerTimelineCard';
import { formatInstant } from './timelineText';

function render(api: ReturnType<typeof mockStagelightApi>, clinic?: string) {
  return renderInTestApp(<PowerTimelineCard clinic={clinic} />, {
    apis: [[stagelightApiRef, api]],
  });
}

const WAKE_AT = '2026-06-09T07:55:00.000Z';

/** alder/dev: asleep, woken by Lee on Tuesday morning, awake since; prod awake all week. */
function recordedWeek(costIncluded: boolean) {
  return timelineResponse(
    [
      environmentTimeline('alder', 'dev', {
        bands: [
          {
            state: 'asleep',
            from: TIMELINE_FROM,
            to: '2026-06-09T08:00:00.000Z',
          },
          { state: 'awake', from: '2026-06-09T08:00:00.000Z', to: TIMELINE_TO },
        ],
        hours: { asleep: 140, awake: 28 },
        scheduleSource: 'stage-default',
        scheduleWindows: [
          { from: '2026-06-04T06:00:00.000Z', to: '2026-06-04T16:00:00.000Z' },
          { from: '2026-06-05T06:00:00.000Z', to: '2026-06-05T16:00:00.000Z' },
        ],
        leases: [
          {
            from: WAKE_AT,
            to: '2026-06-10T14:00:00.000Z',
            requestedBy: 'user:default/lee.lead',
            reason: 'demo for the clinic',
          },
        ],
        markers: [
          {
            at: WAKE_AT,
            kind: 'wake',
            actor: 'user:default/lee.lead',
            reason: 'demo for the clinic',
            result: 'succeeded',
            detail: 'awake after 160 s',
          },
        ],
        dailyCost: costIncluded
          ? TIMELINE_COST_DAYS.map((day, i) => ({
              day,
              amount: i < 5 ? null : 2.5,
              estimated: i === 6,
            }))
          : null,
      }),
      environmentTimeline('alder', 'prod', {
        bands: [{ state: 'awake', from: TIMELINE_FROM, to: TIMELINE_TO }],
        hours: { awake: 168 },
        dailyCost: costIncluded
          ? TIMELINE_COST_DAYS.map(day => ({
              day,
              amount: 10,
              estimated: false,
            }))
          : null,
      }),
    ],
    costIncluded ? { costIncluded, currency: 'USD' } : {},
  );
}

describe('PowerTimelineCard', () => {
  it('shows progress while the timeline loads', async () => {
    const api = mockStagelightApi();
    api.getTimeline.mockReturnValue(new Promise(() => {}));

    await render(api, 'alder');

    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    expect(api.getTimeline).toHaveBeenCalledWith({ clinic: 'alder' });
  });

  it('says nothing was recorded yet, and still lays out every stage', async () => {
    const api = mockStagelightApi();
    api.getTimeline.mockResolvedValue(
      timelineResponse([
        environmentTimeline('alder', 'dev'),
        environmentTimeline('alder', 'prod'),
      ]),
    );

    await render(api, 'alder');

    expect(
      await screen.findByText(/No power history recorded this week yet/),
    ).toBeInTheDocument();
    // The chart is loaded when first drawn.
    expect(
      await screen.findByRole('img', {
        name: 'dev: awake 0 h of 168 h this week, not recorded 168 h; no schedule',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: 'prod: awake 0 h of 168 h this week, not recorded 168 h; protected, never put to sleep',
      }),
    ).toBeInTheDocument();
    expect(document.querySelectorAll('[data-band]')).toHaveLength(0);
  });

  it('draws bands, schedule windows, the lease and markers, with cost per day', async () => {
    const api = mockStagelightApi();
    api.getTimeline.mockResolvedValue(recordedWeek(true));

    await render(api, 'alder');

    const dev = await screen.findByTestId('timeline-alder-dev');
    expect(
      [...dev.querySelectorAll('[data-band]')].map(b =>
        b.getAttribute('data-band'),
      ),
    ).toEqual(['asleep', 'awake']);
    expect(dev.querySelectorAll('.recharts-reference-area')).toHaveLength(
      // the background, two bands, two schedule windows, the lease
      6,
    );
    // One marker: the wake (the period's corners draw nothing).
    expect(dev.querySelectorAll('.recharts-symbols')).toHaveLength(1);
    const summary = `dev: awake 28 h of 168 h this week, asleep 140 h; the schedule wants 20 h; woken once, put to sleep 0 times; leased by lee.lead until ${formatInstant(
      '2026-06-10T14:00:00.000Z',
    )}; cost $5.00`;
    expect(within(dev).getByRole('img', { name: summary })).toBeInTheDocument();
    expect(within(dev).getByText(summary)).toBeInTheDocument();
    expect(
      within(dev).getByRole('img', {
        name: 'dev: cost per day, $5.00 over 7 days',
      }),
    ).toBeInTheDocument();
    expect(dev.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(2);
    const prod = screen.getByTestId('timeline-alder-prod');
    // Drawn without a marker too.
    expect(
      [...prod.querySelectorAll('[data-band]')].map(b =>
        b.getAttribute('data-band'),
      ),
    ).toEqual(['awake']);
    expect(
      within(prod).getByRole('img', {
        name: 'prod: cost per day, $70.00 over 7 days',
      }),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Cost per day is shown to/)).toBeNull();

    // The marker's tooltip says who, when and why.
    fireEvent.mouseOver(
      dev
        .querySelector('.recharts-symbols')!
        .closest('.recharts-scatter-symbol')!,
      {
        clientX: 200,
        clientY: 200,
      },
    );
    expect(
      await within(dev).findByText('woken by lee.lead'),
    ).toBeInTheDocument();
    expect(
      within(dev).getByText('Reason: demo for the clinic'),
    ).toBeInTheDocument();

    // The same for screen readers, in a table.
    const table = screen.getByRole('table', {
      name: 'Power timeline of alder: wakes, sleeps and lease changes',
    });
    expect(
      within(table)
        .getAllByRole('row')
        .map(r => r.textContent),
    ).toEqual([
      'EnvironmentWhenWhatWhoReason',
      `alder/dev${formatInstant(WAKE_AT)}wokenlee.leaddemo for the clinic`,
    ]);
  });

  it('leaves the cost out, saying why, when the user may not read cost', async () => {
    const api = mockStagelightApi();
    api.getTimeline.mockResolvedValue(recordedWeek(false));

    await render(api, 'alder');

    expect(
      await screen.findByText(
        /Cost per day is shown to those who may read cost/,
      ),
    ).toBeInTheDocument();
    const dev = screen.getByTestId('timeline-alder-dev');
    expect(within(dev).queryByRole('img', { name: /cost per day/ })).toBeNull();
    expect(within(dev).getByText(/^dev: awake 28 h/).textContent).not.toMatch(
      /cost/,
    );
  });

  it('labels the fleet by clinic and stage', async () => {
    const api = mockStagelightApi();
    api.getTimeline.mockResolvedValue(recordedWeek(false));

    await render(api);

    expect(
      await screen.findByRole('heading', { name: 'alder/dev' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'alder/prod' }),
    ).toBeInTheDocument();
    expect(api.getTimeline).toHaveBeenCalledWith({});
    await act(async () => {});
  });

  it('shows the error when the timeline cannot be read', async () => {
    const api = mockStagelightApi();
    api.getTimeline.mockRejectedValue(new Error('database unavailable'));

    await render(api, 'alder');

    expect(
      await screen.findByText(/Could not load the power timeline of alder/),
    ).toBeInTheDocument();
  });
});
