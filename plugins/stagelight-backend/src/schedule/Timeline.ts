import { DesiredPower } from '@stagelight/backstage-plugin-stagelight-common';

/** A stretch of time, as epoch milliseconds: `from` included, `to` not. */
export interface Span {
  from: number;
  to: number;
}

/** The stretch of one desired state around an instant. */
export interface Run {
  state: DesiredPower;
  /** Where the state began; null where the run reaches back past the timeline. */
  since: number | null;
  /** Where the state ends (the next transition); null where the run reaches past the timeline. */
  until: number | null;
}

/** Awake intervals added in order of their start, cut to a range, those that meet joined. */
class Edges {
  readonly list: number[] = [];

  constructor(private readonly from: number, private readonly to: number) {}

  add(start: number, end: number) {
    const s = Math.max(start, this.from);
    const e = Math.min(end, this.to);
    if (e <= s) return;
    const n = this.list.length;
    if (n && this.list[n - 1] >= s) {
      // Overlapping or adjacent: one interval, with no transition at the join.
      if (e > this.list[n - 1]) this.list[n - 1] = e;
    } else {
      this.list.push(s, e);
    }
  }
}

/**
 * When an environment should be awake over a range of time: its awake
 * intervals, sorted, none overlapping or touching another, so every interval
 * boundary is a transition. Nothing is known outside the range: an interval
 * that reaches an edge is cut there.
 */
export class Timeline {
  private constructor(
    readonly from: number,
    readonly to: number,
    /** Flat [start, end, start, end, ...], all within [from, to]. */
    private readonly edges: readonly number[],
  ) {}

  /** The timeline of [from, to) awake over the union of `awake`, given in any order. */
  static of(from: number, to: number, awake: readonly Span[]): Timeline {
    const edges = new Edges(from, to);
    for (const span of [...awake].sort((a, b) => a.from - b.from)) {
      edges.add(span.from, span.to);
    }
    return new Timeline(from, to, edges.list);
  }

  /** Awake intervals as spans. */
  get intervals(): Span[] {
    const out: Span[] = [];
    for (let i = 0; i < this.edges.length; i += 2) {
      out.push({ from: this.edges[i], to: this.edges[i + 1] });
    }
    return out;
  }

  /** This timeline, also awake over `awake` (leases, say). */
  with(awake: readonly Span[]): Timeline {
    if (!awake.length) return this;
    return Timeline.of(this.from, this.to, [...this.intervals, ...awake]);
  }

  /**
   * This timeline with each of `overrides` forcing its state over its span
   * (dated exceptions); the overrides are sorted and do not overlap.
   */
  overriddenBy(
    overrides: readonly { span: Span; state: DesiredPower }[],
  ): Timeline {
    if (!overrides.length) return this;
    const out = new Edges(this.from, this.to);
    const edges = this.edges;
    // Walk the intervals and the overrides together, so the pieces come out in
    // order; everything before `done` is settled.
    let i = 0;
    let done = -Infinity;
    for (const { span, state } of overrides) {
      for (; i < edges.length && edges[i] < span.from; i += 2) {
        out.add(Math.max(edges[i], done), Math.min(edges[i + 1], span.from));
        if (edges[i + 1] > span.from) break;
      }
      if (state === 'awake') out.add(span.from, span.to);
      done = Math.max(done, span.to);
      while (i < edges.length && edges[i + 1] <= done) i += 2;
    }
    for (; i < edges.length; i += 2) {
      out.add(Math.max(edges[i], done), edges[i + 1]);
    }
    return new Timeline(this.from, this.to, out.list);
  }

  /** Milliseconds awake within the range. */
  awakeMs(): number {
    let total = 0;
    for (let i = 0; i < this.edges.length; i += 2) {
      total += this.edges[i + 1] - this.edges[i];
    }
    return total;
  }

  /** The run of one state that contains `t`, an instant within the range. */
  runAt(t: number): Run {
    // The number of edges at or before t: odd inside an awake interval.
    let lo = 0;
    let hi = this.edges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.edges[mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    const since = lo > 0 ? this.edges[lo - 1] : this.from;
    const until = lo < this.edges.length ? this.edges[lo] : this.to;
    return {
      state: lo % 2 ? 'awake' : 'asleep',
      since: since <= this.from ? null : since,
      until: until >= this.to ? null : until,
    };
  }
}
