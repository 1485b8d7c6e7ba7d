import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {Page} from 'playwright-core';
import {IntakeRequestList} from '@cpts-kit/contract';
import {axeViolations, watchPageProblems} from './browser.js';
import {useDemoSite} from './site.js';
import {fillIntakeForm, REFERENCE} from './intake-steps.js';

/** Fills the form as Marie Louise, born 12/03/1948, would. */
function fillForm(page: Page, lastName: string): Promise<void> {
  return fillIntakeForm(page, {lastName, firstNames: 'Marie Louise', birthDate: {day: '12', month: '3', year: '1948'}, phone: '06 12 34 56 78'});
}

describe('registering on the commune page, through the real server', () => {
  const site = useDemoSite();
  const {at} = site;

  /** What the coordinator sees for one family name. */
  async function storedFor(lastName: string) {
    const res = await fetch(at('/v1/territories/demo/intake-requests?limit=500'), {headers: {authorization: `Bearer ${site.server.demoToken}`}});
    assert.equal(res.status, 200);
    return IntakeRequestList.parse(await res.json()).items.filter((r) => r.person.lastName === lastName);
  }

  it('registers a person once, under a strict CSP with Trusted Types, and shows the reference', async () => {
    const page = await site.browser.newPage();
    const problems = await watchPageProblems(page);
    await page.goto(at('/examples/commune.html'));
    await fillForm(page, 'Lemaire');
    await page.locator('cpts-intake-form').getByRole('button', {name: 'Envoyer ma demande'}).click();
    await page.locator('cpts-intake-form').getByText(REFERENCE).first().waitFor();
    const shown = (await page.locator('cpts-intake-form').getByText(REFERENCE).first().textContent())?.match(REFERENCE)?.[0];

    const stored = await storedFor('Lemaire');
    assert.equal(stored.length, 1);
    assert.equal(stored[0]!.reference, shown);
    assert.equal(stored[0]!.person.communeInsee, '62765');
    assert.deepEqual(problems.csp, [], 'no Content-Security-Policy or Trusted Types violation');
    assert.deepEqual(problems.errors, []);
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  });

  it('stores the request once when the answer is lost on the way back, and shows the same reference', async () => {
    const page = await site.browser.newPage();
    await page.goto(at('/examples/commune.html'));
    await fillForm(page, 'Cazin-Essai');
    let posts = 0;
    const keys: string[] = [];
    await page.route('**/intake-requests', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      posts += 1;
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (posts === 1) {
        // the server commits, then the connection drops before the browser reads the answer
        await route.fetch();
        return route.abort('connectionreset');
      }
      return route.continue();
    });
    await page.locator('cpts-intake-form').getByRole('button', {name: 'Envoyer ma demande'}).click();
    await page.locator('cpts-intake-form').getByText(REFERENCE).first().waitFor({timeout: 20_000});

    assert.ok(posts >= 2, 'the form retried');
    assert.equal(new Set(keys).size, 1, 'every attempt carried the same Idempotency-Key');
    const stored = await storedFor('Cazin-Essai');
    assert.equal(stored.length, 1);
    const shown = (await page.locator('cpts-intake-form').getByText(REFERENCE).first().textContent())?.match(REFERENCE)?.[0];
    assert.equal(shown, stored[0]!.reference);
    await page.close();
  });

  it('stores one request when the button is clicked twice', async () => {
    const page = await site.browser.newPage();
    await page.goto(at('/examples/commune.html'));
    await fillForm(page, 'Vasseur');
    const button = page.locator('cpts-intake-form').getByRole('button', {name: 'Envoyer ma demande'});
    await button.dblclick();
    await page.locator('cpts-intake-form').getByText(REFERENCE).first().waitFor();
    assert.equal((await storedFor('Vasseur')).length, 1);
    await page.close();
  });

  it('shows the civic theme page without CSP violations or axe issues', async () => {
    const page = await site.browser.newPage();
    const problems = await watchPageProblems(page);
    await page.goto(at('/examples/commune-civic.html'));
    await page.locator('cpts-intake-form').getByRole('button', {name: 'Envoyer ma demande'}).waitFor();
    assert.deepEqual(problems.csp, []);
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  });
});
