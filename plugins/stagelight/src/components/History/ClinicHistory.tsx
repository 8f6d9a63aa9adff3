import { useEffect, useRef } from 'react';
import { EmptyState } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stagelightApiRef } from '../../api';
import { HISTORY_LIMIT_PER_STAGE, mergeHistory } from '../../power/history';
import { useStatusQuery } from '../../status/useStatusQuery';
import { StatusQueryView } from '../StatusQueryView';
import { AuditTable } from './AuditTable';

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
          <AuditTable
            records={records}
            label={`History of ${clinic}`}
            target="stage"
          />
        )
      }
    </StatusQueryView>
  );
}
