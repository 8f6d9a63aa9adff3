import { HumanDuration } from '@backstage/types';

export interface Config {
  stagelight?: {
    /** The catalog entity provider: a System per clinic with its Components and Resources. */
    catalog?: {
      /**
       * Owner of the entities when a clinic's resources carry no owner tag.
       * Default group:default/platform.
       */
      owner?: string;
      /** How often the provider reads the Stagelight inventory. Default 5 minutes. */
      schedule?: HumanDuration | string;
    };
  };
}
