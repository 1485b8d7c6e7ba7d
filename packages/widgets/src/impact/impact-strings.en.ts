import type {Translation} from '../translations/translation.js';

export const en: Pick<Translation, 'impact'> = {
  impact: {
    registered: (since, count, n) =>
      n === 1 ? `Since ${since}, ${count} person has registered with the CPTS` : `Since ${since}, ${count} people have registered with the CPTS`,
    found: (count, n) => (n === 1 ? `; ${count} has found a regular doctor` : `; ${count} have found a regular doctor`),
    viaCpts: (count) => `, ${count} of them through the CPTS`,
    empty: (since) => `The CPTS helps residents find a regular doctor. Nobody has registered since ${since} yet: the first figures will show here.`,
    lessThan11: 'fewer than 11',
  },
};
