# Банктің хабарламалары қазақ тілінде (en.ftl-дің аудармасы; әр хабарламаның id-і сонда).

## Белгілер

refused = бас тартылды ({ $rule } ережесі): { $message }
error = қате: { $message }

## B5: бір бос лауазымға кемінде үш кандидаттан тұратын тізім

b5-list-names-three = қызметке кандидаттардың тізімі бір бос лауазымға кемінде үш адам есебімен жасалады; бұл тізімде { $named } адам бар
b5-list-still-names-three = { $list } тізімінде қазір { $present } кандидат бар; тізімде бір бос лауазымға кемінде үш кандидат болуы тиіс
b5-approved = { $list } тізімі { $on } күні бекітілген (бекіткен: { $by }); бекітілген тізім өзгертілмейді: жаңа тізім жасаңыз

## B6: деректердің толықтығы мен дұрыстығы

b6-date-in-future = { $what ->
    [approval] бекітілген күні
   *[order] бұйрықтың күні
} ({ $day }) бүгінгі күннен ({ $today }) кейін болмауы тиіс
b6-file-too-large = { $file } көлемі 1 МиБ-тан асады: бұл кандидаттың файлы емес
b6-not-utf8 = { $file } UTF-8 кодтауындағы мәтін емес

## B9: бір жыл ішінде конкурстан өтпей тағайындау

b9-category = { $person } кандидаты { $category } санатына ұсынылған, ал { $vacancy } бос лауазымы { $vacancy_category } санатына жатады
b9-within-a-year = { $person } кандидаты конкурстан { $date } күні өткен: { $day } күні конкурстан өту сәтінен бастап бір жыл өтіп кеткен
b9-vacant = { $vacancy } бос лауазымы бойынша { $status ->
    [filled] лауазымға тағайындау жүргізілген
    [cancelled] хабарландырудың күші жойылған
   *[other] мәртебе: { $status }
}; тізім бос лауазымға жасалады

## B11: лауазымға тағайындау

b11-appointed = { $person } кандидаты { $date } күнгі { $order } бұйрықпен { $vacancy } лауазымына тағайындалған
b11-vacant = сайтта { $vacancy } бойынша { $status ->
    [filled] лауазымға тағайындау жүргізілген
    [cancelled] хабарландырудың күші жойылған
   *[other] мәртебе: { $status }
}: тағайындайтын бос лауазым жоқ
b11-filled = { $person } кандидаты { $date } күнгі { $order } бұйрықпен { $vacancy } лауазымына тағайындалған; сайтта бұл лауазымға тағайындау жүргізілгенін белгілеңіз
b11-filled-without-order = { $person } кандидаты { $vacancy } лауазымына тағайындалған; сайтта бұл лауазымға тағайындау жүргізілгенін белгілеңіз

## K20: әрқайсысының өз құпиясөзі бар, аты аталған пайдаланушылар

k20-own-passphrase = құпиясөзіңізді { $by } орнатқан, ол оны біледі: алдымен `kadr bank user passphrase` пәрменімен өз құпиясөзіңізді орнатыңыз
k20-already-authorised = { $name } пайдаланушысына рұқсат бұрын берілген
k20-first-passphrase-not-own = әріптесіңіздің алғашқы құпиясөзі сіздің құпиясөзіңіз болмауы тиіс
k20-new-passphrase = жаңа құпиясөз қазіргі құпиясөзіңізбен бірдей: басқасын таңдаңыз

## Қойма: B12 (қорғалған, сайттан тыс), K19 (көшірмелер), K20, K26 (тұтастық)

