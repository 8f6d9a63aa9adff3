import { EmptyState } from '@backstage/core-components';
import { useClinicHistory } from '../../hooks';
import { StatusQueryView } from '../StatusQueryView';
import { AuditTable } from './AuditTable';

export interface ClinicHistoryProps {
  clinic: string;
  /** The stages the clinic has an environment in. */
  stages: string[];
}

/**
 * Who woke, slept or changed each stage of a clinic, why, and with what
 * result: the audit records of every stage, newest first. Read again when a
 * change is made on the page (see useStagelightRefresh).
 */
export function ClinicHistory(props: ClinicHistoryProps) {
  const { clinic } = props;
  const query = useClinicHistory(clinic, props.stages);

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
