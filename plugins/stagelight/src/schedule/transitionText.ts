import type { DesiredPower } from '@stagelight/backstage-plugin-stagelight-common';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * The place an IANA zone is named after, as people say it: `Europe/Berlin` →
 * "Berlin", `America/Argentina/Buenos_Aires` → "Buenos Aires"; UTC and its
 * aliases stay "UTC".
 */
export function zoneCity(timeZone: string): string {
  if (/^(Etc\/)?(UTC|GMT|Universal|Zulu|UCT)$/i.test(timeZone)) return 'UTC';
  const last = timeZone.split('/').pop() ?? timeZone;
  return last.replace(/_/g, ' ');
}

/** "18:00 Berlin time", "18:00 UTC": a wall-clock time in the zone, named by its city. */
export function zoneTimeText(atMs: number, timeZone: string): string {
  const time = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(atMs);
  const city = zoneCity(timeZone);
  return city === 'UTC' ? `${time} UTC` : `${time} ${city} time`;
}

/** The calendar day of an instant in a zone, as YYYY-MM-DD (comparable). */
function zoneDay(atMs: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone,
  }).format(atMs);
}

/**
 * When, in the zone: "at 18:00 Berlin time" today, "tomorrow at 08:00 Berlin
 * time", else "on Mon 7 Dec at 08:00 Berlin time".
 */
export function atText(atMs: number, nowMs: number, timeZone: string): string {
  const time = zoneTimeText(atMs, timeZone);
  const day = zoneDay(atMs, timeZone);
  if (day === zoneDay(nowMs, timeZone)) return `at ${time}`;
  if (day === zoneDay(nowMs + DAY_MS, timeZone)) return `tomorrow at ${time}`;
  const date = new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone,
  }).format(atMs);
  return `on ${date.replace(',', '')} at ${time}`;
}

/** "in 2 h 10 min", "in 5 min", "in 3 d 4 h", "in under a minute"; "now" once it is past. */
export function inText(atMs: number, nowMs: number): string {
  const ms = atMs - nowMs;
  if (ms <= 0) return 'now';
  if (ms < MINUTE_MS) return 'in under a minute';
  // Rounded up: "in 1 min" until the minute has passed, never "in 0 min".
  const minutes = Math.ceil(ms / MINUTE_MS);
  if (minutes < 60) return `in ${minutes} min`;
  if (minutes < 24 * 60) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m === 0 ? `in ${h} h` : `in ${h} h ${m} min`;
  }
  const d = Math.floor(minutes / (24 * 60));
  const h = Math.floor((minutes % (24 * 60)) / 60);
  return h === 0 ? `in ${d} d` : `in ${d} d ${h} h`;
}

/** "sleeps at 18:00 Berlin time, in 2 h 10 min": the next transition in words. */
export function transitionText(
  next: { at: string; state: DesiredPower },
  nowMs: number,
  timeZone: string,
): string {
  const atMs = Date.parse(next.at);
  const verb = next.state === 'awake' ? 'wakes' : 'sleeps';
  return `${verb} ${atText(atMs, nowMs, timeZone)}, ${inText(atMs, nowMs)}`;
}
