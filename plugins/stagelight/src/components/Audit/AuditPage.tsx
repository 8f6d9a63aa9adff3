import { Content, Header, Page } from '@backstage/core-components';
import { FleetAudit } from './FleetAudit';

/** The fleet audit page of the legacy frontend system, with its own header. */
export function AuditPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Stagelight audit"
        subtitle="Every wake, sleep, lease and schedule change, allowed or denied"
      />
      <Content>
        <FleetAudit />
      </Content>
    </Page>
  );
}
