import { ENGINE_VERSION } from '../engine/stamp.ts';
import { type H, html } from './html.ts';

const NAV = [
  ['/assess', 'Assess a case', 'assess'],
  ['/stories', "The report's stories", 'stories'],
  ['/compare', 'Compare reforms', 'compare'],
  ['/law', 'The law by date', 'law'],
  ['/data', 'Data', 'data'],
] as const;
export type Section = (typeof NAV)[number][2] | 'home' | 'none';

/**
 * Every page: landmarks (banner, navigation, main, contentinfo), a skip link, local CSS and htmx only.
 * The CSP (default-src 'self') forbids inline styles and scripts, so htmx is told not to add its
 * indicator styles nor settle `style` attributes, and the page's own behaviour is in /static/app.js.
 */
export function page(opts: { title: string; section: Section; body: H; head?: H }): H {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title} · Proportion</title>
<link rel="stylesheet" href="/static/app.css">
<script src="/static/htmx.min.js" defer></script>
<script src="/static/app.js" defer></script>
<meta name="htmx-config" content='{"includeIndicatorStyles":false,"allowEval":false,"selfRequestsOnly":true,"attributesToSettle":["class","width","height"]}'>
${opts.head ?? ''}
</head>
<body>
<a class="skip" href="#main">Skip to the main content</a>
<header class="site">
<a class="brand" href="/">Proportion</a>
<p class="tagline">Drug-supply cases under the law of any date, explained and cited: the Drug Policy Alliance's <i>Rethinking the "Drug Dealer"</i> (2019) as rules-as-code.</p>
<nav class="main" aria-label="Main">
<ul>${NAV.map(
    ([href, label, id]) =>
      html`<li><a href="${href}"${opts.section === id ? html` aria-current="page"` : ''}>${label}</a></li>`,
  )}</ul>
</nav>
</header>
<main id="main" tabindex="-1">
${opts.body}
</main>
<footer class="site">
<p>Proportion ${ENGINE_VERSION}. Not legal advice: every number is computed from the cited law data and can be checked on the <a href="/law">law pages</a>. API: <a href="/v1/openapi.json">OpenAPI 3.1 document</a>.</p>
</footer>
</body>
</html>`;
}
