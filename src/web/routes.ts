import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError, type Problem } from '../api/errors.ts';
import { jurisdictions } from '../api/law-view.ts';
import type { ReleaseStore } from '../api/releases.ts';
import { compareWith, parseReformText } from '../api/scenarios.ts';
import { type Answer, answerFirst } from '../engine/answer.ts';
import { assess } from '../engine/assess.ts';
import type { Comparison } from '../engine/compare.ts';
import { DEFAULT_SCENARIOS } from '../engine/compare.ts';
import { reformCatalog } from '../engine/scenarios.ts';
import type { Reform } from '../law/reform.ts';
import { fieldLabel, SCENARIO_LABELS } from '../messages/labels.ts';
import type { Assessment } from '../model/assessment.ts';
import { type Case, parseCase } from '../model/case.ts';
import { isIsoDate } from '../model/dates.ts';
import { renderComparison } from './compare-view.ts';
import { type DataQuery, FILTERS, renderDataPage } from './data-page.ts';
import { type Draft, formToDraft, neededFields, renderForm } from './form.ts';
import { decodeCase, encodeCase, type H, html } from './html.ts';
import { renderLawPage } from './law-page.ts';
import { page } from './layout.ts';
import { assessmentPdf } from './pdf.ts';
import { openQuestions, renderAnswer, renderResult } from './result.ts';
import { askedFields, mergeStep, owned, renderSteps, STEPS, stepFields, stepHref } from './steps.ts';
import { allStories, story, storyCase } from './stories.ts';
import { CSS } from './styles.ts';

export interface WebOptions {
  today: () => string;
  releases?: ReleaseStore | undefined;
  bodyLimitBytes: number;
}

const require = createRequire(import.meta.url);
const HTMX = readFileSync(require.resolve('htmx.org/dist/htmx.min.js'), 'utf8');

/** The case jurisdictions a form can name: federal, then the states with law data. */
const caseJurisdictions = () =>
  jurisdictions()
    .map((j) => j.code)
    .filter((c) => /^US-(FED|[A-Z]{2})$/.test(c));

type Form = Record<string, string | string[]>;
function flatten(body: Record<string, unknown>): Form {
  const out: Form = {};
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
  }
  return out;
}

/** A case from ?story=slug or ?c=<base64url JSON>, or undefined. */
function caseFromQuery(q: { story?: string | undefined; c?: string | undefined }): unknown {
  if (q.story) return storyCase(q.story);
  if (q.c) return decodeCase(q.c);
  return undefined;
}

function assessDraft(
  draft: Draft,
  asOf: string | undefined,
  today: string,
): { a?: Assessment; c?: Case; problems: Problem[] } {
  const parsed = parseCase(draft);
  if (!parsed.ok) return { problems: parsed.problems };
  if (asOf && !isIsoDate(asOf)) return { problems: [{ path: 'as_of', message: 'must be a real date' }] };
  return {
    c: parsed.case,
    a: assess(parsed.case, { evaluationDate: today, ...(asOf ? { asOf } : {}) }),
    problems: [],
  };
}

/** The answer first, when the other scenarios can be assessed too (a refusal there leaves it out). */
function answerOf(c: Case, today: string, applied?: Assessment): Answer | undefined {
  try {
    return answerFirst(c, { evaluationDate: today }, applied);
  } catch {
    return undefined;
  }
}

