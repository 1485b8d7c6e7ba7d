import type {AvailabilityDeclaration, InternshipOfferCreate, Profession} from '@cpts-kit/contract';
import {issueToken} from './auth.js';
import {epciMembers, findCommune} from './communes.js';
import {hashToken} from './crypto.js';
import type {Db} from './db/index.js';
import {createTerritory} from './territories.js';

export const DEMO_SLUG = 'demo';
export const DEMO_EPCI = '200069037';

/** mulberry32: the same seed gives the same demo on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST_NAMES = [
  'Claire',
  'Marc',
  'Julie',
  'Thomas',
  'Sophie',
  'Nicolas',
  'Camille',
  'Antoine',
  'Émilie',
  'Hugo',
  'Léa',
  'Mathieu',
  'Pauline',
  'Julien',
  'Manon',
  'Romain',
  'Chloé',
  'Maxime',
  'Sarah',
  'Pierre',
  'Laura',
  'Benoît',
  'Inès',
  'Vincent',
  'Anaïs',
  'François',
  'Élodie',
  'Karim',
  'Marion',
  'Yann',
];
const LAST_NAMES = [
  'Lefebvre',
  'Dubois',
  'Martin',
  'Leroy',
  'Delattre',
  'Vandenbussche',
  'Lemaire',
  'Caron',
  'Dupuis',
  'Leclercq',
  'Deschamps',
  'Bernard',
  'Fontaine',
  'Vasseur',
  'Petit',
  'Lambert',
  'Wallart',
  'Hennebelle',
  'Boulanger',
  'Decroix',
  'Morel',
  'Roussel',
  'Lecomte',
  'Dumont',
  'Verstraete',
  'Haddad',
  'Lagache',
  'Noël',
  'Pruvost',
  'Degrave',
];

/** Roughly the mix of a CPTS: many GPs, nurses and physios, a few of the rarer professions. */
const PROFESSION_MIX: [Profession, number][] = [
  ['medecin_generaliste', 18],
  ['infirmier', 14],
  ['masseur_kinesitherapeute', 10],
  ['pharmacien', 8],
  ['chirurgien_dentiste', 6],
  ['sage_femme', 5],
  ['orthophoniste', 5],
  ['psychologue', 4],
  ['pedicure_podologue', 3],
  ['ipa', 3],
  ['medecin_specialiste', 4],
];

const TITLES: Partial<Record<Profession, string>> = {medecin_generaliste: 'Dr', medecin_specialiste: 'Dr', chirurgien_dentiste: 'Dr', pharmacien: 'Dr'};
const PRACTICES = ['MSP des Marais', 'MSP de la Lys', 'Cabinet du Centre', 'Maison de santé de l’Aa', 'Cabinet des Tilleuls', 'Centre de santé municipal', null, null];
const STREETS = ['rue de Dunkerque', 'place du Marché', 'rue Carnot', 'avenue Foch', 'rue de Calais', 'rue Jean Jaurès', 'rue de l’Église', 'route de Saint-Omer'];

export interface DemoSeed {
  practitioners: number;
  offers: number;
}

