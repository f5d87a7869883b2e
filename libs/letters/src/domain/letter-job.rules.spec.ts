import { attemptOf, failureReasonOf, lostJobs, nothingToRender, unservedQueues } from './letter-job.rules';

describe('nothingToRender', () => {
  it('renders a queued letter of the job generation', () => {
    expect(nothingToRender({ status: 'queued', generation: 0 }, 0)).toBeNull();
    expect(nothingToRender({ status: 'queued', generation: 2 }, 2)).toBeNull();
  });

  it('never renders a ready letter again, whatever the generation', () => {
    expect(nothingToRender({ status: 'ready', generation: 0 }, 0)).toBe('already ready');
    expect(nothingToRender({ status: 'ready', generation: 1 }, 0)).toBe('already ready');
  });

  it('skips a job overtaken by a retry', () => {
    expect(nothingToRender({ status: 'queued', generation: 1 }, 0)).toContain('stale');
  });

  it('leaves a failed letter to the officer', () => {
    expect(nothingToRender({ status: 'failed', generation: 0 }, 0)).toContain('retry');
  });
});

describe('attemptOf', () => {
  it('counts attempts from 1 and knows the last of five', () => {
    expect(attemptOf(0, 5)).toEqual({ attempt: 1, last: false });
    expect(attemptOf(3, 5)).toEqual({ attempt: 4, last: false });
    expect(attemptOf(4, 5)).toEqual({ attempt: 5, last: true });
  });

  it('treats a job without attempts as a single one', () => {
    expect(attemptOf(0, undefined)).toEqual({ attempt: 1, last: true });
  });
});

describe('failureReasonOf', () => {
  it('keeps the message on one line, with a non-generic error name', () => {
    expect(failureReasonOf(new Error('no\n  recipient'))).toBe('no recipient');
    expect(failureReasonOf(new TypeError('x is undefined'))).toBe('TypeError: x is undefined');
    expect(failureReasonOf('plain')).toBe('plain');
    expect(failureReasonOf(new Error(''))).toBe('unknown error');
  });

  it('cuts long reasons to 500 characters', () => {
    const reason = failureReasonOf(new Error('a'.repeat(2000)));
    expect(reason).toHaveLength(500);
    expect(reason.endsWith('…')).toBe(true);
  });
});

describe('unservedQueues', () => {
  it('names the queues without a processor', () => {
    expect(unservedQueues(['letters'], ['letters'])).toEqual([]);
    expect(unservedQueues(['letters', 'exports'], ['letters'])).toEqual(['exports']);
    expect(unservedQueues(['letters'], [])).toEqual(['letters']);
  });
});

describe('lostJobs', () => {
  it('picks only letters whose job Redis does not know', () => {
    const letters = ['unknown', 'waiting', 'active', 'delayed', 'completed', 'failed', 'unknown'].map((jobState, i) => ({ id: String(i), jobState }));
    expect(lostJobs(letters).map((l) => l.id)).toEqual(['0', '6']);
  });
});
