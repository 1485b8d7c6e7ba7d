import type {Translation} from '../translations/translation.js';

export const fr: Pick<Translation, 'impact'> = {
  impact: {
    // « moins de 11 » (n null) takes the plural, as « 2 personnes » does; French uses the singular for 0 and 1
    registered: (since, count, n) =>
      n !== null && n < 2 ? `Depuis ${since}, ${count} personne s’est inscrite auprès de la CPTS` : `Depuis ${since}, ${count} personnes se sont inscrites auprès de la CPTS`,
    found: (count, n) => (n !== null && n < 2 ? ` ; ${count} a trouvé un médecin traitant` : ` ; ${count} ont trouvé un médecin traitant`),
    viaCpts: (count) => `, dont ${count} grâce à la CPTS`,
    empty: (since) => `La CPTS aide les habitants à trouver un médecin traitant. Personne ne s’est encore inscrit depuis ${since} : les premiers chiffres paraîtront ici.`,
    lessThan11: 'moins de 11',
  },
};
