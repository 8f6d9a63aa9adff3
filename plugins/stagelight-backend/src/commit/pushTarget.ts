import { WakeOnCommitSettings } from './WakeOnCommitSettings';

/** The parts of GitHub's `push` webhook payload that matter here. */
export interface GithubPushPayload {
  ref?: string;
  after?: string;
  deleted?: boolean;
  repository?: { full_name?: string };
  pusher?: { name?: string };
  sender?: { login?: string };
}

/** The environment a push wakes, or why it wakes none. */
export type PushTarget =
  | {
      clinic: string;
      stage: string;
      branch: string;
      shortSha: string;
      pusher: string;
    }
  | { ignored: string };

const BRANCH_REF = 'refs/heads/';

/** Maps a push to (clinic, stage) by its repository and branch. */
export function pushTarget(
  payload: GithubPushPayload,
  settings: Pick<WakeOnCommitSettings, 'repositories' | 'branches'>,
): PushTarget {
  const repo = payload.repository?.full_name;
  if (typeof repo !== 'string') return { ignored: 'no repository.full_name' };
  const clinic = settings.repositories.get(repo.toLowerCase());
  if (!clinic)
    return { ignored: `repository ${repo} is not mapped to a clinic` };
  const ref = payload.ref;
  if (typeof ref !== 'string' || !ref.startsWith(BRANCH_REF)) {
    return { ignored: `${repo}: ${ref} is not a branch` };
  }
  const branch = ref.slice(BRANCH_REF.length);
  const stage = settings.branches.get(branch);
  if (!stage)
    return { ignored: `${repo}: branch ${branch} is not mapped to a stage` };
  // A deleted branch has nothing to run.
  if (payload.deleted || !payload.after || /^0+$/.test(payload.after)) {
    return { ignored: `${repo}: branch ${branch} was deleted` };
  }
  const pusher = payload.sender?.login ?? payload.pusher?.name;
  if (!pusher) return { ignored: `${repo}: push names no pusher` };
  return {
    clinic,
    stage,
    branch,
    shortSha: payload.after.slice(0, 7),
    pusher,
  };
}
