/**
 * The doctor's answer (`GET /api/stagelight/doctor`): per configured account
 * and region, whether the portal reaches it and what it finds there, so an
 * adopter can answer "why don't I see my clinics?". Every signed-in user gets
 * the summary; holders of `stagelight.admin` also get the fields marked
 * "detail" (ARNs, URLs, error messages, each permission).
 */

/**
 * How one required IAM action was checked.
 *
 * @public
 */
export type PermissionCheckState =
  /** A read-only call with it was answered (or refused for a reason other than permission). */
  | 'present'
  /** AWS refused the call for lack of permission. */
  | 'missing'
  /** Not probed: probing would change something or cost money, or needs a resource. */
  | 'not-probed'
  /** The probe failed for another reason (network, throttling). */
  | 'could-not-check';

/** @public */
export interface PermissionCheck {
  /** The IAM action, e.g. `ecs:DescribeServices`. */
  action: string;
  purpose: string;
  state: PermissionCheckState;
  /** What was called, or why nothing was, or the error. */
  note: string;
}

/**
 * How the portal got into the account.
 *
 * @public
 */
export interface DoctorAccess {
  /** `assumed` when a role was assumed, `direct` for the main account or static keys. */
  state: 'assumed' | 'direct' | 'failed';
  /** The role configured for the account (detail). */
  roleArn?: string | null;
  /** The identity the calls act as, from sts:GetCallerIdentity (detail). */
  identity?: string | null;
  /** The error's name when access failed (e.g. `AccessDenied`). */
  errorName: string | null;
  /** The error's message (detail). */
  error?: string | null;
}

/** @public */
export interface DoctorEnvironmentCount {
  clinic: string;
  stage: string;
  resources: number;
}

/**
 * A resource with the app tag that belongs to no environment, and why.
 *
 * @public
 */
export interface DoctorUnassignedResource {
  arn: string;
  clinic: string | null;
  stage: string | null;
  reason:
    | 'missing-clinic'
    | 'invalid-clinic'
    | 'missing-stage'
    | 'unknown-stage'
    | 'unparsable-arn';
}

/** @public */
export interface DoctorAccount {
  /** Null for the main account when no account id is configured for the target. */
  accountId: string | null;
  region: string;
  access: DoctorAccess;
  /** Resources carrying the app tag; null when they could not be listed. */
  taggedResources: number | null;
  /** Why the tagged resources could not be listed (the error name; the message in detail). */
  listingError: string | null;
  /** Tagged resources by clinic and stage. */
  environments: DoctorEnvironmentCount[];
  /** Tagged resources no environment takes. */
  unassignedCount: number;
  /** The resources themselves (detail). */
  unassigned?: DoctorUnassignedResource[];
  permissionCounts: Record<PermissionCheckState, number>;
  /** Each required action (detail). */
  permissions?: PermissionCheck[];
}

/** @public */
export interface DoctorReadiness {
  clinic: string;
  stage: string;
  /** Whether the readiness URL answered with a marker within the probe timeout. */
  reachable: boolean;
  /** Why not, when not. */
  reason: string | null;
  /** The URL probed (detail); null when the environment has none. */
  url?: string | null;
}

/** @public */
export interface DoctorCostTags {
  /** `active` when every tag is an active cost allocation tag. */
  state: 'active' | 'inactive' | 'could-not-check';
  tags: { key: string; status: 'Active' | 'Inactive' | 'Unknown' }[];
  /** Why not checked (detail carries the error message; summary its name). */
  reason: string | null;
}

/** @public */
export interface DoctorReport {
  checkedAt: string;
  /** Whether the detail fields are present (the caller holds `stagelight.admin`). */
  detail: boolean;
  accounts: DoctorAccount[];
  /** Each environment of the last refresh; empty before the first one. */
  readiness: DoctorReadiness[];
  costAllocationTags: DoctorCostTags;
}
