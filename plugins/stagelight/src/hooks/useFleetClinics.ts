import { useApi } from '@backstage/core-plugin-api';
import { stagelightApiRef } from '../api';
import { useStatusQuery } from './useStatusQuery';

/** Every clinic with the power of each of its environments, polled. */
export function useFleetClinics() {
  const api = useApi(stagelightApiRef);
  return useStatusQuery(() => api.listClinics(), [api]);
}
