/** What the ingest Lambda sends the notify Lambda: ids only, never patient data. */
export interface NotifyEvent {
  imageSetId: string;
}

export function isNotifyEvent(value: unknown): value is NotifyEvent {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as NotifyEvent).imageSetId === 'string' &&
    /^[0-9a-f-]{36}$/i.test((value as NotifyEvent).imageSetId)
  );
}
