import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {axeViolations, watchPageProblems} from './browser.js';
import {useDemoSite} from './site.js';

describe('the CPTS example page, served by the reference server', () => {
  const site = useDemoSite();
  const {at} = site;

  it('shows the demo territory’s name, phone and e-mail from the server', async () => {
    const page = await site.browser.newPage();
    const problems = await watchPageProblems(page);
    await page.goto(at('/examples/cpts.html'));
    const contact = page.locator('cpts-territory-contact');
    const territory = (await (await fetch(at('/v1/territories/demo'))).json()) as {name: string; phone: string; email: string};
    await contact.getByText(territory.name).waitFor();
    const phone = contact.getByRole('link', {name: /\d\d \d\d \d\d \d\d \d\d/});
    assert.match((await phone.getAttribute('href')) ?? '', /^tel:\+?\d+$/);
    assert.equal(await contact.getByRole('link', {name: territory.email}).getAttribute('href'), `mailto:${territory.email}`);
    assert.deepEqual(problems.errors, []);
    assert.deepEqual(problems.csp, []);
    await page.close();
  });

  it('reflects a coordinator’s change of phone number on the next visit', async () => {
    const token = site.server.demoToken;
    assert.ok(token, 'the demo server gives a coordinator token');
    const res = await fetch(at('/v1/territories/demo'), {
      method: 'PATCH',
      headers: {'content-type': 'application/json', authorization: `Bearer ${token}`},
      body: JSON.stringify({phone: '03 21 12 34 56'}),
    });
    assert.equal(res.status, 200);
    const page = await site.browser.newPage();
    await page.goto(at('/examples/cpts.html'));
    await page.locator('cpts-territory-contact').getByText('03 21 12 34 56').waitFor();
    await page.close();
  });

  it('passes axe-core checks with the widget rendered', async () => {
    const page = await site.browser.newPage();
    await page.goto(at('/examples/cpts.html'));
    await page.locator('cpts-territory-contact').getByRole('link').first().waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  });

  it('lists the example pages at the root', async () => {
    const page = await site.browser.newPage();
    await page.goto(at('/'));
    assert.ok((await page.getByRole('link', {name: /CPTS/i}).count()) > 0);
    await page.close();
  });
});
