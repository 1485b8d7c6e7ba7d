import {readFileSync} from 'node:fs';
import {parseArgs} from 'node:util';
import {Email, FrenchPhone, Id, Slug} from '@cpts-kit/contract';
import {issueToken} from './auth.js';
import {epciMembers} from './communes.js';
import {readConfig, resolveSecretKey} from './config.js';
import {deriveKeys, hashToken, type Keys} from './crypto.js';
import {importIntakeCsv} from './intake-import.js';
import {backfillWaitingList} from './waiting-list-backfill.js';
import {rekeyAll} from './rekey.js';
import {migrate, openDatabase, type Db} from './db/index.js';
import {importPractitionersCsv, MAX_IMPORT_BYTES} from './practitioner-import.js';
import {ApiProblem} from './problems.js';
import {purgeTerritory} from './purge.js';
import {createTerritory, findTerritory} from './territories.js';

const HELP = `cpts-kit-server — administration du serveur de référence cpts-kit

Usage :
  cpts-kit-server start   démarre le serveur (PORT, DATABASE_URL, CPTS_DATA_DIR… : voir le README), avec le territoire de démo au premier démarrage
  cpts-kit-server territory create --slug S --name N (--epci CODE | --communes INSEE,...) --phone TEL --email MAIL
  cpts-kit-server token create --territory S [--label L] [--days N]
  cpts-kit-server token revoke --territory S (--id ID | --token T)
  cpts-kit-server token list --territory S
  cpts-kit-server link create --territory S --practitioner ID [--days N]
  cpts-kit-server practitioners import --territory S --file F [--dry-run]
                  importe un CSV de professionnels (UTF-8 ou Windows-1252, « ; » ou « , ») : tout ou rien,
                  un RPPS déjà connu met à jour ; --dry-run vérifie sans rien écrire ; --file - lit l'entrée standard
  cpts-kit-server intake import --territory S --file F [--dry-run]
                  importe une liste d'attente existante (CSV UTF-8 ou Windows-1252, « ; » ou « , », en-têtes
                  en français : nom, prénom, date de naissance, téléphone, commune, date d'inscription…) : tout ou rien,
                  les dates d'inscription d'origine sont gardées ; --dry-run vérifie sans rien écrire
  cpts-kit-server intake reindex   calcule les index de recherche des demandes qui n'en ont pas (fait aussi au démarrage)
  cpts-kit-server keys rotate [--batch N]
                  chiffre à nouveau avec CPTS_SECRET_KEY tout ce qu'une ancienne clé (CPTS_SECRET_KEY_OLD) a chiffré,
                  par lots de N (500) ; reprend où il s'était arrêté si on le relance ; ne réécrit rien une seconde fois
  cpts-kit-server purge --territory S [--dry-run]   supprime les demandes au-delà de la durée de conservation
  cpts-kit-server --help

Base de données : DATABASE_URL (postgres://…, memory://) ou, sans elle, les fichiers PGlite de CPTS_DATA_DIR (./.data).
Arrêtez le serveur avant d'utiliser la CLI sur les mêmes fichiers PGlite (une seule connexion à la fois).
`;

/** A failure already explained on stderr: exit code 1. */
class ReportedFailure extends Error {
  override name = 'ReportedFailure';
}

/** A mistake in the command line: printed with the usage hint, exit code 2. */
class UsageError extends Error {
  override name = 'UsageError';
}

type Flags = Record<string, string | boolean | undefined>;

function required(flags: Flags, name: string): string {
  const value = flags[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`l'option --${name} est obligatoire`);
  return value.trim();
}

function optionalDays(flags: Flags): number | undefined {
  if (flags.days === undefined) return undefined;
  const days = Number(flags.days);
  if (!Number.isInteger(days) || days < 1 || days > 3650) throw new UsageError('--days doit être un nombre entier de jours entre 1 et 3650');
  return days;
}

function checked<T>(schema: {safeParse(v: unknown): {success: boolean; data?: T}}, value: string, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new UsageError(`${what} invalide : « ${value} »`);
  return result.data as T;
}

async function existingTerritory(db: Db, flags: Flags): Promise<string> {
  const slug = checked<string>(Slug, required(flags, 'territory'), 'identifiant de territoire');
  if (!(await findTerritory(db, slug))) throw new UsageError(`le territoire « ${slug} » n'existe pas`);
  return slug;
}

