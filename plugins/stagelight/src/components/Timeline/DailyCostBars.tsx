import { useTheme } from '@material-ui/core/styles';
import type { DailyCostPoint } from '@stagelight/backstage-plugin-stagelight-common';
import {
  Bar,
  BarChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatMoney } from '../../cost/money';

const HEIGHT = 96;

/**
 * An environment's cost per UTC day of the period as bars (recharts), beside
 * its timeline; a day without data has no bar (not a zero one). Estimated
 * days are lighter. An image named by `summary`.
 */
export function DailyCostBars(props: {
  points: DailyCostPoint[];
  currency: string;
  max: number;
  summary: string;
}) {
  const { points, currency, max, summary } = props;
  const theme = useTheme();
  const text = theme.palette.text.secondary;
  const money = (value: unknown) =>
    typeof value === 'number' ? formatMoney(value, currency) : 'no data';
  const data = points.map(p => ({
    day: p.day.slice(5),
    amount: p.amount,
    estimated: p.estimated,
  }));
  return (
    <ResponsiveContainer
      width="100%"
      height={HEIGHT}
      initialDimension={{ width: 220, height: HEIGHT }}
    >
      <BarChart
        data={data}
        role="img"
        aria-label={summary}
        margin={{ top: 2, right: 4, bottom: 0, left: 4 }}
      >
        <XAxis
          dataKey="day"
          stroke={text}
          tick={{ fill: text, fontSize: 10 }}
          height={20}
          interval="preserveStartEnd"
        />
        <YAxis hide domain={[0, max > 0 ? max : 1]} />
        <Tooltip
          formatter={money}
          contentStyle={{
            background: theme.palette.background.paper,
            borderColor: theme.palette.divider,
            color: theme.palette.text.primary,
          }}
          isAnimationActive={false}
        />
        <Bar
          dataKey="amount"
          name="cost"
          fill={theme.palette.primary.main}
          isAnimationActive={false}
          shape={(p: any) => (
            <rect
              x={p.x}
              y={p.y}
              width={p.width}
              height={p.height}
              fill={theme.palette.primary.main}
              fillOpacity={p.payload?.estimated ? 0.5 : 1}
            />
          )}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
