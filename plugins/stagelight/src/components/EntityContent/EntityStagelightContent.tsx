import { MissingAnnotationEmptyState } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { STAGELIGHT_CLINIC_ANNOTATION } from '@stagelight/backstage-plugin-stagelight-common';
import { clinicOfEntity } from '../../entity/clinicOfEntity';
import { ClinicStages } from './ClinicStages';

/** The "Stages" tab of a clinic's System or Component. */
export function EntityStagelightContent() {
  const { entity } = useEntity();
  const clinic = clinicOfEntity(entity);
  if (!clinic) {
    return (
      <MissingAnnotationEmptyState annotation={STAGELIGHT_CLINIC_ANNOTATION} />
    );
  }
  return <ClinicStages clinic={clinic} />;
}
