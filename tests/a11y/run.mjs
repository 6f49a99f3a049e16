// Browser checks of kadr's default theme on a built site (issue 8):
//
//   node tests/a11y/run.mjs SITE_DIR [--screenshots DIR] [--kinds "archive page 2,…"]
//
// SITE_DIR is the output of `kadr build` (the sample site, built with
// `--today 2026-11-27`); this script builds nothing. In Debian's Chromium (driven by
// playwright-core) it runs axe-core with the WCAG 2.1 A and AA rules on every page kind
// (list, open vacancy, closed vacancy, archive, a unit and a category filter page, 404)
// in every language, in the normal and the low-vision mode, and checks what the theme
// promises: no horizontal scrolling from 320 px, no request to another host, the
// low-vision mode switched without JavaScript and remembered with it, filters that work
// without JavaScript and filter instantly with it. Then the W3C Nu HTML Checker (vnu)
// validates every HTML page and the CSS. Any violation or error fails the run.
//
// Pages are loaded at their real addresses (the site's base_url, read from the build):
// the browser's requests are answered from SITE_DIR, so that absolute links (the 404
// page's) work, and a request to any other host is refused and reported.

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, extname, relative, sep } from "node:path";
import { tmpdir } from "node:os";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const VNU_JAR = String(require("vnu-jar"));
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

const args = process.argv.slice(2);
const siteDir = args[0];
const shotsAt = args.indexOf("--screenshots");
const shotsDir = shotsAt >= 0 ? args[shotsAt + 1] : null;
// --kinds "archive page 2,list": only these page kinds, and no behaviour checks (for a
// second, larger site whose archive has several pages).
const kindsAt = args.indexOf("--kinds");
const onlyKinds = kindsAt >= 0 ? args[kindsAt + 1].split(",").map((k) => k.trim()) : null;
if (!siteDir || !existsSync(join(siteDir, "index.html"))) {
  console.error("usage: node run.mjs SITE_DIR [--screenshots DIR]  (SITE_DIR: output of kadr build)");
  process.exit(2);
}

// Each check (a page in a mode, a behaviour, the validator) passes unless it fails.
const results = new Map();
let current = "setup";
function begin(label) {
  current = label;
  results.set(label, true);
}
function fail(what) {
  results.set(current, false);
  console.log(`  FAIL ${what}`);
}

// --- The site's base address, from the root redirect: canonical = base + target. ---
const rootIndex = readFileSync(join(siteDir, "index.html"), "utf8");
const canonical = rootIndex.match(/<link rel="canonical" href="([^"]+)">/)?.[1];
const target = rootIndex.match(/url=([^"]+)"/)?.[1];
if (!canonical || !target || !canonical.endsWith(target)) {
  console.error("cannot read the base URL from index.html");
  process.exit(2);
}
const BASE = canonical.slice(0, canonical.length - target.length); // ends with "/"

const TYPES = {
  ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8", ".xml": "application/xml",
  ".json": "application/json", ".png": "image/png", ".svg": "image/svg+xml",
  ".ico": "image/x-icon", ".woff2": "font/woff2",
};

/** The file that answers `url` below BASE, as a static web server would. */
function fileFor(url) {
  let rel = decodeURIComponent(new URL(url).pathname.slice(new URL(BASE).pathname.length));
  if (rel === "" || rel.endsWith("/")) rel += "index.html";
  const path = join(siteDir, ...rel.split("/"));
  if (!relative(siteDir, path).split(sep).includes("..") && existsSync(path) && statSync(path).isFile()) {
    return { status: 200, path };
  }
  const lang = rel.split("/")[0];
  return { status: 404, path: join(siteDir, existsSync(join(siteDir, lang, "404.html")) ? lang : "kk", "404.html") };
}

async function newContext(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const foreign = [];
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (!url.startsWith(BASE)) {
      foreign.push(url);
      return route.abort();
    }
    const { status, path } = fileFor(url);
    return route.fulfill({ status, body: readFileSync(path), contentType: TYPES[extname(path)] || "application/octet-stream" });
  });
  context.foreign = foreign;
  return context;
}

async function open(page, url) {
  const errors = [];
  page.removeAllListeners("pageerror");
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url, { waitUntil: "load" });
  return errors;
}

