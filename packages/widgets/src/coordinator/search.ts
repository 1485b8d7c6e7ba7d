/** Lower case, accents off: « Médecin » and "medecin" read the same to a search. */
export function normalizeText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Every word of `query` (accents and case aside) is somewhere in `normalized`, in any order. */
export function matchesEveryWord(normalized: string, query: string): boolean {
  return normalizeText(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => normalized.includes(word));
}
