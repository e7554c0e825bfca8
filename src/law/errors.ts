/** The law data cannot answer: a file is malformed, or no interval covers the date asked. */
export class LawDataError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'LawDataError';
  }
}

export class LawGapError extends Error {
  constructor(
    readonly parameter: string,
    readonly date: string,
  ) {
    super(`no value of ${parameter} is in force on ${date}`);
    this.name = 'LawGapError';
  }
}
