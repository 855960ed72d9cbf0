import { parseArgs, type ParseArgsConfig } from 'node:util';

type FlagOptions = NonNullable<ParseArgsConfig['options']>;

/**
 * The command's flags (no positionals) from `process.argv`, parsed by `node:util` parseArgs. On an
 * unknown flag, a flag missing its value or a stray positional, writes `usage` to stderr and returns
 * undefined: the caller then exits 2.
 */
export function parseFlags<T extends FlagOptions>(options: T, usage: string) {
  try {
    return parseArgs({ options }).values;
  } catch {
    process.stderr.write(`${usage}\n`);
    return undefined;
  }
}
