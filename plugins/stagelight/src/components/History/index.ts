export { AuditTable } from './AuditTable';
export type { AuditTableProps } from './AuditTable';
export { ClinicHistory } from './ClinicHistory';
export type { ClinicHistoryProps } from './ClinicHistory';
