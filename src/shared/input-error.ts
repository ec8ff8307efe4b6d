/**
 * An input that the run cannot do without gave nothing to read (a draft that is missing, binary or
 * empty; sources that give no article). Not a crash: its message names the input and why, and the
 * command line shows it as one line and exits 2, so a gate never passes on what it did not check.
 */
export class UnreadableInputError extends Error {
  override readonly name = "UnreadableInputError";
}
