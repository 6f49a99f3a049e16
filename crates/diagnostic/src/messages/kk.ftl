# kadr диагностикалық хабарламалары қазақ тілінде. en.ftl файлындағы әр хабарлама мұнда да болуы тиіс
# (модульдік тест тексереді). `.hint` — хабарламаның астында көрсетілетін, қатені түзету жөніндегі кеңес.

summary = { $errors ->
    [0] қате жоқ
   *[other] { $errors } қате
}, { $warnings ->
    [0] ескерту жоқ
   *[other] { $warnings } ескерту
}

## Файлдарды оқу

missing-file = { $path } файлы табылмады
    .hint = kadr бағдарламасын сайттың түбір қалтасында іске қосыңыз немесе қалтаны --root DIR арқылы көрсетіңіз
file-too-large = { $path } файлының көлемі — { $size }; жазба көлемі ең көбі 1 MiB болуы мүмкін
    .hint = мәтінді бірнеше бөлікке бөліңіз немесе ұзын тіркемелерді жазбадан тыс орналастырыңыз
not-utf8 = { $path } файлы UTF-8 кодтауындағы мәтін емес
    .hint = файлды UTF-8 кодтауында сақтаңыз (көптеген редакторларда: «Кодтаумен сақтау» → UTF-8)
forbidden-character = мәтінде веб-бетте де, арнада да болмауға тиіс { $char } таңбасы бар
    .hint = оны өшіріңіз: бұл оқығанда көрінбейтін басқару таңбасы немесе таңба емес код (көбіне басқа бағдарламадан көшіріледі немесе YAML escape түрінде жазылады)
not-a-regular-file = { $path } кәдімгі файл емес (арна, құрылғы немесе сокет), сондықтан ол оқылмайды
    .hint = жазба кәдімгі файл болады: оны кәдімгі файлмен ауыстырыңыз немесе өшіріңіз
binary-file = { $path } — YAML мәтіні емес, екілік файл
    .hint = мұнда тек YAML мәтіндік файлдары орналасады
symlink = { $path } — символдық сілтеме; kadr сайт ішіндегі кәдімгі файлдарды ғана оқиды
    .hint = файлға сілтеме жасамай, файлдың өзін сайтқа көшіріңіз
io-error = { $path } оқылмады: { $kind ->
        [not-found] файл немесе бума жоқ
        [permission-denied] оқуға рұқсат жоқ
       *[other] енгізу-шығару қатесі
    }
yml-extension = { $path } файлының кеңейтімі кіші әріптермен жазылған .yaml емес, сондықтан ол ескерілмейді
    .hint = кеңейтімін .yaml етіп өзгертіңіз
yaml-syntax = YAML синтаксисінің қатесі: { $kind ->
        [bracket] жақша жабылмаған немесе басқа жақшамен жабылған
        [quote] тырнақша жабылмаған немесе тырнақшадағы мәтін дұрыс емес
        [indent] шегініс дұрыс емес
        [tab] шегініске табуляция қолданылған (бос орын керек)
        [colon] өріс атауынан кейін қос нүкте мен бос орын (": ") күтілген
       *[other] мәтінді YAML ретінде оқу мүмкін емес
    }
    .hint = осы жердің маңындағы шегіністерді, тырнақшаларды және қос нүктелерді тексеріңіз; ішінде ": " бар немесе арнайы таңбадан басталатын мәтінді тырнақшаға алу керек

duplicate-key = `{ $key }` кілті осы блокта екі рет жазылған
    .hint = біреуін ғана қалдырыңыз: YAML бір кілтті екі рет жазуға рұқсат бермейді, ал kadr сіз қайсысын меңзегеніңізді болжамайды
yaml-second-document = осы жерден екінші YAML құжаты басталады: жазба файлында бір ғана құжат болады
    .hint = `---` жолын және одан кейінгіні өшіріңіз немесе бөлек файлға көшіріңіз
nested-record = { $path } { $folder } қалтасының ішкі қалтасында жатыр, kadr жазбаларды онда іздемейді
    .hint = оны { $folder } қалтасының өзіне көшіріңіз
