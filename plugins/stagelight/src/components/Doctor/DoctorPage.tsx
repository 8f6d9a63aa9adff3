import { Content, Header, Page } from '@backstage/core-components';
import { DoctorView } from './DoctorView';

/** The doctor page of the legacy frontend system, with its own header. */
export function DoctorPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Stagelight doctor"
        subtitle="Per account and region: access, permissions, tagged resources, readiness, cost tags"
      />
      <Content>
        <DoctorView />
      </Content>
    </Page>
  );
}
