import { EmptyState } from '@backstage/core-components';
import { Typography } from '@material-ui/core';
import { useFleetAudit } from '../../hooks';
import { AuditTable } from '../History';
import { StatusQueryView } from '../StatusQueryView';

/** How many of the newest records the fleet audit shows. */
export const FLEET_AUDIT_LIMIT = 200;

/**
 * The fleet's audit trail: every attempted wake, sleep, lease and schedule
 * change, allowed or denied, newest first.
 */
export function FleetAudit() {
  const query = useFleetAudit(FLEET_AUDIT_LIMIT);

  return (
    <StatusQueryView query={query} errorTitle="Could not load the audit trail">
      {({ items }) =>
        items.length === 0 ? (
          <EmptyState
            missing="data"
            title="No audit records yet"
            description="Nobody has woken, put to sleep, leased or rescheduled an environment yet; every attempt, allowed or denied, will be listed here."
          />
        ) : (
          <AuditTable
            records={items}
            label="Audit trail of the fleet"
            target="environment"
            footnote={
              items.length === FLEET_AUDIT_LIMIT && (
                <Typography variant="caption" component="p">
                  Showing the newest {FLEET_AUDIT_LIMIT} records.
                </Typography>
              )
            }
          />
        )
      }
    </StatusQueryView>
  );
}