b12-wrong-key = кілт қате немесе бұл kadr банкі емес
b12-inside-site = { $path } { $root } сайт түбірінің ішінде орналасқан: дербес деректер сайт жасалатын жерде ешқашан болмауы тиіс; банкті сайттан тыс сақтаңыз
b12-not-private = { $path } файлын осы компьютердің басқа пайдаланушылары оқи алады (режимі { $mode }); оны `chmod 600 { $path }` пәрменімен жабық етіңіз
k19-init-exists = { $file } бұрыннан бар; `kadr bank init` бар қойманың үстінен ешқашан жазбайды
k19-backup-exists = { $file } бұрыннан бар; оны ауыстыру үшін --force қосыңыз
k19-restore-exists = { $file } бұрыннан бар; қалпына келтіру оны ауыстырады: соны қаласаңыз, --force қосыңыз
k20-not-a-user = { $user } осы банктің рұқсаты бар пайдаланушысы емес (банкте ол үшін кілт ұясы жоқ); оны рұқсаты бар пайдаланушы `kadr bank user add` пәрменімен қоса алады
k20-slot-of-no-user = { $user } үшін кілт ұясы бар, бірақ ол осы банктің рұқсаты бар пайдаланушысы емес: ұя kadr-дан тыс жасалған
k20-slot-not-recorded = { $user } кілт ұясы осы банк ол үшін тіркеген ұя емес: ол kadr-дан тыс жасалған немесе өзгертілген
k20-own-not-shared = өз құпиясөзіңіз ортақ кілт болмауы тиіс: оны қойманы ұстаған әркім біледі
k20-migrated-by-a-user = { $user } осы банктің рұқсаты бар пайдаланушысы емес; банкті рұқсаты бар пайдаланушы көшіреді
k26-audit-log-empty = аудит журналы бос: банк бүлінген
k26-changed-outside-kadr = банк аудит журналының соңғы жазбасында көрсетілгендей емес: ол kadr-дан тыс өзгертілген; `kadr bank audit --verify` нені өзгергенін көрсетеді, `kadr bank restore` тексерілген сақтық көшірмені қайтарады

## Пәрмендердің операторға шығаратыны (стандартты қате ағыны)

audit-head = аудит журналының соңғы жазбасы: № { $seq } { $hash }
head-not-moved = ескерту: соңғы жазба файлын № { $seq } жазбаға жылжыту мүмкін болмады ({ $detail }); оны келесі пәрмен реттейді
init-done = { $path } банкі құрылды, оның рұқсаты бар алғашқы пайдаланушысы — { $admin }; құпиясөз { $admin } пайдаланушысының өзінікі: оны ешкімге бермеңіз, әр әріптесіңізді `kadr bank user add` пәрменімен қосыңыз
user-added = { $name } енді банкті сіз берген құпиясөзбен пайдалана алады; ол алдымен `kadr bank user passphrase` пәрменімен өз құпиясөзін орнатуы тиіс
user-removed = { $name } банкті бұдан былай пайдалана алмайды: оның кілт ұясы жойылды
passphrase-changed = құпиясөзіңіз өзгертілді; ескі құпиясөз банкті енді ашпайды
migrated = { $path } әр пайдаланушының жеке құпиясөзіне көшірілді; сіздің құпиясөзіңіз орнатылды, ортақ кілт оны енді ашпайды
migrated-without-passphrase = әлі құпиясөзі жоқтар: { $names }; әрқайсысына рұқсаты бар пайдаланушы `kadr bank user add NAME` пәрменімен құпиясөз береді
migrated-old-backups = көшіруге дейін жасалған сақтық көшірмелер ортақ кілтпен әлі де ашылады: оларды жойыңыз, жаңасын `kadr bank backup` пәрменімен жасаңыз
note-not-a-site = ескерту: --root сайт түбірі емес: кандидаттың бөлінісі мен санаты сайт бойынша тексерілмейді
none = жоқ
eligible-for = { $vacancy } лауазымына ({ $category } санаты) { $day } күні тағайындалуы мүмкін кандидаттар: { $count }
appointed = { $candidate } кандидаты { $vacancy } лауазымына тағайындалды: енді ол қызметкер ретінде тіркелген, әлі бекітілмеген барлық тізімнен шығарылды; сайтта бұл лауазымға тағайындау жүргізілгенін белгілеңіз:
purged = сақтау мерзімі өткен { $count } кандидаттың деректері жойылды (R9)
backup-written = шифрланған көшірме { $file } файлына жазылды (-keys және -head файлдары қасында); оны `kadr bank verify` пәрменімен тексеріңіз
nothing-recorded = банкке ештеңе жазылған жоқ: ол тұтастық тексерісінен өтпейді
list-approved = { $list } тізімі ({ $count } кандидат) { $on } күні бекітілді; ол енді өзгертілмейді

