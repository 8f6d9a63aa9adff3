import { ReactNode } from 'react';
import { StagelightRefresh, StagelightRefreshContext } from '../hooks';

/**
 * The page's refresh signals as a test sets them: what a view tells the page
 * goes to the test's mocks, and operations may be polled faster.
 */
export function TestRefresh(
  props: Partial<StagelightRefresh> & { children: ReactNode },
) {
  const value: StagelightRefresh = {
    planToken: props.planToken ?? 0,
    historyToken: props.historyToken ?? 0,
    signalsAvailable: props.signalsAvailable ?? false,
    operationPollIntervalMs: props.operationPollIntervalMs,
    subscribeOperation: props.subscribeOperation ?? (() => () => {}),
    operationEnded: props.operationEnded ?? (() => {}),
    planChanged: props.planChanged ?? (() => {}),
  };
  return (
    <StagelightRefreshContext.Provider value={value}>
      {props.children}
    </StagelightRefreshContext.Provider>
  );
}
