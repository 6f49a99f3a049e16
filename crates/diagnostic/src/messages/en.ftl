# kadr's diagnostics in English. Every message here must also be in kk.ftl and ru.ftl
# (a unit test checks). `.hint` is the fix shown under the message.

summary = { $errors ->
    [0] no errors
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [0] no warnings
    [one] 1 warning
   *[other] { $warnings } warnings
}

## Reading files

missing-file = { $path } not found
    .hint = run kadr in the site's root folder, or name it with --root DIR
file-too-large = { $path } is { $size }; a record may be at most 1 MiB
    .hint = split the text, or move long attachments out of the record
not-utf8 = { $path } is not UTF-8 text
    .hint = save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8)
forbidden-character = the text holds the character { $char }, which a web page or a feed may not contain
    .hint = remove it: it is a control character or a noncharacter, invisible when read (often pasted from another program or written as a YAML escape)
not-a-regular-file = { $path } is not a regular file (a pipe, a device or a socket), so it is not read
    .hint = a record is a plain file: replace it with one, or remove it
binary-file = { $path } is a binary file, not YAML text
    .hint = only YAML text files belong here
symlink = { $path } is a symbolic link; kadr reads only regular files inside the site
    .hint = copy the file into the site instead of linking to it
io-error = cannot read { $path }: { $detail }
yml-extension = { $path } does not end in .yaml (in small letters) and would be ignored
    .hint = rename it to end in .yaml
yaml-syntax = YAML syntax error: { $detail }
    .hint = check indentation, quotes and colons near this place; text containing ": " or starting with a special character must be quoted

duplicate-key = the key `{ $key }` is written twice in this mapping
    .hint = keep one of them: YAML does not allow a key twice, and kadr will not guess which one you meant
yaml-second-document = a second YAML document starts here: a record file holds one
    .hint = remove the `---` line and what follows, or move it into a file of its own
nested-record = { $path } lies in a subfolder of { $folder }, where kadr does not look for records
    .hint = move it into { $folder } itself
too-deep = { $path } lies more than 32 folders deep below content/vacancies/, where kadr does not look
    .hint = keep vacancies in content/vacancies/ or in a folder per year, such as content/vacancies/2026/
yaml-too-complex = the YAML nests too deeply or its aliases expand too far
    .hint = records are plain mappings and lists; remove the anchors (&) and aliases (*)

## Reading records

wrong-type = expected { $expected ->
        [date] date (YYYY-MM-DD)
        [list] list
        [mapping] mapping
        [text] text
        [bool] true or false
        [integer] whole number
       *[other] { $expected }
    }, found { $found ->
        [null] null
        [bool] bool
        [number] number
        [text] text
        [list] list
        [mapping] mapping
       *[other] { $found }
    }
quote-it = put the value in quotes to make it text
missing-field = missing field `{ $field }`
    .hint = add `{ $field }:` to this record
empty-field = field `{ $field }` is empty
    .hint = fill in a value or remove the field if it is optional
unknown-field = unknown field `{ $field }`
unknown-field-did-you-mean = did you mean `{ $suggestion }`? Known fields: { $known }
unknown-field-known = known fields: { $known }
missing-translation = the { $lang ->
    [kk] Kazakh (kk)
   *[ru] Russian (ru)
} text is missing
    .hint = every text is published in the state language and in Russian: give both `kk` and `ru`
bad-date-format = `{ $value }` is not a date written YYYY-MM-DD
    .hint = write dates like 2026-12-08
impossible-date = `{ $value }` is not a real calendar date
    .hint = check the day and the month
unknown-choice = `{ $value }` is not one of: { $allowed }
choice-did-you-mean = did you mean `{ $suggestion }`? Allowed: { $allowed }
number-out-of-range = { $value } is outside { $min }…{ $max }
duplicate-language = language `{ $lang }` is listed twice
unknown-language = unknown language `{ $lang }`
    .hint = kadr publishes in kk and ru
languages-both = the site must list both languages, kk and ru
    .hint = write `languages: [kk, ru]`

## Site, ids and references

bad-base-url = base_url `{ $value }` is not an absolute http(s) address
    .hint = write the full address the site is served under, e.g. https://example.gov.kz/qriim
base-url-http = base_url uses http://, not https://
    .hint = a ministry's public resource should be served over HTTPS
bad-slug = `{ $value }` is not a valid URL segment
    .hint = use lower-case Latin letters, digits and hyphens, e.g. kadr-sayasaty
bad-id = id `{ $value }` may contain only lower-case Latin letters, digits and hyphens
    .hint = ids become file and page names; e.g. 2026-dp-almaty-0142
