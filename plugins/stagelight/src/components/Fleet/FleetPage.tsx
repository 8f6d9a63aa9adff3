import { Content, Header, Page } from '@backstage/core-components';
import { FleetView } from './FleetView';

/** The fleet page of the legacy frontend system, with its own header. */
export function FleetPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Stagelight"
        subtitle="Every clinic's stages: power, readiness and queues"
      />
      <Content>
        <FleetView />
      </Content>
    </Page>
  );
}
