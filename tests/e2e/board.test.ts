import assert from 'node:assert/strict';
import {before, describe, it} from 'node:test';
import type {Page} from 'playwright-core';
import type {BoardRow} from '@cpts-kit/contract';
import {axeViolations, watchPageProblems} from './browser.js';
import {useDemoSite} from './site.js';

/** Every file of the map's code: the public map, its engine, Leaflet, supercluster, the cluster worker. */
const MAP_CODE = /leaflet|supercluster|map-engine|availability-map|cluster-worker/;

describe('the coordinators’ availability board, against the real server', () => {
  const site = useDemoSite();
  const {at} = site;
  let chosen: BoardRow;
  let token: string;

  before(async () => {
    const board = await site.readBoard();
    // someone whose declaration is not fresh yet, so the board's change is visible
    chosen = board.items.find((r) => r.active && r.freshness === 'never') ?? board.items.find((r) => r.active && r.freshness === 'stale')!;
    assert.ok(chosen, 'the demo has a practitioner with no fresh declaration');
    token = await site.issueLink(chosen.practitionerId);
  });

  /** The chosen practitioner's row on the board, found with the search field. */
  async function chosenRow(page: Page) {
    const board = page.locator('cpts-availability-board');
    await board.locator('#board-q').fill(chosen.displayName);
    const row = board.locator('tbody tr', {has: page.locator('th', {hasText: chosen.displayName})});
    await row.waitFor();
    return row;
  }

  async function declareNetworkOnly(): Promise<void> {
    const page = await site.browser.newPage({viewport: {width: 360, height: 740}, isMobile: true, hasTouch: true});
    await page.goto(at(`/examples/practitioner.html#token=${encodeURIComponent(token)}`));
    const widget = page.locator('cpts-cartodispo');
    await widget.getByText(`Lien personnel de ${chosen.displayName}`).waitFor();
    await widget.locator('input[name="accepting"][value="limited"]').check();
    await widget.locator('#quota').fill('3');
    await widget.locator('input[name="visibility"][value="network"]').check();
    await widget.locator('[part="submit"]').click();
    await widget.getByText(/Déclaration enregistrée le/).waitFor();
    await page.close();
  }

  it('shows a declaration made from a personal link as fresh, on a strict-CSP page that loads no map code for the list', async () => {
    const page = await site.browser.newPage({viewport: {width: 1280, height: 900}});
    const problems = await watchPageProblems(page);
    const scripts: string[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script' || /\.m?js(\?|$)/.test(response.url())) scripts.push(new URL(response.url()).pathname);
    });
    await page.goto(at('/examples/coordinator.html'));
    const board = page.locator('cpts-availability-board');
    // the page's one sign-in, above every coordinator tool: the board shows no form of its own
    const signIn = page.locator('cpts-coordinator-sign-in');
    await board.getByText('Connectez-vous ci-dessus', {exact: false}).waitFor();
    assert.equal(await board.locator('#board-token').count(), 0);
    await signIn.locator('#cs-token').fill('not-a-token');
    await signIn.getByRole('button', {name: 'Se connecter'}).click();
    await signIn.getByText('Ce jeton n’est pas celui d’un coordinateur, ou il a expiré.', {exact: false}).waitFor();

    await signIn.locator('#cs-token').fill(site.server.demoToken!);
    await signIn.getByRole('button', {name: 'Se connecter'}).click();
    await board.locator('tbody tr').first().waitFor();
    assert.match(await board.locator('[part="status"]').innerText(), /^\d+ praticiens sur \d+ · \d+ acceptent? de nouveaux patients · \d+ déclarations? à actualiser/);

    // the table fits the page's section: no scrolling sideways at the default columns
    const [tableWidth, boxWidth] = await board.locator('[part="list"]').evaluate((box) => [box.scrollWidth, box.clientWidth]);
    assert.ok(tableWidth <= boxWidth, `the table (${tableWidth} px) fits its box (${boxWidth} px)`);

    // one sign-in serves the page's other coordinator tools
    await page.locator('cpts-offer-manager').getByRole('button', {name: 'Nouvelle offre'}).waitFor();
    await page.locator('cpts-practitioner-manager').getByRole('heading', {name: 'Praticiens du territoire'}).waitFor();

    const before = await chosenRow(page);
    assert.match(await before.locator('td[data-column="freshness"]').innerText(), /^(Jamais déclarée|À actualiser)/);

    await declareNetworkOnly();

    await board.getByRole('button', {name: 'Actualiser'}).click();
    const after = await chosenRow(page);
    await after.locator('td[data-column="freshness"]', {hasText: 'À jour'}).waitFor();
    assert.match(await after.locator('td[data-column="freshness"]').innerText(), /^À jour\s+le /);
    const cells = await after.locator('td').allInnerTexts();
    assert.ok(cells.includes('Limité · 3 par mois'), cells.join(' | '));
    await board.locator('[part="columns"] summary').click();
    await board.getByRole('checkbox', {name: 'Visibilité'}).check();
    const withVisibility = await after.locator('td').allInnerTexts();
    assert.ok(withVisibility.includes('Réseau seulement'), 'a network-only practitioner is on the board');

    assert.ok(
      scripts.some((s) => s.includes('availability-board')),
      `the board's own chunk was recorded: ${scripts.join(', ')}`,
    );
    assert.ok(!scripts.some((s) => s.includes('cartodispo')), 'the practitioner’s widget is not downloaded with the board');
    assert.deepEqual(
      scripts.filter((s) => MAP_CODE.test(s)),
      [],
      'the list view downloads no map code',
    );
    assert.deepEqual(problems.csp, [], 'no CSP or Trusted Types violation');
    assert.deepEqual(problems.errors, []);
    assert.deepEqual(await axeViolations(page), []);

    // the map, once asked for, works under the same CSP with no tiles
    await board.locator('#board-q').fill('');
    await board.getByRole('button', {name: 'Carte'}).click();
    await board.locator('.commune-name', {hasText: 'Saint-Omer'}).waitFor();
    await board.locator('.leaflet-marker-icon.pin, .leaflet-marker-icon.cluster').first().waitFor();
    assert.ok(
      scripts.some((s) => MAP_CODE.test(s)),
      'the map code came with the map',
    );
    assert.equal(await board.locator('img.leaflet-tile').count(), 0);
    assert.deepEqual(problems.csp, []);
    assert.deepEqual(problems.errors, []);
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  });
});
