import assert from 'node:assert/strict';
import {before, describe, it} from 'node:test';
import type {Page} from 'playwright-core';
import type {BoardRow} from '@cpts-kit/contract';
import {axeViolations, watchPageProblems} from './browser.js';
import {useDemoSite} from './site.js';

/** Every file of the map's code: the widget, its engine, Leaflet, supercluster, the cluster worker. */
const MAP_CODE = /leaflet|supercluster|map-engine|availability-map|cluster-worker/;

/** What is focused inside the declaration widget: `name=value` of an input, or a button's part. */
function focusedInDeclaration(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.querySelector('cpts-cartodispo')?.shadowRoot?.activeElement;
    if (!active) return '';
    if (active instanceof HTMLInputElement) return `${active.name}=${active.value}`;
    return active.getAttribute('part') ?? active.tagName.toLowerCase();
  });
}

/** Presses Tab until `target` is focused, as a keyboard user would. */
async function tabTo(page: Page, target: RegExp): Promise<string> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const focused = await focusedInDeclaration(page);
    if (target.test(focused)) return focused;
  }
  throw new Error(`never reached ${target} with Tab`);
}

describe('declaring availability from a personal link, and the public map', () => {
  const site = useDemoSite();
  const {at, asCoordinator} = site;
  let chosen: BoardRow;
  let token: string;

  before(async () => {
    const board = await site.readBoard();
    // someone the public does not see yet: never declared, else network only
    const hidden = board.items.filter((r) => r.active && r.availability?.visibility !== 'public');
    chosen = hidden.find((r) => r.availability === null) ?? hidden[0]!;
    assert.ok(chosen, 'the demo has a practitioner who is not public');
    token = await site.issueLink(chosen.practitionerId);
  });

  /** Every name the public list shows, after asking for all of it (« Afficher plus »). */
  async function publicNames(): Promise<string[]> {
    const page = await site.browser.newPage();
    await page.goto(at('/examples/cpts.html'));
    const map = page.locator('cpts-availability-map');
    await map.locator('[part="list-item"]').first().waitFor();
    const more = map.getByRole('button', {name: /Afficher plus/});
    while (await more.count()) await more.click();
    const names = await map.locator('[part="list-item"] .name').allTextContents();
    await page.close();
    return names;
  }

  async function openPersonalLink(): Promise<{page: Page; problems: {csp: string[]; errors: string[]}; requests: Array<Promise<{url: string; referer: string | undefined}>>}> {
    const page = await site.browser.newPage({viewport: {width: 360, height: 740}, isMobile: true, hasTouch: true});
    const problems = await watchPageProblems(page);
    const requests: Array<Promise<{url: string; referer: string | undefined}>> = [];
    // allHeaders(): the headers really sent (headers() only has the provisional ones)
    page.on('request', (request) => requests.push(request.allHeaders().then((headers) => ({url: request.url(), referer: headers['referer']}))));
    await page.goto(at(`/examples/practitioner.html#token=${encodeURIComponent(token)}`));
    await page.locator('cpts-cartodispo form').waitFor();
    return {page, problems, requests};
  }

  it('lets the practitioner declare "yes, public" by keyboard, and the public map then lists them', async () => {
    assert.ok(!(await publicNames()).includes(chosen.displayName), 'not public before declaring');
    const {page, problems, requests} = await openPersonalLink();
    const widget = page.locator('cpts-cartodispo');
    await widget.getByText(`Lien personnel de ${chosen.displayName}`).waitFor();
    // the fragment keeps the token for a reload or a bookmark; it never reaches a server (no Referer below)
    assert.equal(new URL(page.url()).hash, `#token=${encodeURIComponent(token)}`, 'the token stays in the fragment');

    await tabTo(page, /^accepting=/);
    await page.keyboard.press('Space');
    // the first radio of the group is "yes"; arrows would move the choice, so check what Space picked
    assert.equal(await focusedInDeclaration(page), 'accepting=yes');
    const visibility = await tabTo(page, /^visibility=/);
    if (visibility !== 'visibility=public') await page.keyboard.press('ArrowUp');
    assert.equal(await focusedInDeclaration(page), 'visibility=public');
    await tabTo(page, /^submit$/);
    await page.keyboard.press('Enter');
    await widget.getByText(/Déclaration enregistrée le/).waitFor();

    assert.deepEqual(problems.csp, [], 'no CSP or Trusted Types violation');
    assert.deepEqual(problems.errors, []);
    const origin = new URL(site.server.url).origin;
    const sent = await Promise.all(requests);
    assert.deepEqual(
      sent.filter((r) => new URL(r.url).origin !== origin),
      [],
      'nothing leaves for a third party',
    );
    assert.deepEqual(
      sent.filter((r) => r.referer !== undefined).map((r) => r.url),
      [],
      'no request carries a Referer',
    );
    assert.deepEqual(await axeViolations(page), []);
    await page.close();

    assert.ok((await publicNames()).includes(chosen.displayName), 'listed on the public map once public');
  });

  it('removes them from the public list when they declare "network only"', async () => {
    const {page} = await openPersonalLink();
    const widget = page.locator('cpts-cartodispo');
    await tabTo(page, /^visibility=/);
    await page.keyboard.press('ArrowDown');
    assert.equal(await focusedInDeclaration(page), 'visibility=network');
    await tabTo(page, /^submit$/);
    await page.keyboard.press('Enter');
    await widget.getByText(/Déclaration enregistrée le/).waitFor();
    await page.close();
    assert.ok(!(await publicNames()).includes(chosen.displayName));
  });

  it('shows the public map with the communes’ names and no tiles, under a strict CSP, with 0 axe violations', async () => {
    const page = await site.browser.newPage();
    const problems = await watchPageProblems(page);
    await page.goto(at('/examples/cpts.html'));
    const map = page.locator('cpts-availability-map');
    await map.locator('.commune-name', {hasText: 'Saint-Omer'}).waitFor();
    await map.locator('.leaflet-marker-icon.pin, .leaflet-marker-icon.cluster').first().waitFor();
    assert.equal(await map.locator('img.leaflet-tile').count(), 0);
    assert.deepEqual(problems.csp, []);
    assert.deepEqual(problems.errors, []);
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  });

  it('sends the intake-form page no map code at all', async () => {
    const page = await site.browser.newPage();
    const scripts: string[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script' || /\.m?js(\?|$)/.test(response.url())) scripts.push(new URL(response.url()).pathname);
    });
    await page.goto(at('/examples/commune.html'));
    await page.locator('cpts-intake-form').getByRole('button', {name: 'Envoyer ma demande'}).waitFor();
    assert.ok(
      scripts.some((s) => s.includes('intake-form')),
      `the form's own chunk was recorded: ${scripts.join(', ')}`,
    );
    assert.deepEqual(
      scripts.filter((s) => MAP_CODE.test(s)),
      [],
    );
    await page.close();
  });

  it('refuses a revoked link with a clear message and the CPTS phone', async () => {
    const res = await fetch(at(`/v1/territories/demo/practitioners/${chosen.practitionerId}/link`), {method: 'DELETE', headers: asCoordinator()});
    assert.equal(res.status, 204);
    const page = await site.browser.newPage();
    await page.goto(at(`/examples/practitioner.html#token=${encodeURIComponent(token)}`));
    const alert = page.locator('cpts-cartodispo [part="invalid-link"]');
    await alert.getByText('Ce lien n’est plus valide. Demandez un nouveau lien à votre CPTS.').waitFor();
    await alert.getByRole('link', {name: /Appeler la CPTS/}).waitFor();
    await page.close();
  });
});
