/**
 * Benchmark (not a test): the largest schedule validation allows (64 short
 * windows over the week, 366 exceptions, a pre-warm lead) in Europe/Berlin,
 * over March 2027 (clocks go forward on the 28th). Prints the month's
 * projection (awakeHoursInMonth) as median and p95 of BENCH_RUNS runs, and
 * desiredPowerState per call at BENCH_CALLS random instants of that month:
 * "warm" reuses one schedule object, as the scheduler does with a stage's
 * default schedule; "fresh" hands every call its own copy, as a schedule just
 * read from the database is. Figures only: nothing here asserts a time.
 *
 *   npx tsx bench/schedule.ts
 *   BENCH_RUNS=5 BENCH_CALLS=2000 npx tsx bench/schedule.ts
 */
import { performance } from 'node:perf_hooks';
import {
  Schedule,
  ScheduleException,
  ScheduleWindow,
  WEEKDAYS,
} from '@stagelight/backstage-plugin-stagelight-common';
import { DateTime } from 'luxon';
import { awakeHoursInMonth } from '../src/cost/projection';
import { desiredPowerState, validateSchedule } from '../src/schedule';
import { random } from '../src/schedule/__testUtils__/schedules';

const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const CALLS = Number(process.env.BENCH_CALLS ?? 100_000);
const FRESH_CALLS = Number(process.env.BENCH_FRESH_CALLS ?? 5_000);
const ZONE = 'Europe/Berlin';
const MONTH = DateTime.fromISO('2027-03-01', { zone: ZONE });

function hhmm(minutes: number) {
  const m = minutes % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(
    m % 60,
  ).padStart(2, '0')}`;
}

/** 64 windows of 45 minutes, about nine a day every 90 minutes from 06:00, the last one past midnight. */
function largestSchedule(): Schedule {
  const windows: ScheduleWindow[] = [];
  for (let i = 0; i < 64; i++) {
    const start = i === 63 ? 23 * 60 + 40 : 6 * 60 + Math.floor(i / 7) * 90;
    windows.push({
      days: [WEEKDAYS[i % 7]],
      start: hhmm(start),
      end: hhmm(start + 45),
    });
  }
  // Every third day from 2026-01-01 (about ten in the month), alternating asleep and awake.
  const exceptions: ScheduleException[] = [];
  const first = DateTime.fromISO('2026-01-01', { zone: ZONE });
  for (let i = 0; i < 366; i++) {
    exceptions.push({
      date: first.plus({ days: 3 * i }).toISODate()!,
      state: i % 2 ? 'awake' : 'asleep',
      note: `bench ${i}`,
    });
  }
  return validateSchedule({
    timeZone: ZONE,
    windows,
    preWarmMinutes: 15,
    exceptions,
  });
}

function percentile(sorted: number[], p: number) {
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

function main() {
  const schedule = largestSchedule();
  const copy = () => structuredClone(schedule);
  const now = MONTH.plus({ days: 14 }).toJSDate();

  const times: number[] = [];
  let awakeHours = 0;
  for (let i = 0; i < RUNS; i++) {
    const s = copy();
    const t0 = performance.now();
    awakeHours = awakeHoursInMonth(s, now).awakeHours;
    times.push(performance.now() - t0);
  }
  const first = times[0];
  times.sort((a, b) => a - b);
  console.log(
    `schedule: ${schedule.windows.length} windows, ${schedule.exceptions.length} exceptions, pre-warm ${schedule.preWarmMinutes} min, ${ZONE}`,
  );
  console.log(
    `awakeHoursInMonth ${MONTH.toFormat(
      'yyyy-MM',
    )} (${awakeHours} h awake), ${RUNS} runs: median ${percentile(
      times,
      50,
    ).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(
      2,
    )} ms, first ${first.toFixed(2)} ms`,
  );

  const start = MONTH.toMillis();
  const span = MONTH.plus({ months: 1 }).toMillis() - start;
  const next = random(2027);
  const instants = Array.from(
    { length: CALLS },
    () => new Date(start + Math.floor(next() * span)),
  );
  let awake = 0;
  const time = (calls: number, scheduleOf: (i: number) => Schedule) => {
    const t0 = performance.now();
    for (let i = 0; i < calls; i++) {
      const d = desiredPowerState({
        protected: false,
        leases: [],
        schedule: scheduleOf(i),
        at: instants[i % instants.length],
      });
      if (d.state === 'awake') awake++;
    }
    return ((performance.now() - t0) * 1000) / calls;
  };
  time(Math.min(CALLS, 1000), () => schedule);
  const warm = time(CALLS, () => schedule);
  const copies = Array.from({ length: Math.min(FRESH_CALLS, 1000) }, copy);
  const fresh = time(FRESH_CALLS, i => copies[i % copies.length]);
  console.log(
    `desiredPowerState at random instants of the month: ${warm.toFixed(
      2,
    )} µs/call warm (${CALLS} calls), ${fresh.toFixed(
      2,
    )} µs/call fresh schedule (${FRESH_CALLS} calls)`,
  );
  // Uses the answers, so the calls cannot be optimised away.
  if (awake < 0) console.log(awake);
}

main();
