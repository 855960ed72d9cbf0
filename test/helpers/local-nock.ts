import nock from 'nock';

/** Lets tests reach only 127.0.0.1 (mocked hosts and local servers); call in `beforeAll`. */
export function allowOnlyLocalhost(): void {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
}

export { nock };
