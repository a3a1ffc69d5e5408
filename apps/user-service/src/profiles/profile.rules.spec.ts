import { describe, expect, it } from 'vitest';
import { validateProfileChanges, type ProfileChangeRequest } from './profile.rules.js';

const problemsOf = (request: ProfileChangeRequest) => {
  try {
    validateProfileChanges(request);
    return [];
  } catch (error) {
    return (error as { fields: Array<{ path: string }> }).fields.map((field) => field.path);
  }
};

describe('validateProfileChanges', () => {
  it('changes nothing that is not set', () => {
    expect(validateProfileChanges({})).toEqual({});
  });

  it('trims the display name and takes 1 to 100 characters', () => {
    expect(validateProfileChanges({ displayName: '  Grace Hopper ' })).toEqual({ displayName: 'Grace Hopper' });
    expect(validateProfileChanges({ displayName: 'x'.repeat(100) }).displayName).toHaveLength(100);
    expect(problemsOf({ displayName: '   ' })).toEqual(['displayName']);
    expect(problemsOf({ displayName: 'x'.repeat(101) })).toEqual(['displayName']);
    expect(problemsOf({ displayName: 'Ada\u0000Lovelace' })).toEqual(['displayName']);
  });

  it.each([
    ['en', 'en'],
    ['de', 'de'],
    ['de-AT', 'de-AT'],
    ['de-at', 'de-AT'],
    ['zh-Hant-TW', 'zh-Hant-TW'],
  ])('takes the BCP 47 tag %s as %s', (locale, canonical) => {
    expect(validateProfileChanges({ locale })).toEqual({ locale: canonical });
  });

  it.each(['', 'en_US', 'x-private', 'not a locale', 'en-US-u-ca-buddhist-nu-thai-co-phonebk-kf-upper'])(
    'refuses the locale %j',
    (locale) => {
      expect(problemsOf({ locale })).toEqual(['locale']);
    },
  );

  it.each([
    ['Europe/Berlin', 'Europe/Berlin'],
    ['UTC', 'UTC'],
    ['utc', 'UTC'],
    ['America/Argentina/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
  ])('takes the IANA time zone %s as %s', (timezone, resolved) => {
    expect(validateProfileChanges({ timezone })).toEqual({ timezone: resolved });
  });

  it.each(['', 'Mars/Olympus_Mons', '+01:00', '-05:00', 'Europe/Berlin '])('refuses the time zone %j', (timezone) => {
    expect(problemsOf({ timezone })).toEqual(['timezone']);
  });

  it('takes an https avatar URL up to 2000 characters, and empty removes it', () => {
    const url = 'https://cdn.example.test/avatars/ada.png';
    expect(validateProfileChanges({ avatarUrl: url })).toEqual({ avatarUrl: url });
    expect(validateProfileChanges({ avatarUrl: '' })).toEqual({ avatarUrl: null });
    const longest = `https://cdn.example.test/${'a'.repeat(2000 - 'https://cdn.example.test/'.length)}`;
    expect(validateProfileChanges({ avatarUrl: longest }).avatarUrl).toHaveLength(2000);
  });

  it.each([
    ['plain http', 'http://cdn.example.test/ada.png'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a data: URL', 'data:image/png;base64,AAAA'],
    ['credentials', 'https://user:secret@cdn.example.test/ada.png'],
    ['a leading space', ' https://cdn.example.test/ada.png'],
    ['a space inside', 'https://cdn.example.test/a b.png'],
    ['text that is no URL', 'not a url'],
    ['more than 2000 characters', `https://cdn.example.test/${'a'.repeat(2000)}`],
  ])('refuses an avatar URL with %s', (_label, avatarUrl) => {
    expect(problemsOf({ avatarUrl })).toEqual(['avatarUrl']);
  });

  it('reports every invalid field at once', () => {
    expect(problemsOf({ displayName: '', locale: '?', timezone: 'Nowhere', avatarUrl: 'ftp://x' })).toEqual([
      'displayName',
      'locale',
      'timezone',
      'avatarUrl',
    ]);
  });
});
