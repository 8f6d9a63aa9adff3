import { ReactNode } from 'react';
import { SWRConfig } from 'swr';

/**
 * usePermission caches decisions in SWR's global cache, which would carry one
 * test's permission answers into the next; this gives each render its own.
 */
export function FreshPermissions(props: { children: ReactNode }) {
  return (
    <SWRConfig value={{ provider: () => new Map() }}>
      {props.children}
    </SWRConfig>
  );
}
