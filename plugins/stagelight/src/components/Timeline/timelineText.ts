import type {
  EnvironmentTimeline,
  PowerMarker,
  PowerState,
  TimelineResponse,
} from '@stagelight/backstage-plugin-stagelight-common';
import { formatMoney } from '../../cost/money';

const HOUR_MS = 3_600_000;

/** Recorded states in the order the legend and the summaries name them. */
export const BAND_STATES: readonly PowerState[] = [
  'awake',
  'asleep',
  'paused',
  'waking',
  'sleeping',
  'partial',
  'unknown',
];

/** Hours, to a tenth, without a trailing ".0": "31 h", "2.5 h". */
export function formatHours(hours: number): string {
  return `${Math.round(hours * 10) / 10} h`;
}

/** The period's length in hours (days x 24). */
export function periodHours(timeline: Pick<TimelineResponse, 'from' | 'to'>) {
  return (Date.parse(timeline.to) - Date.parse(timeline.from)) / HOUR_MS;
}

/** Hours within the period the schedule wants the environment awake. */
export function scheduledHours(
  env: Pick<EnvironmentTimeline, 'scheduleWindows'>,
) {
  return (
    env.scheduleWindows.reduce(
      (sum, w) => sum + Date.parse(w.to) - Date.parse(w.from),
      0,
    ) / HOUR_MS
  );
}

/** The environment's cost over the days shown; null when no day is known (or cost is not shown). */
export function periodCost(env: Pick<EnvironmentTimeline, 'dailyCost'>) {
  const known = (env.dailyCost ?? []).filter(d => d.amount !== null);
  if (known.length === 0) return null;
  return known.reduce((sum, d) => sum + (d.amount ?? 0), 0);
}

/** An instant as the viewer's local time: "Wed 10 Jun, 13:00". */
export function formatInstant(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** "the last 7 days" reads better as "this week". */
export function periodName(days: number): string {
  return days === 7 ? 'this week' : `the last ${days} days`;
}

/** How a marker reads: "woken", "put to sleep", … */
export function markerVerb(marker: Pick<PowerMarker, 'kind' | 'result'>) {
  const done = {
    wake: 'woken',
    sleep: 'put to sleep',
    'lease-extend': 'lease extended',
    'lease-end': 'lease ended',
  }[marker.kind];
  return marker.result === 'failed' ? `${done} (failed)` : done;
}

/** A user ref or the scheduler, as people say it: `user:default/lee.lead` → "lee.lead". */
export function actorName(actor: string): string {
  if (actor === 'stagelight:scheduler') return 'the schedule';
  return actor.replace(/^user:(default\/)?/, '');
}

/**
 * One sentence a screen reader can read for an environment, e.g. "dev: awake
 * 31 h of 168 h this week, asleep 120 h, not recorded 17 h; the schedule
 * wants 50 h; woken 5 times, put to sleep 5 times; $12.34".
 */
export function environmentSummary(
  env: EnvironmentTimeline,
  timeline: Pick<TimelineResponse, 'from' | 'to' | 'days' | 'currency'>,
): string {
  const total = periodHours(timeline);
  const awake = env.hours.awake ?? 0;
  const recorded = Object.values(env.hours).reduce(
    (sum, h) => sum + (h ?? 0),
    0,
  );
  const parts = [
    `awake ${formatHours(awake)} of ${formatHours(total)} ${periodName(
      timeline.days,
    )}`,
  ];
  for (const state of BAND_STATES) {
    const h = env.hours[state];
    if (state !== 'awake' && h) parts.push(`${state} ${formatHours(h)}`);
  }
  const unrecorded = total - recorded;
  if (unrecorded >= 0.1) parts.push(`not recorded ${formatHours(unrecorded)}`);
  const sentences = [`${env.stage}: ${parts.join(', ')}`];
  if (env.protected) sentences.push('protected, never put to sleep');
  else if (env.scheduleSource === 'none') sentences.push('no schedule');
  else sentences.push(`the schedule wants ${formatHours(scheduledHours(env))}`);
  const wakes = env.markers.filter(m => m.kind === 'wake').length;
  const sleeps = env.markers.filter(m => m.kind === 'sleep').length;
  if (wakes || sleeps) {
    sentences.push(`woken ${times(wakes)}, put to sleep ${times(sleeps)}`);
  }
  if (env.leases.length) {
    sentences.push(
      env.leases
        .map(
          l =>
            `leased by ${actorName(l.requestedBy)} until ${formatInstant(
              l.to,
            )}`,
        )
        .join(', '),
    );
  }
  if (env.dailyCost) {
    const cost = periodCost(env);
    sentences.push(
      cost === null
        ? 'cost: no data'
        : `cost ${formatMoney(cost, timeline.currency ?? 'USD')}`,
    );
  }
  return sentences.join('; ');
}

function times(n: number) {
  return n === 1 ? 'once' : `${n} times`;
}
