export { WakeOnCommit, GITHUB_PUSH_TOPIC } from './WakeOnCommit';
export {
  readWakeOnCommitSettings,
  DEFAULT_WAKE_BRANCHES,
  type WakeOnCommitSettings,
} from './WakeOnCommitSettings';
export {
  pushTarget,
  type GithubPushPayload,
  type PushTarget,
} from './pushTarget';
