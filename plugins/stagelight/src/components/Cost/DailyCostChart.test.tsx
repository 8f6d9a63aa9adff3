import { act, fireEvent, screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { DailyCostByStage } from '../../cost/dailySeries';
import { chartSummary, DailyCostChart } from './DailyCostChart';

const data: DailyCostByStage = {
  dates: ['2026-11-23', '2026-11-24', '2026-11-25'],
  series: [
    {
      stage: 'dev',
      amounts: [1, null, 2],
      estimated: [false, false, true],
    },
    { stage: 'prod', amounts: [4, 4.5, 5], estimated: [false, false, true] },
  ],
  max: 5,
};

describe('DailyCostChart', () => {
  it('draws a line per stage, hollow where AWS still estimates, named by its summary', async () => {
    const { container } = await renderInTestApp(
      <DailyCostChart title="north-clinic" data={data} currency="USD" />,
    );

    const summary =
      'north-clinic, daily cost by stage from 2026-11-23 to 2026-11-25. dev: $3.00 in total, highest $2.00 on 2026-11-25; prod: $13.50 in total, highest $5.00 on 2026-11-25.';
    expect(chartSummary('north-clinic', data, 'USD')).toBe(summary);
    expect(screen.getByRole('img', { name: summary })).toBeInTheDocument();
    expect(screen.getByText(summary)).toBeInTheDocument();
    expect(container.querySelectorAll('.recharts-line')).toHaveLength(2);
    // dev has no point on the day without data; the estimated last days are hollow.
    const points = [
      ...container.querySelectorAll('.recharts-line-dots circle'),
    ];
    expect(points).toHaveLength(5);
    expect(points.filter(p => p.getAttribute('fill') === 'none')).toHaveLength(
      2,
    );
    const table = screen.getByRole('table', {
      name: 'north-clinic: daily cost by stage',
    });
    expect(
      within(table)
        .getAllByRole('row')
        .map(r => r.textContent),
    ).toEqual([
      'Daydevprod',
      '2026-11-23$1.00$4.00',
      '2026-11-24no data$4.50',
      '2026-11-25$2.00 (estimated)$5.00 (estimated)',
    ]);
  });

  it('moves its tooltip day by day with the arrow keys', async () => {
    const { container } = await renderInTestApp(
      <DailyCostChart title="north-clinic" data={data} currency="USD" />,
    );

    const chart = screen.getByRole('img', { name: /daily cost by stage/ });
    // Focus shows the first day; each arrow key moves one day.
    act(() => chart.focus());
    const tooltip = () =>
      within(
        container.querySelector<HTMLElement>('.recharts-tooltip-wrapper')!,
      );
    expect(await tooltip().findByText('2026-11-23')).toBeInTheDocument();
    fireEvent.keyDown(chart, { key: 'ArrowRight' });
    expect(await tooltip().findByText('2026-11-24')).toBeInTheDocument();
    expect(tooltip().getByText('$4.50')).toBeInTheDocument();
    fireEvent.keyDown(chart, { key: 'ArrowLeft' });
    expect(await tooltip().findByText('2026-11-23')).toBeInTheDocument();
  });

  it('says there is no data rather than drawing an empty chart', async () => {
    await renderInTestApp(
      <DailyCostChart
        title="north-clinic"
        data={{ dates: [], series: [], max: 0 }}
        currency="USD"
      />,
    );
    expect(
      screen.getByText('No daily cost data yet for north-clinic.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('img')).toBeNull();
  });
});
