import { execFileSync } from 'node:child_process';

/** A marker ends up in an image tag and an env var: keep it to what ECR tags allow. */
const MARKER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

/**
 * Where {@link resolveDeployMarker} looks for the marker, first to last.
 *
 * @public
 */
export interface DeployMarkerSources {
  /** CDK context `deployMarker` (`cdk synth -c deployMarker=...`). */
  context?: unknown;
  /** `DEPLOY_MARKER` from the pipeline's environment. */
  env?: string;
  /** Fallback for local synths: the checked-out commit. */
  gitCommit?: () => string | undefined;
}

export function currentGitCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], {
      encoding: 'utf8',
    }).trim();
  } catch {
    return undefined;
  }
}

/**
 * The deploy marker for this synth: what the task definition carries and the
 * API serves on GET /version. The pipeline sets it; a local synth uses the commit.
 *
 * @public
 */
export function resolveDeployMarker(sources: DeployMarkerSources): string {
  const marker =
    (typeof sources.context === 'string' && sources.context) ||
    sources.env ||
    (sources.gitCommit ?? currentGitCommit)();
  if (!marker) {
    throw new Error(
      'No deploy marker: pass -c deployMarker=<commit or timestamp> or set DEPLOY_MARKER',
    );
  }
  if (!MARKER_PATTERN.test(marker)) {
    throw new Error(
      `Deploy marker "${marker}" is not usable as an image tag (letters, digits, '.', '_', '-'; at most 128)`,
    );
  }
  return marker;
}
