/** Runs at most `max` tasks at once; the rest wait in arrival order. */
export class Limiter {
  readonly #max: number;
  #active = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(max: number) {
    this.#max = Math.max(1, Math.floor(max));
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#active < this.#max) {
      this.#active += 1;
    } else {
      // The slot is handed over by the finishing task, so #active stays the same.
      await new Promise<void>(resolve => this.#waiting.push(resolve));
    }
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#active -= 1;
    }
  }
}

/** Maps items through `fn` with at most `max` in flight, keeping order. */
export async function mapLimited<T, R>(
  items: readonly T[],
  max: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const limiter = new Limiter(max);
  return Promise.all(items.map(item => limiter.run(() => fn(item))));
}
