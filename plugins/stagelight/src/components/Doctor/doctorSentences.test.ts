import {
  accountSentence,
  costTagsSentence,
  readinessSentence,
} from './doctorSentences';
import { reachedAccount, refusedAccount } from './doctorFixtures';

describe('the doctor in words', () => {
  it('says which role could not be assumed in which account, with the error', () => {
    expect(accountSentence(refusedAccount())).toBe(
      'Account 222222222222 eu-west-1: role stagelight-spoke could not be assumed: AccessDenied: User: arn:aws:iam::123456789012:user/portal is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/stagelight-spoke',
    );
  });

  it('gives the summary a refusal without the message or the role', () => {
    expect(
      accountSentence({
        ...refusedAccount(),
        access: { state: 'failed', errorName: 'AccessDenied' },
      }),
    ).toBe(
      'Account 222222222222 eu-west-1: the account could not be reached: AccessDenied',
    );
  });

  it('counts what an account carries, what no environment takes and what is missing', () => {
    expect(accountSentence(reachedAccount())).toBe(
      'Account 111111111111 us-east-1: role stagelight-spoke assumed; 22 tagged resources in 2 environments',
    );
    expect(
      accountSentence(
        reachedAccount({
          accountId: null,
          access: { state: 'direct', errorName: null },
          taggedResources: 1,
          environments: [{ clinic: 'a', stage: 'dev', resources: 1 }],
          unassignedCount: 1,
          permissionCounts: {
            present: 1,
            missing: 2,
            'not-probed': 0,
            'could-not-check': 0,
          },
        }),
      ),
    ).toBe(
      'The main account us-east-1: reached with the main credentials; 1 tagged resource in 1 environment; 1 tagged resource no environment takes; 2 permissions missing',
    );
    expect(
      accountSentence(
        reachedAccount({
          taggedResources: null,
          listingError: 'ThrottlingException',
        }),
      ),
    ).toBe(
      'Account 111111111111 us-east-1: role stagelight-spoke assumed; tagged resources could not be listed: ThrottlingException',
    );
  });

  it('says why a readiness URL does not answer, and why cost tags were not checked', () => {
    expect(
      readinessSentence({
        clinic: 'cedar',
        stage: 'dev',
        reachable: false,
        reason: 'no answer within 5000 ms',
      }),
    ).toBe('cedar/dev: not reachable: no answer within 5000 ms');
    expect(
      costTagsSentence({
        state: 'could-not-check',
        tags: [],
        reason: 'ce:ListCostAllocationTags failed: InternalFailure',
      }),
    ).toBe(
      'Could not check the cost allocation tags: ce:ListCostAllocationTags failed: InternalFailure',
    );
    expect(
      costTagsSentence({
        state: 'inactive',
        tags: [
          { key: 'stagelight:stage', status: 'Active' },
          { key: 'stagelight:clinic', status: 'Inactive' },
        ],
        reason: 'activate them',
      }),
    ).toBe('Cost allocation tags not active: stagelight:clinic. activate them');
  });
});
