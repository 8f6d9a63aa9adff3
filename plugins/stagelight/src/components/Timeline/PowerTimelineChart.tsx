import { useTheme } from '@material-ui/core/styles';
import type {
  EnvironmentTimeline,
  PowerMarker,
  PowerMarkerKind,
} from '@stagelight/backstage-plugin-stagelight-common';
import {
  ScatterChart,
  ReferenceArea,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  markerColour,
  MARKER_SHAPES,
  overlayColours,
  stateColours,
} from './timelineColours';
import { actorName, formatInstant, markerVerb } from './timelineText';

const HEIGHT = 96;
/** Lanes on a 0..5 scale, bottom to top: markers, the recorded bands, the schedule, the lease. */
const LANES = {
  marker: 0.5,
  band: [1.1, 3.3],
  schedule: [3.5, 4.1],
  lease: [4.3, 4.9],
} as const;
const MARKER_KINDS: PowerMarkerKind[] = [
  'wake',
  'sleep',
  'lease-extend',
  'lease-end',
];

interface MarkerPoint {
  x: number;
  y: number;
  marker: PowerMarker;
}

/** Local midnights within the period: one tick a day. */
function dayTicks(fromMs: number, toMs: number): number[] {
  const ticks: number[] = [];
  const d = new Date(fromMs);
  d.setHours(24, 0, 0, 0);
  for (; d.getTime() < toMs; d.setDate(d.getDate() + 1)) {
    ticks.push(d.getTime());
  }
  return ticks;
}

const dayLabel = (ms: number) =>
  new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric' }).format(
    new Date(ms),
  );

/** Who did what, when and why: the tooltip of a marker. */
function MarkerTooltip(props: { active?: boolean; payload?: any[] }) {
  const theme = useTheme();
  const point = props.payload?.[0]?.payload as MarkerPoint | undefined;
  if (!props.active || !point?.marker) return null;
  const { marker } = point;
  return (
    <div
      style={{
        background: theme.palette.background.paper,
        color: theme.palette.text.primary,
        border: `1px solid ${theme.palette.divider}`,
        padding: theme.spacing(1),
        maxWidth: 320,
      }}
    >
      <strong>
        {markerVerb(marker)} by {actorName(marker.actor)}
      </strong>
      <div>{formatInstant(marker.at)}</div>
      {marker.reason && <div>Reason: {marker.reason}</div>}
      {marker.detail && <div>{marker.detail}</div>}
    </div>
  );
}

/**
 * One environment's period on a time axis (recharts): the recorded power
 * states as bands, where nothing was recorded the background; above them the
 * schedule's awake windows and the lease; below them a marker for each wake,
 * sleep and lease change, whose tooltip says who, when and why (reachable
 * with the keyboard through the chart's accessibility layer). The chart is an
 * image named by `summary`; the same facts are in the timeline's table.
 */
export function PowerTimelineChart(props: {
  env: EnvironmentTimeline;
  fromMs: number;
  toMs: number;
  summary: string;
}) {
  const { env, fromMs, toMs, summary } = props;
  const theme = useTheme();
  const colours = stateColours(theme);
  const overlay = overlayColours(theme);
  const span = (s: { from: string; to: string }) => ({
    x1: Math.max(Date.parse(s.from), fromMs),
    x2: Math.min(Date.parse(s.to), toMs),
  });
  const points = (kind: PowerMarkerKind): MarkerPoint[] =>
    env.markers
      .filter(m => m.kind === kind)
      .map(marker => ({ x: Date.parse(marker.at), y: LANES.marker, marker }));

  return (
    <ResponsiveContainer
      width="100%"
      height={HEIGHT}
      initialDimension={{ width: 640, height: HEIGHT }}
    >
      <ScatterChart
        role="img"
        aria-label={summary}
        margin={{ top: 2, right: 12, bottom: 0, left: 12 }}
        data-stage={env.stage}
      >
        <XAxis
          type="number"
          dataKey="x"
          domain={[fromMs, toMs]}
          ticks={dayTicks(fromMs, toMs)}
          tickFormatter={dayLabel}
          stroke={overlay.text}
          tick={{ fill: overlay.text, fontSize: 11 }}
          height={20}
        />
        <YAxis type="number" dataKey="y" domain={[-0.3, 5]} hide />
        <ReferenceArea
          x1={fromMs}
          x2={toMs}
          y1={LANES.band[0]}
          y2={LANES.band[1]}
          fill={overlay.unrecorded}
          fillOpacity={1}
        />
        {env.bands.map(band => (
          <ReferenceArea
            key={band.from}
            {...span(band)}
            y1={LANES.band[0]}
            y2={LANES.band[1]}
            fill={colours[band.state]}
            fillOpacity={1}
            shape={(p: {
              x: number;
              y: number;
              width: number;
              height: number;
            }) => (
              <rect
                x={p.x}
                y={p.y}
                width={p.width}
                height={p.height}
                fill={colours[band.state]}
                data-band={band.state}
              />
            )}
          />
        ))}
        {env.scheduleWindows.map(w => (
          <ReferenceArea
            key={`schedule-${w.from}`}
            {...span(w)}
            y1={LANES.schedule[0]}
            y2={LANES.schedule[1]}
            fill={overlay.schedule}
            fillOpacity={0.45}
          />
        ))}
        {env.leases.map(l => (
          <ReferenceArea
            key={`lease-${l.from}`}
            {...span(l)}
            y1={LANES.lease[0]}
            y2={LANES.lease[1]}
            fill={overlay.lease}
            fillOpacity={0.8}
          />
        ))}
        {/* The period's corners: the axes have a scale, and the bands a place, without any marker. */}
        <Scatter
          data={[
            { x: fromMs, y: -0.3 },
            { x: toMs, y: 5 },
          ]}
          shape={() => <g />}
          legendType="none"
          tooltipType="none"
          isAnimationActive={false}
        />
        {MARKER_KINDS.map(kind => (
          <Scatter
            key={kind}
            name={kind}
            data={points(kind)}
            shape={MARKER_SHAPES[kind]}
            fill={markerColour(theme, kind)}
            isAnimationActive={false}
          />
        ))}
        <Tooltip
          shared={false}
          cursor={false}
          content={<MarkerTooltip />}
          isAnimationActive={false}
        />
      </ScatterChart>
    </ResponsiveContainer>
  );
}
