import {
  Weekday,
  WEEKDAYS,
} from '@stagelight/backstage-plugin-stagelight-common';
import { DateTime, IANAZone } from 'luxon';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** One calendar day of a time zone, as the instants it starts and ends. */
export interface LocalDay {
  /** Local midnight (or, where DST skips midnight, the first instant of the day). */
  readonly start: number;
  /** The next day's start: 23 or 25 hours later on a DST day. */
  readonly end: number;
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly weekday: Weekday;
  /**
   * Only on a day whose offset changes: its start, for luxon to place wall
   * times on it (moving times DST skips forward). Every other day places a
   * wall time at `start` plus its minutes, with no calendar work.
   */
  readonly shifting?: DateTime;
  /** Wall times already placed on a shifting day, by minutes after midnight. */
  readonly placed?: Map<number, number>;
}

/** `day` is a local day's start as luxon gives it (startOf('day')). */
function localDayOf(day: DateTime): LocalDay {
  const next = day.plus({ days: 1 }).startOf('day');
  const start = day.toMillis();
  const end = next.toMillis();
  const shifts = end - start !== DAY_MS || day.offset !== next.offset;
  return {
    start,
    end,
    date: day.toISODate()!,
    // Luxon numbers the days 1 (Monday) to 7 (Sunday), WEEKDAYS's order.
    weekday: WEEKDAYS[day.weekday - 1],
    ...(shifts ? { shifting: day, placed: new Map() } : {}),
  };
}

/**
 * The instant of a local wall time (minutes after midnight, 0 to 1440) on a
 * day; 24:00 is the next day's start.
 */
export function wallTime(day: LocalDay, minutes: number): number {
  if (minutes >= 1440) return day.end;
  if (!day.shifting) return day.start + minutes * MINUTE_MS;
  let at = day.placed!.get(minutes);
  if (at === undefined) {
    at = day.shifting
      .set({ hour: Math.floor(minutes / 60), minute: minutes % 60 })
      .toMillis();
    day.placed!.set(minutes, at);
  }
  return at;
}

/**
 * A zone's local days, worked out once with luxon and kept: the days of a
 * zone never change, and finding them is the only calendar work a schedule
 * needs, so evaluating one near a known day is arithmetic.
 */
export class ZoneCalendar {
  /** Contiguous days, oldest first. */
  private days: LocalDay[] = [];

  /** Enough for the scheduler's two-week look both ways over years of running; past it the calendar starts again. */
  private static readonly MAX_DAYS = 4 * 366;

  constructor(private readonly zone: string) {}

  /**
   * The local days from the one containing `from` to the one containing `to`,
   * with `before` and `after` more on either side.
   */
  daysAround(
    from: number,
    to: number,
    before: number,
    after: number,
  ): LocalDay[] {
    this.cover(from, to);
    while (this.indexAt(from) < before) this.prepend();
    while (this.indexAt(to) + after >= this.days.length) this.append();
    return this.days.slice(
      this.indexAt(from) - before,
      this.indexAt(to) + after + 1,
    );
  }

  /** The last day starting at or before `t`. */
  private indexAt(t: number): number {
    let lo = 0;
    let hi = this.days.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.days[mid].start <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private cover(from: number, to: number) {
    const days = this.days;
    if (
      days.length &&
      Math.max(days[days.length - 1].end, to) - Math.min(days[0].start, from) >
        ZoneCalendar.MAX_DAYS * DAY_MS
    ) {
      days.length = 0;
    }
    if (!days.length) {
      days.push(
        localDayOf(
          DateTime.fromMillis(from, { zone: this.zone }).startOf('day'),
        ),
      );
    }
    while (days[0].start > from) this.prepend();
    while (days[days.length - 1].end <= to) this.append();
  }

  private prepend() {
    this.days.unshift(
      localDayOf(
        DateTime.fromMillis(this.days[0].start, { zone: this.zone })
          .minus({ days: 1 })
          .startOf('day'),
      ),
    );
  }

  private append() {
    this.days.push(
      localDayOf(
        DateTime.fromMillis(this.days[this.days.length - 1].end, {
          zone: this.zone,
        }),
      ),
    );
  }
}

const calendars = new Map<string, ZoneCalendar>();

/** The calendar of an IANA zone, or undefined for a zone luxon does not know. */
export function calendarOf(zone: string): ZoneCalendar | undefined {
  let calendar = calendars.get(zone);
  if (!calendar && IANAZone.isValidZone(zone)) {
    calendar = new ZoneCalendar(zone);
    calendars.set(zone, calendar);
  }
  return calendar;
}
