import type { Template } from './catalog.ts';

export const indiciaMessages: Record<string, Template> = {};
