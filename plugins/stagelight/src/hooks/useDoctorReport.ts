import { useApi } from '@backstage/core-plugin-api';
import { stagelightApiRef } from '../api';
import { useStatusQuery } from './useStatusQuery';

/** The doctor's report (the backend reuses one examination for 30 s), polled. */
export function useDoctorReport() {
  const api = useApi(stagelightApiRef);
  return useStatusQuery(() => api.getDoctorReport(), [api]);
}
