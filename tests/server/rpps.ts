/** An RPPS number: ten digits and the Luhn key that makes them valid. */
export function rpps(first10: string): string {
  for (let key = 0; key <= 9; key++) {
    const candidate = `${first10}${key}`;
    let sum = 0;
    for (let i = 0; i < 11; i++) {
      let digit = Number(candidate[10 - i]);
      if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      sum += digit;
    }
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
}

/** The same number with a wrong key. */
export const wrongKey = (valid: string) => `${valid.slice(0, 10)}${(Number(valid[10]) + 1) % 10}`;
