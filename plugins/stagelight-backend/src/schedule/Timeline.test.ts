import { Timeline } from './Timeline';

const span = (from: number, to: number) => ({ from, to });

describe('Timeline', () => {
  it('sorts, joins overlapping and adjacent intervals and cuts them to the range', () => {
    const t = Timeline.of(0, 100, [
      span(40, 50),
      span(-10, 5),
      span(10, 20),
      span(20, 30),
      span(15, 25),
      span(95, 120),
      span(60, 60),
    ]);
    expect(t.intervals).toEqual([
      span(0, 5),
      span(10, 30),
      span(40, 50),
      span(95, 100),
    ]);
    expect(t.awakeMs()).toBe(5 + 20 + 10 + 5);
  });

  it('answers the run around an instant, with no transition at a join', () => {
    const t = Timeline.of(0, 100, [span(10, 20), span(20, 30), span(50, 60)]);
    expect(t.runAt(15)).toEqual({ state: 'awake', since: 10, until: 30 });
    expect(t.runAt(20)).toEqual({ state: 'awake', since: 10, until: 30 });
    expect(t.runAt(30)).toEqual({ state: 'asleep', since: 30, until: 50 });
    expect(t.runAt(10)).toEqual({ state: 'awake', since: 10, until: 30 });
    expect(t.runAt(9)).toEqual({ state: 'asleep', since: null, until: 10 });
    expect(t.runAt(70)).toEqual({ state: 'asleep', since: 60, until: null });
  });

  it('does not know what lies past its range: runs reaching an edge have no end there', () => {
    const t = Timeline.of(0, 100, [span(-50, 10), span(90, 200)]);
    expect(t.runAt(5)).toEqual({ state: 'awake', since: null, until: 10 });
    expect(t.runAt(95)).toEqual({ state: 'awake', since: 90, until: null });
    expect(Timeline.of(0, 100, []).runAt(50)).toEqual({
      state: 'asleep',
      since: null,
      until: null,
    });
  });

  it('adds awake spans such as leases, joining those that meet', () => {
    const t = Timeline.of(0, 100, [span(10, 20), span(50, 60)]);
    expect(t.with([]).intervals).toEqual(t.intervals);
    expect(
      t.with([span(20, 30), span(45, 50), span(-Infinity, 2)]).intervals,
    ).toEqual([span(0, 2), span(10, 30), span(45, 60)]);
  });

  it('lets overrides force their spans awake or asleep', () => {
    const t = Timeline.of(0, 100, [span(10, 30), span(40, 45), span(50, 70)]);
    expect(
      t.overriddenBy([
        { span: span(20, 25), state: 'asleep' },
        { span: span(30, 40), state: 'awake' },
        { span: span(42, 55), state: 'asleep' },
        { span: span(80, 90), state: 'awake' },
      ]).intervals,
    ).toEqual([span(10, 20), span(25, 42), span(55, 70), span(80, 90)]);
    // An override covering several intervals, and one past every interval.
    expect(
      t.overriddenBy([
        { span: span(5, 60), state: 'asleep' },
        { span: span(95, 120), state: 'awake' },
      ]).intervals,
    ).toEqual([span(60, 70), span(95, 100)]);
  });
});
