import {
  Schedule,
  ScheduleWindow,
  Weekday,
  WEEKDAYS,
} from '@stagelight/backstage-plugin-stagelight-common';

const DAY_NAMES: Record<Weekday, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

export function dayName(day: Weekday): string {
  return DAY_NAMES[day];
}

/** Days as ranges in week order: "Mon–Fri", "Mon, Wed, Fri", "Sat–Sun". */
export function daysText(days: Weekday[]): string {
  const indexes = WEEKDAYS.map((d, i) => (days.includes(d) ? i : -1)).filter(
    i => i >= 0,
  );
  const runs: number[][] = [];
  for (const i of indexes) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === i - 1) run.push(i);
    else runs.push([i]);
  }
  return runs
    .flatMap(run => {
      const first = DAY_NAMES[WEEKDAYS[run[0]]];
      const last = DAY_NAMES[WEEKDAYS[run[run.length - 1]]];
      if (run.length === 1) return [first];
      if (run.length === 2) return [first, last];
      return [`${first}–${last}`];
    })
    .join(', ');
}

/** "Mon–Fri 08:00–18:00", with "(to the next day)" when it runs past midnight. */
export function windowText(w: ScheduleWindow): string {
  const overnight = w.end !== '24:00' && w.end <= w.start;
  return `${daysText(w.days)} ${w.start}–${w.end}${
    overnight ? ' (to the next day)' : ''
  }`;
}

/** The rest of a schedule in one line: zone, pre-warm and exceptions. */
export function scheduleDetailsText(schedule: Schedule): string {
  const parts = [schedule.timeZone];
  if (schedule.preWarmMinutes > 0) {
    parts.push(`wakes ${schedule.preWarmMinutes} min early`);
  }
  const n = schedule.exceptions.length;
  if (n > 0) parts.push(`${n} dated ${n === 1 ? 'exception' : 'exceptions'}`);
  return parts.join(', ');
}
