/** A refusal of backup or restore that an operator can act on; the CLI prints its message and exits 1. */
export class BackupError extends Error {}
