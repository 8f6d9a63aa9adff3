/**
 * The doctor: per configured account and region, whether the role was
 * assumed, which permissions are there, what carries the tags and what no
 * environment takes, whether readiness URLs answer and whether the cost
 * allocation tags are active (docs/architecture.md, "The doctor").
 */
export { createDoctorModule, type DoctorModule } from './DoctorModule';
export { DoctorService } from './DoctorService';
