/**
 * Whether the browser knows an IANA time zone. The backend checks with
 * luxon, which asks the same Intl implementation, so both agree on aliases
 * such as `UTC` that `Intl.supportedValuesOf` leaves out.
 */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === '' || timeZone !== timeZone.trim()) return false;
  try {
    // Throws a RangeError for an unknown zone.
    const format = new Intl.DateTimeFormat('en-US', { timeZone });
    return format.resolvedOptions().timeZone !== '';
  } catch {
    return false;
  }
}

/** The canonical IANA zones the browser knows, to suggest while typing. */
export function knownTimeZones(): string[] {
  return typeof Intl.supportedValuesOf === 'function'
    ? Intl.supportedValuesOf('timeZone')
    : [];
}

/** The user's own zone, the natural default for a new schedule. */
export function browserTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
