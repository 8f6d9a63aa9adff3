import type { ClinicForm } from '../clinic/clinicForm';
import { EXAMPLE_CLINIC_FORM } from '../clinic/exampleClinic';

/**
 * The form a user fills in for the example clinic; every value valid. A deep
 * copy each time, since tests change stages in place; through JSON, because
 * structuredClone's objects come from outside Jest's realm and the
 * scaffolder's templating refuses them as not plain.
 */
export function sampleForm(over: Partial<ClinicForm> = {}): ClinicForm {
  return { ...JSON.parse(JSON.stringify(EXAMPLE_CLINIC_FORM)), ...over };
}
