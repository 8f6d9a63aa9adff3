export * from './scheduleDraft';
export * from './scheduleText';
export * from './timeZones';
export * from './transitionText';
