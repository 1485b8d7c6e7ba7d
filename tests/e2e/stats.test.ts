import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {axeViolations, watchPageProblems} from './browser.js';
import {useDemoSite} from './site.js';

describe('the statistics and the impact sentence, through the real server', () => {
  const site = useDemoSite();
  const {at} = site;

  it('shows the demo territory’s figures, charts and tables on the coordinator page, under its strict CSP', async () => {
    const page = await site.browser.newPage();
    const problems = await watchPageProblems(page);
    await page.goto(at('/examples/coordinator.html'));
    await site.signIn(page);
    const stats = page.locator('cpts-stats');
    await stats.locator('[part="figures"]').waitFor();
    // the demo seeds waiting requests: the figures are the server's, not zeros
    const registered = await stats
      .locator('.figure', {has: page.locator('dt', {hasText: /^Personnes inscrites$/})})
      .locator('.value')
      .textContent();
    assert.ok(Number(registered?.replace(/\D/g, '')) > 0, `registered: ${registered}`);
    for (const name of ['Inscriptions et solutions trouvées, mois par mois', 'Personnes en attente pour 1 000 habitants, par commune']) {
      await stats.getByRole('img', {name}).waitFor();
    }
    assert.ok((await stats.locator('table[data-table="communes"] tbody tr').count()) > 10, 'every commune of the territory');
    assert.deepEqual(await axeViolations(page), []);

    // a period the server refuses: its French words by the field
    await stats.getByLabel('Au (inclus)').fill(`${new Date().getUTCFullYear() + 1}-01-31`);
    await stats.getByRole('button', {name: 'Afficher'}).click();
    await stats.locator('#st-to-error').waitFor();
    assert.match((await stats.locator('#st-to-error').textContent()) ?? '', /futur/);

    assert.deepEqual(problems.csp, [], 'no CSP or Trusted Types violation');
    assert.deepEqual(problems.errors, []);
  });

  it('says the territory’s impact in one sentence on the CPTS page', async () => {
    const page = await site.browser.newPage();
    const problems = await watchPageProblems(page);
    await page.goto(at('/examples/cpts.html'));
    const summary = page.locator('cpts-impact [part="summary"]');
    await summary.waitFor();
    assert.match(
      (await summary.textContent()) ?? '',
      /^Depuis \S+ \d{4}, (\d+|moins de 11) (personne s’est inscrite|personnes se sont inscrites) auprès de la CPTS ; .* médecin traitant/,
    );
    assert.deepEqual(problems.csp, []);
    assert.deepEqual(problems.errors, []);
  });
});
