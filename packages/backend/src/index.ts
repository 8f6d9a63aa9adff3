/*
 * The Stagelight portal's backend: Backstage's core plugins plus Stagelight's.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// Sign-in: the demo organisation's personas (development only); production
// configures its identity provider.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(
  import('@internal/plugin-auth-backend-module-stagelight-demo-personas'),
);

// Catalog
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
// Clinics, their components and per-stage resources, discovered from AWS tags
backend.add(import('@internal/plugin-catalog-backend-module-stagelight'));

// Events: GitHub webhooks at POST /api/events/http/github, re-published as
// github.<event> (Stagelight wakes environments on github.push)
backend.add(import('@backstage/plugin-events-backend'));
backend.add(import('@backstage/plugin-events-backend-module-github'));

// Stagelight: inventory, status and readiness of every clinic's stages
backend.add(import('@internal/plugin-stagelight-backend'));

// Scaffolder
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);
// "New clinic: image-review stack": validates the clinic, generates its repository
backend.add(import('@internal/plugin-scaffolder-backend-module-stagelight'));

// Permissions: everyone reads status, leads wake, sleep and edit schedules,
// managers and leads read cost (roles from catalog groups, see app-config.yaml)
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@internal/plugin-permission-backend-module-stagelight-policy'),
);

// Search (Postgres engine in production, in-memory Lunr on SQLite)
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));

// Settings, notifications and signals (live progress to the browser)
backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// Actions as MCP tools
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.start();
