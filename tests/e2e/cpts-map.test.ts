import assert from 'node:assert/strict';
import {before, describe, it} from 'node:test';
import type {Locator, Page} from 'playwright-core';
import {axeViolations, watchPageProblems} from './browser.js';
import {useDemoSite} from './site.js';

type Box = {x: number; y: number; width: number; height: number};
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The map as a person looking for a doctor sees it on the CPTS page (no tiles: they cannot load here). */
async function openMap(page: Page, url: string): Promise<Locator> {
  await page.goto(url);
  const map = page.locator('cpts-availability-map');
  await map.locator('.leaflet-marker-icon').first().waitFor();
  await map.evaluate((el) => (el as HTMLElement & {mapSettled(): Promise<void>}).mapSettled());
  return map;
}

const markerTotal = (map: Locator) =>
  map.evaluate((el) => {
    const root = el.shadowRoot!;
    const clusters = [...root.querySelectorAll<HTMLElement>('.leaflet-marker-icon.cluster')].reduce((n, c) => n + Number(c.dataset['count']), 0);
    return clusters + root.querySelectorAll('.leaflet-marker-icon.pin').length;
  });

describe('the map on the CPTS example page, read by a person looking for a doctor', () => {
  const site = useDemoSite();
  const {at} = site;

  it('shows, under a heading that says so, only those who accept new patients, and everyone on request', async () => {
    const page = await site.browser.newPage({viewport: {width: 1280, height: 900}});
    const problems = await watchPageProblems(page);
    const map = await openMap(page, at('/examples/cpts.html'));
    await map.getByRole('heading', {name: 'Professionnels qui acceptent de nouveaux patients'}).waitFor();
    const list = map.locator('[part="list"]');
    assert.equal(await list.getByText('N’accepte pas de nouveaux patients').count(), 0);
    const accepting = Number((await map.locator('.count').innerText()).match(/^\d+/)?.[0]);
    assert.equal(await markerTotal(map), accepting, 'the map and the list count the same');

    await map.getByLabel('Seulement ceux qui acceptent de nouveaux patients').uncheck();
    await map.getByRole('heading', {name: /qu’ils acceptent ou non/}).waitFor();
    await map.evaluate((el) => (el as HTMLElement & {mapSettled(): Promise<void>}).mapSettled());
    const everyone = Number((await map.locator('.count').innerText()).match(/^\d+/)?.[0]);
    assert.ok(everyone > accepting, `${everyone} > ${accepting}`);
    assert.equal(await markerTotal(map), everyone);
    assert.deepEqual(problems.errors, []);
    assert.deepEqual(problems.csp, []);
    await page.close();
  });

  it('explains the markers in a legend, in words', async () => {
    const page = await site.browser.newPage({viewport: {width: 1280, height: 900}});
    const map = await openMap(page, at('/examples/cpts.html'));
    await map.getByLabel('Seulement ceux qui acceptent de nouveaux patients').uncheck();
    const legend = map.getByRole('list', {name: 'Légende'});
    for (const words of ['Accepte de nouveaux patients', 'Accepte quelques nouveaux patients', 'N’accepte pas de nouveaux patients', 'Groupe de professionnels proches']) {
      assert.equal(await legend.getByText(words, {exact: words !== 'Groupe de professionnels proches'}).count(), 1, words);
    }
    await page.close();
  });

  it('names the communes without covering a marker or another name', async () => {
    const page = await site.browser.newPage({viewport: {width: 1280, height: 900}});
    const map = await openMap(page, at('/examples/cpts.html'));
    const names = map.locator('.commune-name');
    assert.ok((await names.count()) > 0);
    assert.equal(await map.locator('.commune-name', {hasText: /^Saint-Omer$/}).count(), 1, 'the largest town is named');
    const boxes = await names.evaluateAll((els): Box[] =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return {x: r.x, y: r.y, width: r.width, height: r.height};
      }),
    );
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) assert.ok(!overlap(boxes[i]!, boxes[j]!), `names ${i} and ${j} overlap`);
    // where a name and a marker meet, the marker is drawn on top
    const covered = await map.evaluate((el) => {
      const root = el.shadowRoot!;
      const hidden: string[] = [];
      for (const marker of root.querySelectorAll<HTMLElement>('.leaflet-marker-icon.pin, .leaflet-marker-icon.cluster')) {
        const r = marker.getBoundingClientRect();
        const top = root.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
        if (top && top.closest('.commune-label')) hidden.push(marker.getAttribute('aria-label') ?? '');
      }
      return hidden;
    });
    assert.deepEqual(covered, []);
    await page.close();
  });

  it('passes axe-core checks with the map, its legend and its list', async () => {
    const page = await site.browser.newPage({viewport: {width: 1280, height: 900}});
    const map = await openMap(page, at('/examples/cpts.html'));
    await map.getByLabel('Seulement ceux qui acceptent de nouveaux patients').uncheck();
    await map.evaluate((el) => (el as HTMLElement & {mapSettled(): Promise<void>}).mapSettled());
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  });
});

