/** What a command needs from the process, passed in so that commands can be tested without one. */
export interface RunContext {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Colour on stdout: a TTY and NO_COLOR unset. */
  color: boolean;
  cwd: string;
}

export function processContext(): RunContext {
  return {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    color: Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env),
    cwd: process.cwd(),
  };
}
