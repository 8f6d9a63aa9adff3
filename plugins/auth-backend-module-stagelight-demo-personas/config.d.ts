export interface Config {
  auth?: {
    providers?: {
      /**
       * Development sign-in as one of the demo organisation's people
       * (Stagelight's demo personas). Refused outside NODE_ENV=development
       * unless dangerouslyAllowOutsideDevelopment is set; production removes it.
       */
      demo?: {
        /**
         * The users people may sign in as, e.g. user:default/lee.lead. The sign-in
         * page lists them with their display name and groups from the catalog.
         */
        personas: string[];
        /** Allow this sign-in outside development. Anyone could then act as these users. */
        dangerouslyAllowOutsideDevelopment?: boolean;
      };
    };
  };
}