too-deep = { $path } content/vacancies/ қалтасынан 32 деңгейден тереңірек жатыр, kadr онда іздемейді
    .hint = бос орындарды content/vacancies/ қалтасында немесе жыл бойынша қалтада сақтаңыз, мысалы content/vacancies/2026/
yaml-too-complex = YAML тым терең кірістірілген немесе оның сілтемелері (alias) тым үлкен көлемге ашылады
    .hint = жазбалар тек қарапайым «кілт: мән» жұптары мен тізімдерден тұрады; зәкірлерді (&) және сілтемелерді (*) алып тастаңыз

## Жазбаларды оқу

wrong-type = күтілгені: { $expected ->
        [date] күн (ЖЖЖЖ-АА-КК)
        [list] тізім
        [mapping] өрістер жиыны
        [text] мәтін
        [bool] true немесе false
        [integer] бүтін сан
       *[other] { $expected }
    }, табылғаны: { $found ->
        [null] бос мән
        [bool] true немесе false
        [number] сан
        [text] мәтін
        [list] тізім
        [mapping] өрістер жиыны
       *[other] { $found }
    }
quote-it = мән мәтін ретінде оқылуы үшін оны тырнақшаға алыңыз
missing-field = `{ $field }` өрісі жоқ
    .hint = осы жазбаға `{ $field }:` қосыңыз
empty-field = `{ $field }` өрісі бос
    .hint = мән енгізіңіз немесе өріс міндетті болмаса, оны алып тастаңыз
unknown-field = `{ $field }` — белгісіз өріс
unknown-field-did-you-mean = мүмкін, `{ $suggestion }` деп жазғыңыз келді ме? Белгілі өрістер: { $known }
unknown-field-known = белгілі өрістер: { $known }
missing-translation = { $lang ->
    [kk] қазақ тіліндегі (kk)
   *[ru] орыс тіліндегі (ru)
} мәтін жоқ
    .hint = әр мәтін мемлекеттік тілде және орыс тілінде жарияланады: `kk` пен `ru` екеуін де көрсетіңіз
bad-date-format = `{ $value }` — ЖЖЖЖ-АА-КК түрінде жазылған күн емес
    .hint = күндерді 2026-12-08 түрінде жазыңыз
impossible-date = `{ $value }` — күнтізбеде жоқ күн
    .hint = күн мен айды тексеріңіз
unknown-choice = `{ $value }` рұқсат етілген мәндердің бірі емес: { $allowed }
choice-did-you-mean = мүмкін, `{ $suggestion }` деп жазғыңыз келді ме? Рұқсат етілген мәндер: { $allowed }
number-out-of-range = { $value } мәні { $min }…{ $max } аралығынан тыс
duplicate-language = `{ $lang }` тілі екі рет көрсетілген
unknown-language = `{ $lang }` — белгісіз тіл
    .hint = kadr мәтіндерді kk және ru тілдерінде жариялайды
languages-both = сайт үшін екі тіл де көрсетілуі тиіс: kk және ru
    .hint = `languages: [kk, ru]` деп жазыңыз

## Сайт, идентификаторлар және сілтемелер

bad-base-url = base_url `{ $value }` — толық http(s) мекенжайы емес
    .hint = сайт қолжетімді болатын толық мекенжайды жазыңыз, мысалы https://example.gov.kz/qriim
base-url-http = base_url https:// емес, http:// мекенжайын қолданады
    .hint = министрліктің жалпыға қолжетімді ресурсы HTTPS арқылы жұмыс істеуі тиіс
bad-slug = `{ $value }` — жарамсыз URL сегменті
    .hint = кіші латын әріптерін, цифрларды және дефистерді қолданыңыз, мысалы kadr-sayasaty
bad-id = `{ $value }` идентификаторында тек кіші латын әріптері, цифрлар және дефистер болуы мүмкін
    .hint = идентификаторлардан файл мен бет атаулары жасалады; мысалы 2026-dp-almaty-0142
id-file-mismatch = `{ $id }` идентификаторы `{ $file }.yaml` файл атауымен сәйкес келмейді
    .hint = файлдың атауын `{ $id }.yaml` етіп өзгертіңіз немесе идентификаторды `{ $file }` етіп өзгертіңіз
