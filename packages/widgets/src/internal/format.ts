/** `0321000000`, `+33 3 21 00 00 00`, `03.21.00.00.00` → `03 21 00 00 00`; anything else untouched. */
export function formatFrenchPhone(phone: string): string {
  const national = toNationalDigits(phone);
  return national ? (national.match(/\d{2}/g) ?? []).join(' ') : phone.trim();
}

/** `03 21 00 00 00` → `tel:+33321000000`: the international form works from abroad and on VoIP. */
export function telHref(phone: string): string {
  const national = toNationalDigits(phone);
  return national ? `tel:+33${national.slice(1)}` : `tel:${phone.replace(/[^\d+]/g, '')}`;
}

function toNationalDigits(phone: string): string | undefined {
  const digits = phone.replace(/\(0\)/g, '').replace(/[^\d+]/g, '');
  const national = digits.replace(/^(?:\+|00)33/, '0');
  return /^0[1-9]\d{8}$/.test(national) ? national : undefined;
}
