export { AuditPage } from './AuditPage';
export { AuditTrailLink } from './AuditTrailLink';
export { FleetAudit } from './FleetAudit';