async function axe(page, label) {
  await page.addScriptTag({ content: AXE_SOURCE });
  const result = await page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}: ${n.failureSummary.replace(/\s+/g, " ")}`),
    }));
  }, AXE_TAGS);
  for (const v of result) {
    fail(`${label}: axe ${v.id} (${v.impact}) ${v.help}\n      ${v.nodes.join("\n      ")}`);
  }
  return result.length;
}

async function noHorizontalScroll(page, label) {
  const [content, width, wide] = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // The innermost elements that stick out, to say what to fix.
    const wide = [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > width + 1 && ![...e.children].some((c) => c.getBoundingClientRect().right > width + 1))
      .slice(0, 3)
      .map((e) => `<${e.tagName.toLowerCase()} class="${e.className}"> ${JSON.stringify((e.textContent || "").trim().slice(0, 40))}`);
    return [document.documentElement.scrollWidth, width, wide];
  });
  if (content > width) fail(`${label}: scrolls sideways at ${width} px (content ${content} px wide): ${wide.join("; ")}`);
}

const lowVisionOn = (page) => page.evaluate(() => document.getElementById("low-vision").checked
  && getComputedStyle(document.documentElement).fontSize === "24px");

/** Every page kind of one language, found by following the site's own links. */
async function pageKinds(page, listUrl) {
  await open(page, listUrl);
  const href = (sel) => page.$eval(sel, (a) => a.href).catch(() => null);
  const kinds = {
    list: listUrl,
    vacancy: await href("section.unit li.card a"),
    unit: await href("details.filter-group:nth-of-type(1) a"),
    category: await href("details.filter-group:nth-of-type(2) a"),
    archive: await href("footer a:nth-of-type(2)"),
    "404 page": new URL("../404.html", listUrl).href,
  };
  await open(page, kinds.archive);
  kinds["closed vacancy"] = await href("ul.cards li.card a");
  const next = await href(".pagination a[rel=next]"); // only on a site with 51+ archived
  const other = await (async () => { await open(page, listUrl); return href(".lang-switch a"); })();
  for (const [kind, url] of Object.entries(kinds)) if (!url) fail(`${listUrl}: no ${kind} page found`);
  if (next) kinds["archive page 2"] = next;
  return { kinds, other };
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
let checked = 0;
let violations = 0;
const seenKinds = new Set();
try {
  // The languages: the default one from the root redirect, the others by their switch.
  const probe = await newContext(browser);
  const probePage = await probe.newPage();
  const lists = [canonical];
  const first = await pageKinds(probePage, canonical);
  if (first.other && !lists.includes(first.other)) lists.push(first.other);
  await probe.close();

  for (const listUrl of lists) {
    const lang = new URL(listUrl).pathname.slice(new URL(BASE).pathname.length).split("/")[0];
    for (const mode of ["normal", "low-vision"]) {
      // A fresh profile per language and mode: nothing remembered from another run.
      const context = await newContext(browser);
      const page = await context.newPage();
      const { kinds } = await pageKinds(page, listUrl);
      let firstPage = true;
      for (const [kind, url] of Object.entries(kinds)) {
        if (!url || (onlyKinds && !onlyKinds.includes(kind))) continue;
        const label = `${lang} ${kind} (${mode})`;
        begin(label);
        seenKinds.add(kind);
        const errors = await open(page, url);
        for (const e of errors) fail(`${label}: script error ${e}`);
        if (mode === "low-vision") {
          if (firstPage) {
            // As a reader does: click the toggle; the next pages must remember it.
            await page.click("label[for=low-vision]");
            firstPage = false;
          }
          if (!(await lowVisionOn(page))) fail(`${label}: the low-vision mode is not on`);
        }
        const n = await axe(page, label);
        violations += n;
        checked += 1;
        for (const width of [320, 1280]) {
          await page.setViewportSize({ width, height: 900 });
          await noHorizontalScroll(page, `${label} at ${width} px`);
        }
        console.log(`${n === 0 ? "ok  " : "FAIL"} ${label}: ${n} axe violations  ${url}`);
      }
      begin(`${lang} (${mode}): no request to another host`);
      if (context.foreign.length) fail(`${lang} (${mode}): requests to other hosts: ${context.foreign.join(", ")}`);
      await context.close();
    }

    if (onlyKinds) continue;
    // The list page's instant filter (JavaScript on).
    {
      begin(`${lang} instant filter`);
      const context = await newContext(browser);
      const page = await context.newPage();
      await open(page, listUrl);
      const formShown = await page.isVisible("form[data-filter-form]");
      const linksHidden = await page.isHidden(".filters .filter-groups");
      if (!formShown || !linksHidden) fail(`${lang}: with JavaScript the list should show the filter form instead of the links`);
      // The unit with the most open vacancies, so that the count's plural form is tested.
      const option = await page.$$eval("#filter-unit option", (options) => options
        .filter((o) => o.value)
        .map((o) => ({ value: o.value, text: o.textContent, n: Number(o.textContent.match(/\((\d+)\)\s*$/)?.[1]) }))
        .sort((a, b) => b.n - a.n)[0]);
      await page.selectOption("#filter-unit", option.value);
      const visible = await page.$$eval("li.card", (cards) => cards.filter((c) => !c.hidden).map((c) => c.dataset.unit));
      const expected = Number(option.text.match(/\((\d+)\)\s*$/)?.[1]);
      if (visible.length !== expected || visible.some((c) => c !== option.value)) {
        fail(`${lang}: filtering by ${option.value} shows ${JSON.stringify(visible)}, expected ${expected} of ${option.value}`);
      }
      const count = await page.textContent("#vacancy-count");
      if (!count.includes(String(expected))) fail(`${lang}: the count says ${JSON.stringify(count)} after filtering to ${expected}`);
      violations += await axe(page, `${lang} list, filtered (JavaScript)`);
      console.log(`ok   ${lang} list: instant filter by ${option.value} shows ${visible.length}: "${count}"`);
      await context.close();
    }

    // Without JavaScript: filter links, and the low-vision switch by CSS alone.
    {
      begin(`${lang} without JavaScript`);
      const context = await newContext(browser, { javaScriptEnabled: false });
      const page = await context.newPage();
      await open(page, listUrl);
      if (!(await page.isVisible(".filters .filter-groups")) || !(await page.isHidden("form[data-filter-form]"))) {
        fail(`${lang}: without JavaScript the list should show the filter links, not the form`);
      }
      await page.click("details.filter-group:nth-of-type(1) summary");
      await page.click("details.filter-group:nth-of-type(1) a");
      await page.waitForLoadState("load");
      if (!/\/unit\/[^/]+\/$/.test(page.url())) fail(`${lang}: without JavaScript a unit link led to ${page.url()}`);
      await page.click("label[for=low-vision]");
      const size = await page.locator("html").evaluate((html) => getComputedStyle(html).fontSize).catch(() => null);
      if (size !== null && size !== "24px") fail(`${lang}: without JavaScript the low-vision switch did not enlarge the text (${size})`);
      console.log(`ok   ${lang} without JavaScript: filter link → ${page.url()}, low-vision font ${size}`);
      await context.close();
    }
  }

  begin("every page kind asked for");
  for (const kind of onlyKinds || []) if (!seenKinds.has(kind)) fail(`no page of kind "${kind}" in ${siteDir}`);
  if (shotsDir) await screenshots(browser, lists);
} finally {
  await browser.close();
}

/** PNGs for docs/screenshots, at 375 and 1280 px: the list (kk), a vacancy and the
 * archive (ru), and a vacancy in the low-vision mode (kk). */
async function screenshots(browser, lists) {
  mkdirSync(shotsDir, { recursive: true });
  const langOf = (url) => new URL(url).pathname.slice(new URL(BASE).pathname.length).split("/")[0];
  const byLang = Object.fromEntries(lists.map((url) => [langOf(url), url]));
  const shots = [["list", "kk", "list"], ["vacancy", "ru", "vacancy"], ["archive", "ru", "archive"], ["low-vision", "kk", "vacancy"]];
  for (const width of [375, 1280]) {
    for (const [name, lang, kind] of shots) {
      const context = await newContext(browser, { viewport: { width, height: width < 500 ? 812 : 900 }, deviceScaleFactor: 1 });
      const page = await context.newPage();
      const { kinds } = await pageKinds(page, byLang[lang] || lists[0]);
      await open(page, kinds[kind]);
      if (name === "low-vision") await page.click("label[for=low-vision]");
      await page.screenshot({ path: join(shotsDir, `${name}-${width}.png`) });
      await context.close();
    }
  }
  console.log(`screenshots in ${shotsDir}`);
}

// --- The W3C Nu HTML Checker on every HTML page and the stylesheets. ---
function filesUnder(dir, ext) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? filesUnder(path, ext) : extname(e.name) === ext ? [path] : [];
  });
}
// The embeddable fragments (`embed.html`, `embed/index.html`) are not documents: each
// is checked as the body of a minimal document, as a portal page would hold it.
const isFragment = (f) => f.endsWith(`${sep}embed.html`) || f.endsWith(`${sep}embed${sep}index.html`);
const allHtml = filesUnder(siteDir, ".html");
const fragments = allHtml.filter(isFragment);
const wrapped = mkdtempSync(join(tmpdir(), "kadr-embed-"));
const fragmentDocs = fragments.map((f, i) => {
  const lang = relative(siteDir, f).split(sep)[0];
  const doc = join(wrapped, `${i}.html`);
  writeFileSync(doc, `<!DOCTYPE html>\n<html lang="${lang}"><head><meta charset="utf-8"><title>portal</title></head><body>\n${readFileSync(f, "utf8")}</body></html>\n`);
  return doc;
});
const html = [...allHtml.filter((f) => !isFragment(f)), ...fragmentDocs];
const css = filesUnder(siteDir, ".css");
let vnuErrors = 0;
function vnu(label, files, extra) {
  begin(label);
  try {
    execFileSync("java", ["-jar", VNU_JAR, "--errors-only", "--format", "gnu", ...extra, ...files], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    const lines = `${e.stdout || ""}${e.stderr || ""}`.trim().split("\n").filter(Boolean);
    vnuErrors += lines.length || 1;
    for (const line of lines) fail(`vnu: ${line}`);
    if (!lines.length) fail(`vnu failed: ${e.message}`);
  }
}
vnu("vnu HTML", html, []);
vnu("vnu CSS", css, ["--css"]);
console.log(`${vnuErrors === 0 ? "ok  " : "FAIL"} vnu: ${vnuErrors} errors in ${html.length - fragments.length} HTML pages, ${fragments.length} embeddable fragments and ${css.length} stylesheets`);

const failed = [...results.values()].filter((ok) => !ok).length;
console.log(`\naxe: ${checked} page checks (${AXE_TAGS.join(", ")}), ${violations} violations; vnu: ${vnuErrors} errors`);
console.log(`a11y: ${results.size - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
