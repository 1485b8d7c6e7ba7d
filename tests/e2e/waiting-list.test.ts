import assert from 'node:assert/strict';
import {readFile} from 'node:fs/promises';
import {describe, it} from 'node:test';
import type {Page} from 'playwright-core';
import {axeViolations, watchPageProblems} from './browser.js';
import {useDemoSite} from './site.js';
import {fillIntakeForm, REFERENCE} from './intake-steps.js';

/** A family name no demo request has, so the search finds this person only. */
const LAST_NAME = 'Vandenbussche';

/** Registers a person on the commune's page, as they would: each control found by its label. */
async function registerOnCommunePage(page: Page, at: (path: string) => string): Promise<string> {
  await page.goto(at('/examples/commune.html'));
  await fillIntakeForm(page, {lastName: LAST_NAME, firstNames: 'Odette', birthDate: {day: '4', month: '7', year: '1941'}, phone: '06 98 76 54 32'});
  const form = page.locator('cpts-intake-form');
  await form.getByRole('button', {name: 'Envoyer ma demande'}).click();
  await form.getByText(REFERENCE).first().waitFor();
  return (await form.getByText(REFERENCE).first().textContent())?.match(REFERENCE)?.[0] ?? '';
}

describe('the waiting list on the coordinator page, through the real server', () => {
  const site = useDemoSite();
  const {at} = site;

  it('finds a person registered on the commune page, logs a call, resolves the request, and exports it once', async () => {
    const person = await site.browser.newPage();
    const reference = await registerOnCommunePage(person, at);
    assert.match(reference, REFERENCE);
    await person.close();

    const page = await site.browser.newPage();
    const problems = await watchPageProblems(page);
    const urls: string[] = [];
    page.on('request', (request) => urls.push(request.url()));
    await page.goto(at('/examples/coordinator.html'));
    await site.signIn(page);
    const list = page.locator('cpts-waiting-list');
    await list.locator('[part="row"]').first().waitFor();
    assert.deepEqual(await axeViolations(page), []);

    // found by name: the search goes in a POST body, never in a URL
    await list.getByRole('searchbox', {name: 'Rechercher une personne'}).fill(LAST_NAME);
    await list.getByRole('button', {name: 'Rechercher', exact: true}).click();
    const open = list.getByRole('button', {name: `Ouvrir la demande de ${LAST_NAME.toUpperCase()} Odette`});
    await open.waitFor();
    assert.equal(await list.locator('[part="row"]').count(), 1);
    assert.ok(!urls.some((url) => url.includes(LAST_NAME)), 'no name in a URL');

    await open.click();
    await list.getByRole('heading', {name: new RegExp(`Demande ${reference}`)}).waitFor();
    // 70 or over: the criterion computed by the server shows
    await list.getByText('70 ans ou plus').first().waitFor();
    assert.deepEqual(await axeViolations(page), []);

    const actions = list.locator('cpts-intake-actions');
    await actions.getByLabel('Résultat').selectOption('reached');
    await actions.getByLabel('Note (facultatif)').first().fill('Jointe, cherche un médecin à Saint-Omer.');
    await actions.getByRole('button', {name: 'Noter un appel'}).click();
    await actions.getByText('Appel noté.').waitFor();
    await list
      .locator('[part="history"]')
      .getByText(/Appel · Personne jointe/)
      .waitFor();

    for (const [to, shown] of [
      ['oriented', 'Orientée'],
      ['resolved', 'Résolue'],
    ] as const) {
      await actions.getByLabel('Nouveau statut').selectOption(to);
      await actions.getByRole('button', {name: 'Changer le statut'}).click();
      await list.locator('[part="detail"] .badge').getByText(shown, {exact: true}).waitFor();
    }

    await list.getByRole('button', {name: 'Retour à la liste'}).click();
    await list.getByRole('button', {name: 'Revenir à la liste'}).click();
    await list.locator('[part="row"]').nth(1).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), list.getByRole('button', {name: 'Exporter en CSV'}).click()]);
    const csv = await readFile(await download.path(), 'utf8');
    assert.equal(csv.split(reference).length - 1, 1, 'the request is in the export once');
    assert.ok(csv.startsWith('\uFEFF'), 'UTF-8 with a BOM, for Excel');

    assert.deepEqual(problems.csp, []);
    assert.deepEqual(problems.errors, []);
    await page.close();
  });
});
