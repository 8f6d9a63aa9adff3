import { Content, Header, Page } from '@backstage/core-components';
import { CostView } from './CostView';

/** The cost page of the legacy frontend system, with its own header. */
export function CostPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Stagelight cost"
        subtitle="What each stage and clinic costs, its forecast, and what sleeping saves"
      />
      <Content>
        <CostView />
      </Content>
    </Page>
  );
}
