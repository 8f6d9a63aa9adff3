import { Typography } from '@material-ui/core';
import { Theme, useTheme } from '@material-ui/core/styles';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { DailyCostByStage } from '../../cost/dailySeries';
import { formatMoney } from '../../cost/money';
import { DailyCostTable } from './DailyCostTable';

const HEIGHT = 260;
// The series also differ in dash pattern, so colour is not the only cue.
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 1'];

/** The series colours, in order: the theme's, so the lines follow the app's light or dark theme. */
function seriesColours(theme: Theme): string[] {
  const { palette } = theme;
  return [
    palette.primary.main,
    palette.error.main,
    palette.success.main,
    palette.secondary.main,
    palette.warning.main,
  ];
}

/**
 * Daily cost per stage as lines on one date axis (recharts), in the theme's
 * colours. The chart is one image named by a summary sentence, also shown as
 * its caption; its keyboard layer moves the tooltip day by day with the arrow
 * keys; the numbers themselves are in a visually hidden table for screen
 * readers.
 */
export function DailyCostChart(props: {
  title: string;
  data: DailyCostByStage;
  currency: string;
}) {
  const { title, data, currency } = props;
  const theme = useTheme();
  const colours = seriesColours(theme);
  if (data.dates.length === 0) {
    return <Typography>No daily cost data yet for {title}.</Typography>;
  }
  const summary = chartSummary(title, data, currency);
  // One row per day, one column per stage; a hollow point marks an estimated day.
  const rows = data.dates.map((date, i) => ({
    date,
    ...Object.fromEntries(data.series.map(s => [s.stage, s.amounts[i]])),
  }));
  const money = (value: unknown) =>
    typeof value === 'number' ? formatMoney(value, currency) : '';
  const text = theme.palette.text.secondary;

  return (
    <figure style={{ margin: 0 }}>
      <ResponsiveContainer
        width="100%"
        height={HEIGHT}
        initialDimension={{ width: 640, height: HEIGHT }}
      >
        <LineChart
          data={rows}
          role="img"
          aria-label={summary}
          margin={{ top: 12, right: 16, bottom: 4, left: 8 }}
        >
          <CartesianGrid stroke={theme.palette.divider} strokeDasharray="3 3" />
          <XAxis
            dataKey="date"
            stroke={text}
            tick={{ fill: text, fontSize: 11 }}
          />
          <YAxis
            stroke={text}
            tick={{ fill: text, fontSize: 11 }}
            tickFormatter={money}
            width={72}
          />
          <Tooltip
            formatter={money}
            contentStyle={{
              background: theme.palette.background.paper,
              borderColor: theme.palette.divider,
              color: theme.palette.text.primary,
            }}
          />
          <Legend wrapperStyle={{ color: theme.palette.text.primary }} />
          {data.series.map((s, si) => {
            const colour = colours[si % colours.length];
            return (
              <Line
                key={s.stage}
                dataKey={s.stage}
                name={s.stage}
                stroke={colour}
                strokeWidth={2}
                strokeDasharray={DASHES[si % DASHES.length]}
                isAnimationActive={false}
                // A day without data breaks the line rather than joining across it.
                connectNulls={false}
                dot={({ cx, cy, index }) =>
                  // A day without data has no point.
                  s.amounts[index] === null ? (
                    <g key={`${s.stage}-${index}`} />
                  ) : (
                    <circle
                      key={`${s.stage}-${index}`}
                      cx={cx}
                      cy={cy}
                      r={s.estimated[index] ? 3 : 2}
                      fill={s.estimated[index] ? 'none' : colour}
                      stroke={colour}
                    />
                  )
                }
              />
            );
          })}
        </LineChart>
      </ResponsiveContainer>
      <figcaption>
        <Typography variant="body2">{summary}</Typography>
        <Typography variant="caption" component="div">
          Hollow points are estimated by AWS and may still change.
        </Typography>
      </figcaption>
      <DailyCostTable title={title} data={data} currency={currency} />
    </figure>
  );
}

/** One sentence per stage: total over the days shown and the highest day. */
export function chartSummary(
  title: string,
  data: DailyCostByStage,
  currency: string,
): string {
  const first = data.dates[0];
  const last = data.dates[data.dates.length - 1];
  const parts = data.series.map(s => {
    const known = s.amounts
      .map((amount, i) => ({ amount, date: data.dates[i] }))
      .filter((p): p is { amount: number; date: string } => p.amount !== null);
    if (known.length === 0) return `${s.stage}: no data`;
    const total = known.reduce((sum, p) => sum + p.amount, 0);
    const peak = known.reduce((a, b) => (b.amount > a.amount ? b : a));
    return `${s.stage}: ${formatMoney(
      total,
      currency,
    )} in total, highest ${formatMoney(peak.amount, currency)} on ${peak.date}`;
  });
  return `${title}, daily cost by stage from ${first} to ${last}. ${parts.join(
    '; ',
  )}.`;
}
