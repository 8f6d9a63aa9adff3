export * from './scheduleDraft';
export * from './scheduleText';
export * from './timeZones';
