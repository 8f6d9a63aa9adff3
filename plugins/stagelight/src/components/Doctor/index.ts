export { DoctorPage } from './DoctorPage';
export { DoctorReportView } from './DoctorReportView';
export { DoctorView } from './DoctorView';
