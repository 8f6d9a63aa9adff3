import { useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { environmentResourceRef } from '@stagelight/backstage-plugin-stagelight-common';

export interface EnvironmentPermissions<E> {
  /** True until every environment has its answer. */
  loading: boolean;
  error?: Error;
  /** The environments the user may not act on, in the order asked. */
  denied: E[];
}

/**
 * Whether the user holds `permission` for each environment, asked one
 * environment at a time (the permission API batches the requests), as the
 * backend decides them: a bulk request skips the refused ones.
 */
export function useEnvironmentPermissions<
  E extends { clinic: string; stage: string },
>(
  permission: ResourcePermission,
  environments: E[],
): EnvironmentPermissions<E> {
  const permissionApi = useApi(permissionApiRef);
  const [state, setState] = useState<EnvironmentPermissions<E>>({
    loading: true,
    denied: [],
  });
  const key = environments.map(environmentResourceRef).join(' ');

  useEffect(() => {
    let current = true;
    setState({ loading: true, denied: [] });
    Promise.all(
      environments.map(env =>
        permissionApi.authorize({
          permission,
          resourceRef: environmentResourceRef(env),
        }),
      ),
    ).then(
      decisions => {
        if (!current) return;
        const denied = environments.filter(
          (_, i) => decisions[i].result !== AuthorizeResult.ALLOW,
        );
        setState({ loading: false, denied });
      },
      (error: Error) =>
        current && setState({ loading: false, error, denied: [] }),
    );
    return () => {
      current = false;
    };
    // The environments are compared by their refs, not by identity.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [permissionApi, permission, key]);

  return state;
}
