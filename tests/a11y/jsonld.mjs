// schema.org JobPosting on every vacancy page, checked against schema.org's own types
// as Google publishes them (schema-dts), with the TypeScript compiler:
//
//   node tests/a11y/jsonld.mjs SITE_DIR
//
// Each page's JSON-LD becomes one typed constant, `WithContext<JobPosting>`; tsc then
// refuses any property schema.org does not define for a JobPosting (or for the type
// of a nested value: MonetaryAmount, Place, PostalAddress, Organization …) and any value
// of the wrong type. An archived vacancy must carry none. Exit 0 when every posting
// type-checks.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative, sep } from "node:path";

const require = createRequire(import.meta.url);
const siteDir = process.argv[2];
if (!siteDir) {
  console.error("usage: node tests/a11y/jsonld.mjs SITE_DIR");
  process.exit(2);
}

function vacancyPages(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return vacancyPages(path);
    // {lang}/{slug}/{id}/index.html: three folders deep, the id starting with its year.
    const parts = relative(siteDir, path).split(sep);
    return parts.length === 4 && /^[0-9]{4}-/.test(parts[2]) && e.name === "index.html" ? [path] : [];
  });
}

const scripts = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/g;
let source = 'import type { JobPosting, WithContext } from "schema-dts";\n\n';
let postings = 0;
let archived = 0;
const pages = vacancyPages(siteDir);
for (const page of pages) {
  const html = readFileSync(page, "utf8");
  const found = [...html.matchAll(scripts)].map((m) => JSON.parse(m[1]));
  const closed = html.includes('class="closed-notice"');
  if (closed) {
    archived++;
    if (found.length) {
      console.log(`FAIL ${relative(siteDir, page)}: an archived vacancy carries JSON-LD`);
      process.exitCode = 1;
    }
    continue;
  }
  if (found.length !== 1) {
    console.log(`FAIL ${relative(siteDir, page)}: ${found.length} JSON-LD blocks on an open vacancy`);
    process.exitCode = 1;
    continue;
  }
  source += `// ${relative(siteDir, page)}\nexport const posting${postings}: WithContext<JobPosting> = ${JSON.stringify(found[0], null, 2)};\n\n`;
  postings++;
}

// Beside node_modules, so that the file's import of schema-dts resolves.
const here = new URL(".", import.meta.url).pathname;
mkdirSync(join(here, "node_modules", ".cache"), { recursive: true });
const work = mkdtempSync(join(here, "node_modules", ".cache", "kadr-jsonld-"));
const file = join(work, "postings.ts");
writeFileSync(file, source);
const tsc = require.resolve("typescript/bin/tsc");
const schemaDts = require.resolve("schema-dts/package.json").replace(/package\.json$/, "");
const typescriptVersion = JSON.parse(readFileSync(require.resolve("typescript/package.json"), "utf8")).version;
const schemaDtsVersion = JSON.parse(readFileSync(join(schemaDts, "package.json"), "utf8")).version;
try {
  writeFileSync(join(work, "tsconfig.json"), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: "es2022", module: "nodenext", moduleResolution: "nodenext", types: [] },
    files: ["postings.ts"],
  }));
  execFileSync(process.execPath, [tsc, "--project", work], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  console.log(`ok   JobPosting: ${postings} open vacancies type-check against schema-dts ${schemaDtsVersion} (tsc ${typescriptVersion}); ${archived} archived carry none`);
} catch (e) {
  console.log(`${e.stdout || ""}${e.stderr || ""}`.trim());
  console.log(`FAIL JobPosting: the postings do not type-check against schema-dts ${schemaDtsVersion}`);
  process.exitCode = 1;
}
rmSync(work, { recursive: true, force: true });
if (postings === 0) {
  console.log("FAIL no open vacancy with JSON-LD found");
  process.exitCode = 1;
}
