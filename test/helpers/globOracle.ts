/**
 * An exemption pattern (`*` the only special character) matched by dynamic programming over pattern × text: slow and
 * plainly correct, written independently of policies/exemptions.ts's linear matcher, as the oracle properties test it by.
 */
export function globByTable(pattern: string, text: string): boolean {
  const ok: boolean[][] = Array.from({ length: pattern.length + 1 }, () => new Array<boolean>(text.length + 1).fill(false));
  ok[0][0] = true;
  for (let i = 1; i <= pattern.length; i++) {
    for (let j = 0; j <= text.length; j++) {
      ok[i][j] = pattern[i - 1] === "*" ? ok[i - 1][j] || (j > 0 && ok[i][j - 1]) : j > 0 && ok[i - 1][j - 1] && pattern[i - 1] === text[j - 1];
    }
  }
  return ok[pattern.length][text.length];
}
