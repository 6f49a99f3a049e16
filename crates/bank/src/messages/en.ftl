# The bank's messages in English. Every message here must also be in kk.ftl and
# ru.ftl (a unit test checks). What a user typed, ids and dates are arguments.

## Labels

refused = refused (rule { $rule }): { $message }
error = error: { $message }

## B5: a list of at least three candidates per vacant position

b5-list-names-three = a list of candidates names at least three persons per vacant position; this one names { $named }
b5-list-still-names-three = { $list } names { $present } candidates now; a list needs at least three per vacant position
b5-approved = { $list } was approved on { $on } by { $by }; an approved list is immutable: make a new one

## B6: complete and accurate data

b6-date-in-future = the { $what } date { $day } is in the future (today is { $today })
b6-file-too-large = { $file } is larger than 1 MiB: not a candidate file
b6-not-utf8 = { $file } is not UTF-8 text

## B9: appointment without a new competition within a year

b9-category = { $person } is recommended for category { $category }, vacancy { $vacancy } is of category { $vacancy_category }
b9-within-a-year = { $person } passed the competition on { $date }, not within the year before { $day }
b9-vacant = vacancy { $vacancy } is { $status }; a list is for a vacant position

## B11: appointment

b11-appointed = { $person } was appointed to { $vacancy } by order { $order } of { $date }
b11-vacant = vacancy { $vacancy } is { $status } on the site; there is no position to appoint to
b11-filled = { $person } was appointed to { $vacancy } by order { $order } of { $date }; mark it filled on the site
b11-filled-without-order = { $person } was appointed to { $vacancy }; mark it filled on the site

## K20: named users, each with a passphrase of their own

k20-own-passphrase = your passphrase was set by { $by }, who knows it: set your own first with `kadr bank user passphrase`
k20-already-authorised = { $name } is already an authorised user
k20-first-passphrase-not-own = a colleague's first passphrase may not be your own
k20-new-passphrase = the new passphrase is the one you have: choose another

## The store: B12 (protected, outside the site), K19 (copies), K20, K26 (integrity)

b12-wrong-key = wrong key or not a kadr bank
b12-inside-site = { $path } lies inside the site root { $root }: personal data must never be where the site is built from; keep the bank outside it
b12-not-private = { $path } may be read by other users of this computer (mode { $mode }); make it private with `chmod 600 { $path }`
k19-init-exists = { $file } already exists; `kadr bank init` never overwrites a store
k19-backup-exists = { $file } exists; add --force to replace it
k19-restore-exists = { $file } exists; restoring would replace it: add --force if that is what you want
k20-not-a-user = { $user } is not an authorised user of this bank (it has no key slot for them); an authorised user can add them with `kadr bank user add`
k20-slot-of-no-user = { $user } has a key slot but is not an authorised user of this bank: the slot was made outside kadr
k20-slot-not-recorded = the key slot of { $user } is not the one this bank recorded for them: it was made or changed outside kadr
k20-own-not-shared = your own passphrase may not be the shared key: everyone who had the store knows it
k20-migrated-by-a-user = { $user } is not an authorised user of this bank; an authorised user migrates it
k26-audit-log-empty = the audit log is empty: the bank is damaged
k26-changed-outside-kadr = the bank is not what its last audit entry says: it was changed outside kadr; `kadr bank audit --verify` names what changed, `kadr bank restore` puts a verified backup back

## What the commands print for the operator (standard error)

