import { EmptyState } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Typography } from '@material-ui/core';
import { stagelightApiRef } from '../../api';
import { useStatusQuery } from '../../status/useStatusQuery';
import { AuditTable } from '../History/AuditTable';
import { StatusQueryView } from '../StatusQueryView';

/** How many of the newest records the fleet audit shows. */
export const FLEET_AUDIT_LIMIT = 200;

/**
 * The fleet's audit trail: every attempted wake, sleep, lease and schedule
 * change, allowed or denied, newest first.
 */
export function FleetAudit() {
  const api = useApi(stagelightApiRef);
  const query = useStatusQuery(
    () => api.getAudit({ limit: FLEET_AUDIT_LIMIT }),
    [api],
  );

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
