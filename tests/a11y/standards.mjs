// Independent validators on a built site, as a ministry's web team would run them:
//
//   node tests/a11y/standards.mjs SITE_DIR
//
// - pa11y (HTML_CodeSniffer, WCAG 2 AA) on every page kind in both languages, and on
//   the embeddable fragments inside a minimal page of another site: no error;
// - Lighthouse (SEO, best practices, accessibility) on the list, a vacancy and the
//   archive: every score 100.
// SITE_DIR is the output of `kadr build` of the sample site (`--today 2026-11-27`). It
// is served on 127.0.0.1 from this process: pages are requested at their paths below
// the site's base URL, as the real server would serve them. Both tools drive Debian's
// Chromium (CHROMIUM, default /usr/bin/chromium); neither downloads a browser.

import { createServer } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import pa11y from "pa11y";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"];
const siteDir = process.argv[2];
if (!siteDir || !existsSync(join(siteDir, "index.html"))) {
  console.error("usage: node standards.mjs SITE_DIR  (SITE_DIR: output of kadr build)");
  process.exit(2);
}

// The path below which the site lives, from its root redirect's canonical address.
const rootIndex = readFileSync(join(siteDir, "index.html"), "utf8");
const canonical = rootIndex.match(/<link rel="canonical" href="([^"]+)">/)?.[1] ?? "";
const prefix = new URL(canonical).pathname.replace(/[^/]*$/, "").replace(/\/$/, "");

const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml", ".xml": "application/xml", ".json": "application/json" };
const server = createServer((req, res) => {
  const url = new URL(req.url, "http://127.0.0.1");
  let path = decodeURIComponent(url.pathname);
  if (!path.startsWith(prefix + "/")) {
    res.writeHead(404).end();
    return;
  }
  path = normalize(path.slice(prefix.length)).replace(/^(\.\.[/\\])+/, "");
  let file = join(siteDir, path);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
  if (!existsSync(file)) {
    const lang = path.startsWith("/ru/") ? "ru" : "kk";
    res.writeHead(404, { "content-type": TYPES[".html"] }).end(readFileSync(join(siteDir, lang, "404.html")));
    return;
  }
  // `?portal`: a fragment (embed.html, embed/index.html) inside a minimal page of
  // another site, as the state portal would show it.
  if (url.searchParams.has("portal")) {
    const lang = path.startsWith("/ru/") ? "ru" : "kk";
    const page = `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>portal</title></head><body><main>${readFileSync(file, "utf8")}</main></body></html>`;
    res.writeHead(200, { "content-type": TYPES[".html"] }).end(page);
    return;
  }
  res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
});
await new Promise((done) => server.listen(0, "127.0.0.1", done));
const base = `http://127.0.0.1:${server.address().port}${prefix}`;

// One page of each kind, in each language (the sample site's ids).
const kinds = {
  list: (l, s) => `/${l}/${s}/`,
  "open vacancy": (l, s) => `/${l}/${s}/2026-dp-almaty-0142/`,
  "closed vacancy": (l, s) => `/${l}/${s}/2025-dp-almaty-0387/`,
  archive: (l, s) => `/${l}/${s}/archive/`,
  "unit filter": (l, s) => `/${l}/${s}/unit/dp-almaty/`,
  "category filter": (l, s) => `/${l}/${s}/category/c-3/`,
  "not found": (l) => `/${l}/404.html`,
  "embedded list": (l, s) => `/${l}/${s}/embed/?portal`,
  "embedded vacancy": (l, s) => `/${l}/${s}/2026-dp-almaty-0142/embed.html?portal`,
};
const slugs = { kk: "kadr-sayasaty", ru: "kadrovaya-politika" };
let failed = 0;

console.log("pa11y (WCAG2AA)");
for (const [kind, path] of Object.entries(kinds)) {
  for (const [lang, slug] of Object.entries(slugs)) {
    const url = base + path(lang, slug);
    const result = await pa11y(url, {
      standard: "WCAG2AA",
      includeNotices: false,
      includeWarnings: false,
      chromeLaunchConfig: { executablePath: CHROMIUM, args: FLAGS.filter((f) => f !== "--headless") },
    });
    const errors = result.issues.filter((i) => i.type === "error");
    console.log(`  ${errors.length === 0 ? "ok  " : "FAIL"} ${kind}, ${lang}: ${errors.length} errors`);
    for (const e of errors) console.log(`       ${e.code} at ${e.selector}: ${e.message}`);
    failed += errors.length;
  }
}

console.log("Lighthouse (SEO, best practices, accessibility: 100 each)");
const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
try {
  for (const kind of ["list", "open vacancy", "archive"]) {
    for (const [lang, slug] of Object.entries(slugs)) {
      const url = base + kinds[kind](lang, slug);
      const run = await lighthouse(url, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["seo", "best-practices", "accessibility"],
      });
      const scores = Object.fromEntries(
        Object.entries(run.lhr.categories).map(([k, v]) => [k, Math.round((v.score ?? 0) * 100)]),
      );
      const ok = Object.values(scores).every((s) => s === 100);
      console.log(`  ${ok ? "ok  " : "FAIL"} ${kind}, ${lang}: ${JSON.stringify(scores)}`);
      if (!ok) {
        failed += 1;
        for (const a of Object.values(run.lhr.audits)) {
          if (a.score !== null && a.score < 1 && ["binary", "numeric"].includes(a.scoreDisplayMode)) {
            console.log(`       ${a.id}: ${a.title}`);
          }
        }
      }
    }
  }
} finally {
  await chrome.kill();
  server.close();
}
console.log(failed === 0 ? "all standards met" : `${failed} problems`);
process.exit(failed === 0 ? 0 : 1);
