import { errorResponse, jsonResponse } from './responses';

/** The doctor: live checks of every configured account and region. */
export const doctorPaths = {
  '/doctor': {
    get: {
      operationId: 'GetDoctorReport',
      description:
        'Per configured account and region: access (the role assumed or the error), each required permission, tagged resources by clinic and stage and those no environment takes; readiness URLs; cost allocation tags. Calls AWS (a report is reused for 30 s). Without stagelight.admin the answer leaves out ARNs, URLs, error messages and each permission.',
      responses: {
        '200': jsonResponse('The report', 'DoctorReport'),
        '403': errorResponse('Not allowed to read Stagelight environments'),
      },
    },
  },
} as const;
