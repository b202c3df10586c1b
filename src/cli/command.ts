export interface Command {
  name: string;
  summary: string;
  /** Usage lines and options, shown by `help <command>`. */
  usage: string;
  run(args: string[]): Promise<number | void>;
}

/** A user error: printed without a stack trace, exit code 1. */
export class CliError extends Error {}
