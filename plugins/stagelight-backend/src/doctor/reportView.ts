import { DoctorReport } from '@stagelight/backstage-plugin-stagelight-common';

/**
 * The doctor's summary for a caller without `stagelight.admin`: what works and
 * how much was found, by account, clinic and stage, without role ARNs, AWS
 * error messages, each permission, resource ARNs or readiness URLs.
 */
export function summaryOf(report: DoctorReport): DoctorReport {
  return {
    checkedAt: report.checkedAt,
    detail: false,
    accounts: report.accounts.map(
      ({ unassigned: _u, permissions: _p, access, listingError, ...rest }) => ({
        ...rest,
        access: { state: access.state, errorName: access.errorName },
        listingError: listingError ? listingError.split(':')[0] : null,
      }),
    ),
    readiness: report.readiness.map(({ url: _url, ...rest }) => rest),
    costAllocationTags: {
      ...report.costAllocationTags,
      reason:
        report.costAllocationTags.state === 'could-not-check'
          ? 'ce:ListCostAllocationTags could not be asked'
          : report.costAllocationTags.reason,
    },
  };
}
