/** Time is passed in, never read from a global inside logic. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
