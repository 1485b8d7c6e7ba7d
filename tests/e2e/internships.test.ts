import assert from 'node:assert/strict';
import {before, describe, it} from 'node:test';
import type {Page} from 'playwright-core';
import {axeViolations, watchPageProblems} from './browser.js';
import {useDemoSite} from './site.js';

const TITLE = `Stage e2e en MSP de Wizernes ${Date.now()}`;

describe('internship offers, from the coordinator page to the public page, through the real server', () => {
  const site = useDemoSite();
  const {at} = site;
  let coordinator: Page;

  /** The offer's card in the manager, found by its title. */
  const managed = (page: Page) => page.locator('cpts-offer-manager li.card', {has: page.getByRole('heading', {name: TITLE, exact: true})});

  before(async () => {
    coordinator = await site.browser.newPage();
  });

  it('lets the coordinator sign in with a token, create an offer as a draft, and publish it', async () => {
    const problems = await watchPageProblems(coordinator);
    await coordinator.goto(at('/examples/coordinator.html'));
    const manager = coordinator.locator('cpts-offer-manager');
    await site.signIn(coordinator);
    await manager.getByRole('button', {name: 'Nouvelle offre'}).click();
    const editor = manager.locator('cpts-offer-editor');
    await editor.getByLabel('Titre').fill(TITLE);
    // the lists start on « Choisissez… »: each is chosen, none saved unread
    await editor.getByLabel('Type de stage').selectOption('mg_niveau_1');
    await editor.getByLabel('Type de structure').selectOption('msp');
    await editor.getByLabel('Commune').selectOption({label: 'Wizernes'});
    await editor.getByLabel('Périodes').fill('2027-05, 2027-11');
    await editor.getByLabel('Nom de la structure').fill('MSP de Wizernes');
    await editor.getByLabel('Maîtres de stage (MSU)').fill('Dr Anne Leroy');
    await editor.getByLabel('Logement proposé').selectOption('logement_communal');
    await editor.getByLabel('Loyer mensuel (€)').fill('120');
    await editor.getByLabel('Description').fill('Une MSP de 8 professionnels.\n\nVisites à domicile en zone rurale.');
    await editor.getByLabel('Nom du contact').fill('Julie Martin');
    await editor.getByLabel('E-mail du contact').fill('stages@cpts-demo.example');
    await editor.getByRole('button', {name: 'Enregistrer'}).click();
    const card = managed(coordinator);
    await card.getByText('Brouillon').waitFor();
    await card.getByRole('button', {name: `Publier l’offre « ${TITLE} »`}).click();
    await card.getByText('Publiée').waitFor();
    // « Publier » gave way to « Archiver », which has the focus
    await card
      .getByRole('button', {name: `Archiver l’offre « ${TITLE} »`})
      .and(coordinator.locator(':focus'))
      .waitFor();
    assert.deepEqual(await axeViolations(coordinator), []);
    assert.deepEqual(problems.errors, []);
    assert.deepEqual(problems.csp, []);
  });

  it('shows the published offer on the public page, with its detail deep-linked', async () => {
    const page = await site.browser.newPage();
    const problems = await watchPageProblems(page);
    await page.goto(at('/examples/internships.html'));
    const offers = page.locator('cpts-internship-offers');
    await offers.getByLabel('Rechercher').fill('wizernes msp E2E');
    const card = offers.locator('[part="card"]', {has: page.getByRole('heading', {name: TITLE})});
    await card.getByRole('button', {name: 'Voir l’offre'}).click();
    const dialog = offers.getByRole('dialog', {name: TITLE});
    await dialog.waitFor();
    assert.match(page.url(), /#offre-[0-9a-f-]{36}$/);
    await dialog.getByText('Dr Anne Leroy').waitFor();
    assert.deepEqual(await axeViolations(page), []);
    // the same URL in a new tab opens the same offer
    const shared = await site.browser.newPage();
    await shared.goto(page.url());
    await shared.locator('cpts-internship-offers').getByRole('dialog', {name: TITLE}).waitFor();
    await shared.close();
    assert.deepEqual(problems.errors, []);
    assert.deepEqual(problems.csp, []);
    await page.close();
  });

  it('lets an intern express interest, which the coordinator then reads', async () => {
    const page = await site.browser.newPage();
    await page.goto(at('/examples/internships.html'));
    const offers = page.locator('cpts-internship-offers');
    const card = offers.locator('[part="card"]', {has: page.getByRole('heading', {name: TITLE})});
    await card.getByRole('button', {name: 'Voir l’offre'}).click();
    const form = offers.locator('cpts-offer-interest');
    await form.getByRole('button', {name: 'Envoyer'}).click();
    await form.getByRole('alert').getByText('Corrigez les erreurs suivantes').waitFor();
    await form.getByLabel('Nom et prénom').fill('Léa Interne');
    await form.getByLabel('Adresse e-mail').fill('lea.interne@etu.example');
    await form.getByLabel('Période souhaitée').selectOption({label: 'novembre 2027'});
    await form.getByLabel(/J’accepte que la CPTS conserve/).check();
    await form.getByRole('button', {name: 'Envoyer'}).click();
    await form.getByText(/votre intérêt a été transmis/).waitFor();
    await page.close();

    const card2 = managed(coordinator);
    await card2.getByRole('button', {name: 'Intérêts reçus'}).click();
    const interests = coordinator.locator('cpts-offer-manager [part="interests"]');
    await interests.getByText('Léa Interne').waitFor();
    await interests.getByText('lea.interne@etu.example').waitFor();
    await interests.getByText('novembre 2027', {exact: false}).waitFor();
  });

  it('takes the offer off the public page once the coordinator archives it', async () => {
    await managed(coordinator).getByRole('button', {name: 'Archiver'}).click();
    await managed(coordinator).getByText('Archivée').waitFor();
    const page = await site.browser.newPage();
    await page.goto(at('/examples/internships.html'));
    const offers = page.locator('cpts-internship-offers');
    await offers.locator('[part="count"]').waitFor();
    await offers.getByLabel('Rechercher').fill('wizernes msp e2e');
    await offers.getByText('Aucune offre ne correspond à votre recherche.').waitFor();
    await page.close();
  });
});