reserved-id = бос лауазымның идентификаторы `{ $id }` бола алмайды: бөлімнің `{ $id }/` қалтасында { $id ->
    [archive] мұрағат
   *[other] сүзгі беттері
} орналасқан
    .hint = файл мен идентификаторды жыл, бөлініс және нөмір бойынша атаңыз, мысалы 2026-dp-almaty-0142
duplicate-id = `{ $id }` идентификаторы { $other } файлында бұрыннан қолданылған
    .hint = әр жазбаның өз идентификаторы болуы тиіс
category-code-cyrillic = `{ $code }` санат кодында латынның `{ $latin }` әрпіне ұқсайтын кириллицаның `{ $letter }` әрпі ({ $codepoint }) бар
    .hint = кодты латын пернетақта орналасуында қайта теріңіз: `{ $fixed }`
category-code-ascii = `{ $code }` санат кодында тек латын әріптері, цифрлар және дефистер болуы мүмкін
duplicate-category = `{ $code }` санаты екі рет анықталған
category-case-clash = `{ $code }` санатының коды `{ $other }` кодынан тек әріптердің бас-кішілігімен ерекшеленеді; екеуінің де беті { $path } болар еді
    .hint = кодтар әріп регистрін ескермей салыстырылады: бұл санатқа өз кодын беріңіз
dangling-reference = `{ $value }` { $kind ->
    [unit] бөлінісі
    [category] санаты
   *[requirement] біліктілік талаптарының жазбасы
} жоқ
    .hint = жазылуын content/units, content/categories.yaml және content/requirements мазмұнымен салыстырыңыз
reference-did-you-mean = мүмкін, `{ $suggestion }` деп жазғыңыз келді ме?
salary-max-below-min = ақшалай ризықтың ең жоғары мөлшері ({ $max }) ең төменгі мөлшерінен ({ $min }) аз
    .hint = ақшалай ризықты айына теңгемен {"{"}min: N, max: N{"}"} түрінде жазыңыз, max min-нен кем болмасын; немесе тек min көрсетіңіз
no-salary = хабарландыруда ақшалай ризық көрсетілмеген
    .hint = хабарландыруларда ақшалай ризық көрсетіледі: salary: {"{"}min: N, max: N{"}"} өрісін қосыңыз (айына теңгемен, салық ұсталғанға дейін)
bad-postal-code = `{ $value }` пошта индексі емес: алты цифр болуы керек
    .hint = индексті жеке жазыңыз, мысалы 050000, ал көше мен үйді address өрісіне жазыңыз
no-contacts = бөліністің телефоны да, электрондық поштасы да көрсетілмеген
    .hint = `contacts: {"{"}phone: "+7 …", email: "…"{"}"}` қосыңыз
bad-phone = `{ $value }` — +7 XXX XXX XX XX түріндегі телефон нөмірі емес
    .hint = нөмірді +7 және он цифр арқылы жазыңыз; бос орын, дефис және жақша қолдануға болады
bad-email = `{ $value }` — жарамсыз электрондық пошта мекенжайы
    .hint = мекенжайды kadr@example.gov.kz түрінде жазыңыз

## Қағидалар талаптары

not-leadership = `{ $code }` санаты басшылық лауазымдар санаты емес; мұнда тек бос басшылық лауазымдар жарияланады
    .hint = content/categories.yaml ішінде `leadership: true` белгісі бар санатты таңдаңыз
territorial-head-in-central = аумақтық бөліністің басшысы `{ $unit }` бөлінісінің лауазымдарына тағайындамайды: бұл — орталық аппараттың бөлімшесі
    .hint = орталық аппараттың лауазымдарына министр немесе министрдің орынбасары тағайындайды
requirement-not-covering = `{ $requirement }` біліктілік талаптарының жазбасы `{ $code }` санатына қолданылмайды (ол мына санаттарға қолданылады: { $covered })
    .hint = осы санатқа арналған біліктілік талаптарының жазбасына сілтеме жасаңыз немесе санатты сол жазбаға қосыңыз
empty-text = { $lang ->
    [kk] қазақ тіліндегі (kk)
   *[ru] орыс тіліндегі (ru)
} мәтін бос
    .hint = мәтінді екі тілде де жазыңыз
