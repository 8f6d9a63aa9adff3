import { Progress } from '@backstage/core-components';
import { ComponentProps, lazy, Suspense } from 'react';

/**
 * The chart components, loaded when first drawn: the chart library (recharts)
 * is most of the plugin's weight, and the board and the cost page show their
 * numbers without waiting for it.
 */
const LazyPowerTimeline = lazy(() =>
  import('../Timeline/PowerTimeline').then(m => ({ default: m.PowerTimeline })),
);
const LazyDailyCostChart = lazy(() =>
  import('../Cost/DailyCostChart').then(m => ({ default: m.DailyCostChart })),
);

export function PowerTimelineChartLoader(
  props: ComponentProps<typeof LazyPowerTimeline>,
) {
  return (
    <Suspense fallback={<Progress />}>
      <LazyPowerTimeline {...props} />
    </Suspense>
  );
}

export function DailyCostChartLoader(
  props: ComponentProps<typeof LazyDailyCostChart>,
) {
  return (
    <Suspense fallback={<Progress />}>
      <LazyDailyCostChart {...props} />
    </Suspense>
  );
}
