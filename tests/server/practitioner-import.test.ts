import assert from 'node:assert/strict';
import {after, before, beforeEach, describe, it} from 'node:test';
import {ApiError, PractitionerImportResult} from '@cpts-kit/contract';
import {engines} from './databases.js';
import {harness, type Harness} from './helpers.js';
import {rpps, wrongKey} from './rpps.js';

/** Windows-1252 bytes of a text: Latin-1 for most letters, and the few cp1252 puts in 0x80–0x9F. */
function cp1252(text: string): Uint8Array {
  const special: Record<string, number> = {œ: 0x9c, Œ: 0x8c, '€': 0x80, '’': 0x92};
  return Uint8Array.from([...text].map((ch) => special[ch] ?? ch.charCodeAt(0)));
}

const withBom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);

const RPPS_A = rpps('1000345678');
const RPPS_B = rpps('1000111122');
const RPPS_C = rpps('1000222233');

for (const engine of await engines()) {
  describe(`CSV import of practitioners (${engine.name})`, () => {
    let h: Harness;
    before(async () => (h = await harness(engine)));
    after(() => h.close());
    beforeEach(async () => {
      await h.db.query("delete from practitioners where territory = 'alpha'");
      await h.db.query("delete from audit_log where action = 'practitioner.import'");
    });

    const upload = async (
      body: string | Uint8Array,
      {dryRun = false, token = h.token, contentType = 'text/csv'}: {dryRun?: boolean; token?: string | null; contentType?: string} = {},
    ) => {
      const headers: Record<string, string> = {'Content-Type': contentType};
      if (token) headers.Authorization = `Bearer ${token}`;
      const res = await h.app.request(`/v1/territories/alpha/practitioners/import${dryRun ? '?dryRun=true' : ''}`, {method: 'POST', headers, body: body as BodyInit});
      const text = await res.text();
      return {status: res.status, headers: res.headers, text, body: text ? JSON.parse(text) : undefined};
    };
    const imported = async (body: string | Uint8Array, options?: Parameters<typeof upload>[1]) => {
      const res = await upload(body, options);
      assert.equal(res.status, 200, res.text);
      return PractitionerImportResult.parse(res.body);
    };
    const rejected = async (body: string | Uint8Array, options?: Parameters<typeof upload>[1]) => {
      const res = await upload(body, options);
      assert.equal(res.status, 422, res.text);
      assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
      const problem = ApiError.parse(res.body);
      assert.equal(problem.code, 'import_invalid');
      return problem.errors ?? [];
    };
    const stored = () =>
      h.db.query<{
        rpps: string | null;
        profession: string;
        first_name: string;
        last_name: string;
        practice_name: string | null;
        address: string | null;
        commune_insee: string;
        phone: string | null;
        email: string | null;
        lat: number;
      }>(
        "select rpps, profession, first_name, last_name, practice_name, address, commune_insee, phone, email, lat from practitioners where territory = 'alpha' order by last_name, first_name",
      );
    const errorAt = (errors: ApiError['errors'] & {}, line: number, code: string) => {
      const found = errors.find((e) => e.line === line && e.code === code);
      assert.ok(found, `no ${code} on line ${line} in ${JSON.stringify(errors)}`);
      return found;
    };

    describe('reading the file', () => {
      it('reads a UTF-8 file with a BOM, semicolons and French headings, keeping accents', async () => {
        const csv = `RPPS;Profession;Prénom;Nom;Code INSEE;Téléphone;Adresse;E-mail\r\n${RPPS_A};Médecin généraliste;Hélène;Lefèvre;62765;03 21 38 00 00;Place de Saint-Omer;helene@example.fr\r\n`;
        const result = await imported(withBom(csv));
        assert.equal(result.encoding, 'utf-8');
        assert.equal(result.delimiter, ';');
        assert.deepEqual([result.created, result.updated, result.rows], [1, 0, 1]);
        assert.equal(result.dryRun, false);
        const [p] = await stored();
        assert.equal(p?.first_name, 'Hélène');
        assert.equal(p?.last_name, 'Lefèvre');
        assert.equal(p?.address, 'Place de Saint-Omer');
        assert.equal(p?.profession, 'medecin_generaliste');
        assert.equal(p?.rpps, RPPS_A);
        assert.ok(Math.abs(p.lat - 50.767) < 0.01, 'placed at the centre of Saint-Omer');
      });

      it('reads a Windows-1252 file with commas, as Excel writes it on a French Windows', async () => {
        const csv = `rpps,profession,prenom,nom,commune_insee,cabinet\r\n${RPPS_B},Sage-femme,Hélène,Dubœuf,62765,Maison de santé de Saint-Omer – Cœur\r\n`.replace('–', '-');
        const result = await imported(cp1252(csv));
        assert.equal(result.encoding, 'windows-1252');
        assert.equal(result.delimiter, ',');
        const [p] = await stored();
        assert.equal(p?.first_name, 'Hélène');
        assert.equal(p?.last_name, 'Dubœuf');
        assert.equal(p?.practice_name, 'Maison de santé de Saint-Omer - Cœur');
        assert.equal(p?.profession, 'sage_femme');
      });

      it('reads a UTF-8 file without BOM, with the contract field names as headings', async () => {
        const result = await imported(`rpps;profession;firstName;lastName;communeInsee\n${RPPS_C};infirmier;Élodie;Saint-Omer;62040\n`);
        assert.equal(result.encoding, 'utf-8');
        assert.equal((await stored())[0]?.last_name, 'Saint-Omer');
      });

      it('reads quoted fields holding the delimiter, line breaks and quotes, and counts lines as the spreadsheet does', async () => {
        const csv = [
          'nom;prénom;profession;code insee;adresse',
          'Martin;Paul;kiné;62765;"12; rue ""du Moulin""\n62500 Saint-Omer"',
          '"Durand";"Anne-Sophie";"Orthophoniste";"62691";"Rue unique"',
          'Petit;Jean;astronaute;62765;',
        ].join('\r\n');
        const errors = await rejected(csv);
        // the address of line 2 spans two text lines, yet the bad profession is on spreadsheet row 4
        assert.equal(errors.length, 1, JSON.stringify(errors));
        errorAt(errors, 4, 'unknown_profession');
        const result = await imported(csv.split('\r\n').slice(0, 3).join('\r\n'));
        assert.equal(result.created, 2);
        const rows = await stored();
        assert.equal(rows.find((r) => r.last_name === 'Martin')?.address, '12; rue "du Moulin"\n62500 Saint-Omer');
        assert.equal(rows.find((r) => r.last_name === 'Durand')?.profession, 'orthophoniste');
      });

      it('takes professions as codes or French labels, in any case and with or without accents', async () => {
        const lines = [
          'Profession;Prénom;Nom;INSEE',
          'MASSEUR-KINÉSITHÉRAPEUTE;A;Un;62765',
          'pedicure_podologue;B;Deux;62765',
          'Infirmière;C;Trois;62765',
          'Pharmacien(ne);D;Quatre;62765',
          'IPA;E;Cinq;62765',
        ];
        await imported(lines.join('\n'));
        const byName = Object.fromEntries((await stored()).map((r) => [r.last_name, r.profession]));
        assert.deepEqual(byName, {Un: 'masseur_kinesitherapeute', Deux: 'pedicure_podologue', Trois: 'infirmier', Quatre: 'pharmacien', Cinq: 'ipa'});
      });

      it('repairs what spreadsheets do to numbers: the leading zero of a phone number', async () => {
        await imported('profession;prenom;nom;code insee;telephone\nmedecin_generaliste;Luc;Moreau;62765;321380000\n');
        assert.equal((await stored())[0]?.phone, '0321380000');
      });

      it('ignores unknown columns and says so in the warnings', async () => {
        const result = await imported('profession;prenom;nom;code insee;Secteur conventionnel;\nmedecin_generaliste;Luc;Moreau;62765;1;\n');
        assert.deepEqual(
          result.warnings.map((w) => [w.code, w.column, w.line]),
          [['unknown_column', 'Secteur conventionnel', 1]],
        );
        assert.deepEqual(
          result.columns.map((c) => c.field),
          ['profession', 'firstName', 'lastName', 'communeInsee', null, null],
        );
      });

      it('finds the header under a title line, and says the title was skipped', async () => {
        const result = await imported('Praticiens de la CPTS, mars 2026\n\nprofession,prenom,nom,code insee\nmedecin_generaliste,Luc,Moreau,62765\n');
        assert.equal(result.delimiter, ',');
        assert.equal(result.created, 1);
        assert.deepEqual(
          result.warnings.map((w) => [w.line, w.code]),
          [[1, 'skipped_line']],
        );
      });

      it('follows Excel’s sep= line, keeping the line numbers', async () => {
        const errors = await rejected('sep=,\r\nprofession,prenom,nom,code insee\r\nastronaute,Luc;Moreau,Roux,62765\r\n');
        errorAt(errors, 3, 'unknown_profession');
      });

      it('skips blank lines and keeps counting them', async () => {
        const errors = await rejected('profession;prenom;nom;code insee\n;;;\nmedecin_generaliste;Luc;Moreau;62765\n\nastronaute;Zoé;Roux;62765\n');
        errorAt(errors, 5, 'unknown_profession');
      });
    });

    describe('checking every line', () => {
      it('reports every bad line with its line number and column, and stores nothing', async () => {
        const csv = [
          'RPPS;Profession;Prénom;Nom;Code INSEE',
          `${RPPS_A};medecin_generaliste;Hélène;Valide;62765`,
          `${RPPS_B};astronaute;Marc;Profession;62765`,
          `;infirmier;Julie;Commune;59350`,
          `${wrongKey(RPPS_C)};infirmier;Paul;Cle;62765`,
          `${RPPS_A};infirmier;Anne;Doublon;62765`,
        ].join('\n');
        const errors = await rejected(csv);
        assert.equal(errorAt(errors, 3, 'unknown_profession').column, 'Profession');
        const commune = errorAt(errors, 4, 'unknown_commune');
        assert.equal(commune.column, 'Code INSEE');
        assert.equal(commune.path, 'lines.4.communeInsee');
        assert.equal(errorAt(errors, 5, 'invalid_rpps').column, 'RPPS');
        assert.match(errorAt(errors, 6, 'duplicate_rpps').message, /ligne 2/);
        assert.equal(errors.length, 4);
        for (const e of errors) assert.ok(e.message.length > 0 && !/invalid input/i.test(e.message), e.message);
        assert.deepEqual(await stored(), [], 'all or nothing: the good line 2 is not stored either');
      });

      it('lists the first 1,000 errors and counts the rest, and refuses a file over 50,000 lines at once', async () => {
        const bad = ['rpps;profession;prenom;nom;commune_insee', ...Array.from({length: 1_500}, (_, i) => `;astronaute;P${i};N${i};62765`)].join('\n');
        const errors = await rejected(bad);
        assert.equal(errors.length, 1_001);
        assert.match(errors.at(-1)!.message, /500 autre\(s\) erreur\(s\)/);
        const huge = ['rpps;profession;prenom;nom;commune_insee', ...Array.from({length: 50_001}, () => ';x;a;b;1')].join('\n');
        const tooMany = await rejected(huge);
        assert.deepEqual(
          tooMany.map((e) => e.code),
          ['too_many_rows'],
        );
        assert.deepEqual(await stored(), []);
      });

      it('reports missing required fields, bad e-mail and phone, an RPPS too short', async () => {
        const errors = await rejected(
          ['rpps;profession;prenom;nom;code insee;email;telephone', `123;medecin_generaliste;;Nom;62765;pas-un-mail;03 21`, `;;Luc;;;;`].join('\n'),
        );
        errorAt(errors, 2, 'invalid_rpps');
        assert.equal(errorAt(errors, 2, 'required').path, 'lines.2.firstName');
        errorAt(errors, 2, 'invalid_email');
        errorAt(errors, 2, 'invalid_phone');
        assert.deepEqual(
          errors
            .filter((e) => e.line === 3)
            .map((e) => e.path)
            .sort(),
          ['lines.3.communeInsee', 'lines.3.lastName', 'lines.3.profession'],
        );
      });

      it('names the commune when a postal code was given instead of the INSEE code', async () => {
        const errors = await rejected('profession;prenom;nom;code insee\nmedecin_generaliste;Luc;Moreau;62500\n');
        assert.match(errorAt(errors, 2, 'unknown_commune').message, /code postal.*Saint-Omer.*62765/);
      });

      it('refuses a file missing a required column, once, on the header', async () => {
        const errors = await rejected('prenom;nom;code insee\nLuc;Moreau;62765\nAnne;Roux;62765\n');
        assert.deepEqual(
          errors.map((e) => [e.line, e.code, e.path]),
          [[1, 'missing_column', 'lines.1.profession']],
        );
      });

      it('refuses a line with more cells than columns, as when an address holds an unquoted comma', async () => {
        const errors = await rejected('profession,prenom,nom,code insee,adresse\nmedecin_generaliste,Luc,Moreau,62765,12, rue Haute\n');
        errorAt(errors, 2, 'too_many_cells');
      });

      it('refuses an empty file, and a header with no line under it', async () => {
        assert.equal((await rejected(''))[0]?.code, 'empty_file');
        assert.equal((await rejected('\r\n\r\n'))[0]?.code, 'empty_file');
        const headerOnly = await rejected('profession;prenom;nom;code insee\n');
        assert.deepEqual(
          headerOnly.map((e) => [e.path, e.code]),
          [['file', 'empty_file']],
        );
      });

      it('refuses bytes that are neither UTF-8 nor Windows-1252, and a spreadsheet sent as such', async () => {
        const broken = new Uint8Array([
          ...new TextEncoder().encode('profession;prenom;nom;code insee\nmedecin_generaliste;H'),
          0xc3,
          0x81,
          0x81,
          ...new TextEncoder().encode('l;Roux;62765\n'),
        ]);
        const errors = await rejected(broken);
        assert.deepEqual(
          errors.map((e) => [e.path, e.code]),
          [['file', 'invalid_encoding']],
        );
        assert.equal((await rejected(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])))[0]?.code, 'not_csv');
      });

      it('refuses a quote that is never closed, on the line where it opens', async () => {
        const errors = await rejected('profession;prenom;nom;code insee;adresse\nmedecin_generaliste;Luc;Moreau;62765;"12 rue\n');
        errorAt(errors, 2, 'unclosed_quote');
      });
    });

    describe('writing', () => {
      it('updates the practitioner with the same RPPS instead of adding a second one, keeping what blank cells leave out', async () => {
        const first = await imported(
          `rpps;profession;prenom;nom;code insee;telephone;email\n${RPPS_A};medecin_generaliste;Claire;Lefebvre;62765;03 21 38 00 00;claire@example.fr\n${RPPS_B};infirmier;Paul;Roux;62040;;\n`,
        );
        assert.deepEqual([first.created, first.updated], [2, 0]);
        const again = await imported(
          `rpps;profession;prenom;nom;code insee;telephone;email\n${RPPS_A};medecin_generaliste;Claire;Lefebvre-Martin;62765;03 21 99 99 99;\n${RPPS_B};infirmier;Paul;Roux;62691;;\n${RPPS_C};sage_femme;Zoé;Blanc;62765;;\n`,
        );
        assert.deepEqual([again.created, again.updated], [1, 2]);
        assert.deepEqual(
          again.preview.map((r) => [r.line, r.action, r.id !== null]),
          [
            [2, 'update', true],
            [3, 'update', true],
            [4, 'create', false],
          ],
        );
        const rows = await stored();
        assert.equal(rows.length, 3);
        const claire = rows.find((r) => r.rpps === RPPS_A)!;
        assert.equal(claire.last_name, 'Lefebvre-Martin');
        assert.equal(claire.phone, '03 21 99 99 99');
        assert.equal(claire.email, 'claire@example.fr', 'a blank cell keeps the e-mail');
        const paul = rows.find((r) => r.rpps === RPPS_B)!;
        assert.equal(paul.commune_insee, '62691');
        assert.ok(Math.abs(paul.lat - 50.65) < 0.01, 'moved to the centre of the new commune');
      });

      it('writes nothing on a dry run, and answers what would be done with a preview', async () => {
        await imported(`rpps;profession;prenom;nom;code insee\n${RPPS_A};medecin_generaliste;Claire;Lefebvre;62765\n`);
        const lines = [`rpps;profession;prenom;nom;code insee`, `${RPPS_A};medecin_generaliste;Claire;Autre;62765`];
        for (let i = 0; i < 30; i++) lines.push(`;infirmier;Prénom${i};Nom${i};62040`);
        const result = await imported(lines.join('\n'), {dryRun: true});
        assert.equal(result.dryRun, true);
        assert.deepEqual([result.rows, result.created, result.updated], [31, 30, 1]);
        assert.equal(result.preview.length, 20);
        assert.deepEqual(result.preview[0], {
          line: 2,
          action: 'update',
          id: result.preview[0]!.id,
          practitioner: {rpps: RPPS_A, profession: 'medecin_generaliste', firstName: 'Claire', lastName: 'Autre', communeInsee: '62765'},
        });
        const rows = await stored();
        assert.deepEqual(
          rows.map((r) => r.last_name),
          ['Lefebvre'],
        );
        const [audited] = await h.db.query<{count: number}>("select count(*)::int as count from audit_log where action = 'practitioner.import'");
        assert.equal(audited?.count, 1, 'only the real import is audited');
      });

      it('answers 422 to a dry run of a bad file, as the import would', async () => {
        await rejected('profession;prenom;nom;code insee\nastronaute;Luc;Moreau;62765\n', {dryRun: true});
      });

      it('logs the import in the audit log, with the counts and who did it', async () => {
        await imported(`rpps;profession;prenom;nom;code insee\n${RPPS_A};medecin_generaliste;Claire;Lefebvre;62765\n`);
        const [entry] = await h.db.query<{actor: string; territory: string; details: {created: number; updated: number; sha256: string}}>(
          "select actor, territory, details from audit_log where action = 'practitioner.import'",
        );
        assert.equal(entry?.territory, 'alpha');
        assert.match(entry.actor, /^coordinat/);
        assert.equal(entry?.details.created, 1);
        assert.match(entry.details.sha256, /^[0-9a-f]{64}$/);
      });

      it('imports a file of 2,000 practitioners', async () => {
        const lines = ['rpps;profession;prenom;nom;code insee;telephone'];
        for (let i = 0; i < 2000; i++)
          lines.push(
            `${rpps(String(2_000_000_000 + i))};infirmier;Prénom ${i};Nom ${i};${['62765', '62040', '62691'][i % 3]};03 21 00 ${String(i % 100).padStart(2, '0')} 00`,
          );
        const result = await imported(lines.join('\r\n'));
        assert.deepEqual([result.created, result.updated], [2000, 0]);
        const [count] = await h.db.query<{count: number}>("select count(*)::int as count from practitioners where territory = 'alpha'");
        assert.equal(count?.count, 2000);
        const again = await imported(lines.join('\r\n'));
        assert.deepEqual([again.created, again.updated], [0, 2000]);
      });
    });

    describe('access and limits', () => {
      const csv = `profession;prenom;nom;code insee\nmedecin_generaliste;Luc;Moreau;62765\n`;

      it('answers 401 without a coordinator token, or with another territory’s', async () => {
        assert.equal((await upload(csv, {token: null})).status, 401);
        assert.equal((await upload(csv, {token: h.betaToken})).status, 401);
        assert.deepEqual(await stored(), []);
      });

      it('takes files far above the 64 KB JSON limit, and answers 413 over 5 MB', async () => {
        const big = `profession;prenom;nom;code insee;adresse\n${`medecin_generaliste;Luc;Moreau;62765;${'x'.repeat(250)}\n`.repeat(400)}`;
        assert.ok(big.length > 64 * 1024);
        assert.equal((await imported(big)).created, 400);
        const huge = await upload(`${csv}${'#'.repeat(5 * 1024 * 1024)}`);
        assert.equal(huge.status, 413);
        assert.equal(ApiError.parse(huge.body).code, 'payload_too_large');
      });

      it('answers 415 to JSON or a multipart form', async () => {
        assert.equal((await upload(JSON.stringify({csv}), {contentType: 'application/json'})).status, 415);
        assert.equal((await upload(csv, {contentType: 'multipart/form-data; boundary=x'})).status, 415);
      });

      it('accepts the content types browsers give a .csv file', async () => {
        assert.equal((await upload(csv, {contentType: 'application/vnd.ms-excel'})).status, 200);
      });
    });
  });

  describe(`one RPPS per practitioner in a territory (${engine.name})`, () => {
    let h: Harness;
    before(async () => (h = await harness(engine)));
    after(() => h.close());
    const create = (body: Record<string, unknown>, token = h.token) =>
      h.call('POST', `/v1/territories/${token === h.token ? 'alpha' : 'beta'}/practitioners`, {
        token,
        body: {profession: 'medecin_generaliste', firstName: 'A', lastName: 'B', communeInsee: token === h.token ? '62765' : '59350', ...body},
      });

    it('refuses to create a second practitioner with the same RPPS, naming the field', async () => {
      assert.equal((await create({rpps: RPPS_A})).status, 201);
      const again = await create({rpps: RPPS_A});
      assert.equal(again.status, 409);
      assert.deepEqual(
        again.body.errors.map((e: {path: string; code: string}) => [e.path, e.code]),
        [['rpps', 'rpps_taken']],
      );
    });

    it('lets another territory have the same RPPS', async () => {
      assert.equal((await create({rpps: RPPS_A}, h.betaToken)).status, 201);
    });

    it('refuses to patch a practitioner to an RPPS someone else has, but accepts their own', async () => {
      const other = await create({rpps: RPPS_B});
      assert.equal(other.status, 201);
      const taken = await h.call('PATCH', `/v1/territories/alpha/practitioners/${other.body.id}`, {token: h.token, body: {rpps: RPPS_A}});
      assert.equal(taken.status, 409);
      assert.equal(taken.body.errors[0].path, 'rpps');
      const same = await h.call('PATCH', `/v1/territories/alpha/practitioners/${other.body.id}`, {token: h.token, body: {rpps: RPPS_B, phone: '03 21 00 00 01'}});
      assert.equal(same.status, 200, same.text);
    });

    it('refuses an RPPS with a wrong key on patch, as on create', async () => {
      const p = await create({});
      const res = await h.call('PATCH', `/v1/territories/alpha/practitioners/${p.body.id}`, {token: h.token, body: {rpps: wrongKey(RPPS_C)}});
      assert.equal(res.status, 400);
      assert.equal(res.body.errors[0].path, 'rpps');
    });
  });
}