untranslated-copy = `{ $field }` өрісінің kk және ru мәтіндері бірдей: бұл аударылмаған көшірме
    .hint = мәтінді мемлекеттік тілде және орыс тілінде жазыңыз
placeholder = `{ $field }` өрісінде ⟦ және ⟧ арасындағы толтырылмаған мәтін қалды
    .hint = оны жақшаларымен қоса министрлік қана білетін мәліметпен ауыстырыңыз (оны kadr init жазған): оған дейін сайт жинала береді, бірақ жариялауға дайын емес
stub-text = `{ $field }` өрісінің { $lang ->
    [kk] қазақ тіліндегі (kk)
   *[ru] орыс тіліндегі (ru)
} мәтіні әлі толтырылмаған: бұл kadr new жазған үлгі
    .hint = ⟦ және ⟧ жақшаларының арасындағы нұсқауды жақшаларымен қоса нақты мәтінмен ауыстырыңыз
personal-data = бұл жеке сәйкестендіру нөміріне (ЖСН/ИИН) ұқсайды; дербес деректерді жариялауға болмайды
    .hint = оны алып тастаңыз: кандидаттардың дербес деректері сайтта емес, тек жабық деректер банкінде (kadr bank) сақталады
bad-link = `{ $url }` сілтемесіне рұқсат етілмейді
    .hint = сілтемелерде тек https:, http:, mailto: немесе tel: қолдануға болады
