/*
 * The Stagelight portal's backend: Backstage's core plugins plus Stagelight's,
 * each plugin listed with the modules that extend it. They are added in the
 * order listed.
 */
import { createBackend } from '@backstage/backend-defaults';
import { eventsModuleStagelightJsonBody } from '@stagelight/backstage-plugin-stagelight-backend';

const backend = createBackend();

const features = {
  // The built frontend (production serves it from the backend) and the proxy.
  app: [
    import('@backstage/plugin-app-backend'),
    import('@backstage/plugin-proxy-backend'),
  ],

  // Sign-in: the demo organisation's personas (development only); production
  // configures its identity provider.
  auth: [
    import('@backstage/plugin-auth-backend'),
    import('@internal/plugin-auth-backend-module-stagelight-demo-personas'),
  ],

  // The stagelight module: clinics, their components and per-stage resources,
  // discovered from AWS tags.
  catalog: [
    import('@backstage/plugin-catalog-backend'),
    import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
    import('@backstage/plugin-catalog-backend-module-logs'),
    import('@stagelight/backstage-plugin-catalog-backend-module-stagelight'),
  ],

  // GitHub webhooks at POST /api/events/http/github, re-published as
  // github.<event> (Stagelight wakes environments on github.push); a body
  // that is not JSON gets a 400 instead of the events backend's 500.
  events: [
    import('@backstage/plugin-events-backend'),
    import('@backstage/plugin-events-backend-module-github'),
    eventsModuleStagelightJsonBody,
  ],

  // Inventory, status and readiness of every clinic's stages; wake, sleep and cost.
  stagelight: [import('@stagelight/backstage-plugin-stagelight-backend')],

  // The stagelight module runs "New clinic: image-review stack": it validates
  // the clinic and generates its repository.
  scaffolder: [
    import('@backstage/plugin-scaffolder-backend'),
    import('@backstage/plugin-scaffolder-backend-module-github'),
    import('@backstage/plugin-scaffolder-backend-module-notifications'),
    import('@stagelight/backstage-plugin-scaffolder-backend-module-stagelight'),
  ],

  // Everyone reads status, leads wake, sleep and edit schedules, managers and
  // leads read cost (roles from catalog groups, see app-config.yaml).
  permission: [
    import('@backstage/plugin-permission-backend'),
    import(
      '@stagelight/backstage-plugin-permission-backend-module-stagelight-policy'
    ),
  ],

  // Postgres engine in production, in-memory Lunr on SQLite.
  search: [
    import('@backstage/plugin-search-backend'),
    import('@backstage/plugin-search-backend-module-pg'),
    import('@backstage/plugin-search-backend-module-catalog'),
  ],

  // Settings, notifications and signals (live progress to the browser).
  settingsAndNotifications: [
    import('@backstage/plugin-user-settings-backend'),
    import('@backstage/plugin-notifications-backend'),
    import('@backstage/plugin-signals-backend'),
  ],

  // Actions as MCP tools.
  mcpActions: [import('@backstage/plugin-mcp-actions-backend')],
};

for (const feature of Object.values(features).flat()) {
  backend.add(feature);
}
backend.start();
