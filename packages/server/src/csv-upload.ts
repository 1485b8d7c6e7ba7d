import {ApiProblem} from './problems.js';

/** What spreadsheets and browsers label a .csv file with (Excel on Windows: application/vnd.ms-excel). */
const CSV_TYPES = new Set([
  'text/csv',
  'text/plain',
  'application/csv',
  'text/comma-separated-values',
  'text/x-csv',
  'application/vnd.ms-excel',
  'application/octet-stream',
  '',
]);

/**
 * The charset an upload declares, if any, once its `Content-Type` is one a CSV file comes with;
 * a multipart form or JSON is refused with a 415 that says how to send the file.
 */
export function csvUploadCharset(contentType: string | undefined): string | undefined {
  const [mediaType = '', ...parameters] = (contentType ?? '').split(';').map((part) => part.trim());
  if (!CSV_TYPES.has(mediaType.toLowerCase())) {
    throw new ApiProblem(415, 'unsupported_media_type', 'Type de contenu non pris en charge', {
      detail: `Envoyez le fichier CSV tel quel, en text/csv (reçu : ${mediaType || 'aucun'}) : pas de formulaire multipart ni de JSON.`,
    });
  }
  return parameters
    .find((p) => /^charset=/i.test(p))
    ?.slice('charset='.length)
    .replace(/"/g, '');
}
