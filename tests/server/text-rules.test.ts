import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {ApiError, internshipOfferExample} from '@cpts-kit/contract';
import {engines} from './databases.js';
import {harness, type Harness} from './helpers.js';

function fieldsOf(res: {status: number; headers: Headers; body: unknown}): string[] {
  assert.equal(res.status, 400, JSON.stringify(res.body));
  assert.match(res.headers.get('Content-Type') ?? '', /^application\/problem\+json/);
  return (ApiError.parse(res.body).errors ?? []).map((e) => e.path);
}

for (const engine of await engines()) {
  describe(`text and link rules (${engine.name})`, () => {
    let h: Harness;
    before(async () => (h = await harness(engine)));
    after(async () => h.close());

    it('refuses a NUL in a public search with 400 naming q, on practitioners and offers', async () => {
      for (const path of [
        '/v1/territories/alpha/practitioners?q=a%00b',
        '/v1/territories/alpha/internship-offers?q=a%00b',
        '/v1/territories/alpha/internship-offers?discipline=%01',
      ]) {
        const res = await h.call('GET', path);
        assert.deepEqual(fieldsOf(res), [path.includes('discipline') ? 'discipline' : 'q']);
        assert.match(ApiError.parse(res.body).errors?.[0]?.message ?? '', /caractère de contrôle/);
      }
    });

    it('answers the message in English when asked', async () => {
      const res = await h.call('GET', '/v1/territories/alpha/practitioners?q=a%00b', {headers: {'Accept-Language': 'en'}});
      assert.deepEqual(fieldsOf(res), ['q']);
    });

    it('refuses control characters in one-line fields, naming them', async () => {
      assert.deepEqual(fieldsOf(await h.call('PATCH', '/v1/territories/alpha', {token: h.token, body: {name: 'CPTS\u0000Alpha'}})), ['name']);
      assert.deepEqual(fieldsOf(await h.call('PATCH', '/v1/territories/alpha', {token: h.token, body: {name: 'CPTS\nAlpha'}})), ['name']);
      const offer = await h.call('POST', '/v1/territories/alpha/internship-offers', {token: h.token, body: {...internshipOfferExample, title: 'Stage\u0085MSU'}});
      assert.deepEqual(fieldsOf(offer), ['title']);
      const practitioner = await h.call('POST', '/v1/territories/alpha/practitioners', {
        token: h.token,
        body: {profession: 'medecin_generaliste', firstName: 'Jeanne', lastName: 'Mar\u0000tin', communeInsee: '62765'},
      });
      assert.deepEqual(fieldsOf(practitioner), ['lastName']);
    });

    it('refuses a lone surrogate anywhere, and accepts emoji, RTL marks and combining accents', async () => {
      assert.deepEqual(fieldsOf(await h.call('PATCH', '/v1/territories/alpha', {token: h.token, body: {name: 'CPTS \ud83d'}})), ['name']);
      const ok = await h.call('PATCH', '/v1/territories/alpha', {token: h.token, body: {name: 'CPTS 🩺 \u200fالشفاء e\u0301'}});
      assert.equal(ok.status, 200);
      assert.equal(ok.body.name, 'CPTS 🩺 \u200fالشفاء e\u0301');
    });

    it('keeps line breaks and tabs in free text, normalising CR LF, and refuses NUL there', async () => {
      const description = 'Ligne 1\r\n\tLigne 2\rFin';
      const created = await h.call('POST', '/v1/territories/alpha/internship-offers', {token: h.token, body: {...internshipOfferExample, description}});
      assert.equal(created.status, 201);
      assert.equal(created.body.description, 'Ligne 1\n\tLigne 2\nFin');
      const refused = await h.call('POST', '/v1/territories/alpha/internship-offers', {token: h.token, body: {...internshipOfferExample, description: 'a\u0000b'}});
      assert.deepEqual(fieldsOf(refused), ['description']);
    });

    it('accepts https: links, and http: only for localhost', async () => {
      const privacyNotice = (url: string | null) => ({summary: 'Vos données servent à vous orienter.', url});
      assert.equal((await h.call('PATCH', '/v1/territories/alpha', {token: h.token, body: {website: 'https://cpts-alpha.fr/'}})).status, 200);
      assert.equal((await h.call('PATCH', '/v1/territories/alpha', {token: h.token, body: {website: 'http://localhost:8787/'}})).status, 200);
      for (const bad of [
        'javascript:alert(1)',
        'JAVASCRIPT:alert(1)',
        'data:text/html,x',
        'http://cpts-alpha.fr/',
        'https://user:pw@cpts-alpha.fr/',
        'ftp://cpts-alpha.fr/',
        'https://cpts\u0000.fr/',
      ]) {
        assert.deepEqual(fieldsOf(await h.call('PATCH', '/v1/territories/alpha', {token: h.token, body: {website: bad}})), ['website'], bad);
        assert.deepEqual(fieldsOf(await h.call('PATCH', '/v1/territories/alpha', {token: h.token, body: {privacyNotice: privacyNotice(bad)}})), ['privacyNotice.url'], bad);
      }
      assert.equal((await h.call('GET', '/v1/territories/alpha')).body.website, 'http://localhost:8787/');
    });

    it('refuses control characters in the cells and headers of an uploaded CSV, never 500', async () => {
      const upload = (path: string, text: string) => h.call('POST', `/v1/territories/alpha/${path}`, {token: h.token, body: text, headers: {'Content-Type': 'text/csv'}});
      const files: [string, string][] = [
        ['practitioners/import', 'nom;prénom;profession;code insee;adresse\nMar\u0000tin;Jeanne;Médecin généraliste;62765;1 rue\u0001 Haute\n'],
        ['practitioners/import', 'nom\u0000;prénom;profession;code insee\nMartin;Jeanne;Médecin généraliste;62765\n'],
        ['intake-requests/import', 'Nom;Prénom;Date de naissance;Téléphone;Commune;Notes\nDu\u0000pont;Jean;12/03/1948;06 11 22 33 44;62765;rappeler\u0000\n'],
        ['intake-requests/import', 'Nom;Prénom;Date de naissance;Commune\nDupont;Jean\ud800;12/03/1948;62765\n'],
      ];
      for (const [path, text] of files) {
        const res = await upload(path, text);
        assert.ok(res.status >= 400 && res.status < 500, `${path}: ${res.status} ${res.text}`);
        assert.match(res.headers.get('Content-Type') ?? '', /^application\/problem\+json/);
      }
    });

    it('refuses a malformed id, slug or token in the path with 4xx, never 500', async () => {
      for (const path of [
        '/v1/territories/alpha/practitioners/not-a-uuid',
        '/v1/territories/alpha/internship-offers/%00',
        '/v1/territories/al%00pha',
        '/v1/territories/alpha/intake-requests/%ff%fe',
      ]) {
        const res = await h.call('GET', path, {token: h.token});
        assert.ok(res.status >= 400 && res.status < 500, `${path}: ${res.status}`);
        assert.match(res.headers.get('Content-Type') ?? '', /^application\/problem\+json/);
      }
      const availability = await h.call('GET', '/v1/territories/alpha/availability', {headers: {Authorization: 'Bearer \u00ff\u00fe'}});
      assert.equal(availability.status, 401);
    });
  });
}
