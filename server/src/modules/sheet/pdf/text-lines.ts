/**
 * Breaks text into lines that fit a width, the way a printed Chinese form breaks it: between any two
 * characters, except inside a run of Latin letters and digits (a journal number, an ISBN) unless the
 * run alone is wider than the line; a new line at each line break of the text. Laying the lines out
 * ourselves lets a table row split between two pages at a line and costs one measure per character.
 */
export type Measure = (text: string) => number;

const latinRun = /[A-Za-z0-9@._\-/:]+|[^A-Za-z0-9@._\-/:]/gu;

/** Characters that may not begin a line (。，) are kept with the character before them. */
const noLineStart = new Set([...'，。、；：？！）》」』”’%．,.;:?!)]}']);

export function breakLines(text: string, width: number, measure: Measure): string[] {
  const lines: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    let line = '';
    const flush = (next: string) => {
      lines.push(line);
      line = next;
    };
    for (const token of paragraph.match(latinRun) ?? []) {
      if (measure(line + token) <= width) {
        line += token;
      } else if (noLineStart.has(token) && [...line].length > 1) {
        // The character before goes down with the punctuation that may not begin a line.
        const chars = [...line];
        const last = chars.pop()!;
        line = chars.join('');
        flush(last + token);
      } else if (measure(token) <= width) {
        flush(line === '' ? token : token.trimStart());
      } else {
        // A run wider than the line is broken by characters after all.
        for (const char of token) {
          if (line !== '' && measure(line + char) > width) flush('');
          line += char;
        }
      }
    }
    lines.push(line);
  }
  return lines;
}

/** A measure that asks the font once per character and adds the widths up (no kerning in a form). */
export function cachedMeasure(measure: Measure): Measure {
  const widths = new Map<string, number>();
  return (text) => {
    let sum = 0;
    for (const char of text) {
      let width = widths.get(char);
      if (width === undefined) {
        width = measure(char);
        widths.set(char, width);
      }
      sum += width;
    }
    return sum;
  };
}