const dateFr = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : 'jamais');

async function territoryCreate(db: Db, flags: Flags): Promise<void> {
  const slug = checked<string>(Slug, required(flags, 'slug'), 'identifiant de territoire (--slug)');
  const name = required(flags, 'name');
  const phone = checked<string>(FrenchPhone, required(flags, 'phone'), 'téléphone (--phone)');
  const email = checked<string>(Email, required(flags, 'email'), 'adresse e-mail (--email)');
  let communes: string[];
  if (typeof flags.epci === 'string' && typeof flags.communes === 'string') throw new UsageError('donnez --epci ou --communes, pas les deux');
  if (typeof flags.epci === 'string') {
    const epci = epciMembers(flags.epci.trim());
    if (!epci) throw new UsageError(`EPCI inconnu : « ${flags.epci} » (attendu : le code SIREN à 9 chiffres, ex. 200069037)`);
    communes = epci.communes;
  } else if (typeof flags.communes === 'string') {
    communes = [
      ...new Set(
        flags.communes
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean),
      ),
    ];
    if (communes.length === 0) throw new UsageError('--communes est vide');
  } else {
    throw new UsageError('indiquez les communes : --epci CODE ou --communes INSEE,INSEE,…');
  }
  if (await findTerritory(db, slug)) throw new UsageError(`le territoire « ${slug} » existe déjà`);
  try {
    await createTerritory(db, {
      slug,
      name,
      phone,
      email,
      privacySummary: `Vos données sont traitées par ${name} pour vous orienter vers un professionnel de santé.`,
      communes,
    });
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('code(s) INSEE')) throw new UsageError(error.message);
    throw error;
  }
  console.log(`Territoire « ${slug} » créé avec ${communes.length} commune(s).`);
}

async function tokenCreate(db: Db, flags: Flags): Promise<void> {
  const territory = await existingTerritory(db, flags);
  const label = typeof flags.label === 'string' ? flags.label : undefined;
  const issued = await issueToken(db, {territory, kind: 'coordinator', ...(label ? {label} : {}), ...(optionalDays(flags) ? {days: optionalDays(flags)!} : {})});
  console.error(`Jeton coordinateur créé (id ${issued.id}, expire : ${dateFr(issued.expiresAt)}). Il ne sera plus affiché :`);
  console.log(issued.token);
}

async function tokenRevoke(db: Db, flags: Flags): Promise<void> {
  const territory = await existingTerritory(db, flags);
  let rows: {id: string}[];
  if (typeof flags.id === 'string') {
    const id = checked<string>(Id, flags.id, 'identifiant de jeton (--id)');
    rows = await db.query('update tokens set revoked_at = now() where territory = $1 and id = $2 and revoked_at is null returning id', [territory, id]);
  } else if (typeof flags.token === 'string') {
    rows = await db.query('update tokens set revoked_at = now() where territory = $1 and token_hash = $2 and revoked_at is null returning id', [
      territory,
      hashToken(flags.token),
    ]);
  } else {
    throw new UsageError('indiquez le jeton à révoquer : --id ID ou --token JETON');
  }
  if (rows.length === 0) throw new UsageError('aucun jeton actif ne correspond dans ce territoire');
  console.log(`Jeton ${rows[0]!.id} révoqué.`);
}

async function tokenList(db: Db, flags: Flags): Promise<void> {
  const territory = await existingTerritory(db, flags);
  const rows = await db.query<{id: string; kind: string; label: string | null; created_at: Date; expires_at: Date | null; revoked_at: Date | null}>(
    'select id, kind, label, created_at, expires_at, revoked_at from tokens where territory = $1 order by created_at',
    [territory],
  );
  if (rows.length === 0) console.log('Aucun jeton.');
  for (const r of rows) {
    const state = r.revoked_at ? 'révoqué' : r.expires_at && r.expires_at.getTime() < Date.now() ? 'expiré' : 'actif';
    console.log(`${r.id}  ${r.kind.padEnd(12)}  ${state.padEnd(7)}  créé ${dateFr(r.created_at)}  expire ${dateFr(r.expires_at)}  ${r.label ?? ''}`);
  }
}