## Кандидаттың файлы: B2 (бөлініс), B3 (конкурс), B4 (көрсеткіш), B6, C-score

field-required = `{ $field }` өрісі толтырылуы тиіс
field-empty = `{ $field }` өрісі бос
field-not-a-date = `{ $field }`: `{ $text }` күн емес (ЖЖЖЖ-АА-КК)
field-in-future = `{ $field }` ({ $day }) бүгінгі күннен ({ $today }) кейін болмауы тиіс
b6-file-unreadable = кандидаттың файлын оқу мүмкін емес: { $detail }
b2-not-a-unit-id = `{ $unit }` бөліністің id-і емес (кіші латын әріптері a–z, 0–9 цифрлары және '-')
b2-unit-not-of-site = `{ $unit }` сайттың бөлінісі емес (content/units/): { $none ->
    [none] сайтта бөліністер жоқ
   *[some] сайттағы бөліністер: { $names }
}
b6-age = `birth_date` { $birth_date }: { $today } күні кандидат { $age } жаста болар еді; қызметке кандидаттың жасы { $min } бен { $max } аралығында болады
b6-education-required = `education` өрісі екі тілде толтырылуы тиіс: {"{"}kk: "…", ru: "…"{"}"}
b6-category-not-of-site = `{ $category }` сайттың лауазым санаты емес (content/categories.yaml): { $none ->
    [none] сайтта санаттар жоқ
   *[some] сайттағы санаттар: { $names }
}
b3-competition-required = `competition` өрісі толтырылуы тиіс: кандидат өткен конкурс бойынша комиссия шешімі, {"{"}decision: "№ …", date: ЖЖЖЖ-АА-КК{"}"}
b3-decision-required = `competition.decision` өрісі толтырылуы тиіс: комиссия шешімінің нөмірі
b6-competition-before-birth = competition.date күні birth_date күнінен кейін емес
b6-incomplete = жазба толық емес
b6-invisible = { $field } ішінде көрінбейтін таңба ({ $char }) бар, ол тізімдер мен нысандарда есімді бүркемелейді; оны осы таңбасыз қайта теріңіз
b6-not-a-name = `{ $field }` есім емес (әріптер, бос орындар, дефистер; ең көбі 100 таңба)
b4-indicator-required = `indicator` өрісі толтырылуы тиіс: бәсекеге қабілеттілік көрсеткіші немесе оның құрамдас бөліктері бар `score:`
b4-indicator-range = `indicator` { $indicator }; ол 0-ден { $max }-ге дейінгі аралықта болады
c-score-disagrees = `indicator` { $indicator }, ал оның `score` құрамдас бөліктері { $computed } береді
b6-category-cyrillic = `{ $category }` санатының кодында кирилл әрпі бар; кодтар латын әріптерімен жазылады (С-2 емес, C-2)
b6-not-a-category-code = `{ $category }` санат коды емес (латын әріптері, цифрлар және '-')
c-score-needs = score: { $formula } формуласына `{ $name }` құрамдас бөлігі қажет
c-score-range = score: `{ $name }` { $value }, ал ол 0-ден { $max }-ге дейінгі аралықта болады
c-score-unused = score: { $formula } формуласында ({ $text }) `{ $name }` құрамдас бөлігі жоқ

## Пәрмен жолында жетіспейтіні