/** Fills the `demo` territory: 53 real communes, fictional people, offers and declarations. */
export async function seedDemo(db: Db, now = new Date()): Promise<DemoSeed> {
  const epci = epciMembers(DEMO_EPCI);
  if (!epci) throw new Error(`EPCI ${DEMO_EPCI} absent des données`);
  await createTerritory(db, {
    slug: DEMO_SLUG,
    name: "CPTS de l'Audomarois (démo)",
    phone: '03 21 98 76 54',
    email: 'contact@demo.cpts-kit.fr',
    website: null,
    privacySummary:
      'Territoire de démonstration : les données saisies servent uniquement à vous orienter vers un médecin traitant. Elles sont lues par les coordinatrices de la CPTS, conservées deux ans au plus, et vous pouvez demander à les consulter ou à les effacer en écrivant à contact@demo.cpts-kit.fr.',
    privacyUrl: null,
    retentionDays: 730,
    staleAfterDays: 30,
    communes: epci.communes,
  });
  // the demo's public page shows the impact summary
  await db.query('update territories set publish_impact = true where slug = $1', [DEMO_SLUG]);
  const random = seededRandom(62765);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  // bigger communes get more practitioners, as in real life
  const communes = epci.communes.map((insee) => findCommune(insee)!).filter((c) => c.centre);
  const weighted = communes.flatMap((c) => Array.from({length: Math.max(1, Math.round(Math.sqrt(c.population ?? 100) / 20))}, () => c));
  const professions = PROFESSION_MIX.flatMap(([p, n]) => Array.from({length: n}, () => p));

  return db.transaction(async (tx) => {
    let count = 0;
    for (const profession of professions) {
      const commune = weighted[count % 3 === 0 ? 0 : Math.floor(random() * weighted.length)]!;
      const id = crypto.randomUUID();
      const firstName = pick(FIRST_NAMES);
      const lastName = pick(LAST_NAMES);
      // ±~800 m around the commune centre, so pins do not sit on one point
      const lat = commune.centre!.lat + (random() - 0.5) * 0.015;
      const lng = commune.centre!.lng + (random() - 0.5) * 0.022;
      const phone = `03 21 ${String(10 + Math.floor(random() * 89))} ${String(10 + Math.floor(random() * 89))} ${String(10 + Math.floor(random() * 89))}`;
      const created = new Date(now.getTime() - (200 + Math.floor(random() * 300)) * 86_400_000);
      await tx.query(
        `insert into practitioners (id, territory, profession, title, first_name, last_name, practice_name, address, commune_insee, lat, lng, phone, email, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)`,
        [
          id,
          DEMO_SLUG,
          profession,
          TITLES[profession] ?? null,
          firstName,
          lastName,
          pick(PRACTICES),
          `${1 + Math.floor(random() * 60)} ${pick(STREETS)}, ${commune.postalCodes[0] ?? ''} ${commune.name}`,
          commune.insee,
          lat,
          lng,
          phone,
          null,
          created,
        ],
      );
      await seedDeclarations(tx, id, commune.insee, random, now);
      count++;
    }
    const offers = demoOffers(communes.map((c) => c.insee));
    for (const [i, offer] of offers.entries()) {
      const status = i === 10 || i === 11 ? 'draft' : i === 9 ? 'archived' : 'published';
      const created = new Date(now.getTime() - (60 - i * 4) * 86_400_000);
      await tx.query(`insert into internship_offers (id, territory, status, data, created_at, updated_at, published_at) values ($1, $2, $3, $4, $5, $5, $6)`, [
        crypto.randomUUID(),
        DEMO_SLUG,
        status,
        JSON.stringify(offer),
        created,
        status === 'draft' ? null : created,
      ]);
    }
    return {practitioners: count, offers: offers.length};
  });
}

/** Some public, some network-only, some stale, some never declared: what a real board looks like. */
async function seedDeclarations(db: Db, practitionerId: string, insee: string, random: () => number, now: Date): Promise<void> {
  const kind = random();
  if (kind < 0.18) return; // never declared
  const stale = kind > 0.82;
  const history = 1 + Math.floor(random() * 3);
  for (let h = history - 1; h >= 0; h--) {
    const daysAgo = (stale ? 45 + Math.floor(random() * 80) : Math.floor(random() * 25)) + h * 35;
    const accepting = (['yes', 'limited', 'no'] as const)[Math.floor(random() * 3)]!;
    const declaration: AvailabilityDeclaration = {
      accepting,
      monthlyQuota: accepting === 'limited' ? 2 + Math.floor(random() * 8) : null,
      patientScope: [random() < 0.6 ? 'all' : random() < 0.5 ? 'priority_only' : 'elderly'],
      scopeCommunes: [],
      homeVisits: random() < 0.45,
      homeVisitCommunes: random() < 0.5 ? [insee] : [],
      snpSlotsThisWeek: Math.floor(random() * 6),
      teleconsultation: random() < 0.3,
      hostsInterns: random() < 0.25,
      visibility: random() < 0.7 ? 'public' : 'network',
      noteForCoordinator: null,
    };
    await db.query(`insert into availability_declarations (id, practitioner_id, declaration, visibility, declared_at, declared_by) values ($1, $2, $3, $4, $5, $6)`, [
      crypto.randomUUID(),
      practitionerId,
      JSON.stringify(declaration),
      declaration.visibility,
      new Date(now.getTime() - daysAgo * 86_400_000 - Math.floor(random() * 36_000_000)),
      h === 0 && random() < 0.1 ? 'coordinator' : 'practitioner',
    ]);
  }
}

