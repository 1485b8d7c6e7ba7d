import * as z from 'zod/mini';
import {
  ImportColumn,
  PersonalLink,
  PersonalLinkCreate,
  Practitioner,
  PractitionerCreate,
  PractitionerImportResult,
  PractitionerImportRow,
  PractitionerList,
  PractitionerPublic,
  PublicPractitionerList,
} from '../practitioner.js';
import {PractitionerPatch} from '../patches.js';
import {PractitionerMap, PractitionerCluster, PractitionerMapPoint} from '../practitioner-map.js';
import {PractitionerImportQuery, PractitionerMapQuery, PublicPractitionerQuery} from '../queries.js';
import {noContent, type RouteDocs, type SchemaDocs} from './docs.js';

export const practitionerSchemas = {
  PractitionerPublic,
  Practitioner: {schema: Practitioner, description: 'A practitioner as the CPTS coordinators see them.'},
  PractitionerCreate: {
    schema: PractitionerCreate,
    example: {
      profession: 'medecin_generaliste',
      title: 'Dr',
      firstName: 'Claire',
      lastName: 'Lefebvre',
      practiceName: 'MSP des Marais',
      communeInsee: '62765',
      phone: '03 21 38 00 00',
    },
  },
  PractitionerPatch: {schema: PractitionerPatch, example: {phone: '03 21 38 11 11', active: false}},
  PublicPractitionerList,
  PractitionerCluster,
  PractitionerMapPoint,
  PractitionerMap: {
    schema: PractitionerMap,
    description:
      'One view of the public map: clusters (position, how many, how many take new patients, the zoom at which they split) and single practitioners, for a `bbox` and `zoom`. `total` counts the practitioners matching the filters inside the bbox, as the list with the same filters and bbox does.',
    example: {
      zoom: 9,
      total: 3,
      clusters: [{lat: 50.7481, lng: 2.2575, count: 2, accepting: 1, zoom: 12}],
      points: [{id: '3f1e9a52-7c1b-4e4f-9a55-0f6f1c0d2b11', lat: 50.7361, lng: 2.3036, name: 'Dr Claire Lefebvre', profession: 'medecin_generaliste', accepting: 'yes'}],
    },
  },
  PractitionerList,
  ImportColumn,
  PractitionerImportRow,
  PractitionerImportResult: {
    schema: PractitionerImportResult,
    description:
      'A CSV file of up to 5 MB (413 beyond), UTF-8 or Windows-1252, `;` or `,`, one practitioner a line under a header. All or nothing: a file with any error writes nothing and gets 422 problem+json (code `import_invalid`) listing every error, each with its `line` and `column`. An RPPS already known in the territory updates that practitioner; blank cells leave its fields as they are.',
  },
  PersonalLinkCreate: {schema: PersonalLinkCreate, example: {expiresInDays: 365}},
  PersonalLink: {schema: PersonalLink, description: 'The token is shown once; only its hash is stored.'},
} satisfies SchemaDocs;

const csvExample = 'rpps;profession;prenom;nom;commune_insee;telephone\n10003456786;medecin_generaliste;Claire;Lefebvre;62765;03 21 38 00 00\n';

export const practitionerRouteDocs = {
  listPublicPractitioners: {
    tag: 'practitioners',
    auth: 'public',
    summary: 'Practitioners who chose to be public',
    query: PublicPractitionerQuery,
    responses: {200: 'A page of practitioners', 304: 'Not modified (ETag)'},
  },
  getPractitionerMap: {
    tag: 'practitioners',
    auth: 'public',
    summary: 'The public map for one view: clusters and single practitioners in a bbox at a zoom, with the list’s filters',
    query: PractitionerMapQuery,
    responses: {
      200: 'Clusters and points of the view, compact and cacheable (ETag; fresh as soon as a practitioner or a declaration changes)',
      304: 'Not modified (ETag)',
    },
  },
  createPractitioner: {
    tag: 'practitioners',
    auth: 'coordinator',
    summary: 'Add a practitioner',
    body: {schema: PractitionerCreate, example: {profession: 'medecin_generaliste', title: 'Dr', firstName: 'Claire', lastName: 'Lefebvre', communeInsee: '62765'}},
    responses: {201: 'Created'},
  },
  importPractitioners: {
    tag: 'practitioners',
    auth: 'coordinator',
    summary: 'Import practitioners from a CSV file (all or nothing; 422 with every error by line)',
    query: PractitionerImportQuery,
    body: {schema: z.string(), contentType: 'text/csv', example: csvExample},
    responses: {
      200: 'What was imported, or with dryRun what would be',
      422: {
        contentType: 'application/problem+json',
        description:
          'The file has errors, so nothing was written: code `import_invalid`, `errors[]` of `{path: "lines.12.rpps", line: 12, column: "RPPS", code, message}`, every one (the first 1,000)',
      },
    },
  },
  getPractitioner: {
    tag: 'practitioners',
    auth: 'coordinator',
    summary: 'One practitioner, with private fields',
    responses: {200: 'The practitioner'},
  },
  patchPractitioner: {
    tag: 'practitioners',
    auth: 'coordinator',
    summary: 'Edit or deactivate a practitioner',
    body: {schema: PractitionerPatch, example: {phone: '03 21 38 11 11', active: false}},
    responses: {200: 'The practitioner as saved'},
  },
  deletePractitioner: {
    tag: 'practitioners',
    auth: 'coordinator',
    summary: 'Delete a practitioner and their links',
    responses: noContent,
  },
  createPersonalLink: {
    tag: 'practitioners',
    auth: 'coordinator',
    summary: 'Issue a personal link token for a practitioner',
    body: {schema: PersonalLinkCreate, example: {expiresInDays: 365}},
    responses: {201: 'The token, shown once'},
  },
  revokePersonalLinks: {
    tag: 'practitioners',
    auth: 'coordinator',
    summary: 'Revoke every personal link of a practitioner',
    responses: noContent,
  },
} satisfies RouteDocs;
