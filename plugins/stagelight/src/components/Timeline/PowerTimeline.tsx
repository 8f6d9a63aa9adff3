import { Box, Typography } from '@material-ui/core';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import type {
  EnvironmentTimeline,
  TimelineResponse,
} from '@stagelight/backstage-plugin-stagelight-common';
import { formatMoney } from '../../cost/money';
import { DailyCostBars } from './DailyCostBars';
import { PowerTimelineChart } from './PowerTimelineChart';
import { overlayColours, stateColours } from './timelineColours';
import {
  actorName,
  BAND_STATES,
  environmentSummary,
  formatInstant,
  markerVerb,
  periodCost,
  periodName,
} from './timelineText';

/** Kept in the accessibility tree while invisible on screen. */
const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

const useStyles = makeStyles(theme => ({
  row: {
    display: 'grid',
    alignItems: 'center',
    columnGap: theme.spacing(2),
    paddingBottom: theme.spacing(1),
    borderBottom: `1px solid ${theme.palette.divider}`,
    marginBottom: theme.spacing(1),
  },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
  swatch: {
    display: 'inline-block',
    width: 14,
    height: 10,
    marginRight: theme.spacing(0.5),
    verticalAlign: 'middle',
  },
}));

const MARKER_LEGEND = [
  ['▲', 'woken'],
  ['■', 'put to sleep'],
  ['◆', 'lease extended'],
  ['✕', 'lease ended'],
] as const;

/** What the colours, strips and shapes mean. */
function TimelineLegend(props: { timeline: TimelineResponse }) {
  const classes = useStyles();
  const theme = useTheme();
  const colours = stateColours(theme);
  const overlay = overlayColours(theme);
  const seen = new Set(
    props.timeline.environments.flatMap(e => e.bands.map(b => b.state)),
  );
  const states = BAND_STATES.filter(
    s => s === 'awake' || s === 'asleep' || seen.has(s),
  );
  const swatch = (colour: string, opacity = 1) => (
    <span
      aria-hidden
      className={classes.swatch}
      style={{ background: colour, opacity }}
    />
  );
  return (
    <Typography variant="caption" component="div" className={classes.legend}>
      {states.map(s => (
        <span key={s}>
          {swatch(colours[s])}
          {s}
        </span>
      ))}
      <span>
        {swatch(overlay.unrecorded)}
        not recorded
      </span>
      <span>
        {swatch(overlay.schedule, 0.45)}
        schedule wants it awake
      </span>
      <span>
        {swatch(overlay.lease, 0.8)}
        lease
      </span>
      {MARKER_LEGEND.map(([shape, label]) => (
        <span key={label}>
          <span aria-hidden>{shape} </span>
          {label}
        </span>
      ))}
    </Typography>
  );
}

/** Wakes, sleeps and lease changes of the period, for screen readers (the tooltips show them on screen). */
function MarkerTable(props: { title: string; timeline: TimelineResponse }) {
  const rows = props.timeline.environments.flatMap(env =>
    env.markers.map(m => ({ env, m })),
  );
  return (
    <table style={visuallyHidden}>
      <caption>{props.title}: wakes, sleeps and lease changes</caption>
      <thead>
        <tr>
          <th scope="col">Environment</th>
          <th scope="col">When</th>
          <th scope="col">What</th>
          <th scope="col">Who</th>
          <th scope="col">Reason</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={5}>None {periodName(props.timeline.days)}</td>
          </tr>
        )}
        {rows.map(({ env, m }) => (
          <tr key={`${env.clinic}/${env.stage}/${m.at}/${m.kind}`}>
            <th scope="row">{`${env.clinic}/${env.stage}`}</th>
            <td>{formatInstant(m.at)}</td>
            <td>{markerVerb(m)}</td>
            <td>{actorName(m.actor)}</td>
            <td>{m.reason ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The power timeline of a clinic's stages (or of the fleet, labelled
 * clinic/stage): per environment a chart of its recorded power, schedule,
 * lease and markers over the period, its cost per day beside it when the
 * user may read cost, and a sentence saying the same for screen readers.
 */
export function PowerTimeline(props: {
  title: string;
  timeline: TimelineResponse;
  /** Label rows with clinic/stage (the fleet) rather than the stage alone. */
  withClinic?: boolean;
}) {
  const { title, timeline, withClinic } = props;
  const classes = useStyles();
  const fromMs = Date.parse(timeline.from);
  const toMs = Date.parse(timeline.to);
  const currency = timeline.currency ?? 'USD';
  const maxCost = Math.max(
    0,
    ...timeline.environments.flatMap(e =>
      (e.dailyCost ?? []).map(d => d.amount ?? 0),
    ),
  );
  const columns = timeline.costIncluded
    ? '120px minmax(0, 1fr) 220px'
    : '120px minmax(0, 1fr)';
  const label = (env: EnvironmentTimeline) =>
    withClinic ? `${env.clinic}/${env.stage}` : env.stage;

  return (
    <Box component="section" aria-label={title}>
      <TimelineLegend timeline={timeline} />
      {timeline.environments.map(env => {
        const summary = environmentSummary(env, timeline);
        const named = withClinic ? `${env.clinic}/${summary}` : summary;
        return (
          <div
            key={`${env.clinic}/${env.stage}`}
            className={classes.row}
            style={{ gridTemplateColumns: columns }}
            data-testid={`timeline-${env.clinic}-${env.stage}`}
          >
            <Typography variant="subtitle2" component="h3">
              {label(env)}
            </Typography>
            <PowerTimelineChart
              env={env}
              fromMs={fromMs}
              toMs={toMs}
              summary={named}
            />
            {env.dailyCost && (
              <DailyCostBars
                points={env.dailyCost}
                currency={currency}
                max={maxCost}
                summary={`${label(env)}: cost per day, ${formatMoney(
                  periodCost(env),
                  currency,
                )} over ${timeline.costDays.length} days`}
              />
            )}
            <Typography
              variant="caption"
              component="p"
              style={{ gridColumn: '2 / -1', margin: 0 }}
            >
              {named}
            </Typography>
          </div>
        );
      })}
      <MarkerTable title={title} timeline={timeline} />
    </Box>
  );
}
