/** Base class for the project's typed errors: `name` is set, `hint` tells an operator what to do. */
export class AppError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A bad or missing environment variable; `key` names it. */
export class ConfigError extends AppError {
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(message, `check ${key} in the environment or .env.example`);
  }
}