function assessPage(
  draft: Draft,
  asOf: string | undefined,
  today: string,
  opts: { assess: boolean; intro?: H; linkLaw?: string | undefined; problems?: Problem[] },
): { html: H; permalink?: string } {
  const assessed = opts.assess ? assessDraft(draft, asOf, today) : { problems: [] as Problem[] };
  const r = { ...assessed, problems: [...(opts.problems ?? []), ...assessed.problems] };
  const needed = r.a ? neededFields(openQuestions(r.a).missing) : new Set<string>();
  if (r.a) for (const q of openQuestions(r.a).questions) if (q.field) needed.add(q.field);
  const pdfHref = r.c ? `/assess.pdf?c=${encodeCase(r.c)}${asOf ? `&as_of=${asOf}` : ''}` : undefined;
  const compareHref = r.c ? `/compare?c=${encodeCase(r.c)}` : undefined;
  const link = r.a ? permalink(draft, asOf, lawStamp(r.a)) : undefined;
  // the assessment shown is the case at its own dates unless an "as of" date was asked
  const answer = r.c && r.a ? answerOf(r.c, today, asOf ? undefined : r.a) : undefined;
  const staleLaw = r.a && opts.linkLaw && opts.linkLaw !== lawStamp(r.a) ? opts.linkLaw : undefined;
  const body = page({
    title: r.a ? `Assessment${r.a.case_id ? ` of ${r.a.case_id}` : ''}` : 'Assess a case',
    section: 'assess',
    body: html`<h1>Assess a case</h1>
${opts.intro ?? html`<p class="lede">Enter what is known. Anything you leave blank counts as “I don't know”: the result then shows the worst case, the best case where it differs, and the questions that would settle it.</p>`}
<p class="no-print"><a href="/assess/steps${r.c || opts.assess ? `?c=${encodeCase(draft)}` : ''}" data-testid="to-steps">Answer step by step instead</a>: only the questions the law needs for this case, one step at a time.</p>
<details class="no-print" id="case-file"><summary>Open a saved case file (JSON)</summary>
<form method="post" action="/assess" enctype="multipart/form-data" class="panel">
<div class="field"><label for="f-case_file">Case file</label><span class="hint" id="f-case_file-hint">a case saved from this page, or any case in the contract's JSON (v1)</span>
<input id="f-case_file" type="file" name="case_file" accept=".json,application/json" aria-describedby="f-case_file-hint"></div>
<div class="actions"><button type="submit" name="action" value="upload">Open and assess</button></div>
</form></details>
<div id="workspace">
${staleLaw ? html`<div class="notice warn" role="status" data-testid="law-changed"><p>This link was made with law data <code>${staleLaw}</code>; the law data has changed since (now <code>${r.a ? lawStamp(r.a) : ''}</code>), so the result below is computed under the current data and may differ.</p></div>` : ''}
${r.problems.length ? html`<div class="notice crit" role="alert" data-testid="problems"><p><strong>The case cannot be assessed yet:</strong> ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}, marked at the fields below.</p></div>` : ''}
${r.a ? html`<p role="status" class="visually-hidden">Assessment updated.</p>` : ''}
${
  r.a
    ? html`${answer ? renderAnswer(answer) : ''}${renderResult(r.a, { ...(pdfHref ? { pdfHref } : {}), scenarioTitles: scenarioTitles() })}
<div class="actions no-print" data-testid="share"><a class="button secondary" href="${link}" data-testid="permalink">Link to this result</a>${r.c ? html`<a class="button secondary" href="/assess.json?c=${encodeCase(r.c)}" download="${caseFileName(r.c.id)}.json">Save the case (JSON)</a>` : ''}${compareHref ? html`<a class="button secondary" href="${compareHref}">Compare under reforms</a>` : ''}</div>
<p class="cite no-print">The link holds the facts entered and the law data stamp <code>${lawStamp(r.a)}</code>: opened later, it shows this result again, and says so if the law data has changed.</p>
<h2 class="no-print" id="facts-heading">The facts: change any answer and assess again</h2>`
    : ''
}
${renderForm({ draft, problems: r.problems, needed, jurisdictionCodes: caseJurisdictions(), asOf })}
</div>`,
  });
  return { html: body, ...(link ? { permalink: link } : {}) };
}

/** One step of the guided assessment for a draft, with the answer so far when the draft is a case. */
function stepsPage(
  draft: Draft,
  index: number,
  today: string,
  opts: { extra?: number; problems?: Problem[]; note?: string } = {},
): { html: H; fields: string[] } {
  const step = STEPS[index] as (typeof STEPS)[number];
  const parse = (d: Draft): Case | undefined => {
    const p = parseCase(d);
    return p.ok ? p.case : undefined;
  };
  const c = parse(draft);
  const a = c ? assess(c, { evaluationDate: today }) : undefined;
  const needed = a ? neededFields(openQuestions(a).missing) : new Set<string>();
  const run = (t: Case) => assess(t, { evaluationDate: today, messages: false });
  const fields = askedFields(
    stepFields(step, draft, caseJurisdictions(), opts.extra ?? 0),
    draft,
    needed,
    run,
    parse,
  );
  const answer = c && a ? answerOf(c, today, a) : undefined;
  const body = page({
    title: `Step ${index + 1}: ${step.title}`,
    section: 'assess',
    body: html`<h1>Assess a case, step by step</h1>
<p class="lede">One step at a time, asking only what the law needs for this case. Anything left blank counts as “I don't know”. Prefer one page? <a href="/assess?c=${encodeCase(draft)}">Every question on one page</a>.</p>
${renderSteps({ index, draft, problems: opts.problems ?? [], needed, fields, answer, note: opts.note })}`,
  });
  return { html: body, fields: fields.map((f) => f.name) };
}

const caseFileName = (id: string | undefined) =>
  `proportion-${(id ?? 'case').replace(/[^A-Za-z0-9_-]/g, '') || 'case'}`;

/** A case file's JSON, or the problem that stops it from being read. */
async function readCaseFile(file: File): Promise<{ draft?: Draft; problem?: Problem }> {
  const text = await file.text();
  try {
    const v = JSON.parse(text) as unknown;
    if (v === null || typeof v !== 'object' || Array.isArray(v))
      return { problem: { path: 'case_file', message: 'must be one case: a JSON object' } };
    return { draft: v as Draft };
  } catch (e) {
    return { problem: { path: 'case_file', message: `not valid JSON: ${(e as Error).message}` } };
  }
}

function scenarioTitles(): Record<string, string> {
  const t: Record<string, string> = { ...SCENARIO_LABELS };
  for (const r of reformCatalog().values()) t[r.id] = r.title;
  return t;
}

/** The law data's short stamp as a permalink carries it (12 hex digits of its content hash). */
const lawStamp = (a: Assessment) =>
  String(a.stamp.law_data)
    .replace(/^sha256:/, '')
    .slice(0, 12);

/** The address that reproduces an assessment: the case as entered, the what-if date and the law stamp. */
export function permalink(draft: unknown, asOf: string | undefined, law?: string): string {
  return `/assess?c=${encodeCase(draft)}${asOf ? `&as_of=${encodeURIComponent(asOf)}` : ''}${law ? `&law=${law}` : ''}`;
}

export function renderError(status: number, message: string, problems: Problem[] = []): H {
  return page({
    title: `Error ${status}`,
    section: 'none',
    body: html`<h1>${status === 404 ? 'Not found' : 'Something is wrong with the request'}</h1><div class="notice crit" role="alert"><p>${message}</p>${problems.length ? html`<ul>${problems.map((p) => html`<li><code>${p.path}</code>: ${p.message}</li>`)}</ul>` : ''}</div><p><a href="/">Back to the start</a></p>`,
  });
}

/** The app's only script of its own: behaviour that would otherwise be an inline handler (CSP forbids those). */
const APP_JS = `document.addEventListener('click', (e) => {
  if (e.target instanceof Element && e.target.closest('[data-action="print"]')) window.print();
});
`;

export function webRoutes(opts: WebOptions) {
  const web = new Hono();
  const limit = bodyLimit({
    maxSize: opts.bodyLimitBytes,
    onError: () => {
      throw new ApiError(413, `the form is larger than the limit of ${opts.bodyLimitBytes} bytes`, [
        { path: '(body)', message: 'too large' },
      ]);
    },
  });

  web.get('/static/app.css', (c) =>
    c.body(CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=300' }),
  );
  web.get('/static/htmx.min.js', (c) =>
    c.body(HTMX, 200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=86400',
    }),
  );
  web.get('/static/app.js', (c) =>
    c.body(APP_JS, 200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
    }),
  );
  web.get('/favicon.ico', (c) => c.body(null, 204));

  // ---- home
  web.get('/', (c) =>
    c.html(
      page({
        title: 'Home',
        section: 'home',
        body: html`<h1>Who is a “drug dealer”, and what does the law do to them?</h1>
<p class="lede">Proportion applies federal drug-sentencing law, as it stood on any date, to a case you enter or to one of the report's stories: the person's real role in the supply chain, how strong the evidence of “sale” is, the sentence they face with every number cited, what the Drug Policy Alliance's 2019 agenda would do instead, and what it all costs.</p>
<ul class="cards">
<li class="card"><h2><a href="/assess?story=aron-tuff">Start with Aron Tuff's case</a></h2><p>0.3 g of cocaine, $90 and “hand motions”: life without parole in Georgia in 1995.</p></li>
<li class="card"><h2><a href="/assess/steps">Assess a case, step by step</a></h2><p>A guided form that asks only what the rules need for the case; “I don't know” is always an answer. Or <a href="/assess">every question on one page</a>.</p></li>
<li class="card"><h2><a href="/stories">The report's stories</a></h2><p>Fifteen people from the report, each with what Proportion computes.</p></li>
<li class="card"><h2><a href="/compare">Compare reforms</a></h2><p>The same case under the law then, the law today, enacted reforms and the report's agenda, with the differences explained.</p></li>
<li class="card"><h2><a href="/law">The law by date</a></h2><p>Every threshold and minimum with its history and citation.</p></li>
<li class="card"><h2><a href="/data">Data</a></h2><p>Published aggregate statistics, with confidence intervals and suppression.</p></li>
</ul>`,
      }),
    ),
  );

  // ---- assess
  web.get('/assess', (c) => {
    const q = { story: c.req.query('story'), c: c.req.query('c') };
    const loaded = caseFromQuery(q);
    if ((q.story || q.c) && (loaded === undefined || typeof loaded !== 'object'))
      return c.html(
        renderError(404, q.story ? `No story "${q.story}".` : 'The case in the link cannot be read.'),
        404,
      );
    const s = q.story ? story(q.story) : undefined;
    const asOf = c.req.query('as_of') || undefined;
    const intro = s
      ? html`<div class="panel"><h2>${s.name}</h2><p>${s.report_account}</p><p><a href="/stories/${s.slug}">The full story, and what Proportion computes →</a></p></div>`
      : undefined;
    const draft = (loaded ?? { jurisdiction: 'US-FED', conduct: { activities: [], drugs: [] } }) as Draft;
    return c.html(
      assessPage(draft, asOf, opts.today(), {
        assess: loaded !== undefined,
        linkLaw: c.req.query('law'),
        ...(intro ? { intro } : {}),
      }).html,
    );
  });
  web.post('/assess', limit, async (c) => {
    const body = await c.req.parseBody({ all: true });
    const form = flatten(body);
    const asOf = typeof form.as_of === 'string' && form.as_of ? form.as_of : undefined;
    let draft = formToDraft(form);
    if (form.action === 'add_prior') {
      draft.__add_prior = true;
      return c.html(assessPage(draft, asOf, opts.today(), { assess: false }).html);
    }
    if (form.action === 'upload') {
      const file = body.case_file;
      const read =
        file instanceof File && file.size > 0
          ? await readCaseFile(file)
          : { problem: { path: 'case_file', message: 'choose a case file' } };
      if (!read.draft)
        return c.html(
          assessPage(draft, asOf, opts.today(), {
            assess: false,
            problems: read.problem ? [read.problem] : [],
          }).html,
          422,
        );
      draft = read.draft;
    }
    const r = assessPage(draft, asOf, opts.today(), { assess: true });
    // The address becomes the result's permalink: htmx is told to push it; without JavaScript the
    // browser is sent there (post/redirect/get), so reloading or sharing the page reproduces the result.
    if (!r.permalink) return c.html(r.html);
    if (c.req.header('HX-Request') === 'true') {
      c.header('HX-Push-Url', r.permalink);
      return c.html(r.html);
    }
    return c.redirect(r.permalink, 303);
  });
  // ---- the guided assessment, one step at a time
  web.get('/assess/steps', (c) => {
    const given = c.req.query('c');
    const loaded = given ? decodeCase(given) : undefined;
    if (given && (loaded === undefined || typeof loaded !== 'object' || Array.isArray(loaded)))
      return c.html(renderError(404, 'The case in the link cannot be read.'), 404);
    const n = Number(c.req.query('step') ?? 1);
    const index = Number.isInteger(n) && n >= 1 && n <= STEPS.length ? n - 1 : 0;
    const draft = (loaded ?? { jurisdiction: 'US-FED', conduct: { activities: [], drugs: [] } }) as Draft;
    return c.html(stepsPage(draft, index, opts.today()).html);
  });
  web.post('/assess/steps', limit, async (c) => {
    const form = flatten(await c.req.parseBody({ all: true }));
    const n = Number(form.step);
    const index = Number.isInteger(n) && n >= 1 && n <= STEPS.length ? n - 1 : 0;
    const step = STEPS[index] as (typeof STEPS)[number];
    const previous = typeof form.draft === 'string' ? decodeCase(form.draft) : undefined;
    const draft = mergeStep(
      previous && typeof previous === 'object' && !Array.isArray(previous) ? (previous as Draft) : {},
      step,
      formToDraft(form),
    );
    const htmx = c.req.header('HX-Request') === 'true';
    const go = (to: number) => {
      if (form.action === 'finish' && to >= STEPS.length) {
        const link = permalink(draft, undefined);
        if (htmx) {
          c.header('HX-Redirect', link);
          return c.body(null, 200);
        }
        return c.redirect(link, 303);
      }
      const href = stepHref(draft, to);
      if (!htmx) return c.redirect(href, 303);
      c.header('HX-Push-Url', href);
      return c.html(stepsPage(draft, to, opts.today()).html);
    };
    const stay = (o: Parameters<typeof stepsPage>[3]) => {
      if (htmx) c.header('HX-Push-Url', stepHref(draft, index));
      return c.html(stepsPage(draft, index, opts.today(), o).html);
    };
    if (form.action === 'add') return stay({ extra: 1 });
    if (form.action === 'back') return go(Math.max(0, index - 1));
    const parsed = parseCase(draft);
    const problems = parsed.ok ? [] : parsed.problems.filter((p) => owned(step, p.path));
    if (problems.length) return stay({ problems });
    // An answer can open questions the step did not show (a prior's facts, once its kind is known): ask them.
    const shown = new Set(typeof form.shown === 'string' ? form.shown.split(' ') : []);
    const now = stepsPage(draft, index, opts.today()).fields;
    const fresh = now.filter((f) => !shown.has(f));
    if (fresh.length && shown.size)
      return stay({
        note: `The law needs more about this for the case: ${fresh.map((f) => fieldLabel(f)).join('; ')}. Answer them, or leave them blank if you don't know, and go on.`,
      });
    return go(index + 1);
  });
  web.get('/assess.json', (c) => {
    const raw = caseFromQuery({ story: c.req.query('story'), c: c.req.query('c') });
    const parsed = parseCase(raw);
    if (!parsed.ok) throw new ApiError(422, 'the case does not match the contract', parsed.problems);
    return c.body(`${JSON.stringify(parsed.case, null, 2)}\n`, 200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${caseFileName(parsed.case.id)}.json"`,
    });
  });
  const pdfResponse = async (raw: unknown, asOf: string | undefined, origin: string) => {
    const parsed = parseCase(raw);
    if (!parsed.ok) throw new ApiError(422, 'the case does not match the contract', parsed.problems);
    if (asOf && !isIsoDate(asOf))
      throw new ApiError(400, 'invalid as_of', [
        { path: 'as_of', message: 'must be a real date YYYY-MM-DD' },
      ]);
    const a = assess(parsed.case, { evaluationDate: opts.today(), ...(asOf ? { asOf } : {}) });
    const buf = await assessmentPdf(a, {
      facts: parsed.case,
      scenarioTitles: scenarioTitles(),
      permalink: `${origin}${permalink(parsed.case, asOf, lawStamp(a))}`,
    });
    return new Response(new Uint8Array(buf), {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="proportion-${(a.case_id ?? 'assessment').replace(/[^A-Za-z0-9_-]/g, '')}.pdf"`,
      },
    });
  };
  web.get('/assess.pdf', async (c) => {
    const raw = caseFromQuery({ story: c.req.query('story'), c: c.req.query('c') });
    if (raw === undefined)
      throw new ApiError(400, 'name a case: ?story=<slug> or ?c=<case as base64url JSON>', [
        { path: '(query)', message: 'no case' },
      ]);
    return pdfResponse(raw, c.req.query('as_of') || undefined, new URL(c.req.url).origin);
  });
  web.post('/assess.pdf', limit, async (c) => {
    const type = c.req.header('content-type') ?? '';
    if (type.startsWith('application/json')) {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch (e) {
        throw new ApiError(400, 'malformed JSON in the request body', [
          { path: '(body)', message: (e as Error).message },
        ]);
      }
      return pdfResponse(body, c.req.query('as_of') || undefined, new URL(c.req.url).origin);
    }
    const form = flatten(await c.req.parseBody({ all: true }));
    return pdfResponse(
      formToDraft(form),
      typeof form.as_of === 'string' && form.as_of ? form.as_of : undefined,
      new URL(c.req.url).origin,
    );
  });

  // ---- stories
  web.get('/stories', (c) =>
    c.html(
      page({
        title: "The report's stories",
        section: 'stories',
        body: html`<h1>The report's stories</h1>
<p class="lede">The people whose cases the report tells, encoded as cases. Each page sets the report's account beside what Proportion computes under the law at sentencing, the law today, and the report's agenda.</p>
<ul class="cards">${allStories().map(
          (s) =>
            html`<li class="card"><h2><a href="/stories/${s.slug}">${s.name}</a></h2><p>${s.jurisdiction}${s.year ? `, ${s.year}` : ''}. ${s.sentence_of_record?.text ? html`Sentence: ${s.sentence_of_record.text.split('(')[0]}` : ''}</p><p><a href="/assess?story=${s.slug}">Assess this case</a></p></li>`,
        )}</ul>`,
      }),
    ),
  );
  web.get('/stories/:slug', (c) => {
    const s = story(c.req.param('slug'));
    if (!s) return c.html(renderError(404, `No story "${c.req.param('slug')}".`), 404);
    const parsed = parseCase(storyCase(s.slug));
    if (!parsed.ok)
      return c.html(renderError(500, `The case file for ${s.name} does not validate.`, parsed.problems), 500);
    const comparison = compareWith(parsed.case, DEFAULT_SCENARIOS, undefined, opts.today());
    const first = comparison.assessments[0] as Assessment;
    return c.html(
      page({
        title: s.name,
        section: 'stories',
        body: html`<p class="no-print"><a href="/stories">← All stories</a></p>
<h1>${s.name}</h1>
<section aria-labelledby="account"><h2 id="account">The report's account</h2>
<p>${s.report_account}</p>
${s.sentence_of_record ? html`<p><strong>Sentence of record:</strong> ${s.sentence_of_record.text}</p>` : ''}
${s.outcome ? html`<p><strong>What happened since:</strong> ${s.outcome.text}</p>` : ''}
${s.sources?.length ? html`<p class="cite"><span class="cite-label">Sources:</span> ${s.sources.map((x, i) => html`${i ? '; ' : ''}<a href="${x.url}" rel="noreferrer">${x.title}</a>`)}</p>` : ''}
${s.encoding_notes?.length ? html`<details><summary>How the case was encoded: what is assumed</summary><ul>${s.encoding_notes.map((x) => html`<li>${x}</li>`)}</ul><p><a href="/assess.json?story=${s.slug}" download="${s.slug}.json">The case file (JSON)</a>: every fact as entered.</p></details>` : ''}
</section>
<section aria-labelledby="computes"><h2 id="computes">What Proportion computes</h2>
<div class="actions no-print"><a class="button" href="/assess?story=${s.slug}">Open in the assessment form</a><a class="button secondary" href="/compare?story=${s.slug}">Compare under other reforms</a><a class="button secondary" href="/assess.pdf?story=${s.slug}" download>PDF</a></div>
${renderComparison(comparison, scenarioTitles())}
${renderResult(first, { title: 'The assessment under the law at the time', headingId: 'story-result', scenarioTitles: scenarioTitles() })}
</section>`,
      }),
    );
  });

  // ---- compare
  const comparePage = (q: {
    caseRaw: unknown;
    caseText: string;
    storySlug: string;
    chosen: string[];
    reformText: string;
    problems: Problem[];
    result?: Comparison;
    uploaded?: Reform;
  }) => {
    const catalog = [...reformCatalog().values()];
    const titles = { ...scenarioTitles(), ...(q.uploaded ? { [q.uploaded.id]: q.uploaded.title } : {}) };
    return page({
      title: 'Compare reforms',
      section: 'compare',
      body: html`<h1>Compare reforms</h1>
<p class="lede">The same case under the law at the time, the law today, enacted reforms, bills and the report's agenda. Rows that differ are marked and explained by the law values that changed.</p>
<div id="compare-workspace">
${q.problems.length ? html`<div class="notice crit" role="alert" data-testid="problems"><p><strong>Cannot compare yet:</strong></p><ul>${q.problems.map((p) => html`<li><code>${p.path}</code>: ${p.message}</li>`)}</ul></div>` : ''}
<form method="post" action="/compare" enctype="multipart/form-data" hx-post="/compare" hx-encoding="multipart/form-data" hx-target="#compare-workspace" hx-select="#compare-workspace" hx-swap="outerHTML show:#comparison-heading:top">
<fieldset><legend>The case</legend>
<div class="row">
<div class="field"><label for="cmp-story">One of the report's stories</label><select id="cmp-story" name="story"><option value="">(use the case below)</option>${allStories().map(
        (s) => html`<option value="${s.slug}"${s.slug === q.storySlug ? ' selected' : ''}>${s.name}</option>`,
      )}</select></div>
</div>
<div class="field"><label for="cmp-case">Or a case as JSON (contract v1)</label><span class="hint" id="cmp-case-hint">used when no story is chosen</span><textarea id="cmp-case" name="case_json" aria-describedby="cmp-case-hint" rows="6">${q.caseText}</textarea></div>
</fieldset>
<fieldset><legend>Scenarios</legend>
<div class="checks">${['law_at_sentencing', 'law_today', ...catalog.map((r) => r.id)].map(
        (id) =>
          html`<label><input type="checkbox" name="scenarios" value="${id}"${q.chosen.includes(id) ? ' checked' : ''}> ${titles[id] ?? id}${reformCatalog().get(id) ? html` <span class="hint">(${reformCatalog().get(id)?.status})</span>` : ''}</label>`,
      )}</div>
</fieldset>
<details${q.reformText ? ' open' : ''}><summary>Upload a reform of your own (JSON or YAML)</summary>
<fieldset><legend class="visually-hidden">Your reform</legend>
<p class="hint">A reform is a patch over the law's parameters: copy one from <a href="/v1/reforms/first-step-act-2018">the catalog</a> and edit it. It is compared after the scenarios ticked above.</p>
<div class="field"><label for="cmp-reform">Reform text</label><textarea id="cmp-reform" name="reform_text" rows="8">${q.reformText}</textarea></div>
<div class="field"><label for="cmp-reform-file">Or a reform file</label><input id="cmp-reform-file" type="file" name="reform_file" accept=".json,.yaml,.yml,application/json,text/yaml"></div>
</fieldset></details>
<div class="actions"><button type="submit">Compare</button></div>
</form>
${q.result ? renderComparison(q.result, titles) : ''}
</div>`,
    });
  };
  web.get('/compare', (c) => {
    const storySlug = c.req.query('story') ?? '';
    const raw = caseFromQuery({ story: storySlug || undefined, c: c.req.query('c') });
    const chosen = c.req.queries('scenarios') ?? ['law_at_sentencing', 'law_today', 'dpa-2019'];
    let result: Comparison | undefined;
    const problems: Problem[] = [];
    if (raw !== undefined) {
      const parsed = parseCase(raw);
      if (!parsed.ok) problems.push(...parsed.problems.map((p) => ({ ...p, path: `case.${p.path}` })));
      else {
        try {
          result = compareWith(parsed.case, chosen, undefined, opts.today());
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
          problems.push(...e.problems);
        }
      }
    }
    return c.html(
      comparePage({
        caseRaw: raw,
        caseText: raw !== undefined && !storySlug ? JSON.stringify(raw, null, 2) : '',
        storySlug,
        chosen,
        reformText: '',
        problems,
        ...(result ? { result } : {}),
      }),
    );
  });
  web.post('/compare', limit, async (c) => {
    const body = await c.req.parseBody({ all: true });
    const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
    const storySlug = str('story');
    const caseText = str('case_json');
    const chosen = (
      Array.isArray(body.scenarios) ? body.scenarios : body.scenarios ? [body.scenarios] : []
    ).filter((x): x is string => typeof x === 'string');
    let reformText = str('reform_text');
    const file = body.reform_file;
    if (file instanceof File && file.size > 0) reformText = await file.text();
    const problems: Problem[] = [];
    let raw: unknown;
    if (storySlug) raw = storyCase(storySlug);
    else if (caseText.trim()) {
      try {
        raw = JSON.parse(caseText);
      } catch (e) {
        problems.push({ path: 'case', message: `not valid JSON: ${(e as Error).message}` });
      }
    } else problems.push({ path: 'case', message: 'choose a story or paste a case' });
    let reform: Reform | undefined;
    if (reformText.trim()) {
      const r = parseReformText(reformText);
      if (r.ok) reform = r.reform;
      else problems.push(...r.problems);
    }
    let result: Comparison | undefined;
    if (!problems.length) {
      const parsed = parseCase(raw);
      if (!parsed.ok) problems.push(...parsed.problems.map((p) => ({ ...p, path: `case.${p.path}` })));
      else
        try {
          result = compareWith(parsed.case, chosen, reform, opts.today());
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
          problems.push(...e.problems);
        }
    }
    return c.html(
      comparePage({
        caseRaw: raw,
        caseText,
        storySlug,
        chosen,
        reformText,
        problems,
        ...(result ? { result } : {}),
        ...(reform ? { uploaded: reform } : {}),
      }),
    );
  });

  // ---- law
  web.get('/law', (c) => {
    const date = c.req.query('date');
    const q = {
      jurisdiction: c.req.query('jurisdiction') || 'US-FED',
      date: date && isIsoDate(date) ? date : opts.today(),
      ...(c.req.query('parameter') ? { parameter: c.req.query('parameter') as string } : {}),
    };
    return c.html(page({ title: `The law on ${q.date}`, section: 'law', body: renderLawPage(q) }));
  });

  // ---- data
  web.get('/data', (c) => {
    const filters: DataQuery['filters'] = {};
    for (const f of FILTERS) {
      const v = c.req.query(f.key);
      if (v) filters[f.key] = v;
    }
    const release = c.req.query('release');
    const table = c.req.query('table');
    const pageNo = Number(c.req.query('page'));
    const q: DataQuery = {
      filters,
      ...(release ? { release } : {}),
      ...(table ? { table } : {}),
      ...(Number.isInteger(pageNo) && pageNo > 0 ? { page: pageNo } : {}),
    };
    return c.html(page({ title: 'Data', section: 'data', body: renderDataPage(opts.releases, q) }));
  });

  web.notFound((c) => c.html(renderError(404, `There is no page at ${c.req.path}.`), 404));
  return web;
}
