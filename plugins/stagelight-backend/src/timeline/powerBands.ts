import {
  PowerHours,
  PowerState,
} from '@stagelight/backstage-plugin-stagelight-common';
import type { PowerSpan } from '../cost/runRate';

const HOUR_MS = 3_600_000;

/** A stretch of one recorded state, epoch milliseconds: `fromMs` included, `toMs` not. */
export interface Band {
  state: PowerState;
  fromMs: number;
  toMs: number;
}

/**
 * The recorded power history of one environment as bands over [fromMs, toMs):
 * each span cut to the period (a span still open ends at `nowMs`), spans of
 * the same state that meet joined into one band. A stretch no span covers
 * (before the history starts, while no replica refreshed) stays a gap: the
 * timeline says "not recorded" there rather than guessing a state.
 */
export function powerBands(
  spans: readonly PowerSpan[],
  fromMs: number,
  toMs: number,
  nowMs: number,
): Band[] {
  const bands: Band[] = [];
  const sorted = [...spans].sort((a, b) => a.startMs - b.startMs);
  for (const span of sorted) {
    const from = Math.max(span.startMs, fromMs);
    const to = Math.min(span.endMs ?? nowMs, toMs, nowMs);
    if (to <= from) continue;
    const last = bands[bands.length - 1];
    if (last && last.toMs >= from) {
      // A late sample cannot rewrite history (PowerHistory), so an overlap is
      // only ever a shared boundary; the earlier span keeps what it recorded.
      if (last.state === span.power) {
        last.toMs = Math.max(last.toMs, to);
        continue;
      }
      if (to <= last.toMs) continue;
      bands.push({ state: span.power, fromMs: last.toMs, toMs: to });
      continue;
    }
    bands.push({ state: span.power, fromMs: from, toMs: to });
  }
  return bands;
}

/** Hours spent in each recorded state, to a tenth of an hour; states never recorded are left out. */
export function hoursByState(bands: readonly Band[]): PowerHours {
  const ms = new Map<PowerState, number>();
  for (const b of bands) {
    ms.set(b.state, (ms.get(b.state) ?? 0) + (b.toMs - b.fromMs));
  }
  const hours: PowerHours = {};
  for (const [state, total] of ms) {
    hours[state] = Math.round((total / HOUR_MS) * 10) / 10;
  }
  return hours;
}
