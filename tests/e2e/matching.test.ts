import assert from 'node:assert/strict';
import {before, describe, it} from 'node:test';
import type {BrowserContext, Locator, Page} from 'playwright-core';
import type {AvailabilityDeclaration, BoardRow} from '@cpts-kit/contract';
import {axeViolations, watchPageProblems} from './browser.js';
import {useDemoSite} from './site.js';
import {fillIntakeForm, REFERENCE} from './intake-steps.js';

/** A family name no demo request has, so the search finds this person only. */
const LAST_NAME = 'Haverbeke';
const FIRST_NAMES = 'Gisèle';
const PHONE = '06 11 22 33 44';
const NOTE = 'Personne seule, préfère être appelée le matin.';

/** What is focused inside the practitioner's widget: a button's part, or a tag name. */
function focusedInCartodispo(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.querySelector('cpts-cartodispo')?.shadowRoot?.activeElement;
    return active?.getAttribute('part') ?? active?.tagName.toLowerCase() ?? '';
  });
}

/** Presses Tab until the element with part `target` is focused, as a keyboard user would. */
async function tabTo(page: Page, target: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    if ((await focusedInCartodispo(page)) === target) return;
  }
  throw new Error(`never reached ${target} with Tab`);
}

describe('matching through the real pages: registered, proposed, accepted, resolved', () => {
  const site = useDemoSite();
  const {at} = site;
  let context: BrowserContext;
  let coordinator: Page;
  let problems: {csp: string[]; errors: string[]};
  let reference = '';
  /** The practitioner the coordinator proposes the person to, as the matches name them. */
  let practitioner = '';
  let quotaBefore = 0;
  let link = '';
  const list = () => coordinator.locator('cpts-waiting-list');
  const board = () => coordinator.locator('cpts-availability-board');

  /** The practitioner's row on the board, found with its search field. */
  async function boardRow(): Promise<Locator> {
    await board().locator('#board-q').fill(practitioner);
    const row = board().locator('tbody tr', {has: coordinator.locator('th', {hasText: practitioner})});
    await row.waitFor();
    return row;
  }

  /** Searches the waiting list for the person and opens their request. */
  async function openRequest(): Promise<void> {
    await list().getByRole('searchbox', {name: 'Rechercher une personne'}).fill(LAST_NAME);
    await list().getByRole('button', {name: 'Rechercher', exact: true}).click();
    await list()
      .getByRole('button', {name: `Ouvrir la demande de ${LAST_NAME.toUpperCase()} ${FIRST_NAMES}`})
      .click();
    await list()
      .getByRole('heading', {name: new RegExp(`Demande ${reference}`)})
      .waitFor();
  }

  before(async () => {
    context = await site.browser.newContext({viewport: {width: 1280, height: 900}});
    coordinator = await context.newPage();
    problems = await watchPageProblems(coordinator);
  });

  it('registers a person on the commune page', async () => {
    const page = await site.browser.newPage();
    await page.goto(at('/examples/commune.html'));
    await fillIntakeForm(page, {lastName: LAST_NAME, firstNames: FIRST_NAMES, birthDate: {day: '12', month: '3', year: '1941'}, phone: PHONE});
    const form = page.locator('cpts-intake-form');
    await form.getByRole('button', {name: 'Envoyer ma demande'}).click();
    await form.getByText(REFERENCE).first().waitFor();
    reference = (await form.getByText(REFERENCE).first().textContent())?.match(REFERENCE)?.[0] ?? '';
    assert.match(reference, REFERENCE);
    await page.close();
  });

  it('lets the coordinator find the person and propose them to a practitioner with places this month', async () => {
    await coordinator.goto(at('/examples/coordinator.html'));
    await site.signIn(coordinator);
    await list().locator('[part="row"]').first().waitFor();
    await openRequest();

    const matches = list().locator('cpts-intake-matches');
    await matches.getByRole('heading', {name: 'Praticiens possibles'}).waitFor();
    // one with a declared monthly quota, so the board can show it lowered
    const withPlaces = matches.locator('[part="matches"] li', {hasText: /\d+ places? ce mois-ci/}).first();
    await withPlaces.waitFor();
    practitioner = (await withPlaces.locator('strong').first().textContent())?.trim() ?? '';
    assert.ok(practitioner, 'the match names the practitioner');
    quotaBefore = Number((await withPlaces.locator('.reasons').textContent())?.match(/(\d+) places? ce mois-ci/)?.[1]);
    assert.ok(quotaBefore > 0);
    assert.deepEqual(await axeViolations(coordinator), []);

    await withPlaces.getByRole('checkbox').check();
    await matches.getByLabel('Note pour le praticien (facultatif)').fill(NOTE);
    await matches.getByRole('button', {name: 'Proposer', exact: true}).click();
    await matches.getByText('Demande proposée à 1 praticien.').waitFor();
    await matches.locator('[part="proposals"] li', {hasText: practitioner}).getByText('en attente de réponse', {exact: false}).waitFor();
    // the board before: nothing taken this month yet
    assert.ok((await (await boardRow()).locator('td[data-column="accepting"]').innerText()).includes('par mois'));
  });

  it('issues the practitioner’s personal link from the practitioners’ manager, as the coordinator sends it', async () => {
    const manager = coordinator.locator('cpts-practitioner-manager');
    await manager.getByLabel('Rechercher un praticien').fill(practitioner);
    const row = manager.locator('tr[part="row"]', {has: coordinator.getByRole('rowheader', {name: practitioner, exact: true})});
    await row.getByRole('button', {name: `Actions pour ${practitioner}`}).click();
    await row.getByRole('button', {name: `Émettre un lien personnel pour ${practitioner}`}).click();
    link = await manager.locator('[part="link"]').getByLabel('Adresse du lien').inputValue();
    assert.match(link, /\/examples\/practitioner\.html#token=.+/);
  });

  it('shows the practitioner the proposal without a name, accepted with the keyboard, then the contact details and the first consultation', async () => {
    const page = await site.browser.newPage({viewport: {width: 360, height: 740}, isMobile: true, hasTouch: true});
    const pageProblems = await watchPageProblems(page);
    await page.goto(link);
    const widget = page.locator('cpts-cartodispo');
    await widget.getByText(`Lien personnel de ${practitioner}`).waitFor();
    const card = widget.locator('[part="proposal"]', {hasText: NOTE});
    await card.getByRole('heading', {name: '70 ans et plus · Saint-Omer'}).waitFor();
    await widget.getByText(`Places restantes ce mois-ci : ${quotaBefore} sur`).waitFor();
    // no name nor phone before accepting
    assert.ok(!(await card.innerText()).includes(LAST_NAME), 'no name before accepting');
    assert.ok(!(await card.innerText()).includes(PHONE), 'no phone before accepting');
    assert.deepEqual(await axeViolations(page), [], 'the proposals view passes axe');

    await tabTo(page, 'accept');
    await page.keyboard.press('Enter');
    await card.getByText('Vous avez accepté. Voici ses coordonnées.').waitFor();
    // focus goes to the message that says what happened
    assert.equal(await focusedInCartodispo(page), 'p');
    const contact = card.locator('[part="contact"]');
    await contact.getByRole('heading', {name: `Coordonnées : ${FIRST_NAMES} ${LAST_NAME}`, exact: false}).waitFor();
    await contact.getByRole('link', {name: PHONE}).waitFor();
    await widget.getByText(`Places restantes ce mois-ci : ${quotaBefore - 1} sur`).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'the accepted proposal passes axe');

    // still there after a reload: the link stays in the address, the contact details with it
    await page.reload();
    await card.locator('[part="contact"]').waitFor();
    await card.getByRole('button', {name: 'Première consultation faite'}).click();
    await card
      .getByText(/Première consultation faite le /)
      .first()
      .waitFor();
    assert.deepEqual(pageProblems.csp, []);
    assert.deepEqual(pageProblems.errors, []);
    await page.close();
  });

  it('shows the coordinator the request resolved and the practitioner’s places this month lowered on the board', async () => {
    await list().getByRole('button', {name: 'Retour à la liste'}).click();
    await openRequest();
    await list().locator('[part="detail"] .badge').getByText('Résolue', {exact: true}).waitFor();
    await list().locator('cpts-intake-matches [part="proposals"] li', {hasText: practitioner}).getByText('acceptée', {exact: false}).waitFor();

    await board().getByRole('button', {name: 'Actualiser'}).click();
    const row = await boardRow();
    await row.locator('td[data-column="accepting"]', {hasText: `reste ${quotaBefore - 1} sur`}).waitFor();
    assert.deepEqual(await axeViolations(coordinator), []);
    assert.deepEqual(problems.csp, []);
    assert.deepEqual(problems.errors, []);
  });
});