async function linkCreate(db: Db, flags: Flags): Promise<void> {
  const territory = await existingTerritory(db, flags);
  const practitionerId = checked<string>(Id, required(flags, 'practitioner'), 'identifiant de professionnel (--practitioner)');
  const [p] = await db.query('select 1 from practitioners where territory = $1 and id = $2', [territory, practitionerId]);
  if (!p) throw new UsageError(`aucun professionnel ${practitionerId} dans « ${territory} »`);
  const issued = await issueToken(db, {territory, kind: 'practitioner', practitionerId, label: 'lien personnel', days: optionalDays(flags) ?? 365});
  console.error(`Lien personnel créé (expire : ${dateFr(issued.expiresAt)}). Il ne sera plus affiché :`);
  console.log(issued.token);
}

async function purge(db: Db, flags: Flags): Promise<void> {
  const territory = await existingTerritory(db, flags);
  const dryRun = flags['dry-run'] === true;
  const counts = await purgeTerritory(db, territory, {dryRun, actor: 'cli'});
  const verb = dryRun ? 'à supprimer (simulation, rien supprimé)' : 'supprimé(es)';
  console.log(`${counts.requests} demande(s), ${counts.history} changement(s) de statut, ${counts.idempotencyKeys} clé(s) d'idempotence ${verb}.`);
}

async function practitionersImport(db: Db, flags: Flags): Promise<void> {
  const territory = await existingTerritory(db, flags);
  const file = required(flags, 'file');
  const dryRun = flags['dry-run'] === true;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file === '-' ? 0 : file);
  } catch (error) {
    throw new UsageError(`impossible de lire « ${file} » : ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (bytes.length > MAX_IMPORT_BYTES) throw new UsageError(`« ${file} » dépasse ${MAX_IMPORT_BYTES / 1024 / 1024} Mo : découpez-le en plusieurs fichiers`);
  const where = (e: {line?: number | undefined; column?: string | undefined}) =>
    [e.line === undefined ? 'fichier' : `ligne ${e.line}`, e.column ? `colonne « ${e.column} »` : ''].filter(Boolean).join(', ');
  try {
    const result = await importPractitionersCsv(db, {territory, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), dryRun, actor: 'cli'});
    for (const w of result.warnings) console.error(`Avertissement : ${where(w)} : ${w.message}`);
    const how = `${result.rows} ligne(s) lue(s), encodage ${result.encoding}, séparateur « ${result.delimiter === '\t' ? 'tabulation' : result.delimiter} »`;
    console.log(
      dryRun
        ? `Simulation, rien n'a été écrit : ${result.created} professionnel(s) à créer, ${result.updated} à mettre à jour (${how}).`
        : `Import terminé : ${result.created} professionnel(s) créé(s), ${result.updated} mis à jour (${how}).`,
    );
  } catch (error) {
    if (!(error instanceof ApiProblem) || error.status !== 422) throw error;
    console.error(`${error.detail ?? error.title}`);
    for (const e of error.errors ?? []) console.error(`  ${where(e)} : ${e.message} [${e.code}]`);
    throw new ReportedFailure();
  }
}

function readImportFile(flags: Flags): Uint8Array {
  const file = required(flags, 'file');
  let bytes: Buffer;
  try {
    bytes = readFileSync(file === '-' ? 0 : file);
  } catch (error) {
    throw new UsageError(`impossible de lire « ${file} » : ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (bytes.length > MAX_IMPORT_BYTES) throw new UsageError(`« ${file} » dépasse ${MAX_IMPORT_BYTES / 1024 / 1024} Mo : découpez-le en plusieurs fichiers`);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

function cliKeys(): Keys {
  const config = readConfig();
  return deriveKeys(resolveSecretKey({secretKey: config.secretKey, databaseUrl: config.databaseUrl, dataDir: config.dataDir}), config.previousSecretKeys);
}

async function intakeImport(db: Db, flags: Flags): Promise<void> {
  const territory = await existingTerritory(db, flags);
  const bytes = readImportFile(flags);
  const dryRun = flags['dry-run'] === true;
  try {
    const result = await importIntakeCsv(db, cliKeys(), {territory, bytes, dryRun, actor: 'cli'});
    const how = `encodage ${result.encoding}, séparateur « ${result.delimiter === '\t' ? 'tabulation' : result.delimiter} »`;
    console.log(
      dryRun ? `Simulation, rien n'a été écrit : ${result.rows} demande(s) à importer (${how}).` : `Import terminé : ${result.rows} demande(s) importée(s) (${how}).`,
    );
  } catch (error) {
    if (!(error instanceof ApiProblem) || error.status !== 422) throw error;
    console.error(`${error.detail ?? error.title}`);
    for (const e of error.errors ?? [])
      console.error(`  ${e.line === undefined ? 'fichier' : `ligne ${e.line}`}${e.column ? `, colonne « ${e.column} »` : ''} : ${e.message} [${e.code}]`);
    throw new ReportedFailure();
  }
}

