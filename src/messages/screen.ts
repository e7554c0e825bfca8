import type { Template } from './catalog.ts';

export const screenMessages: Record<string, Template> = {};
