import { useEffect, useRef } from 'react';
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
import {
  actionLabel,
  actorLabel,
  HISTORY_LIMIT_PER_STAGE,
  mergeHistory,
} from '../../power/history';
import { useStatusQuery } from '../../status/useStatusQuery';
import { StatusQueryView } from '../StatusQueryView';
import { AuditResultLabel } from './AuditResultLabel';

export interface ClinicHistoryProps {
  clinic: string;
  /** The stages the clinic has an environment in. */
  stages: string[];
  /** Changing it reads the history again (e.g. after an operation ended). */
  refreshToken?: number;
}

/**
 * Who woke, slept or changed each stage of a clinic, why, and with what
 * result: the audit records of every stage, newest first.
 */
export function ClinicHistory(props: ClinicHistoryProps) {
  const { clinic, stages, refreshToken } = props;
  const api = useApi(stagelightApiRef);
  const stagesKey = stages.join(',');
  const query = useStatusQuery(
    async () =>
      mergeHistory(
        await Promise.all(
          stagesKey
            .split(',')
            .filter(Boolean)
            .map(
              async stage =>
                (
                  await api.getHistory(clinic, stage, {
                    limit: HISTORY_LIMIT_PER_STAGE,
                  })
                ).items,
            ),
        ),
      ),
    [api, clinic, stagesKey],
  );

  const { reload } = query;
  const firstToken = useRef(refreshToken);
  useEffect(() => {
    if (refreshToken !== firstToken.current) reload();
  }, [refreshToken, reload]);

  return (
    <StatusQueryView
      query={query}
      errorTitle={`Could not load the history of ${clinic}`}
    >
      {records =>
        records.length === 0 ? (
          <EmptyState
            missing="data"
            title="No history yet"
            description={`Nobody has woken, put to sleep or changed a stage of ${clinic} yet.`}
          />
        ) : (
          <TableContainer>
            <Table size="small" aria-label={`History of ${clinic}`}>
              <TableHead>
                <TableRow>
                  {['When', 'Who', 'Action', 'Stage', 'Reason', 'Result'].map(
                    h => (
                      <TableCell key={h} component="th" scope="col">
                        {h}
                      </TableCell>
                    ),
                  )}
                </TableRow>
              </TableHead>
              <TableBody>
                {records.map(r => (
                  <TableRow key={r.id}>
                    <TableCell>
                      <time dateTime={r.at}>
                        {new Date(r.at).toLocaleString()}
                      </time>
                    </TableCell>
                    <TableCell>{actorLabel(r.actor)}</TableCell>
                    <TableCell>{actionLabel(r.action)}</TableCell>
                    <TableCell>{r.stage ?? '–'}</TableCell>
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
          </TableContainer>
        )
      }
    </StatusQueryView>
  );
}