raw-html = HTML коды HTML ретінде жарияланбайды: ол кәдімгі мәтін болып көрсетіледі
    .hint = оның орнына Markdown қолданыңыз: **қалың қаріп**, «-» белгісімен тізімдер, [сілтемелер](https://…)

## Күндер және жұмыс күндерінің күнтізбесі

published-before-arose = published_on { $published } күні arose_on { $arose } күнінен бұрын
    .hint = хабарландыру бос лауазым пайда болғаннан кейін орналастырылады
deadline-before-published = құжаттарды қабылдаудың соңғы күні ({ $deadline }) хабарландыру орналастырылған күннен ({ $published }) бұрын
    .hint = құжаттарды қабылдаудың соңғы күні хабарландыру орналастырылғаннан кейін болуы тиіс
updated-before-published = updated_on { $updated } хабарландыру орналастырылған күннен ({ $published }) бұрын
updated-in-future = updated_on { $updated } бүгінгі күннен ({ $today }) кейін
competition-url = `{ $url }` конкурс сілтемесі https:// мекенжайы болуы тиіс
published-late = { $published } күні орналастырылған: рұқсат етілген соңғы күннен ({ $last }) { $late } жұмыс күні кеш
    .hint = хабарландыру бос лауазым пайда болған күннен ({ $arose }) бастап { $within } жұмыс күні ішінде орналастырылады; кешіктірілсе, себебін `late_reason: {"{"}kk: …, ru: …{"}"}` өрісіне жазыңыз
published-late-with-reason = { $published } күні орналастырылған: рұқсат етілген соңғы күннен ({ $last }) { $late } жұмыс күні кеш (себебі көрсетілген)
late-reason-not-late = `late_reason` көрсетілген, бірақ хабарландыру мерзімінде орналастырылған (рұқсат етілген соңғы күн — { $last })
    .hint = `late_reason` өрісін алып тастаңыз
calendar-missing-year = { $year } жылға арналған жұмыс күндерінің күнтізбесі жоқ
    .hint = content/calendar/{ $year }.yaml файлын қосып, онда сол жылдың мереке және демалыс күндерін, демалыс күндерінің ауыстырылуын көрсетіңіз
calendar-problem = күнтізбе: { $detail }
calendar-duplicate-year = { $year } жылғы күнтізбе екі рет анықталған

## Безендіру тақырыбы және нәтиже

emblem-missing = { $path } елтаңбасы безендіру тақырыбының статикалық файлдарының арасында жоқ
    .hint = файлды сайттың themes/default/static/ қалтасына салыңыз (мысалы, themes/default/static/{ $path }) немесе site.yaml ішінен emblem өрісін өшіріңіз
template-error = үлгі қатесі: { $detail }
locale-error = интерфейс жолдары: { $detail }
theme-unknown-template = { $name } kadr-ға кіріктірілген безендіру тақырыбының ешбір үлгісін алмастырмайды, оны ешбір үлгі қоспайды
    .hint = сайт үлгіні themes/default/templates/ қалтасындағы аттас файлмен алмастырады (барлығын kadr theme eject жазады); сайттың өз үлгісін басқа бір үлгі қосуы керек
theme-unknown-static = { $name } kadr-ға кіріктірілген безендіру тақырыбының ешбір статикалық файлын алмастырмайды, оны ешбір үлгі атамайды
    .hint = сайт статикалық файлды themes/default/static/ қалтасындағы жолы бірдей файлмен алмастырады; сайттың өз файлын үлгі site.assets['{ $name }'] түрінде атауы керек
locale-unknown-key = `{ $name }` интерфейс жолы ешбір кіріктірілген интерфейс жолын алмастырмайды, оны ешбір үлгі пайдаланбайды
    .hint = сайт интерфейс жолын өзінің locales/kk/*.ftl немесе locales/ru/*.ftl файлындағы сол кілтпен алмастырады (барлығын kadr theme eject жазады)
locale-missing-key = `{ $key }` интерфейс жолы { $lang } тілі үшін жоқ
    .hint = оны locales/{ $lang }/*.ftl файлдарына қосыңыз
bank-in-site = үміткерлер деректер банкінің қоймасы сайт ішінде орналасқан: { $path }
    .hint = дербес деректер жарияланатын сайтқа ешқашан түспеуі тиіс: банкті сайттың түбір қалтасынан тыс жерге көшіріңіз

# kadr report (P4 талабының сақталуы)
report-title = P4 талабының сақталуы: заңды мерзімде орналастырылған хабарландырулар
report-period = { $from } мен { $to } аралығында орналастырылған хабарландырулар
report-period-until = { $to } дейін орналастырылған хабарландырулар
report-term = Хабарландыру бос орын пайда болған күннен бастап { $within } жұмыс күні ішінде орналастырылады (RULES.md P4)
report-col-unit = Бөлініс
report-col-unit-id = Бөлініс идентификаторы
report-col-placed = Орналастырылды
report-col-on-time = Мерзімінде
report-col-late = Кешігіп
report-col-late-with-reason = Кешігіп, себебі көрсетілген
report-col-late-without-reason = Кешігіп, себебі жоқ
report-col-not-counted = Есептелмеді (күнтізбе жоқ)
report-col-language = Екі тілде емес
report-col-overdue = Мерзімі өтсе де ашық
report-total = Барлығы
report-late-heading = Кешігіп орналастырылған хабарландырулар
report-col-id = Хабарландыру
report-col-arose = Бос орын пайда болған күн
report-col-published = Орналастырылған күні
report-col-last-day = Рұқсат етілген соңғы күн
report-col-late-by = Кешіккен жұмыс күндері
report-col-reason = Себебі
report-col-deadline = құжаттарды қабылдаудың соңғы күні
report-no-reason = себебі көрсетілмеген
report-language-heading = Екі тілде жазылмаған хабарландырулар (немесе аударылмаған көшірмесі не толтырылмаған мәтіні бар)
report-overdue-heading = Құжаттарды қабылдау мерзімі өтсе де әлі ашық хабарландырулар
report-none = Жоқ.

## The labels of a printed problem (error:, warning:, help:).
label-error = қате
label-warning = ескерту
label-help = кеңес

## kadr build: the output folder, and how the build ended.
output-sources = сайт { $out } бумасына жазылмайды: ол сайттың бастапқы файлдарын ({ $source }) ауыстырып жібереді; content/, themes/, locales/ және .git сыртындағы буманы таңдаңыз, мысалы public/
output-not-a-folder = сайт { $out } ішіне жазылмайды: бұл бума емес, файл
output-foreign = { $out } ауыстырылмайды: бұл бумада kadr жасамаған файлдар бар (ішінде .kadr-output жоқ); буманы босатыңыз, басқа --out таңдаңыз немесе оны толық ауыстыру үшін --force беріңіз
output-locked = { $out } бумасына kadr-дың басқа құрастыруы жазып жатыр ({ $holder }); оның аяқталуын күтіп, қайта құрастырыңыз
output-unsafe-path = шығыс бумасынан тыс жазылмайды: { $path }
output-io = { $path }: { $kind ->
        [not-found] файл немесе бума жоқ
        [permission-denied] жазуға немесе оқуға рұқсат жоқ
       *[other] енгізу-шығару қатесі
    }
output-left-as-it-was = { $error }; { $out } бұрынғы күйінде қалды
root-not-a-folder = { $root } бума емес
built = { $out } ішіне { $files } файл жазылды (өзгергені: { $changed })
build-failed = құрастыру сәтсіз аяқталды: { $out } бұрынғы күйінде қалды
build-leftover = ескерту: жаңа сайт орнында, бірақ алдыңғысын { $previous } ішінен жою мүмкін болмады ({ $detail }); келесі құрастыру оны жояды

## kadr serve: the console lines and why it cannot run.
serve-cache-not-written = ескерту: кэш жазылмады ({ $detail }); --no-cache онсыз жұмыс істейді
serve-built = сайт { $ms } мс ішінде құрастырылды
serve-built-with-errors = сайтта қателер бар (браузерде көрсетілген), { $ms } мс
serve-rebuilt = { $ms } мс ішінде қайта құрастырылды ({ $pages } беттің { $reused } беті өзгермеген, қайта пайдаланылды)
serve-rebuilt-with-errors = қателермен қайта құрастырылды (браузерде көрсетілген), { $ms } мс
serve-port-taken = { $port } порты бос емес; оның орнына { $instead } порты пайдаланылады
serve-serving = алдын ала қарау: { $url }
serve-watching = content/, themes/ және locales/ бақыланады — тоқтату үшін Ctrl-C басыңыз
serve-stopped = тоқтатылды
serve-watch = { $root } бақыланбайды: { $detail }
serve-thread = қайта құрастыру ағыны іске қосылмады: { $detail }
serve-start = сервер іске қосылмады: { $detail }
serve-bind = { $ip } мекенжайындағы { $from }–{ $to } порттарының ешқайсысы ашылмады: { $detail }
serve-server = сервер қатесі: { $detail }

## kadr new vacancy: what was written, and why nothing was.
new-wrote = { $path } жазылды: екі тілдегі әрбір ⟦…⟧ орнына нақты мәтінді жазыңыз, содан кейін kadr check іске қосыңыз
new-unknown-unit = content/units/ ішінде `{ $unit }` бөлінісі жоқ (бары: { $known })
new-unknown-category = content/categories.yaml ішінде `{ $code }` санаты жоқ (басшылық лауазымдар санаттары: { $known })
new-not-leadership = `{ $code }` санаты басшылық лауазымдардың санаты емес: тек басшылық лауазымдар жарияланады (P3)
new-no-requirement = content/requirements/ ішіндегі бірде-бір жазба `{ $code }` санатын қамтымайды (P5): кодты тиісті жазбаның `categories` тізіміне қосыңыз
new-territorial-head-in-central = `{ $unit }` — орталық аппарат: оның лауазымдарына министр немесе министрдің орынбасары тағайындайды (P3)
new-authority-needed = `{ $unit }` — орталық аппарат: кім тағайындайтынын --authority minister немесе --authority deputy_minister арқылы көрсетіңіз (P3)
new-date-out-of-range = жаңа файлдың күні күнтізбеден тыс: { $detail }

## kadr diff: why git gives nothing to compare with.
git-cannot-run = git іске қосылмады: { $detail }
git-failed = git { $command } сәтсіз аяқталды: { $detail }
git-not-a-repository = { $root } git репозиторийінде емес
git-no-such-commit = `{ $rev }` бірде-бір коммитті көрсетпейді
git-no-commit = репозиторийде салыстыратын коммит жоқ
git-unsafe-path = репозиторийдегі қауіпті жол: { $path }
git-cat-file = git cat-file күтпеген жауап берді: { $detail }

## kadr diff: the report for a review (Markdown).
diff-heading = kadr diff: { $base } ({ $commit }) бері хабарландырулардағы өзгерістер
diff-no-changes = Бос лауазымдарда, бөліністерде, біліктілік талаптарында, санаттарда, сайт баптауларында және күнтізбеде өзгеріс жоқ.
diff-vacancies = Бос лауазымдар
diff-units = Бөліністер
diff-requirements = Біліктілік талаптары (P5)
diff-categories = Лауазымдар санаттары
diff-site-settings = Сайт баптаулары
diff-site-changed = `content/site.yaml` өзгерді: бұл барлық беттерге әсер етеді (бос лауазымдар саны: { $vacancies }).
diff-calendar = Жұмыс күндерінің күнтізбесі (P4)
diff-calendar-columns = | жыл | жазба | күні | өзгеріс | бұрын | кейін |
diff-no-deadline-moves = Бірде-бір бос лауазымның орналастырылуға рұқсат етілген соңғы күні жылжымайды.
diff-deadline-moves = Орналастырылуға рұқсат етілген соңғы күні жылжитындар: { $list }
diff-summary-vacancies = **Бос лауазымдар:** жаңасы { $new }, өзгергені { $changed } (мәртебесі жаңа: { $status }), алынып тасталғаны { $removed }
diff-summary-unreadable = **оқылмайтыны: { $n }** (`kadr check` іске қосыңыз)
diff-count-units = бөліністер
diff-count-requirements = біліктілік талаптары
diff-count-categories = санаттар
diff-count-calendar = күнтізбе жазбалары
diff-count-site = сайт баптаулары
diff-status = мәртебесі
diff-preview = алдын ала қарау
diff-unreadable-file = Бұл файл бос лауазым ретінде оқылмайды: себебін `kadr check` көрсетеді. Оны осы күйінде мақұлдамаңыз.
diff-field-value-columns = | өріс | мәні |
diff-field-columns = | өріс | бұрын | кейін |
diff-affects-none = Бірде-бір бос лауазымға әсер етпейді.
diff-affects = Әсер ететіні: { $list }
diff-and-more = тағы { $n }
diff-before = бұрын
diff-after = кейін
diff-unchanged = өзгерген жоқ
diff-no-lines = жол жоқ
diff-none = жоқ
diff-title-added = Жаңа
diff-title-removed = Алынып тасталды
diff-title-changed = Өзгерді
diff-title-unreadable = Оқылмайды
diff-change-added = қосылды
diff-change-removed = алынып тасталды
diff-change-changed = өзгерді
diff-change-unreadable = оқылмайды

## kadr init, kadr theme eject, kadr schema.
init-wrote = { $dir } ішіне жаңа сайт жазылды ({ $files } файл; күнтізбелер: { $years }).
init-wrote-no-calendar = { $dir } ішіне жаңа сайт жазылды ({ $files } файл; күнтізбе жоқ: kadr биылғы жылды да, келесі жылды да білмейді).
init-fill-in = ⟦ және ⟧ арасындағыны толтырыңыз (kadr check --root { $dir } әрқайсысын атайды), содан кейін: kadr new vacancy, kadr serve.
init-next = Келесі қадам: kadr new vacancy, kadr serve.
init-not-empty = { $dir } бос емес: kadr init жаңа репозиторийді бос немесе жаңа бумаға ғана жазады және ешбір файлды қайта жазбайды
eject-kept = сайттың өз файлы қалдырылды: { $file }
eject-wrote = kadr-дың кіріктірілген тақырыбының { $files } файлы { $root } ішіне жазылды; кез келгенін өңдеңіз, ал өзгертпегендерін жойсаңыз, kadr-дың нұсқасы қолданыла береді
schema-cannot-write = { $out } ішіне жазылмайды: { $kind ->
        [not-found] файл немесе бума жоқ
        [permission-denied] жазуға рұқсат жоқ
       *[other] { $detail }
    }
report-no-such-unit = сайтта { $unit } бөлінісі жоқ (content/units/{ $unit }.yaml)
cache-not-written = ескерту: { $cache } кэші жазылмады ({ $detail }); --no-cache онсыз жұмыс істейді
