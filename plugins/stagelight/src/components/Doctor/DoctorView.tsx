import { useDoctorReport } from '../../hooks';
import { StatusQueryView } from '../StatusQueryView';
import { DoctorReportView } from './DoctorReportView';

/** The doctor: why a clinic is or is not seen, per configured account and region. */
export function DoctorView() {
  const query = useDoctorReport();
  return (
    <StatusQueryView query={query} errorTitle="Could not run the doctor">
      {report => <DoctorReportView report={report} />}
    </StatusQueryView>
  );
}
