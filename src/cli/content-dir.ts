import path from 'node:path';

/**
 * The content folder a command works on: its `--dir` flag, else CONTENT_DIR from the environment
 * (the same variable the server reads), else `./content`. Command-line entry points are composition
 * roots like `main.ts`, so they may read the environment.
 */
export function contentDirFor(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(flag ?? (env.CONTENT_DIR || 'content'));
}
