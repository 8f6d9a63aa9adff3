import { render, screen } from '@testing-library/react';
import { schedulePlan } from '../../__testUtils__/fixtures';
import { ScheduleSummary } from './ScheduleSummary';

// Thursday 26 November 2026, 14:50 in Berlin (UTC+1).
const NOW = Date.parse('2026-11-26T13:50:00Z');

const LEASE = {
  clinic: 'north-clinic',
  stage: 'dev',
  startsAt: '2026-11-26T12:00:00.000Z',
  endsAt: '2026-11-26T15:30:00.000Z',
  requestedBy: 'user:default/lee.lead',
  reason: 'demo for the clinic',
};

describe('ScheduleSummary', () => {
  it('says the schedule and its next transition once, in the schedule time zone', () => {
    const { container } = render(
      <ScheduleSummary
        plan={schedulePlan('north-clinic', 'dev')}
        nowMs={NOW}
      />,
    );

    expect(container).toHaveTextContent(
      'Stage default schedule, Mon–Fri 08:00–18:00 (Europe/Berlin): sleeps at 18:00 Berlin time, in 3 h 10 min.',
    );
    expect(screen.getAllByText(/./)).toHaveLength(1);
  });

  it('moves the relative time on as the clock ticks', () => {
    const plan = schedulePlan('north-clinic', 'dev');
    const { rerender } = render(<ScheduleSummary plan={plan} nowMs={NOW} />);
    rerender(<ScheduleSummary plan={plan} nowMs={NOW + 70 * 60_000} />);

    expect(screen.getByText(/in 2 h$|in 2 h\./)).toBeInTheDocument();
  });

  it('says until when a lease holds it awake and whose lease it is, then the schedule', () => {
    render(
      <ScheduleSummary
        plan={schedulePlan('north-clinic', 'dev', { lease: LEASE })}
        nowMs={NOW}
      />,
    );

    expect(
      screen.getByText(
        'Awake until 16:30 Berlin time, in 1 h 40 min (lease by lee.lead: demo for the clinic)',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/^Stage default schedule/)).toBeInTheDocument();
  });

  it('says only that there is no schedule when there is neither schedule nor lease', () => {
    const { container } = render(
      <ScheduleSummary
        plan={schedulePlan('north-clinic', 'dev', {
          source: 'none',
          schedule: null,
          desired: {
            state: 'awake',
            reason: 'no schedule: left as it is set',
            nextTransition: null,
          },
        })}
        nowMs={NOW}
      />,
    );

    expect(container).toHaveTextContent(
      /^No schedule — Stagelight leaves it as it is\.$/,
    );
  });
});
