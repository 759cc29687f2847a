/**
 * The note that stands in for body text that cannot be logged safely, e.g.
 * `<12 characters not logged: unterminated string at offset 40>`.
 * @param count - how many characters of the body it replaces.
 * @param reason - why they are not logged; must not quote the body.
 */
export function notLogged(count: number, reason: string): string {
  return `<${count} ${count === 1 ? "character" : "characters"} not logged: ${reason}>`;
}
