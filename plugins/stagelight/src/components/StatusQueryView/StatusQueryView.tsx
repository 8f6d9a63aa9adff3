import { ReactNode } from 'react';
import {
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { StagelightBackendMissingError } from '../../api';
import type { StatusQuery } from '../../hooks';
import { BackendMissingPanel } from './BackendMissingPanel';

/**
 * The loading and failure states every Stagelight view shares: a spinner
 * first, an error panel when nothing could be loaded, and a warning above
 * the last good answer when a later poll failed. A backend without the
 * Stagelight plugin gets its own panel, naming the line to add.
 */
export function StatusQueryView<T>(props: {
  query: StatusQuery<T>;
  errorTitle: string;
  children: (value: T) => ReactNode;
}) {
  const { query } = props;
  if (query.loading) return <Progress />;
  if (query.error instanceof StagelightBackendMissingError) {
    return <BackendMissingPanel error={query.error} />;
  }
  if (query.value === undefined) {
    return query.error ? (
      <ResponseErrorPanel title={props.errorTitle} error={query.error} />
    ) : null;
  }
  return (
    <>
      {query.error && (
        <WarningPanel
          severity="error"
          title="Could not refresh; showing the last answer"
          message={query.error.message}
        />
      )}
      {props.children(query.value)}
    </>
  );
}
