import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
  AvailabilityDeclaration,
  FrenchPhone,
  InseeCode,
  IntakeRequestCreate,
  isValidRpps,
  PractitionerCreate,
  TerritoryPatch,
  type IntakeRequestCreate as IntakeRequestCreateType,
} from '@cpts-kit/contract';

const valid: IntakeRequestCreateType = {
  requester: {kind: 'self'},
  person: {lastName: 'Dupont', firstNames: 'Marie', birthDate: '1948-03-12', phone: '06 12 34 56 78', communeInsee: '62765'},
  situation: {reason: 'gp_retired'},
  priority: {ald: 'yes', cssAme: 'no', pregnancy: 'no', disability: 'unknown', homeVisits: 'yes', chronicFollowUp: 'yes'},
  consent: true,
};

const pathsOf = (result: {success: boolean; error?: {issues: Array<{path: PropertyKey[]}>}}) => (result.error?.issues ?? []).map((i) => i.path.join('.'));

describe('IntakeRequestCreate', () => {
  it('accepts a complete registration', () => {
    assert.equal(IntakeRequestCreate.safeParse(valid).success, true);
  });

  it('asks for a phone when neither phone nor e-mail is given, on the phone field', () => {
    const {phone: _phone, ...person} = valid.person;
    assert.deepEqual(pathsOf(IntakeRequestCreate.safeParse({...valid, person})), ['person.phone']);
  });

  it('accepts an e-mail instead of a phone', () => {
    const {phone: _phone, ...person} = valid.person;
    assert.equal(IntakeRequestCreate.safeParse({...valid, person: {...person, email: 'marie@example.fr'}}).success, true);
  });

  it('asks a helper for their name and phone', () => {
    const result = IntakeRequestCreate.safeParse({...valid, requester: {kind: 'pharmacist'}});
    assert.deepEqual(pathsOf(result).sort(), ['requester.name', 'requester.phone']);
  });

  it('asks for details when the reason is "other"', () => {
    assert.deepEqual(pathsOf(IntakeRequestCreate.safeParse({...valid, situation: {reason: 'other'}})), ['situation.reasonOther']);
  });

  it('refuses a birth date in the future', () => {
    const next = `${new Date().getUTCFullYear() + 1}-01-01`;
    assert.deepEqual(pathsOf(IntakeRequestCreate.safeParse({...valid, person: {...valid.person, birthDate: next}})), ['person.birthDate']);
  });

  it('refuses a form without consent', () => {
    assert.deepEqual(pathsOf(IntakeRequestCreate.safeParse({...valid, consent: false})), ['consent']);
  });

  it('refuses unknown fields, such as a social security number', () => {
    const result = IntakeRequestCreate.safeParse({...valid, person: {...valid.person, nir: '1480362765123'}});
    assert.equal(result.success, false);
  });

  it('refuses a comment over 1,000 characters', () => {
    assert.deepEqual(pathsOf(IntakeRequestCreate.safeParse({...valid, comment: 'a'.repeat(1001)})), ['comment']);
  });

  it('refuses a filled honeypot', () => {
    assert.deepEqual(pathsOf(IntakeRequestCreate.safeParse({...valid, website: 'http://spam.example'})), ['website']);
  });
});

describe('field formats', () => {
  it('reads French phone numbers as people write them', () => {
    for (const phone of ['03 21 00 00 00', '0321000000', '03.21.00.00.00', '+33 3 21 00 00 00', '+33321000000', '0033 3 21 00 00 00']) {
      assert.equal(FrenchPhone.safeParse(phone).success, true, phone);
    }
    for (const phone of ['12345', '03 21 00 00', '+44 20 7946 0000', 'zéro trois']) {
      assert.equal(FrenchPhone.safeParse(phone).success, false, phone);
    }
  });

  it('knows INSEE codes, Corsica included', () => {
    for (const code of ['62765', '2A004', '2B033', '01001']) assert.equal(InseeCode.safeParse(code).success, true, code);
    for (const code of ['6276', '2C004', 'abcde']) assert.equal(InseeCode.safeParse(code).success, false, code);
  });

  it('checks the RPPS control key', () => {
    assert.equal(isValidRpps('10003456786'), true);
    assert.equal(isValidRpps('10003456787'), false);
    assert.equal(isValidRpps('1000345678'), false);
    const base = {profession: 'medecin_generaliste', firstName: 'Claire', lastName: 'Lefebvre', communeInsee: '62765'};
    assert.deepEqual(pathsOf(PractitionerCreate.safeParse({...base, rpps: '10003456787'})), ['rpps']);
  });

  it('bounds a territory’s retention period', () => {
    assert.deepEqual(pathsOf(TerritoryPatch.safeParse({retentionDays: 5})), ['retentionDays']);
    assert.equal(TerritoryPatch.safeParse({retentionDays: 365}).success, true);
  });

  it('needs at least one kind of patient in a declaration', () => {
    const declaration = {
      accepting: 'yes',
      monthlyQuota: null,
      patientScope: [],
      scopeCommunes: [],
      homeVisits: false,
      homeVisitCommunes: [],
      snpSlotsThisWeek: 0,
      teleconsultation: false,
      hostsInterns: false,
      visibility: 'public',
      noteForCoordinator: null,
    };
    assert.deepEqual(pathsOf(AvailabilityDeclaration.safeParse(declaration)), ['patientScope']);
  });
});