describe('the map of a large territory, clustered by the server', () => {
  const site = useDemoSite();
  const {at} = site;
  const COUNT = 3_000;

  before(async () => {
    // a regional network: more practitioners than one page, spread around the demo communes
    await site.server.db.query(
      `insert into practitioners (id, territory, profession, first_name, last_name, commune_insee, lat, lng)
       select gen_random_uuid(), 'demo', 'medecin_generaliste', 'Prénom', 'Région' || lpad(i::text, 5, '0'), '62765', 50.6 + (i % 60) * 0.005, 2.05 + (i / 60) * 0.009
         from generate_series(1, $1::int) as i`,
      [COUNT],
    );
    await site.server.db.query(
      `insert into availability_declarations (id, practitioner_id, declaration, visibility, declared_by)
       select gen_random_uuid(), p.id, jsonb_build_object('accepting', case when right(p.last_name, 1) in ('0', '1', '2') then 'no' else 'yes' end, 'monthlyQuota', null,
                'patientScope', jsonb_build_array('all'), 'scopeCommunes', jsonb_build_array(), 'homeVisits', false, 'homeVisitCommunes', jsonb_build_array(),
                'snpSlotsThisWeek', 0, 'teleconsultation', false, 'hostsInterns', false, 'visibility', 'public', 'noteForCoordinator', null),
              'public', 'practitioner'
         from practitioners p where p.last_name like 'Région%'`,
    );
  });

  it('draws the server’s clusters, counts them in the list, and pages the list', async () => {
    const page = await site.browser.newPage({viewport: {width: 1280, height: 900}});
    const problems = await watchPageProblems(page);
    const views: string[] = [];
    page.on('request', (r) => (r.url().includes('/practitioners/map?') ? views.push(r.url()) : undefined));
    const map = await openMap(page, at('/examples/cpts.html'));
    assert.ok(views.length > 0, 'the map asks the server for its view');
    const total = Number((await map.locator('.count').innerText()).match(/^\d+/)?.[0]);
    assert.ok(total > 500, String(total));
    assert.equal(await markerTotal(map), total, 'the clusters add up to the list’s count');
    assert.equal(await map.locator('[part="list-item"]').count(), 50);
    await map.getByRole('button', {name: /^Afficher plus/}).click();
    await map.locator('[part="list-item"]').nth(99).waitFor();
    // a cluster says how many in it accept
    assert.match(
      (await map.locator('.leaflet-marker-icon.cluster').first().getAttribute('aria-label')) ?? '',
      /^\d+ professionnels, dont \d+ acceptent? de nouveaux patients : zoomer$/,
    );
    const zoom = new URL(views.at(-1)!).searchParams.get('zoom');
    const zoomed = page.waitForRequest((r) => r.url().includes('/practitioners/map?') && new URL(r.url()).searchParams.get('zoom') !== zoom);
    await map.getByRole('button', {name: 'Zoomer', exact: true}).click();
    await zoomed;
    assert.deepEqual(problems.errors, []);
    assert.deepEqual(problems.csp, []);
    await page.close();
  });
});
