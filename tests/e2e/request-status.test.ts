import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {Page} from 'playwright-core';
import {axeViolations, watchPageProblems} from './browser.js';
import {useDemoSite} from './site.js';
import {fillIntakeForm, REFERENCE} from './intake-steps.js';

/** Types a reference and a birth date into the status page's form, found by their labels, and sends them. */
async function lookUp(page: Page, reference: string, birth: {day: string; month: string; year: string}): Promise<void> {
  const widget = page.locator('cpts-request-status');
  await widget.getByLabel('Référence de la demande').fill(reference);
  const date = widget.getByRole('group', {name: /Date de naissance/});
  await date.getByLabel('Jour').fill(birth.day);
  await date.getByLabel('Mois').fill(birth.month);
  await date.getByLabel('Année').fill(birth.year);
  await widget.getByRole('button', {name: 'Voir où en est la demande'}).click();
}

describe('following a request from the commune page to the status page, through the real server', () => {
  const site = useDemoSite();
  const {at} = site;

  it('registers, then reads where the request stands with the right birth date, and the generic answer with a wrong one', async () => {
    const page = await site.browser.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(at('/examples/commune.html'));
    const birthDate = {day: '9', month: '11', year: '1944'};
    await fillIntakeForm(page, {lastName: 'Wizernoise-Essai', firstNames: 'Gisèle', birthDate, phone: '06 98 76 54 32'});
    await page.locator('cpts-intake-form').getByRole('button', {name: 'Envoyer ma demande'}).click();
    await page.locator('cpts-intake-form').getByText(REFERENCE).first().waitFor();
    const reference = (await page.locator('cpts-intake-form').getByText(REFERENCE).first().textContent())?.match(REFERENCE)?.[0];
    assert.ok(reference);
    assert.ok(!scripts.some((s) => /request-status|status-strings/.test(s)), `the intake page loads no status code: ${scripts.join(', ')}`);

    const problems = await watchPageProblems(page);
    // the receipt links to the status page (commune.html sets status-href)
    await page.locator('cpts-intake-form').getByRole('link', {name: 'Suivre la demande avec cette référence et la date de naissance'}).click();
    await page.waitForURL(/\/examples\/request-status\.html$/);
    await lookUp(page, reference.toLowerCase(), birthDate);
    const answer = page.locator('cpts-request-status').locator('[part~="answer"]');
    await answer.waitFor();
    assert.match((await answer.textContent()) ?? '', /Reçue le .+ La CPTS vous appellera/);
    assert.match((await answer.textContent()) ?? '', new RegExp(reference));
    assert.ok(!((await answer.textContent()) ?? '').includes('Wizernoise'), 'no personal data shown');
    assert.match((await answer.getByRole('link', {name: /Appeler la CPTS/}).getAttribute('href')) ?? '', /^tel:\+33\d{9}$/);

    await page.locator('cpts-request-status').getByRole('button', {name: 'Chercher une autre demande'}).click();
    await lookUp(page, reference, {...birthDate, day: '10'});
    await page.locator('cpts-request-status').getByText('Nous ne trouvons pas de demande avec ces informations.').waitFor();
    assert.deepEqual(problems.csp, [], 'no Content-Security-Policy or Trusted Types violation');
    assert.deepEqual(problems.errors, []);
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  });

  it('shows the step a coordinator moved the request to', async () => {
    const created = await fetch(at('/v1/territories/demo/intake-requests'), {
      method: 'POST',
      headers: {'content-type': 'application/json', 'idempotency-key': `e2e-${crypto.randomUUID()}`},
      body: JSON.stringify({
        requester: {kind: 'self'},
        person: {lastName: 'Helfaut-Essai', firstNames: 'Jules', birthDate: '1938-05-02', phone: '06 55 44 33 22', communeInsee: '62765'},
        situation: {reason: 'moved_in'},
        priority: {ald: 'no', cssAme: 'no', pregnancy: 'no', disability: 'no', homeVisits: 'no', chronicFollowUp: 'no'},
        consent: true,
      }),
    });
    assert.equal(created.status, 201);
    const {id, reference} = (await created.json()) as {id: string; reference: string};
    const moved = await fetch(at(`/v1/territories/demo/intake-requests/${id}/transitions`), {
      method: 'POST',
      headers: {'content-type': 'application/json', authorization: `Bearer ${site.server.demoToken}`},
      body: JSON.stringify({to: 'oriented'}),
    });
    assert.equal(moved.status, 200);

    const page = await site.browser.newPage();
    await page.goto(at('/examples/request-status.html'));
    await lookUp(page, reference, {day: '2', month: '5', year: '1938'});
    const answer = page.locator('cpts-request-status').locator('[part~="answer"]');
    await answer.waitFor();
    assert.match((await answer.textContent()) ?? '', /Orientée vers un médecin le/);
    await page.close();
  });
});
