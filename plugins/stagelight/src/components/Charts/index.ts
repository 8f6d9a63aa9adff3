export { DailyCostChartLoader, PowerTimelineChartLoader } from './lazyCharts';
