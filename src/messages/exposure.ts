import type { Template } from './catalog.ts';

export const exposureMessages: Record<string, Template> = {};
