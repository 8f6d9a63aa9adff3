import {
  CLINIC_ID_MAX_LENGTH,
  isValidClinicId,
} from '@stagelight/tag-contract';

/**
 * What is wrong with a clinic id, in words a user can act on; undefined when
 * the tag contract accepts it. The contract decides validity; this only explains.
 *
 * @public
 */
export function clinicIdProblem(id: string): string | undefined {
  if (isValidClinicId(id)) return undefined;
  const quoted = JSON.stringify(id);
  if (id.length === 0) return 'clinic id is required';
  if (id.length > CLINIC_ID_MAX_LENGTH) {
    return `clinic id ${quoted} has ${id.length} characters; use at most ${CLINIC_ID_MAX_LENGTH} (it becomes part of S3 bucket names)`;
  }
  if (/[A-Z]/.test(id)) {
    return `clinic id ${quoted} contains uppercase letters; use lowercase (try ${JSON.stringify(
      id.toLowerCase(),
    )})`;
  }
  if (!/^[a-z]/.test(id)) {
    return `clinic id ${quoted} must start with a lowercase letter`;
  }
  if (/[^a-z0-9-]/.test(id)) {
    return `clinic id ${quoted} may contain only lowercase letters, digits and hyphens`;
  }
  return `clinic id ${quoted} must not end with a hyphen or contain two hyphens in a row`;
}
