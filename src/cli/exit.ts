/**
 * Exit statuses of `kb`, in one place (the help text and the README list
 * them). A script can tell "the input was read" from "fix the command" from
 * "this paste is too big to triage" without parsing messages.
 */
export const EXIT = {
  /** The input was read and triaged, whether or not an error was recognised. */
  OK: 0,
  /** A bug in kb itself (an unexpected exception). */
  INTERNAL: 1,
  /** Usage or input error: bad option, unreadable file, invalid JSON Lines, invalid or empty knowledge base. */
  USAGE: 2,
  /** An input (or one JSON Lines ticket) is over the size limit and was not triaged. */
  TOO_LARGE: 3,
} as const;

export type ExitStatus = (typeof EXIT)[keyof typeof EXIT];

/** An error the user can fix; printed as `kb: <message>` and exits with `status`. */
export class CliError extends Error {
  readonly status: ExitStatus;
  /** Print "Run kb --help" after the message. */
  readonly showUsage: boolean;

  constructor(message: string, status: ExitStatus = EXIT.USAGE, showUsage = false) {
    super(message);
    this.name = 'CliError';
    this.status = status;
    this.showUsage = showUsage;
  }
}

/** A mistake in the command line itself. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, EXIT.USAGE, true);
  }
}
