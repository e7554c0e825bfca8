/** The app's stylesheet: system fonts only (no downloads), high contrast, phone-first, print rules. */
export const CSS = `
:root{--fg:#1b1b1b;--muted:#4a4a4a;--bg:#fff;--panel:#f4f5f7;--line:#c9ccd1;--link:#0a4b8c;--accent:#0a4b8c;
--warn-bg:#fff4ce;--warn-fg:#5c4400;--crit-bg:#fde7e9;--crit-fg:#8a1020;--ok-bg:#e3f4e8;--ok-fg:#0f5323;--diff:#fff1b8}
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",Arial,sans-serif;font-size:100%;line-height:1.5;color:var(--fg);background:var(--bg)}
body{margin:0}
a{color:var(--link)}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,summary:focus-visible{outline:3px solid #b35c00;outline-offset:2px}
.skip{position:absolute;left:-9999px;top:0;background:#fff;padding:.5rem 1rem;z-index:10}
.skip:focus{left:1rem}
header.site{background:#102a43;color:#fff;padding:.5rem 1rem}
header.site a{color:#fff}
header.site .brand{font-weight:700;font-size:1.2rem;text-decoration:none;margin-right:1rem}
header.site .tagline{font-size:.85rem;color:#dbe4ee;margin:0}
nav.main ul{list-style:none;margin:.25rem 0 0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem .9rem}
nav.main a{display:inline-block;padding:.35rem .1rem;font-weight:600}
nav.main a[aria-current=page]{text-decoration:underline;text-decoration-thickness:3px;text-underline-offset:5px}
main{max-width:72rem;margin:0 auto;padding:1rem;overflow-wrap:anywhere}
footer.site{max-width:72rem;margin:2rem auto 1rem;padding:0 1rem;color:var(--muted);font-size:.85rem;border-top:1px solid var(--line)}
h1{font-size:1.7rem;line-height:1.2;margin:.5rem 0 1rem}
h2{font-size:1.3rem;margin:1.5rem 0 .5rem}
h3{font-size:1.1rem;margin:1rem 0 .4rem}
.lede{font-size:1.05rem;max-width:48rem}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:1rem;padding:0;list-style:none}
.card{border:1px solid var(--line);border-radius:.5rem;padding:1rem;background:#fff}
.card h2,.card h3,.panel h2{margin-top:0}
.panel{background:var(--panel);border:1px solid var(--line);border-radius:.5rem;padding:1rem;margin:1rem 0}
.notice{border-left:6px solid var(--accent);background:#eaf2fb;padding:.75rem 1rem;margin:1rem 0}
.notice.warn{border-color:#b38600;background:var(--warn-bg);color:var(--warn-fg)}
.notice.crit{border-color:#b3132b;background:var(--crit-bg);color:var(--crit-fg)}
.synthetic{border:3px solid #8a1020;background:var(--crit-bg);color:var(--crit-fg);padding:.5rem 1rem;font-weight:700}
.cite{font-size:.82rem;color:var(--muted);margin:.15rem 0 .5rem}
.cite cite{font-style:normal}
.cite-label{font-weight:600}
form .row{display:flex;flex-wrap:wrap;gap:.75rem 1rem}
.field{display:flex;flex-direction:column;min-width:12rem;flex:1 1 12rem;margin-bottom:.5rem}
.field label,.field .label{font-weight:600}
.field .hint{font-size:.85rem;color:var(--muted)}
.field .error{color:var(--crit-fg);font-weight:600;font-size:.9rem}
.field.needed{border-left:5px solid #b38600;padding-left:.5rem;background:var(--warn-bg)}
.badge{display:inline-block;font-size:.75rem;font-weight:700;padding:0 .4rem;border-radius:.3rem;background:#5c4400;color:#fff;margin-left:.4rem;vertical-align:middle}
.badge.diff{background:#5c4400}
.badge.crit{background:#8a1020}
.badge.ok{background:#0f5323}
input,select,textarea{font:inherit;color:inherit;padding:.4rem .5rem;border:1px solid #6b7178;border-radius:.3rem;background:#fff;max-width:100%}
textarea{width:100%;min-height:8rem;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9rem}
fieldset{border:1px solid var(--line);border-radius:.5rem;margin:0 0 1rem;padding:.75rem 1rem;min-width:0}
.field select,.field input{width:100%}
.field input[type=checkbox]{width:auto}
legend{font-weight:700;padding:0 .3rem}
.checks{display:grid;grid-template-columns:repeat(auto-fill,minmax(13rem,1fr));gap:.2rem .75rem}
.checks label{font-weight:400;display:block;padding-left:1.7rem;text-indent:-1.7rem}
.checks input{margin:0 .45rem 0 0;vertical-align:-.1rem}
details{margin:.5rem 0}
details>summary{cursor:pointer;font-weight:700;padding:.3rem 0}
button,.button{font:inherit;font-weight:700;padding:.55rem 1.1rem;border-radius:.35rem;border:2px solid var(--accent);background:var(--accent);color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
button.secondary,.button.secondary{background:#fff;color:var(--accent)}
.actions{display:flex;flex-wrap:wrap;gap:.6rem;align-items:center;margin:1rem 0}
.keyfacts{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.75rem;margin:0}
.keyfacts>div{border:1px solid var(--line);border-radius:.5rem;padding:.6rem .8rem;background:#fff}
.keyfacts dt{font-weight:600;color:var(--muted);font-size:.9rem}
.keyfacts dd{margin:0;font-size:1.15rem;font-weight:700}
.keyfacts dd .bound{display:block;font-size:.9rem;font-weight:400}
.keyfacts dd .cite{font-size:.82rem;font-weight:400}
.table-wrap{overflow-x:auto;max-width:100%;position:relative}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{border:1px solid var(--line);padding:.4rem .5rem;text-align:left;vertical-align:top;overflow-wrap:break-word;hyphens:auto}
.table-wrap table{min-width:max-content;max-width:none}
.table-wrap th,.table-wrap td{max-width:22rem;min-width:5rem}
ol.steps{list-style:none;margin:0 0 1rem;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
ol.steps li[aria-current] span{font-weight:700;text-decoration:underline;text-decoration-thickness:3px;text-underline-offset:4px}
fieldset.entry{background:var(--panel)}
legend h2{display:inline;font-size:1.2rem;margin:0}
@media (max-width:40rem){.table-wrap table.stack{min-width:0}table.stack,table.stack tbody,table.stack tr,table.stack td{display:block}table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}table.stack tr{border:1px solid var(--line);margin:0 0 .4rem}table.stack td{border:0;max-width:none;min-width:0;text-align:left;padding:.1rem .5rem}table.stack td:empty{display:none}table.stack td::before{content:attr(data-label) ": ";font-weight:600}table.stack td br{display:none}table.stack td .hint::before{content:" ("}table.stack td .hint::after{content:")"}}
.pager{display:flex;flex-wrap:wrap;gap:.6rem;align-items:center}
.param-table{font-size:.9rem}
.group-title{display:inline;font-size:1.15rem;margin:0}
section[data-group]>details>summary{padding:.5rem 0;border-top:1px solid var(--line)}
thead th{background:var(--panel)}
tr.differs th,tr.differs td{background:var(--diff)}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.suppressed{font-style:italic;color:var(--muted)}
ol.timeline{list-style:none;margin:.3rem 0;padding:0 0 0 1rem;border-left:3px solid var(--line)}
ol.timeline li{position:relative;margin:.2rem 0;padding-left:.5rem}
ol.timeline li::before{content:"";position:absolute;left:-1.45rem;top:.55rem;width:.7rem;height:.7rem;border-radius:50%;background:var(--line)}
ol.timeline li[aria-current]::before{background:var(--accent)}
ol.timeline li[aria-current]{font-weight:600}
.param{border-top:1px solid var(--line);padding:.6rem 0}
.param h4{margin:0;font-size:1rem}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.88rem;overflow-wrap:anywhere}
.sev-critical{color:var(--crit-fg)}
.sev-warning{color:var(--warn-fg)}
ul.findings{padding-left:1.2rem}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.chart{max-width:100%;height:auto}
@media (max-width:40rem){main{padding:.75rem}fieldset{padding:.5rem .6rem}h1{font-size:1.4rem}.field{min-width:100%}th,td{padding:.3rem}}
@media print{header.site,nav,footer.site,form,.actions,.no-print,.skip{display:none!important}
main{max-width:none;padding:0}a{color:inherit;text-decoration:none}details{display:block}details>summary{display:none}
.keyfacts>div,.panel,.card{break-inside:avoid}body{font-size:11pt}}
`;
