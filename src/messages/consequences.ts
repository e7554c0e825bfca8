import type { Template } from './catalog.ts';

export const consequencesMessages: Record<string, Template> = {};