id-file-mismatch = id `{ $id }` differs from the file name `{ $file }.yaml`
    .hint = rename the file to `{ $id }.yaml`, or change the id to `{ $file }`
reserved-id = a vacancy may not have the id `{ $id }`: the section's folder `{ $id }/` holds { $id ->
    [archive] the archive
   *[other] filter pages
}
    .hint = name the file and the id after the year, the unit and a number, like 2026-dp-almaty-0142
duplicate-id = id `{ $id }` is already used by { $other }
    .hint = every record needs its own id
category-code-cyrillic = category code `{ $code }` contains the Cyrillic letter `{ $letter }` ({ $codepoint }), which looks like the Latin `{ $latin }`
    .hint = retype it in the Latin layout: `{ $fixed }`
category-code-ascii = category code `{ $code }` may contain only Latin letters, digits and hyphens
duplicate-category = category `{ $code }` is defined twice
category-case-clash = category `{ $code }` differs from `{ $other }` only in case; both would have the page { $path }
    .hint = codes are compared without case: give this category a code of its own
dangling-reference = no { $kind ->
    [unit] unit
    [category] category
   *[requirement] requirement record
} `{ $value }` exists
    .hint = check the spelling against content/units, content/categories.yaml and content/requirements
reference-did-you-mean = did you mean `{ $suggestion }`?
salary-max-below-min = the salary's max ({ $max }) is below its min ({ $min })
    .hint = write the pay as {"{"}min: N, max: N{"}"} in tenge a month, max at least min; or give min alone
no-salary = the posting states no salary
    .hint = announcements state the pay: add salary: {"{"}min: N, max: N{"}"} (tenge a month, before tax)
bad-postal-code = `{ $value }` is not a postcode: six digits
    .hint = write the postcode alone, e.g. 050000, and the street in address
no-contacts = the unit has neither a phone nor an e-mail
    .hint = add `contacts: {"{"}phone: "+7 …", email: "…"{"}"}`
bad-phone = `{ $value }` is not a phone number in the form +7 XXX XXX XX XX
    .hint = write the number with +7 and ten digits; spaces, hyphens and brackets are allowed
bad-email = `{ $value }` is not a valid e-mail address
    .hint = write it like kadr@example.gov.kz

## Legal rules

not-leadership = category `{ $code }` is not a leadership category; only leadership positions are published here
    .hint = choose a category with `leadership: true` in content/categories.yaml
territorial-head-in-central = a territorial head does not appoint in `{ $unit }`, a central unit
    .hint = positions of the central apparatus are appointed by the minister or a deputy minister
requirement-not-covering = requirement record `{ $requirement }` does not cover category `{ $code }` (it covers { $covered })
    .hint = refer to the requirement record for this category, or add the category to that record
empty-text = the { $lang ->
    [kk] Kazakh (kk)
   *[ru] Russian (ru)
} text is empty
    .hint = write the text in both languages
untranslated-copy = the kk and ru texts of `{ $field }` are identical: an untranslated copy
    .hint = write the text in the state language and in Russian
placeholder = `{ $field }` still holds a placeholder between ⟦ and ⟧
    .hint = replace it, brackets included, with what only the ministry knows (kadr init wrote it): the site builds meanwhile, but is not ready to publish
stub-text = the { $lang ->
    [kk] Kazakh (kk)
   *[ru] Russian (ru)
} text of `{ $field }` is still the placeholder written by kadr new
    .hint = replace the instruction between ⟦ and ⟧, brackets included, with the real text
personal-data = this looks like a personal identification number (ИИН/ЖСН); personal data may not be published
    .hint = remove it: candidates' personal data belong in the private bank (kadr bank), never on the site
bad-link = link to `{ $url }` is not allowed
    .hint = links may only use https:, http:, mailto: or tel:
