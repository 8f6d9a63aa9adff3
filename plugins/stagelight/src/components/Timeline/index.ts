export { PowerTimelineCard } from './PowerTimelineCard';
export { PowerTimeline } from './PowerTimeline';
