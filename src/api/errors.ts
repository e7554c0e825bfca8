import type { z } from 'zod';

/** One problem with a request: the field's dotted path (or "(body)", "(query)") and the reason. */
export interface Problem {
  path: string;
  message: string;
}

/** The body of every error response: what went wrong, and each problem with its field path. */
export interface ErrorBody {
  error: string;
  problems: Problem[];
}

/** An error a handler raises on purpose; app.onError turns it into `{error, problems}` with its status. */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 500 | 501 | 503,
    message: string,
    readonly problems: Problem[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * Zod issues as problems with dotted paths. For an unknown key zod reports the parent as the path and
 * the names in `keys`: each key becomes its own problem so the error names the field.
 */
export function zodToProblems(error: z.ZodError, prefix: readonly (string | number)[] = []): Problem[] {
  const out: Problem[] = [];
  for (const issue of error.issues) {
    const base = [...prefix, ...issue.path].map(String);
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) out.push({ path: [...base, k].join('.'), message: 'unknown field' });
    } else {
      out.push({ path: base.join('.') || '(body)', message: issue.message });
    }
  }
  return out;
}

export const errorBody = (error: string, problems: Problem[] = []): ErrorBody => ({ error, problems });
