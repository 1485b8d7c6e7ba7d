import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {WebUrl, addressText, hasForbiddenCharacter, isWebUrl, lineText, longText, shortText} from '@cpts-kit/contract';

const messages = (result: {success: boolean; error?: {issues: {message: string}[]}}) => result.error?.issues.map((i) => i.message) ?? [];

describe('the contract’s text rules', () => {
  it('refuses every control character in a one-line field, with one French message', () => {
    for (const bad of ['a\u0000b', 'a\tb', 'a\nb', 'a\u007fb', 'a\u0085b', 'a\u009fb']) {
      const result = shortText(50).safeParse(bad);
      assert.equal(result.success, false, JSON.stringify(bad));
      assert.deepEqual(messages(result), ['caractère de contrôle interdit (NUL, tabulation, saut de ligne ou autre caractère invisible)']);
    }
  });

  it('trims a one-line field first, so a pasted trailing tab or line break is no error', () => {
    assert.equal(shortText(50).parse('\tDupont\n'), 'Dupont');
  });

  it('refuses a lone surrogate and accepts a whole emoji, RTL marks and combining accents', () => {
    assert.match(messages(lineText(50).safeParse('🩺\ud83d'))[0] ?? '', /mal encodé/);
    assert.match(messages(longText(50).safeParse('x\udc00'))[0] ?? '', /mal encodé/);
    for (const good of ['🩺 👩🏽‍⚕️', '\u200fمرحبا\u200e', 'e\u0301', '\u202eabc\u202c']) assert.equal(shortText(50).parse(good), good);
  });

  it('keeps tabs and line breaks in free text, CR LF and CR becoming LF, and refuses NUL', () => {
    assert.equal(longText(50).parse('a\r\n\tb\rc'), 'a\n\tb\nc');
    assert.equal(longText(50).safeParse('a\u0000').success, false);
    assert.equal(longText(50).safeParse('a\u000b').success, false);
  });

  it('keeps the lines of an address written on several, and refuses NUL there', () => {
    assert.equal(addressText(300).parse(' 12 rue du Moulin\r\n62500 Saint-Omer\n'), '12 rue du Moulin\n62500 Saint-Omer');
    assert.equal(addressText(300).safeParse('12 rue\u0000').success, false);
    assert.equal(addressText(300).safeParse('  ').success, false);
  });

  it('says which strings no field may hold', () => {
    assert.deepEqual(['ok', '\t\n\r', '\u0000', '\u001b', '\u0085', '\ud800', '😀', '\u200f'].map(hasForbiddenCharacter), [
      false,
      false,
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it('takes https: links, http: only for localhost, and nothing else', () => {
    for (const good of ['https://cpts-audomarois.fr/rgpd', 'HTTPS://CPTS.FR', 'http://localhost:8787/', 'http://127.0.0.1/x', 'http://[::1]:3000/'])
      assert.ok(isWebUrl(good), good);
    for (const bad of [
      'javascript:alert(1)',
      'data:text/html,x',
      'http://cpts.fr/',
      'ftp://cpts.fr/',
      'https://a:b@cpts.fr/',
      '//cpts.fr',
      'cpts.fr',
      'mailto:a@b.fr',
      'https://',
    ]) {
      assert.equal(isWebUrl(bad), false, bad);
    }
    assert.deepEqual(messages(WebUrl.safeParse('javascript:alert(1)')), ['adresse web invalide : https://… attendu (http:// seulement pour localhost)']);
    assert.deepEqual(messages(WebUrl.safeParse('https://cpts\u0000.fr')), ['caractère de contrôle interdit (NUL, tabulation, saut de ligne ou autre caractère invisible)']);
  });
});