usage-no-bank = қойманы --bank PATH немесе KADR_BANK арқылы көрсетіңіз
usage-no-user = өзіңізді --user NAME немесе KADR_BANK_USER арқылы көрсетіңіз (K20: әр қол жеткізуде пайдаланушының аты аталады)
usage-not-a-vacancy-id = { $id } бос лауазымның id-і емес
usage-site-unreadable = сайтты жүктеу мүмкін емес (--root): { $detail }
usage-no-such-vacancy = сайтта { $id } бос лауазымы жоқ (--root дұрыс сайтты көрсете ме?)
usage-not-a-list-id = { $id } тізімнің id-і емес (list-0001)
usage-no-such-list = банкте { $id } тізімі жоқ
usage-no-such-candidate = банкте { $id } кандидаты жоқ
usage-approved-by = --by тізімді кім бекіткенін көрсетеді: "лауазымы, арнаулы атағы, тегі, аты, әкесінің аты"

## Құпиясөздер (K20, B12)

passphrase-empty = құпиясөз бос: { $env } айнымалысын орнатыңыз немесе құпиясөзді теріңіз
b12-passphrase-too-short = банк құпиясөзі кемінде { $min } таңбадан тұруы тиіс
passphrase-no-terminal = құпиясөз жоқ: { $env } (жаңасы үшін { $new_env }) айнымалысын орнатыңыз немесе пәрменді терминалда іске қосыңыз ({ $detail })
passphrases-differ = екі құпиясөз бірдей емес; ештеңе өзгертілген жоқ

## What the human listings print (names, ids, dates and hashes as stored).
person-line = { $id }  { $unit }  { $category }  { $name }  көрсеткіш { $indicator }  конкурс { $decision } { $date }
person-appointed = { $date } күнгі { $order } бұйрықпен { $vacancy } лауазымына тағайындалды
user-line = { $name }  ({ $at } қосылды, қосқан: { $by }{ $note })
user-no-passphrase = ; құпиясөзі әлі жоқ: оны `kadr bank user add` береді
user-first-passphrase = ; алғашқы құпиясөзді { $by } орнатқан, пайдаланушы оны әлі өзінікіне ауыстырған жоқ
audit-holds = аудит журналының хэш тізбегі бүтін: { $entries } жазба, соңғы хэш { $head }; банктің әрбір жолы онда есепке алынған, бас файл сәйкес келеді (хэшті жазып алыңыз: кейінгі журналда ол сақталуы тиіс)
verified = { $file }: ашылады, бүтін, аудит журналының хэш тізбегі бүтін (жазба: { $entries }, соңғы хэш { $head }) және әрбір жолды есепке алады, бас файл сәйкес келеді; кандидаттар: { $candidates }, қызметкерлер: { $employees }, тізімдер: { $lists }
restored = { $target } сақтық көшірмеден қалпына келтірілді: { $verified }
site-not-a-root = { $root } сайт түбірі емес (онда content/site.yaml жоқ)
site-not-a-folder = { $root } бума емес

## What the passphrase prompts ask (a colon follows).
prompt-passphrase = банктің құпиясөзі
prompt-your-passphrase = сіздің құпиясөзіңіз
prompt-first-passphrase-for = { $name } үшін алғашқы құпиясөз
prompt-your-new-passphrase = сіздің жаңа құпиясөзіңіз
prompt-your-own-passphrase = сіздің өз құпиясөзіңіз
prompt-again = { $what }, қайталаңыз

