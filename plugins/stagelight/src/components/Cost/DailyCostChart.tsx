import { Typography } from '@material-ui/core';
import { Theme, useTheme } from '@material-ui/core/styles';
import { DailyCostByStage } from '../../cost/dailySeries';
import { formatMoney } from '../../cost/money';
import { DailyCostTable } from './DailyCostTable';

const WIDTH = 640;
const HEIGHT = 240;
const PAD = { top: 12, right: 12, bottom: 28, left: 64 };
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
 * Daily cost per stage as lines on one date axis, in the theme's colours (the
 * axes take the text colour). The SVG is one image with a summary caption;
 * the numbers themselves are in a visually hidden table for screen readers.
 */
export function DailyCostChart(props: {
  title: string;
  data: DailyCostByStage;
  currency: string;
}) {
  const { title, data, currency } = props;
  const colours = seriesColours(useTheme());
  const colour = (si: number) => colours[si % colours.length];
  const stroke = (si: number) => ({
    stroke: colour(si),
    strokeDasharray: DASHES[si % DASHES.length],
    strokeWidth: 2,
  });
  if (data.dates.length === 0) {
    return <Typography>No daily cost data yet for {title}.</Typography>;
  }
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const max = data.max > 0 ? data.max : 1;
  const x = (i: number) =>
    PAD.left +
    (data.dates.length === 1
      ? innerW / 2
      : (i * innerW) / (data.dates.length - 1));
  const y = (amount: number) => PAD.top + innerH - (amount / max) * innerH;
  const summary = chartSummary(title, data, currency);

  return (
    <figure style={{ margin: 0 }}>
      <svg
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        style={{ maxWidth: WIDTH }}
      >
        <line
          x1={PAD.left}
          x2={PAD.left}
          y1={PAD.top}
          y2={PAD.top + innerH}
          stroke="currentColor"
        />
        <line
          x1={PAD.left}
          x2={WIDTH - PAD.right}
          y1={PAD.top + innerH}
          y2={PAD.top + innerH}
          stroke="currentColor"
        />
        <text
          x={PAD.left - 6}
          y={PAD.top + 4}
          textAnchor="end"
          fontSize={11}
          fill="currentColor"
        >
          {formatMoney(data.max, currency)}
        </text>
        <text
          x={PAD.left - 6}
          y={PAD.top + innerH}
          textAnchor="end"
          fontSize={11}
          fill="currentColor"
        >
          {formatMoney(0, currency)}
        </text>
        <text x={PAD.left} y={HEIGHT - 8} fontSize={11} fill="currentColor">
          {data.dates[0]}
        </text>
        <text
          x={WIDTH - PAD.right}
          y={HEIGHT - 8}
          textAnchor="end"
          fontSize={11}
          fill="currentColor"
        >
          {data.dates[data.dates.length - 1]}
        </text>
        {data.series.map((s, si) => (
          <g key={s.stage} data-stage={s.stage}>
            <path d={linePath(s.amounts, x, y)} fill="none" {...stroke(si)} />
            {s.amounts.map((amount, i) =>
              amount === null ? null : (
                <circle
                  key={data.dates[i]}
                  cx={x(i)}
                  cy={y(amount)}
                  r={s.estimated[i] ? 3 : 2}
                  fill={s.estimated[i] ? 'none' : colour(si)}
                  stroke={colour(si)}
                />
              ),
            )}
          </g>
        ))}
      </svg>
      <figcaption>
        <Typography variant="body2">{summary}</Typography>
        <Typography variant="caption" component="div">
          {data.series.map((s, si) => (
            <span key={s.stage} style={{ marginRight: 16 }}>
              <svg width={24} height={8} aria-hidden="true">
                <line x1={0} x2={24} y1={4} y2={4} {...stroke(si)} />
              </svg>{' '}
              {s.stage}
            </span>
          ))}
          <span>Hollow points are estimated by AWS and may still change.</span>
        </Typography>
      </figcaption>
      <DailyCostTable title={title} data={data} currency={currency} />
    </figure>
  );
}

/** A path through the known points; a day without data breaks the line. */
function linePath(
  amounts: (number | null)[],
  x: (i: number) => number,
  y: (amount: number) => number,
): string {
  let d = '';
  let pen = false;
  amounts.forEach((amount, i) => {
    if (amount === null) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(amount).toFixed(1)} `;
    pen = true;
  });
  return d.trim();
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