audit-head = audit head: entry { $seq } { $hash }
head-not-moved = note: the head file could not be moved on to entry { $seq } ({ $detail }); the next command settles it
init-done = created the bank { $path } with { $admin } as its first authorised user; the passphrase is { $admin }'s own: never share it, add each colleague with `kadr bank user add`
user-added = { $name } may now use the bank with the passphrase you gave; before anything else they must set their own with `kadr bank user passphrase`
user-removed = { $name } may no longer use the bank: their key slot is removed
passphrase-changed = your passphrase is changed; the old one no longer opens the bank
migrated = migrated { $path } to a passphrase per user; yours is set, the shared key no longer opens it
migrated-without-passphrase = no passphrase yet: { $names }; an authorised user gives each one with `kadr bank user add NAME`
migrated-old-backups = backups made before the migration still open with the shared key: destroy them, and make a new one with `kadr bank backup`
note-not-a-site = note: --root is not a site root: the candidate's unit and category are not checked against a site
none = none
eligible-for = eligible for { $vacancy } (category { $category }) on { $day }: { $count }
appointed = appointed { $candidate } to { $vacancy }: now an employee record, removed from every list not yet approved; mark the vacancy filled on the site:
purged = purged { $count } candidates whose retention period had ended (R9)
backup-written = wrote an encrypted copy to { $file } (with its -keys and -head files beside it); check it with `kadr bank verify`
nothing-recorded = nothing was recorded in the bank: it fails its integrity check
list-approved = approved { $list } ({ $count } candidates) on { $on }; it can no longer change

## A candidate file: B2 (unit), B3 (competition), B4 (indicator), B6, C-score

field-required = `{ $field }` is required
field-empty = `{ $field }` is empty
field-not-a-date = `{ $field }`: `{ $text }` is not a date (YYYY-MM-DD)
field-in-future = `{ $field }` ({ $day }) is in the future (today is { $today })
b6-file-unreadable = the candidate file cannot be read: { $detail }
b2-not-a-unit-id = unit `{ $unit }` is not a unit id (lower-case a–z, 0–9 and '-')
b2-unit-not-of-site = unit `{ $unit }` is not a unit of the site (content/units/): the site has { $none ->
    [none] none
   *[some] { $names }
}
b6-age = `birth_date` { $birth_date }: the candidate would be { $age } years old on { $today }; a candidate for service is between { $min } and { $max }
b6-education-required = `education` is required, in both languages: {"{"}kk: "…", ru: "…"{"}"}
b6-category-not-of-site = category `{ $category }` is not a category of the site (content/categories.yaml): the site has { $none ->
    [none] none
   *[some] { $names }
}
b3-competition-required = `competition` is required: the commission decision the candidate passed, {"{"}decision: "№ …", date: YYYY-MM-DD{"}"}
b3-decision-required = `competition.decision` is required: the number of the commission's decision
b6-competition-before-birth = competition.date is not after birth_date
b6-incomplete = the record is incomplete
b6-invisible = { $field } contains an invisible character ({ $char }), which disguises a name in lists and forms; type it again without it
b6-not-a-name = `{ $field }` is not a name (letters, spaces, hyphens; at most 100)
b4-indicator-required = `indicator` is required: the competitiveness indicator, or `score:` with its components
b4-indicator-range = `indicator` is { $indicator }; it ranges from 0 to { $max }
c-score-disagrees = `indicator` is { $indicator }, but its `score` components give { $computed }
b6-category-cyrillic = category `{ $category }` contains a Cyrillic letter; codes are written in Latin letters (C-2, not С-2)
b6-not-a-category-code = category `{ $category }` is not a category code (Latin letters, digits and '-')
c-score-needs = score: the { $formula } formula needs `{ $name }`
c-score-range = score: `{ $name }` is { $value }, but it ranges from 0 to { $max }
c-score-unused = score: the { $formula } formula ({ $text }) has no `{ $name }` component

## Usage: what the command line lacks

usage-no-bank = name the store with --bank PATH or KADR_BANK
usage-no-user = name yourself with --user NAME or KADR_BANK_USER (K20: every access names its user)
usage-not-a-vacancy-id = { $id } is not a vacancy id
usage-site-unreadable = cannot load the site (--root): { $detail }
usage-no-such-vacancy = the site has no vacancy { $id } (is --root the right site?)
usage-not-a-list-id = { $id } is not a list id (list-0001)
usage-no-such-list = there is no list { $id } in the bank
usage-no-such-candidate = there is no candidate { $id } in the bank
usage-approved-by = --by names who approved the list: "position, rank, full name"