function demoOffers(communes: string[]): InternshipOfferCreate[] {
  const commune = (i: number) => communes[(i * 7) % communes.length]!;
  const base = (i: number, o: Partial<InternshipOfferCreate>): InternshipOfferCreate => ({
    title: 'Stage de médecine générale',
    kind: 'mg_niveau_1',
    discipline: 'Médecine générale',
    supervisors: ['Dr Claire Lefebvre'],
    practiceType: 'msp',
    practiceName: 'MSP des Marais',
    communeInsee: commune(i),
    location: null,
    periods: ['2027-05', '2027-11'],
    places: 1 + (i % 3),
    housing: [],
    transport: {carNeeded: i % 2 === 0, stationDistanceKm: 2 + i, vehicleProvided: false, travelCostsPaid: i % 3 === 0, details: null},
    welcome: {discoveryKit: true, welcomeDay: i % 2 === 1, referentName: 'Julie Martin'},
    financialAid: [],
    description: 'Une équipe pluriprofessionnelle qui accueille des étudiants depuis plusieurs années.\n\nPatientèle variée, visites à domicile, protocoles de coopération.',
    contact: {name: 'Julie Martin', email: 'stages@demo.cpts-kit.fr', phone: null},
    ...o,
  });
  return [
    base(0, {
      title: 'Stage de médecine générale en MSP rurale',
      supervisors: ['Dr Claire Lefebvre', 'Dr Marc Dubois'],
      housing: [{kind: 'logement_msp', monthlyCostEur: 0, distanceKm: 0, details: 'Studio meublé au-dessus de la MSP.'}],
      financialAid: [{amountEur: 300, from: 'Communauté d’agglomération du Pays de Saint-Omer', conditions: 'Par mois de stage'}],
    }),
    base(1, {
      title: 'SASPAS en cabinet de groupe',
      kind: 'saspas',
      practiceType: 'cabinet',
      practiceName: 'Cabinet du Centre',
      housing: [{kind: 'maison_des_internes', monthlyCostEur: 150, distanceKm: 4, details: null}],
    }),
    base(2, {title: 'Externat de médecine générale', kind: 'externat', periods: ['2027-01', '2027-03']}),
    base(3, {
      title: 'Stage officinal',
      kind: 'pharmacie',
      discipline: 'Pharmacie',
      practiceType: 'cabinet',
      practiceName: 'Pharmacie de la Place',
      supervisors: ['Dr Sophie Caron'],
    }),
    base(4, {
      title: 'Stage de kinésithérapie libérale',
      kind: 'kinesitherapie',
      discipline: 'Masso-kinésithérapie',
      practiceType: 'cabinet',
      practiceName: 'Cabinet des Tilleuls',
      supervisors: ['Thomas Leroy'],
      housing: [{kind: 'aide_au_logement', monthlyCostEur: null, distanceKm: null, details: 'Aide de la commune au loyer.'}],
    }),
    base(5, {
      title: 'Stage en soins infirmiers à domicile',
      kind: 'soins_infirmiers',
      discipline: 'Soins infirmiers',
      practiceType: 'centre_de_sante',
      practiceName: 'Centre de soins infirmiers de l’Aa',
      supervisors: ['Camille Dupuis'],
    }),
    base(6, {
      title: 'Stage de maïeutique en libéral',
      kind: 'maieutique',
      discipline: 'Maïeutique',
      practiceType: 'cabinet',
      practiceName: 'Cabinet de sages-femmes',
      supervisors: ['Léa Fontaine'],
      financialAid: [{amountEur: 200, from: 'CPTS de l’Audomarois', conditions: null}],
    }),
    base(7, {
      title: 'Stage IPA en MSP',
      kind: 'ipa',
      discipline: 'Pratique avancée',
      supervisors: ['Dr Marc Dubois', 'Élodie Vasseur'],
      housing: [{kind: 'internat_rural', monthlyCostEur: 80, distanceKm: 6, details: null}],
    }),
    base(8, {
      title: 'Médecine générale et soins non programmés',
      periods: ['2027-05'],
      housing: [{kind: 'logement_communal', monthlyCostEur: 120, distanceKm: 1, details: 'Logement de la mairie, meublé.'}],
    }),
    base(9, {title: 'Stage de médecine générale (2026)', periods: ['2026-05']}),
    base(10, {
      title: 'Stage de psychologie en centre de santé',
      kind: 'autre',
      discipline: 'Psychologie',
      practiceType: 'centre_de_sante',
      practiceName: 'Centre de santé municipal',
    }),
    base(11, {title: 'SASPAS en MSP (à confirmer)', kind: 'saspas', periods: ['2027-11']}),
  ];
}

/** The coordinator token printed at start: CPTS_DEMO_TOKEN when set (kept across starts), else a new one. */
export async function ensureDemoToken(db: Db, token?: string): Promise<string> {
  if (token) {
    const [existing] = await db.query('select 1 from tokens where token_hash = $1', [hashToken(token)]);
    if (existing) return token;
    return (await issueToken(db, {territory: DEMO_SLUG, kind: 'coordinator', label: 'démo', token})).token;
  }
  return (await issueToken(db, {territory: DEMO_SLUG, kind: 'coordinator', label: 'démo', days: 30})).token;
}
