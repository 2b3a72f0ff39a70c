/** Text from a file as a message or a table cell shows it: on one line, and cut short. */

/** Line breaks and other control characters become one space each run. */
export function oneLine(s: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is replaced
  return s.replace(/[\u0000-\u001f\u007f]+/g, ' ');
}

/** At most `max` characters: a longer text keeps its first max - 1 and ends in "…". */
export function cut(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
