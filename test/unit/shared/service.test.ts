import { describe, expect, it } from 'vitest';
import { stopServices, untilDeadline, type Service } from '../../../src/shared/service.js';

function service(stopped: string[], name: string, stop: Promise<void>): Service {
  return {
    start: () => undefined,
    stop: async () => {
      await stop;
      stopped.push(name);
    },
  };
}

describe('stopServices', () => {
  it('when several services stop, then each is asked side by side and the call resolves once all stopped', async () => {
    const stopped: string[] = [];
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const done = stopServices([service(stopped, 'slow', slow), service(stopped, 'fast', Promise.resolve())], 0);
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toEqual(['fast']);
    release();
    await done;
    expect(stopped).toEqual(['fast', 'slow']);
  });
});

describe('untilDeadline', () => {
  it('when the work never settles, then it resolves at the deadline', async () => {
    await expect(untilDeadline(new Promise(() => undefined), 5, 0)).resolves.toBeUndefined();
  });

  it('when the work rejects, then it resolves without throwing', async () => {
    await expect(untilDeadline(Promise.reject(new Error('boom')), 60_000, 0)).resolves.toBeUndefined();
  });
});