describe('pull mode through the real pages: a practitioner offers to take someone, the coordinator confirms', () => {
  const site = useDemoSite();
  const {at, asCoordinator} = site;
  let chosen: BoardRow;
  let token = '';

  before(async () => {
    // the territory lets its practitioners pick (off by default)
    const patched = await fetch(at('/v1/territories/demo'), {method: 'PATCH', headers: asCoordinator(), body: JSON.stringify({practitionersMayPick: true})});
    assert.equal(patched.status, 200);
    const board = await site.readBoard();
    chosen = board.items.find((r) => r.active && r.profession === 'medecin_generaliste')!;
    token = await site.issueLink(chosen.practitionerId);
    // takes anyone, home visits anywhere: whoever waits nearest fits
    const declaration: AvailabilityDeclaration = {
      accepting: 'yes',
      monthlyQuota: 4,
      patientScope: ['all'],
      scopeCommunes: [],
      homeVisits: true,
      homeVisitCommunes: [],
      snpSlotsThisWeek: 0,
      teleconsultation: false,
      hostsInterns: false,
      visibility: 'network',
      noteForCoordinator: null,
    };
    const declared = await fetch(at('/v1/territories/demo/availability'), {
      method: 'PUT',
      headers: {authorization: `Bearer ${token}`, 'content-type': 'application/json'},
      body: JSON.stringify(declaration),
    });
    assert.equal(declared.status, 200);
  });

  it('lists people waiting nearby without a name, takes an offer, and shows the contact details once the coordinator confirms', async () => {
    const page = await site.browser.newPage();
    const problems = await watchPageProblems(page);
    await page.goto(at(`/examples/practitioner.html#token=${encodeURIComponent(token)}`));
    const widget = page.locator('cpts-cartodispo');
    const nearby = widget.locator('[part="waiting-people"]');
    await nearby.getByRole('heading', {name: 'Personnes en attente près de chez vous'}).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'the people nearby pass axe');
    await nearby.getByRole('button', {name: 'Je peux le/la prendre'}).first().click();
    await nearby.getByText('Proposé à la coordination, qui vous recontacte').first().waitFor();

    const coordinator = await site.browser.newPage({viewport: {width: 1280, height: 900}});
    const coordinatorProblems = await watchPageProblems(coordinator);
    await coordinator.goto(at('/examples/coordinator.html'));
    await site.signIn(coordinator);
    const list = coordinator.locator('cpts-waiting-list');
    const offers = list.locator('cpts-practitioner-offers');
    await offers.getByRole('heading', {name: '1 offre de praticien à confirmer'}).waitFor();
    assert.deepEqual(await axeViolations(coordinator), []);
    await offers.getByRole('button', {name: /^Ouvrir la demande DEMO-/}).click();
    const matches = list.locator('cpts-intake-matches');
    await matches.getByRole('button', {name: `Confirmer l’offre de ${chosen.displayName}`}).click();
    await matches.getByText(`Offre de ${chosen.displayName} confirmée`, {exact: false}).waitFor();
    await list.locator('[part="detail"] .badge').getByText('Orientée', {exact: true}).waitFor();
    assert.deepEqual(coordinatorProblems.csp, []);
    assert.deepEqual(coordinatorProblems.errors, []);

    // the practitioner's link, read again: the offer confirmed, the person's contact details
    await page.reload();
    await widget.locator('[part="proposal"] [part="contact"]').waitFor();
    await widget.getByText('Places restantes ce mois-ci : 3 sur 4').waitFor();
    assert.deepEqual(problems.csp, []);
    assert.deepEqual(problems.errors, []);
    await page.close();
    await coordinator.close();
  });
});
