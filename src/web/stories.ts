import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The report's stories (examples/stories.json) and their contract cases (examples/cases/). */
export interface Story {
  slug: string;
  name: string;
  jurisdiction: string;
  year?: number;
  report_account: string;
  sentence_of_record?: { text: string; months?: unknown; research_note?: string };
  outcome?: { text: string; status?: string; year?: number; research_note?: string };
  /** research notes: how each fact was chosen, for the people maintaining the examples (not shown) */
  assumptions?: string[];
  /** the same, for readers: what is a placeholder or an assumption, in plain words (shown) */
  encoding_notes?: string[];
  sources?: { title: string; url: string; research_note?: string }[];
  expected?: Record<string, unknown>;
}

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
let stories: Story[] | undefined;
const cases = new Map<string, unknown>();

export function allStories(): Story[] {
  stories ??= JSON.parse(readFileSync(`${EXAMPLES}stories.json`, 'utf8')) as Story[];
  return stories;
}

export function story(slug: string): Story | undefined {
  return allStories().find((s) => s.slug === slug);
}

/** The story's case as JSON (validated by the caller). */
export function storyCase(slug: string): unknown {
  if (!story(slug)) return undefined;
  if (!cases.has(slug)) cases.set(slug, JSON.parse(readFileSync(`${EXAMPLES}cases/${slug}.json`, 'utf8')));
  return structuredClone(cases.get(slug));
}
