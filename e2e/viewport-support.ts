import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import { tableRow } from './support';

/** The two sizes every viewport journey runs at: a phone and the smallest common office laptop. */
export const viewports = [
  { name: 'phone', width: 375, height: 812 },
  { name: 'laptop', width: 1366, height: 768 },
] as const;

/**
 * No sideways scroll, of the page or of the console's content column, and each button on screen (but
 * for sub-pixel rounding); a screenshot of the page is kept with the test's results.
 */
export async function fits(page: Page, testInfo: TestInfo, name: string, visible: Locator[] = []): Promise<void> {
  await expect
    .poll(() => page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth'), {
      message: `${name}: the page is no wider than the window`,
    })
    .toBeLessThanOrEqual(0);
  const main = page.locator('.zc-console__main');
  if ((await main.count()) > 0) {
    await expect
      .poll(() => main.evaluate((el) => el.scrollWidth - el.clientWidth), {
        message: `${name}: the content column does not scroll sideways`,
      })
      .toBeLessThanOrEqual(0);
  }
  for (const target of visible) {
    await target.scrollIntoViewIfNeeded();
    await expect(target).toBeInViewport({ ratio: 0.98 });
  }
  await testInfo.attach(name, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
}

/** The row of a list: a table row, or on a phone its card. */
export function rowOf(page: Page, testId: string, text: string, phone: boolean): Locator {
  return phone
    ? page.getByTestId(testId).getByTestId('list-card').filter({ hasText: text })
    : tableRow(page, testId, text);
}
