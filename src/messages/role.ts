import type { Template } from './catalog.ts';

export const roleMessages: Record<string, Template> = {};
