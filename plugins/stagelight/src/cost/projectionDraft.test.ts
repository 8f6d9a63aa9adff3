import { newWindow } from '../schedule/scheduleDraft';
import { newProjectionDraft, projectionRequest } from './projectionDraft';

describe('projectionDraft', () => {
  it('starts from office hours on workdays for every clinic of the stage', () => {
    expect(newProjectionDraft('dev')).toEqual({
      stage: 'dev',
      clinic: '',
      window: newWindow(),
      timeZone: 'Europe/Berlin',
      preWarmMinutes: '15',
    });
  });

  it('asks for the one window, without a clinic when every clinic is meant', () => {
    expect(projectionRequest(newProjectionDraft('dev'))).toEqual({
      stage: 'dev',
      schedule: {
        timeZone: 'Europe/Berlin',
        windows: [newWindow()],
        preWarmMinutes: 15,
        exceptions: [],
      },
    });
  });

  it('names the chosen clinic', () => {
    const draft = { ...newProjectionDraft('prod'), clinic: 'north-clinic' };
    expect(projectionRequest(draft)).toMatchObject({
      clinic: 'north-clinic',
      stage: 'prod',
    });
  });

  it('reads an empty pre-warm as none and leaves other text to the backend', () => {
    const withPreWarm = (preWarmMinutes: string) =>
      projectionRequest({ ...newProjectionDraft('dev'), preWarmMinutes })
        .schedule.preWarmMinutes;
    expect(withPreWarm('  ')).toBe(0);
    expect(withPreWarm('30')).toBe(30);
    expect(withPreWarm('soon')).toBeNaN();
  });
});
