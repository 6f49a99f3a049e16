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
