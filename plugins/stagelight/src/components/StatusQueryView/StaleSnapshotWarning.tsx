import { WarningPanel } from '@backstage/core-components';
import { formatAge, isStale } from '../../status/dataAge';

/** Warns that the backend's snapshot itself is old, whatever the poll did. */
export function StaleSnapshotWarning(props: { ageSeconds: number | null }) {
  if (props.ageSeconds === null || !isStale(props.ageSeconds)) return null;
  return (
    <WarningPanel
      title={`Status data is ${formatAge(props.ageSeconds)} old`}
      message="Stagelight's background refresh from AWS has not completed for a while; what is shown may be out of date."
    />
  );
}
