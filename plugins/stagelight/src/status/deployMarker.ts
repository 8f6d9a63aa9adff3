/** How many characters of a long deploy marker the board keeps at its start and at its end. */
export const MARKER_HEAD = 10;
export const MARKER_TAIL = 5;

/**
 * A deploy marker short enough for a table cell, with a middle ellipsis:
 * markers are a timestamp and a commit id, or a commit id alone, so the start
 * (the date) and the end (the commit) tell them apart:
 * `2026-11-24T09:30:00Z-a11ce` → `2026-11-24…a11ce`. Short markers stay whole.
 */
export function shortMarker(marker: string): string {
  // Array.from counts code points, so an emoji is never cut in half.
  const chars = Array.from(marker);
  // An ellipsis that hides one or two characters hides nothing worth it.
  if (chars.length <= MARKER_HEAD + MARKER_TAIL + 2) return marker;
  return `${chars.slice(0, MARKER_HEAD).join('')}…${chars
    .slice(-MARKER_TAIL)
    .join('')}`;
}