## B6: why the iin field is not the candidate's ИИН.
b6-iin-not-twelve-digits = iin: ЖСН дәл он екі цифрдан тұрады
b6-iin-century-digit = iin: жетінші цифр ({ $digit }) 1–6 болуы тиіс (ғасыр мен жынысы: 1–2 — 1800–1899 жылдары, 3–4 — 1900–1999 жылдары, 5–6 — 2000–2099 жылдары туғандар)
b6-iin-no-date = iin: алғашқы алты цифр ({ $digits }) күн емес (ЖЖААКК)
b6-iin-check-digit = iin: бақылау цифры (он екінші) қате: теру кезінде қате кеткен болар?
b6-iin-never-issued = iin: алғашқы он бір цифры осындай ЖСН болмайды (бақылау цифрын есептеу мүмкін емес)
b6-iin-birth-date = iin: ЖСН-да { $encoded } туған күні көрсетілген, ал birth_date — { $stated }

## The store: what an operator may have typed wrong.
usage-not-a-user = { $name } уәкілетті пайдаланушы емес
usage-not-a-candidate = { $id } кандидат емес
usage-bank-extension = { $path }: банк файлының атауы .{ $extension } деп аяқталуы тиіс (`kadr build` сайт ішіндегі банкті осыдан таниды)
usage-no-bank-at = { $path } мекенжайында банк жоқ; оны `kadr bank init --admin NAME` арқылы құрыңыз
usage-not-a-file = { $path } файл емес
usage-bank-version = { $path } банкінің формат нұсқасы — { $found }; kadr-дың бұл нұсқасы мұнда { $expected } нұсқасын күтеді
usage-already-migrated = { $path } ішінде кілт ұяшықтары бар (2-формат): көшіретін ештеңе жоқ
usage-copy-is-the-store = көшірме мен банк — бір файл

## What failed underneath a command (the system's own detail follows after a colon).
io-no-randomness-from-the-operating-system = операциялық жүйе кездейсоқ деректерді бермеді
io-cannot-derive-the-key = кілтті шығару мүмкін болмады
io-cannot-record-the-changes = өзгерістерді жазу мүмкін болмады
io-cannot-write-the-key-slots = кілт ұяшықтарын жазу мүмкін болмады
io-cannot-wrap-the-store-key = банк кілтін шифрлау мүмкін болмады
io-cannot-use-the-slot-key = ұяшық кілтін пайдалану мүмкін болмады
io-the-store-failed = банкте ақау болды
io-cannot-write-the-head-file = бас файлды жазу мүмкін болмады
io-cannot-move-the-migrated-store-to = көшірілген банкті { $path } орнына жылжыту мүмкін болмады
io-the-migrated-store-does-not-carry = көшірілген банкте оның жаңа тұзы жоқ
io-cannot-move-the-copy-to = көшірмені { $path } орнына жылжыту мүмкін болмады
io-the-copy-does-not-carry-the = көшірмеде банктің тұзы жоқ
io-cannot-create = { $path } құру мүмкін болмады
io-cannot-write = { $path } жазу мүмкін болмады
io-cannot-read = { $path } оқу мүмкін болмады
io-cannot-record-the-score-components = баға құрамдастарын жазу мүмкін болмады
io-the-new-store-does-not-carry = жаңа банктің тақырыбында оның тұзы жоқ; ештеңе құрылған жоқ
io-cannot-write-the-export = экспортты жазу мүмкін болмады
io-cannot-write-json = JSON жазу мүмкін болмады
io-cannot-write-the-output = нәтижені шығару мүмкін болмады
io-retention-setting-unreadable = банктің retention_months баптауы оқылмайды
io-retention-of = { $months } ай сақтау мерзімі
io-retention-end-of = { $id } сақтау мерзімінің соңы

## The store's own refusals (K20, K26, B6, B12).
k20-last-user = { $name } — соңғы уәкілетті пайдаланушы; оны алып тастамас бұрын басқасын қосыңыз
b6-iin-already-in-the-bank = осы ЖСН-і бар кандидат банкте бұрыннан бар: { $id }
k26-not-a-bank-file = { $path } kadr банкінің { $what } файлы емес
k26-damaged = { $path } бүлінген: { $detail }
k26-key-slots-missing = { $bank } банкінің кілт ұяшықтары ({ $keys }) жоқ: оларсыз банкті ешкім аша алмайды; банкті сақтық көшірмеден қалпына келтіріңіз (`kadr bank restore`)
b12-key-slot-damaged = { $user } пайдаланушысының кілт ұяшығы бүлінген: { $detail }
b12-key-slot-test-cost = { $user } пайдаланушысының кілт ұяшығы тек сынаққа арналған { $cost } құнымен жасалған, бұл банк қабылдайтын ең төменгі құннан аз; нағыз банк онымен ешқашан ашылмайды

