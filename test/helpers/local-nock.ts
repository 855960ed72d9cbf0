import nock from 'nock';

// nock 15 intercepts through @mswjs/interceptors 0.44, which calls Promise.withResolvers on every
// request. Node 20 (our engine) lacks it (Node 22+), so without this every mocked call fails with
// "Promise.withResolvers is not a function". Import nock from here rather than from 'nock'.
if (typeof (Promise as { withResolvers?: unknown }).withResolvers !== 'function') {
  Object.defineProperty(Promise, 'withResolvers', {
    configurable: true,
    writable: true,
    value<T>() {
      let resolve!: (value: T | PromiseLike<T>) => void;
      let reject!: (reason?: unknown) => void;
      const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}

/** Lets tests reach only 127.0.0.1 (mocked hosts and local servers); call in `beforeAll`. */
export function allowOnlyLocalhost(): void {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
}

export { nock };
