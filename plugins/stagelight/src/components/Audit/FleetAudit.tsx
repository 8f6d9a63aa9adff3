import { EmptyState } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { stagelightApiRef } from '../../api';
import { actionLabel, actorLabel, auditTarget } from '../../power/history';
import { useStatusQuery } from '../../status/useStatusQuery';
import { AuditResultLabel } from '../History/AuditResultLabel';
import { StatusQueryView } from '../StatusQueryView';

/** How many of the newest records the fleet audit shows. */
export const FLEET_AUDIT_LIMIT = 200;

const COLUMNS = ['When', 'Who', 'Action', 'Environment', 'Reason', 'Result'];

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
          <TableContainer>
            <Table size="small" aria-label="Audit trail of the fleet">
              <TableHead>
                <TableRow>
                  {COLUMNS.map(h => (
                    <TableCell key={h} component="th" scope="col">
                      {h}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {items.map(r => (
                  <TableRow key={r.id}>
                    <TableCell>
                      <time dateTime={r.at}>
                        {new Date(r.at).toLocaleString()}
                      </time>
                    </TableCell>
                    <TableCell>{actorLabel(r.actor)}</TableCell>
                    <TableCell>{actionLabel(r.action)}</TableCell>
                    <TableCell>{auditTarget(r)}</TableCell>
                    <TableCell>{r.reason ?? '–'}</TableCell>
                    <TableCell>
                      <AuditResultLabel result={r.result} />
                      {r.detail && (
                        <Typography variant="caption" component="div">
                          {r.detail}
                        </Typography>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {items.length === FLEET_AUDIT_LIMIT && (
              <Typography variant="caption" component="p">
                Showing the newest {FLEET_AUDIT_LIMIT} records.
              </Typography>
            )}
          </TableContainer>
        )
      }
    </StatusQueryView>
  );
}
