import assert from 'node:assert/strict';
import {before, describe, it} from 'node:test';
import type {Page} from 'playwright-core';
import {axeViolations, watchPageProblems} from './browser.js';
import {useDemoSite} from './site.js';

/** The tools on the coordinator kit, and the page's sign-in. */
const KIT = 'cpts-coordinator-sign-in, cpts-waiting-list, cpts-availability-board, cpts-practitioner-manager, cpts-offer-manager, cpts-outbox, cpts-stats';
/** The coordinator tools of the page, each showing « Connectez-vous ci-dessus » until the one sign-in. */
const TOOLS = ['cpts-waiting-list', 'cpts-availability-board', 'cpts-practitioner-manager', 'cpts-offer-manager', 'cpts-outbox', 'cpts-stats'];

/** The id of what has focus, through shadow roots. */
function focusedId(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.id ?? '';
  });
}

describe('the coordinator page: one sign-in for every tool, through the real server', () => {
  const site = useDemoSite();
  let page: Page;
  let problems: {csp: string[]; errors: string[]};
  const notFound: string[] = [];
  const tokenFields = () => page.locator(KIT).locator('input[type="password"]');

  before(async () => {
    page = await site.browser.newPage();
    problems = await watchPageProblems(page);
    page.on('response', (response) => {
      if (response.status() === 404) notFound.push(response.url());
    });
    await page.goto(site.at('/examples/coordinator.html'));
    await page.locator('cpts-coordinator-sign-in').getByLabel('Jeton de coordinateur').waitFor();
  });

  it('shows one sign-in form; the tools say to sign in above', async () => {
    assert.equal(await tokenFields().count(), 1);
    for (const tool of TOOLS) {
      await page.locator(tool).getByText('Connectez-vous ci-dessus', {exact: false}).waitFor();
    }
  });

  it('is axe-clean before sign-in', async () => {
    assert.deepEqual(await axeViolations(page), []);
  });

  it('fits a 320 px wide screen: the navigation wraps rather than overflow', async () => {
    await page.setViewportSize({width: 320, height: 640});
    const overflow = await page.evaluate(() => {
      const nav = document.querySelector('.site-header nav ul')!.getBoundingClientRect();
      return {page: document.documentElement.scrollWidth, navRight: Math.ceil(nav.right)};
    });
    assert.ok(overflow.navRight <= 320, `the navigation ends at ${overflow.navRight} px`);
    await page.setViewportSize({width: 1280, height: 800});
  });

  it('signs in with the keyboard only, once, for every tool, without a 404', async () => {
    // Tab from the top of the page to the token field
    await page.locator('body').focus();
    for (let i = 0; i < 20 && (await focusedId(page)) !== 'cs-token'; i++) await page.keyboard.press('Tab');
    assert.equal(await focusedId(page), 'cs-token');
    await page.keyboard.type(site.server.demoToken!);
    await page.keyboard.press('Enter');
    await page.locator('cpts-practitioner-manager').getByRole('heading', {name: 'Praticiens du territoire'}).waitFor();
    await page.locator('cpts-offer-manager').getByRole('heading', {name: 'Gérer les offres de stage'}).waitFor();
    // each tool shows its data: the waiting list's, the board's and the practitioners' rows, the demo's offers
    await page.locator('cpts-waiting-list').locator('tbody tr').first().waitFor();
    await page.locator('cpts-availability-board').locator('tbody tr').first().waitFor();
    await page.locator('cpts-practitioner-manager').locator('tbody tr').first().waitFor();
    await page.locator('cpts-offer-manager').locator('[part="offers"] li').first().waitFor();
    // no SMTP on this server: the messages tool says so (the demo's stale declarations wait as reminders)
    await page.locator('cpts-outbox').getByText('n’est pas configuré sur le serveur', {exact: false}).waitFor();
    assert.equal(await tokenFields().count(), 0);
    // the sign-out took the form's place, and the focus
    assert.equal(await focusedId(page), 'cs-sign-out');
    assert.deepEqual(notFound, []);
    assert.deepEqual(await axeViolations(page), []);
  });

  it('signs every tool out at once, focus back on the one token field', async () => {
    await page.keyboard.press('Enter');
    for (const tool of TOOLS) {
      await page.locator(tool).getByText('Connectez-vous ci-dessus', {exact: false}).waitFor();
      assert.equal(await page.locator(tool).locator('table, [part="offers"]').count(), 0, `${tool} still shows its data`);
    }
    assert.equal(await page.locator('cpts-practitioner-manager').getByRole('heading', {name: 'Praticiens du territoire'}).count(), 0);
    assert.equal(await tokenFields().count(), 1);
    assert.equal(await focusedId(page), 'cs-token');
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems.csp, []);
    assert.deepEqual(problems.errors, []);
  });
});
