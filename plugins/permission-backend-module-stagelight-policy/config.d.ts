export interface Config {
  stagelight?: {
    /**
     * Roles of the default permission policy, as catalog groups. A user holds a
     * role when the user or one of their groups is listed (direct membership, as
     * the catalog resolves ownership). Every signed-in user reads status.
     */
    policy?: {
      /** Wake, sleep, extend leases and edit schedules; read cost. Default [group:default/leads]. */
      leads?: string[];
      /** Read cost. Default [group:default/managers]. */
      managers?: string[];
      /** See the doctor's details (stagelight.admin). Default [group:default/platform-admins]. */
      admins?: string[];
      /**
       * When true (the default), a lead wakes, sleeps and edits the schedules
       * of the clinics the lead's groups own (the environments' stagelight:owner
       * tag) and of unowned clinics only; when false, of every clinic.
       */
      perClinicAccess?: boolean;
    };
  };
}