## K26 and K20: what the integrity check finds.
k26-broken-missing = аудит журналы { $seq }-жазбада үзілген: ол жоқ (реттік нөмірлер оны өткізіп жібереді)
k26-broken-not-chained = аудит журналы { $seq }-жазбада үзілген: ол алдыңғы жазбамен тізбектелмейді
k26-broken-lacks-changes = аудит журналы { $seq }-жазбада үзілген: онда көшіруден кейінгі әрбір жазбада болатын өзгерістер мен күй жоқ
k26-broken-altered = аудит журналы { $seq }-жазбада үзілген: ол жазылғаннан кейін өзгертілген (хэші мазмұнына сәйкес келмейді)
k26-broken-unreadable-changes = аудит журналы { $seq }-жазбада үзілген: ондағы өзгерістер оқылмайды
k26-broken-state = аудит журналы { $seq }-жазбада үзілген: ол банктің өзінен кейінгі күйін сипаттамайды (күй дайджесті оған дейін жазылған өзгерістерден шықпайды)
k26-row-added = { $table } { $record } kadr-дан тыс қосылған (оны бірде-бір аудит жазбасы тіркемейді)
k26-row-changed = { $table } { $record } kadr-дан тыс өзгертілген (оны бірде-бір аудит жазбасы тіркемейді)
k26-row-deleted = { $table } { $record } kadr-дан тыс жойылған (оны бірде-бір аудит жазбасы тіркемейді)
k26-head-log-empty = аудит журналы бос, ал бас файлда { $seq }-жазба ({ $hash }) тіркелген
k26-head-log-shorter = аудит журналы { $last }-жазбамен аяқталады, ал бас файлда { $seq }-жазба ({ $hash }) тіркелген: жазбалар жойылған немесе журнал ауыстырылған
k26-head-log-longer = аудит журналы бас файлда тіркелген жазбадан ({ $seq }) кейін жалғасады: { $from }–{ $to } жазбалар kadr-дан тыс жазылған
k26-not-checked = банкті тексеру мүмкін болмады
k26-log-empty = аудит журналы бос
k26-not-what-last-entry-says = банк соңғы аудит жазбасында ({ $seq }) көрсетілгендей емес
k26-head-missing = { $path } бас файлы жоқ: журналдың соңындағы жазбалар байқаусыз жойылған болуы мүмкін; соңғы хэшті ({ $hash }, { $seq }-жазба) жазып алынғанымен салыстырыңыз
k26-head-of-another-bank = { $path } бас файлы басқа банкке тиесілі
k20-found-slot-of-no-user = { $keys } ішінде уәкілетті пайдаланушы емес { $user } үшін кілт ұяшығы бар: ұяшық kadr-дан тыс жасалған
k20-found-slot-not-recorded = { $keys } ішіндегі { $user } пайдаланушысының кілт ұяшығы банк ол үшін тіркеген ұяшық емес: ол kadr-дан тыс жасалған немесе өзгертілген
k20-slot-missing = { $keys } ішінде { $user } пайдаланушысының кілт ұяшығы жоқ: ол банкті енді аша алмайды
k26-pages-fail = { $path }: беттер тексеруден өтпеді: { $pages }
k26-structure-damaged = { $path }: дерекқор құрылымы бүлінген: { $detail }
usage-retention-at-least-one = --retention-months кемінде 1 болуы тиіс
usage-backup-is-the-store = сақтық көшірме банктің өзін қайта жазып жібереді