async function intakeReindex(db: Db): Promise<void> {
  const count = await backfillWaitingList(db, cliKeys());
  console.log(`${count} demande(s) indexée(s).`);
}

async function keysRotate(db: Db, flags: Flags): Promise<void> {
  const batch = flags.batch === undefined ? undefined : Number(flags.batch);
  if (batch !== undefined && (!Number.isInteger(batch) || batch < 1 || batch > 10_000)) throw new UsageError('--batch doit être un nombre entier entre 1 et 10000');
  const keys = cliKeys();
  await backfillWaitingList(db, keys);
  const counts = await rekeyAll(db, keys, batch === undefined ? {} : {batch});
  for (const c of counts) console.log(`${c.column} : ${c.scanned} lue(s), ${c.resealed} chiffrée(s) à nouveau${c.unreadable ? `, ${c.unreadable} ILLISIBLE(S)` : ''}`);
  const unreadable = counts.reduce((n, c) => n + c.unreadable, 0);
  if (unreadable > 0) {
    console.error(`${unreadable} valeur(s) qu'aucune clé donnée n'ouvre : gardez CPTS_SECRET_KEY_OLD et ajoutez-y la clé qui les a chiffrées.`);
    throw new ReportedFailure();
  }
  console.log('Tout est chiffré avec la clé actuelle : CPTS_SECRET_KEY_OLD peut être retirée (gardez-en une sauvegarde pour les anciennes sauvegardes de la base).');
}

const COMMANDS: Record<string, (db: Db, flags: Flags) => Promise<void>> = {
  'keys rotate': keysRotate,
  'intake import': intakeImport,
  'intake reindex': intakeReindex,
  'territory create': territoryCreate,
  'token create': tokenCreate,
  'token revoke': tokenRevoke,
  'token list': tokenList,
  'link create': linkCreate,
  'practitioners import': practitionersImport,
  purge,
};

export async function runCli(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        help: {type: 'boolean', short: 'h'},
        slug: {type: 'string'},
        name: {type: 'string'},
        epci: {type: 'string'},
        communes: {type: 'string'},
        phone: {type: 'string'},
        email: {type: 'string'},
        territory: {type: 'string'},
        label: {type: 'string'},
        days: {type: 'string'},
        id: {type: 'string'},
        token: {type: 'string'},
        practitioner: {type: 'string'},
        file: {type: 'string'},
        'dry-run': {type: 'boolean'},
        batch: {type: 'string'},
      },
    });
  } catch (error) {
    console.error(`Erreur : ${(error as Error).message.split('. To specify')[0]!.replace(/^Unknown option/, 'option inconnue')}\n\n${HELP}`);
    return 2;
  }
  const {values, positionals} = parsed;
  if (values.help || positionals.length === 0) {
    console.log(HELP);
    return values.help ? 0 : 2;
  }
  const name = positionals[0] === 'purge' ? 'purge' : positionals.slice(0, 2).join(' ');
  const command = COMMANDS[name];
  if (!command || positionals.length > name.split(' ').length) {
    console.error(`Erreur : commande inconnue « ${positionals.join(' ')} ».\n\n${HELP}`);
    return 2;
  }
  const config = readConfig();
  let db: Db | undefined;
  try {
    db = await openDatabase({databaseUrl: config.databaseUrl, dataDir: config.dataDir});
    await migrate(db);
    await command(db, values);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`Erreur : ${error.message}.`);
      return 2;
    }
    if (error instanceof ReportedFailure) return 1;
    console.error(`Erreur : ${(error as Error).message}`);
    return 1;
  } finally {
    await db?.close();
  }
}
