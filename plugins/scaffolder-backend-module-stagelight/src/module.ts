import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createCopyStackAction } from './actions/copyStack';
import { createValidateClinicAction } from './actions/validateClinic';
import { createWriteCatalogInfoAction } from './actions/writeCatalogInfo';
import { createWriteClinicConfigAction } from './actions/writeClinicConfig';

/**
 * Adds the Stagelight clinic-onboarding actions to the scaffolder.
 *
 * @public
 */
export const scaffolderModuleStagelight = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'stagelight',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        catalog: catalogServiceRef,
      },
      async init({ scaffolder, catalog }) {
        scaffolder.addActions(
          createValidateClinicAction({ catalog }),
          createWriteClinicConfigAction(),
          createCopyStackAction(),
          createWriteCatalogInfoAction(),
        );
      },
    });
  },
});
