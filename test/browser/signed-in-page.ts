import type { Page } from 'playwright-core';
import { TEST_PASSWORD } from '../helpers/build-console-app.js';
import type { TestBrowser } from '../helpers/chromium.js';

/**
 * A fresh page signed in to the console at `baseUrl` as `name` (TEST_PASSWORD), at `viewport`;
 * confirmation dialogs are accepted and their messages handed to `onDialog`.
 */
export async function signedInPage(
  browser: TestBrowser,
  baseUrl: string,
  name: string,
  viewport: { width: number; height: number },
  onDialog: (message: string) => void = () => undefined,
): Promise<Page> {
  await browser.context.clearCookies();
  const page = await browser.newPage(viewport);
  page.on('dialog', (d) => {
    onDialog(d.message());
    void d.accept();
  });
  await page.goto(`${baseUrl}/admin`);
  if (!page.url().includes('/admin/login')) throw new Error(`expected the sign-in page, got ${page.url()}`);
  await page.fill('#name', name);
  await page.fill('#password', TEST_PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForURL(`${baseUrl}/admin`);
  return page;
}
