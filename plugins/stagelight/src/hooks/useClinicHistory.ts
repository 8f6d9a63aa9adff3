import { useEffect, useRef } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { stagelightApiRef } from '../api';
import { HISTORY_LIMIT_PER_STAGE, mergeHistory } from '../power/history';
import { useStagelightRefresh } from './StagelightRefreshContext';
import { useStatusQuery } from './useStatusQuery';

/**
 * The audit records of every given stage of a clinic, newest first; read
 * again whenever the page changed something (`historyToken`).
 */
export function useClinicHistory(clinic: string, stages: string[]) {
  const api = useApi(stagelightApiRef);
  const { historyToken } = useStagelightRefresh();
  // A key rather than the array, so a new array of the same stages does not read again.
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
  const firstToken = useRef(historyToken);
  useEffect(() => {
    if (historyToken !== firstToken.current) reload();
  }, [historyToken, reload]);
  return query;
}
