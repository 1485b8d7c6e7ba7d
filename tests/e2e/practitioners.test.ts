import assert from 'node:assert/strict';
import {before, describe, it} from 'node:test';
import type {BrowserContext, Page} from 'playwright-core';
import {axeViolations, watchPageProblems} from './browser.js';
import {useDemoSite} from './site.js';

const LAST_NAME = `Wizernois${Date.now()}`;
const NAME = `Dr Hélène ${LAST_NAME}`;

describe('practitioners, from the coordinator page to the personal link, through the real server', () => {
  const site = useDemoSite();
  const {at} = site;
  let context: BrowserContext;
  let coordinator: Page;
  let problems: {csp: string[]; errors: string[]};
  let link = '';
  const manager = () => coordinator.locator('cpts-practitioner-manager');
  const row = () => manager().locator('tr[part="row"]', {has: coordinator.getByRole('rowheader', {name: NAME})});
  /** The row's one menu of actions, then the action in it, each named after the practitioner. */
  const act = async (action: string) => {
    await row()
      .getByRole('button', {name: `Actions pour ${NAME}`})
      .click();
    await row()
      .getByRole('button', {name: `${action} ${NAME}`})
      .click();
  };

  before(async () => {
    context = await site.browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {origin: site.server.url});
    coordinator = await context.newPage();
    problems = await watchPageProblems(coordinator);
  });

  it('lets the coordinator sign in and create a practitioner, after fixing the fields the form points to', async () => {
    await coordinator.goto(at('/examples/coordinator.html'));
    // the page's one sign-in, for every tool
    await site.signIn(coordinator);
    await manager().getByRole('heading', {name: 'Praticiens du territoire'}).waitFor();
    await manager().getByRole('button', {name: 'Nouveau praticien'}).click();
    const editor = manager().locator('cpts-practitioner-editor');
    await editor.getByLabel('Numéro RPPS (facultatif)').fill('12345678901');
    await editor.getByRole('button', {name: 'Enregistrer'}).click();
    await editor.getByRole('alert').getByText('Il y a un problème').waitFor();
    await editor.getByText('Le numéro RPPS compte 11 chiffres', {exact: false}).first().waitFor();

    await editor.getByLabel('Profession').selectOption('medecin_generaliste');
    await editor.getByLabel('Titre (facultatif)').fill('Dr');
    await editor.getByLabel('Prénom').fill('Hélène');
    await editor.getByLabel('Nom', {exact: true}).fill(LAST_NAME);
    await editor.getByLabel('Numéro RPPS (facultatif)').fill('');
    await editor.getByLabel('Commune').selectOption({label: 'Wizernes'});
    await editor.getByLabel('Téléphone (facultatif)').fill('03 21 95 00 00');
    await editor.getByRole('button', {name: 'Enregistrer'}).click();
    await manager().getByRole('status').getByText(`${NAME} est enregistré.`).waitFor();
    await row().waitFor();
    assert.deepEqual(await axeViolations(coordinator), []);
  });

  it('issues a personal link, shown once, that the copy button copies', async () => {
    await manager().getByLabel('Rechercher un praticien').fill(LAST_NAME);
    await act('Émettre un lien personnel pour');
    const panel = manager().locator('[part="link"]');
    await panel.getByText('Ce lien n’est affiché qu’une seule fois', {exact: false}).waitFor();
    link = await panel.getByLabel('Adresse du lien').inputValue();
    assert.match(link, new RegExp(`^${at('/examples/practitioner.html').replaceAll('.', '\\.')}#token=.+`));
    await panel.getByRole('button', {name: 'Copier le lien'}).click();
    await panel.getByText('Lien copié.').waitFor();
    assert.equal(await coordinator.evaluate(() => navigator.clipboard.readText()), link);
    assert.deepEqual(await axeViolations(coordinator), []);
  });

  it('opens the declaration page from the link, which greets the practitioner', async () => {
    const page = await context.newPage();
    const pageProblems = await watchPageProblems(page);
    await page.goto(link);
    await page.locator('cpts-cartodispo').getByText(`Lien personnel de ${NAME}`).waitFor();
    // the token stays in the fragment (never sent to a server) so a reload or a bookmark keeps working
    assert.equal(new URL(page.url()).hash, new URL(link).hash);
    await page.reload();
    await page.locator('cpts-cartodispo').getByText(`Lien personnel de ${NAME}`).waitFor();
    // until the practitioner forgets it on this device
    await page.locator('cpts-cartodispo').getByRole('button', {name: 'Oublier ce lien sur cet appareil'}).click();
    await page.locator('cpts-cartodispo').getByText('Ce lien a été retiré de cette page').waitFor();
    assert.equal(new URL(page.url()).hash, '');
    assert.deepEqual(pageProblems.csp, []);
    assert.deepEqual(pageProblems.errors, []);
    await page.close();
  });

  it('refuses the link once the coordinator revokes it', async () => {
    await act('Révoquer les liens de');
    const dialog = manager().getByRole('dialog', {name: `Révoquer les liens de ${NAME} ?`});
    await dialog.getByRole('button', {name: 'Révoquer', exact: true}).click();
    await manager().getByRole('status').getByText('ils ne fonctionnent plus', {exact: false}).waitFor();
    const page = await context.newPage();
    await page.goto(link);
    await page.locator('cpts-cartodispo').getByText('Ce lien n’est plus valide', {exact: false}).waitFor();
    await page.close();
  });

  it('imports a CSV file: every error by line first, then a preview, then for real', async () => {
    await manager().getByRole('button', {name: 'Importer un fichier CSV'}).click();
    const importer = manager().locator('cpts-practitioner-import');
    const csv = (commune: string) =>
      `profession;prenom;nom;commune_insee;telephone\ninfirmier;Paul;Import${LAST_NAME};62902;03 21 00 00 01\nsage_femme;Lise;Import${LAST_NAME};${commune};\n`;
    await importer.getByLabel('Fichier CSV').setInputFiles({name: 'praticiens.csv', mimeType: 'text/csv', buffer: Buffer.from(csv('99999'))});
    await importer.getByText('2 lignes de données', {exact: false}).waitFor();
    await importer.getByRole('button', {name: 'Vérifier le fichier'}).click();
    const errors = importer.locator('[part="errors"] tbody tr');
    await errors.first().waitFor();
    assert.equal(await errors.count(), 1);
    assert.equal((await errors.first().locator('td').first().textContent())?.trim(), '3');
    assert.deepEqual(await axeViolations(coordinator), []);

    await importer.getByRole('button', {name: 'Choisir un autre fichier'}).click();
    await importer.getByLabel('Fichier CSV').setInputFiles({name: 'praticiens.csv', mimeType: 'text/csv', buffer: Buffer.from(csv('62765'))});
    await importer.getByText('2 lignes de données', {exact: false}).waitFor();
    await importer.getByRole('button', {name: 'Vérifier le fichier'}).click();
    await importer.getByText('2 praticiens seront créés', {exact: false}).waitFor();
    // a dry run writes nothing
    await manager().getByLabel('Rechercher un praticien').fill(`Import${LAST_NAME}`);
    await manager().getByText('Aucun praticien ne correspond à votre recherche.').waitFor();
    assert.deepEqual(await axeViolations(coordinator), []);
    await importer.getByRole('button', {name: 'Importer 2 lignes'}).click();
    await importer.locator('[part="done"]').getByText('Import terminé : 2 créés', {exact: false}).waitFor();
    await manager().locator('tr[part="row"]').nth(1).waitFor();
    assert.equal(await manager().locator('tr[part="row"]').count(), 2);
    await manager().getByLabel('Rechercher un praticien').fill(LAST_NAME);
  });

  it('deactivates the practitioner, marked in the list, without a CSP violation or an error on the page', async () => {
    await act('Désactiver');
    await row().getByText('Désactivé', {exact: true}).waitFor();
    assert.deepEqual(problems.csp, []);
    assert.deepEqual(problems.errors, []);
  });
});