raw-html = raw HTML is not published as HTML; it will appear as plain text
    .hint = use Markdown instead: **bold**, lists with "-", [links](https://…)

## Dates and the working-day calendar

published-before-arose = published_on { $published } is before arose_on { $arose }
    .hint = a vacancy is published after it arises
deadline-before-published = the deadline { $deadline } is before publication on { $published }
    .hint = the deadline is the last day to apply, after the posting is published
updated-before-published = updated_on { $updated } is before publication on { $published }
updated-in-future = updated_on { $updated } is after today ({ $today })
competition-url = competition link `{ $url }` must be an https:// address
published-late = published on { $published }, { $late ->
    [one] 1 working day
   *[other] { $late } working days
} after the last allowed day { $last }
    .hint = a posting is published within { $within } working days after the vacancy arose ({ $arose }); if it was late, record why in `late_reason: {"{"}kk: …, ru: …{"}"}`
published-late-with-reason = published on { $published }, { $late ->
    [one] 1 working day
   *[other] { $late } working days
} after the last allowed day { $last } (the reason is recorded)
late-reason-not-late = `late_reason` is given, but the posting is on time (the last allowed day is { $last })
    .hint = remove `late_reason`
calendar-missing-year = no working-day calendar for { $year }
    .hint = add content/calendar/{ $year }.yaml with the year's holidays, days off and transfers
calendar-problem = calendar: { $detail }
calendar-duplicate-year = the calendar for { $year } is defined twice

## Theme and output

emblem-missing = the emblem { $path } is not among the theme's static files
    .hint = put the file in themes/default/static/ of the site (e.g. themes/default/static/{ $path }), or remove emblem from site.yaml
template-error = template error: { $detail }
locale-error = UI strings: { $detail }
theme-unknown-template = { $name } replaces no template of kadr's built-in theme, and no template includes it
    .hint = a site replaces a template by a file of the same name in themes/default/templates/ (kadr theme eject writes them all); a template of the site's own must be included by another
theme-unknown-static = { $name } replaces no static file of kadr's built-in theme, and no template names it
    .hint = a site replaces a static file by a file of the same path in themes/default/static/; a file of the site's own must be named by a template, as site.assets['{ $name }']
locale-unknown-key = the UI string `{ $name }` replaces no built-in UI string, and no template uses it
    .hint = a site replaces a UI string by the same key in its locales/kk/*.ftl or locales/ru/*.ftl (kadr theme eject writes them all)
locale-missing-key = UI string `{ $key }` is missing in { $lang }
    .hint = add it to the locales/{ $lang }/*.ftl files
bank-in-site = a candidate bank store lies inside the site: { $path }
    .hint = personal data may never reach the published site: move the bank outside the site root

# kadr report (P4 compliance)
report-title = P4 compliance: postings placed within the legal term
report-period = Postings placed from { $from } to { $to }
report-period-until = Postings placed up to { $to }
report-term = A posting is placed within { $within } working days of the day the vacancy arose (RULES.md P4)
report-col-unit = Unit
report-col-unit-id = Unit id
report-col-placed = Placed
report-col-on-time = On time
report-col-late = Late
report-col-late-with-reason = Late, reason recorded
report-col-late-without-reason = Late, no reason
report-col-not-counted = Not counted (no calendar)
report-col-language = Not in both languages
report-col-overdue = Open past the deadline
report-total = Total
report-late-heading = Late postings
report-col-id = Posting
report-col-arose = Vacancy arose
report-col-published = Placed
report-col-last-day = Last day allowed
report-col-late-by = Working days late
report-col-reason = Reason
report-col-deadline = deadline
report-no-reason = no reason recorded
report-language-heading = Postings not in both languages (or with an untranslated copy or a placeholder)
report-overdue-heading = Postings still open after their deadline
report-none = None.

## The labels of a printed problem (error:, warning:, help:).
label-error = error
label-warning = warning
label-help = help

## kadr build: the output folder, and how the build ended.
output-sources = refusing to write the site into { $out }: it would replace the site's sources ({ $source }); choose an output folder outside content/, themes/, locales/ and .git, such as public/
output-not-a-folder = refusing to write the site into { $out }: it is a file, not a folder
output-foreign = refusing to replace { $out }: it is a folder with files that kadr did not build (no .kadr-output in it); empty it, choose another --out, or pass --force to replace it whole
output-locked = another kadr build is writing { $out } ({ $holder }); wait for it to finish and build again
output-unsafe-path = refusing to write outside the output folder: { $path }
output-io = cannot { $action } { $path }: { $detail }
output-left-as-it-was = { $error }; { $out } was left as it was
root-not-a-folder = { $root } is not a directory
built = built { $files } files into { $out } ({ $changed } changed)
build-failed = build failed: { $out } was left as it was
build-leftover = note: the new site is in place, but the previous one could not be removed from { $previous } ({ $detail }); the next build removes it

## kadr serve: the console lines and why it cannot run.
serve-cache-not-written = note: the cache was not written ({ $detail }); --no-cache skips it
serve-built = built the site in { $ms } ms
serve-built-with-errors = the site has errors (shown in the browser) in { $ms } ms
serve-rebuilt = rebuilt in { $ms } ms ({ $reused } of { $pages } pages unchanged and reused)
serve-rebuilt-with-errors = rebuilt with errors (shown in the browser) in { $ms } ms
serve-port-taken = port { $port } is in use; serving on port { $instead } instead
serve-serving = serving { $url }
serve-watching = watching content/, themes/ and locales/ — press Ctrl-C to stop
serve-stopped = stopped
serve-watch = cannot watch { $root }: { $detail }
serve-thread = cannot start the rebuild thread: { $detail }
serve-start = cannot start the server: { $detail }
serve-bind = cannot listen on { $ip } ports { $from }–{ $to }: { $detail }
serve-server = server error: { $detail }

## kadr new vacancy: what was written, and why nothing was.
new-wrote = wrote { $path }: replace every ⟦…⟧ in both languages, then run kadr check
new-unknown-unit = no unit `{ $unit }` in content/units/ (known: { $known })
new-unknown-category = no category `{ $code }` in content/categories.yaml (leadership categories: { $known })
new-not-leadership = category `{ $code }` is not a leadership one: only leadership positions are published (P3)
new-no-requirement = no record in content/requirements/ covers category `{ $code }` (P5): add the code to the `categories` of the one that applies
new-territorial-head-in-central = `{ $unit }` is the central apparatus: its positions are appointed by the minister or a deputy minister (P3)
new-authority-needed = `{ $unit }` is the central apparatus: name who appoints with --authority minister or --authority deputy_minister (P3)
new-date-out-of-range = { $detail }

## kadr diff: why git gives nothing to compare with.
git-cannot-run = cannot run git: { $detail }
git-failed = git { $command } failed: { $detail }
git-not-a-repository = { $root } is not in a git repository
git-no-such-commit = `{ $rev }` does not name a commit
git-no-commit = the repository has no commit to compare with
git-unsafe-path = unsafe path in the repository: { $path }
git-cat-file = { $detail }

## kadr diff: the report for a review (Markdown).
diff-heading = kadr diff: postings since { $base } ({ $commit })
diff-no-changes = No changes to vacancies, units, requirements, categories, site settings or the calendar.
diff-vacancies = Vacancies
diff-units = Units
diff-requirements = Qualification requirements (P5)
diff-categories = Position categories
diff-site-settings = Site settings
diff-site-changed = `content/site.yaml` changed: this affects every page ({ $vacancies } vacancies).
diff-calendar = Working-day calendar (P4)
diff-calendar-columns = | year | entry | date | change | before | after |
diff-no-deadline-moves = No vacancy's last allowed publication day moves.
diff-deadline-moves = Moves the last allowed publication day of: { $list }
diff-summary-vacancies = **Vacancies:** { $new } new, { $changed } changed ({ $status } with a new status), { $removed } removed
diff-summary-unreadable = **{ $n } unreadable** (run `kadr check`)
diff-count-units = units
diff-count-requirements = requirements
diff-count-categories = categories
diff-count-calendar = calendar entries
diff-count-site = site settings
diff-status = status
diff-preview = preview
diff-unreadable-file = This file cannot be read as a vacancy: `kadr check` says why. Do not approve it as it is.
diff-field-value-columns = | field | value |
diff-field-columns = | field | before | after |
diff-affects-none = Affects no vacancy.
diff-affects = Affects: { $list }
diff-and-more = and { $n } more
diff-before = before
diff-after = after
diff-unchanged = unchanged
diff-no-lines = no lines
diff-none = none
diff-title-added = New
diff-title-removed = Removed
diff-title-changed = Changed
diff-title-unreadable = Unreadable
diff-change-added = added
diff-change-removed = removed
diff-change-changed = changed
diff-change-unreadable = unreadable

## kadr init, kadr theme eject, kadr schema.
init-wrote = wrote a new site into { $dir } ({ $files } files; calendars { $years }).
init-wrote-no-calendar = wrote a new site into { $dir } ({ $files } files; calendars none: kadr knows neither this year nor the next).
init-fill-in = Fill in what is between ⟦ and ⟧ (kadr check --root { $dir } names each), then: kadr new vacancy, kadr serve.
init-next = Next: kadr new vacancy, kadr serve.
init-not-empty = { $dir } is not empty: kadr init writes a new repository into an empty or new folder and never overwrites a file
eject-kept = kept the site's own { $file }
eject-wrote = wrote { $files } files of kadr's built-in theme into { $root }; edit any of them, and delete those you leave unchanged to keep getting kadr's
schema-cannot-write = cannot write into { $out }: { $detail }
report-no-such-unit = the site has no unit { $unit } (content/units/{ $unit }.yaml)
cache-not-written = note: the cache { $cache } was not written ({ $detail }); --no-cache skips it