## Passphrases (K20, B12)

passphrase-empty = an empty passphrase: set { $env } or type it
b12-passphrase-too-short = a bank passphrase needs at least { $min } characters
passphrase-no-terminal = no passphrase: set { $env } (or { $new_env } for a new one) or run in a terminal ({ $detail })
passphrases-differ = the two passphrases differ; nothing was changed

## What the human listings print (names, ids, dates and hashes as stored).
person-line = { $id }  { $unit }  { $category }  { $name }  indicator { $indicator }  competition { $decision } { $date }
person-appointed = appointed to { $vacancy } by order { $order } of { $date }
user-line = { $name }  (added { $at } by { $by }{ $note })
user-no-passphrase = ; no passphrase yet: `kadr bank user add` gives one
user-first-passphrase = ; first passphrase set by { $by }, not yet their own
audit-holds = the audit chain holds: { $entries } entries, last hash { $head }; every row of the bank is accounted for by it, and the head file agrees (write the hash down: a later log must still contain it)
verified = { $file }: opens, intact, audit chain holds ({ $entries } entries, last hash { $head }) and accounts for every row, head file agrees; { $candidates } candidates, { $employees } employees, { $lists } lists
restored = restored { $target } from { $verified }
site-not-a-root = { $root } is not a site root (it has no content/site.yaml)
site-not-a-folder = { $root } is not a directory

## What the passphrase prompts ask (a colon follows).
prompt-passphrase = bank passphrase
prompt-your-passphrase = your passphrase
prompt-first-passphrase-for = first passphrase for { $name }
prompt-your-new-passphrase = your new passphrase
prompt-your-own-passphrase = your own passphrase
prompt-again = { $what } again

## B6: why the iin field is not the candidate's ИИН.
b6-iin-not-twelve-digits = iin: an ИИН is exactly twelve digits
b6-iin-century-digit = iin: the seventh digit ({ $digit }) must be 1–6 (century and sex: 1–2 born 1800–1899, 3–4 born 1900–1999, 5–6 born 2000–2099)
b6-iin-no-date = iin: the first six digits ({ $digits }) are not a date (YYMMDD)
b6-iin-check-digit = iin: the check digit (the twelfth) is wrong: a typing error?
b6-iin-never-issued = iin: no ИИН has these first eleven digits (the check digit cannot be computed)
b6-iin-birth-date = iin: the ИИН encodes the birth date { $encoded }, but birth_date is { $stated }

## The store: what an operator may have typed wrong.
usage-not-a-user = { $name } is not an authorised user
usage-not-a-candidate = { $id } is not a candidate
usage-bank-extension = { $path }: a bank file's name must end in .{ $extension } (so that `kadr build` can recognise one inside a site)
usage-no-bank-at = there is no bank at { $path }; create one with `kadr bank init --admin NAME`
usage-not-a-file = { $path } is not a file
usage-bank-version = { $path } is a bank of format version { $found }; this kadr expects version { $expected } here
usage-already-migrated = { $path } already has key slots (format 2): there is nothing to migrate
usage-copy-is-the-store = the copy and the store are the same file

