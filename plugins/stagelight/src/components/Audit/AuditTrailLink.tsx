import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { auditRouteRef } from '../../routes';

/**
 * The audit page's path, or undefined when the app has not mounted it (a
 * legacy app may leave StagelightAuditPage out). useRouteRef calls all its
 * hooks before it throws for an unmounted ref, so catching keeps hook order.
 */
function useAuditPath(): string | undefined {
  try {
    return useRouteRef(auditRouteRef)();
  } catch {
    return undefined;
  }
}

/** A link to the fleet's audit trail, shown only where the page is mounted. */
export function AuditTrailLink() {
  const path = useAuditPath();
  return path ? <Link to={path}>Audit trail</Link> : null;
}
