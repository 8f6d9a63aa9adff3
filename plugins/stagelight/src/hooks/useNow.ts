import { useEffect, useState } from 'react';

/** The current time, re-read every `tickMs` so ages such as "updated 40 s ago" move on. */
export function useNow(tickMs = 5_000, clock: () => number = Date.now): number {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    const timer = setInterval(() => setNow(clock()), tickMs);
    return () => clearInterval(timer);
  }, [tickMs, clock]);
  return now;
}