## What failed underneath a command (the system's own detail follows after a colon).
io-no-randomness-from-the-operating-system = no randomness from the operating system
io-cannot-derive-the-key = cannot derive the key
io-cannot-record-the-changes = cannot record the changes
io-cannot-write-the-key-slots = cannot write the key slots
io-cannot-wrap-the-store-key = cannot wrap the store key
io-cannot-use-the-slot-key = cannot use the slot key
io-the-store-failed = the store failed
io-cannot-write-the-head-file = cannot write the head file
io-cannot-move-the-migrated-store-to = cannot move the migrated store to { $path }
io-the-migrated-store-does-not-carry = the migrated store does not carry its new salt
io-cannot-move-the-copy-to = cannot move the copy to { $path }
io-the-copy-does-not-carry-the = the copy does not carry the store's salt
io-cannot-create = cannot create { $path }
io-cannot-write = cannot write { $path }
io-cannot-read = cannot read { $path }
io-cannot-record-the-score-components = cannot record the score components
io-the-new-store-does-not-carry = the new store does not carry its salt in its header; nothing was created
io-cannot-write-the-export = cannot write the export
io-cannot-write-json = cannot write JSON
io-cannot-write-the-output = cannot write the output
io-retention-setting-unreadable = the store's retention_months setting is unreadable
io-retention-of = retention of { $months } months
io-retention-end-of = retention end of { $id }

## The store's own refusals (K20, K26, B6, B12).
k20-last-user = { $name } is the last authorised user; add another before removing them
b6-iin-already-in-the-bank = a candidate with this ИИН is already in the bank: { $id }
k26-not-a-bank-file = { $path } is not a kadr bank { $what } file
k26-damaged = { $path } is damaged: { $detail }
k26-key-slots-missing = the key slots of { $bank } ({ $keys }) are missing: without them nobody can open the bank; restore the bank from a backup (`kadr bank restore`)
b12-key-slot-damaged = the key slot of { $user } is damaged: { $detail }
b12-key-slot-test-cost = the key slot of { $user } was made with the test-only cost { $cost }, below the least a bank accepts; a real bank never opens with it

## K26 and K20: what the integrity check finds.
k26-broken-missing = the audit log is broken at entry { $seq }: it is missing (the sequence numbers skip it)
k26-broken-not-chained = the audit log is broken at entry { $seq }: it does not chain to the entry before it
k26-broken-lacks-changes = the audit log is broken at entry { $seq }: it lacks the changes and state that every entry after the migration carries
k26-broken-altered = the audit log is broken at entry { $seq }: it was changed after it was written (its hash does not match its contents)
k26-broken-unreadable-changes = the audit log is broken at entry { $seq }: it holds changes that cannot be read
k26-broken-state = the audit log is broken at entry { $seq }: it does not describe the bank it leaves (its state digest does not follow from the changes recorded up to it)
k26-row-added = { $table } { $record } was added outside kadr (no audit entry records it)
k26-row-changed = { $table } { $record } was changed outside kadr (no audit entry records it)
k26-row-deleted = { $table } { $record } was deleted outside kadr (no audit entry records it)
k26-head-log-empty = the audit log is empty, but the head file records entry { $seq } ({ $hash })
k26-head-log-shorter = the audit log ends at entry { $last }, but the head file records entry { $seq } ({ $hash }): entries were deleted or the log was replaced
k26-head-log-longer = the audit log goes on after the entry the head file records ({ $seq }): entries { $from } to { $to } were written outside kadr
k26-not-checked = the bank could not be checked
k26-log-empty = the audit log is empty
k26-not-what-last-entry-says = the bank is not what its last audit entry ({ $seq }) says
k26-head-missing = the head file { $path } is missing: entries at the end of the log could have been deleted unseen; compare the last hash ({ $hash }, entry { $seq }) with the one written down
k26-head-of-another-bank = the head file { $path } belongs to another bank
k20-found-slot-of-no-user = { $keys } holds a key slot for { $user }, who is not an authorised user: the slot was made outside kadr
k20-found-slot-not-recorded = the key slot of { $user } in { $keys } is not the one the bank recorded for them: it was made or changed outside kadr
k20-slot-missing = the key slot of { $user } is missing from { $keys }: they can no longer open the bank
k26-pages-fail = { $path }: pages fail their check: { $pages }
k26-structure-damaged = { $path }: the database structure is damaged: { $detail }
usage-retention-at-least-one = --retention-months must be at least 1
usage-backup-is-the-store = the backup would overwrite the store itself
