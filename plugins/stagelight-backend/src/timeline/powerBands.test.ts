import type { PowerSpan } from '../cost/runRate';
import { hoursByState, powerBands } from './powerBands';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-06-03T12:00:00Z');
const FROM = T0;
const TO = T0 + 168 * HOUR;
const at = (h: number) => T0 + h * HOUR;
const span = (
  power: PowerSpan['power'],
  from: number,
  to: number | null,
): PowerSpan => ({
  power,
  startMs: at(from),
  endMs: to === null ? null : at(to),
});
const band = (state: string, from: number, to: number) => ({
  state,
  fromMs: at(from),
  toMs: at(to),
});

describe('powerBands', () => {
  it('leaves a gap where nothing was recorded, never guessing a state', () => {
    const bands = powerBands(
      [span('awake', 0, 10), span('asleep', 20, 30)],
      FROM,
      TO,
      TO,
    );
    expect(bands).toEqual([band('awake', 0, 10), band('asleep', 20, 30)]);
    expect(hoursByState(bands)).toEqual({ awake: 10, asleep: 10 });
  });

  it('starts where the history starts when it begins mid-period', () => {
    expect(
      powerBands(
        [span('asleep', 100, 120), span('awake', 120, null)],
        FROM,
        TO,
        at(150),
      ),
    ).toEqual([band('asleep', 100, 120), band('awake', 120, 150)]);
  });

  it('cuts a span that began before the period at its start', () => {
    // The transition at the period start: asleep until then, awake from it.
    expect(
      powerBands(
        [span('asleep', -30, 0), span('awake', 0, 8), span('paused', 8, null)],
        FROM,
        TO,
        at(10),
      ),
    ).toEqual([band('awake', 0, 8), band('paused', 8, 10)]);
    expect(powerBands([span('asleep', -30, 5)], FROM, TO, TO)).toEqual([
      band('asleep', 0, 5),
    ]);
  });

  it('ends an open span at now and drops what lies after the period', () => {
    expect(powerBands([span('awake', 160, null)], FROM, TO, at(170))).toEqual([
      band('awake', 160, 168),
    ]);
    expect(powerBands([span('awake', 170, null)], FROM, TO, at(175))).toEqual(
      [],
    );
  });

  it('joins spans of one state that meet, in whatever order they come', () => {
    expect(
      powerBands(
        [span('awake', 5, 9), span('awake', 0, 5), span('partial', 9, 10)],
        FROM,
        TO,
        TO,
      ),
    ).toEqual([band('awake', 0, 9), band('partial', 9, 10)]);
  });

  it('keeps partial and unknown where that is what was recorded', () => {
    const bands = powerBands(
      [span('partial', 0, 1.5), span('unknown', 1.5, 2)],
      FROM,
      TO,
      TO,
    );
    expect(bands.map(b => b.state)).toEqual(['partial', 'unknown']);
    expect(hoursByState(bands)).toEqual({ partial: 1.5, unknown: 0.5 });
  });

  it('is empty without history', () => {
    expect(powerBands([], FROM, TO, TO)).toEqual([]);
    expect(hoursByState([])).toEqual({});
  });
});
