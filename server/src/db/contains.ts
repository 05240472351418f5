/** A LIKE pattern that finds `text` anywhere, with the user's own % and _ taken literally. */
export function contains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
