# Диагностические сообщения kadr на русском языке. Каждое сообщение из en.ftl должно быть и здесь
# (это проверяет модульный тест). `.hint` — подсказка, как исправить ошибку, выводится под сообщением.

summary = { $errors ->
    [0] ошибок нет
    [one] { $errors } ошибка
    [few] { $errors } ошибки
   *[many] { $errors } ошибок
}, { $warnings ->
    [0] предупреждений нет
    [one] { $warnings } предупреждение
    [few] { $warnings } предупреждения
   *[many] { $warnings } предупреждений
}

## Чтение файлов

missing-file = файл { $path } не найден
    .hint = запустите kadr в корневой папке сайта или укажите её через --root DIR
file-too-large = размер файла { $path } — { $size }; запись может занимать не более 1 MiB
    .hint = разделите текст или вынесите длинные вложения из записи
not-utf8 = файл { $path } не в кодировке UTF-8
    .hint = сохраните файл в кодировке UTF-8 (в большинстве редакторов: «Сохранить с кодировкой» → UTF-8)
forbidden-character = в тексте есть символ { $char }, которого не может быть ни на веб-странице, ни в ленте
    .hint = удалите его: это управляющий символ или несимвол, невидимый при чтении (чаще всего вставлен из другой программы или записан как escape-последовательность YAML)
not-a-regular-file = { $path } — не обычный файл (канал, устройство или сокет), поэтому он не читается
    .hint = запись — это обычный файл: замените его обычным файлом или удалите
binary-file = { $path } — двоичный файл, а не текст YAML
    .hint = здесь допускаются только текстовые файлы YAML
symlink = { $path } — символическая ссылка; kadr читает только обычные файлы внутри сайта
    .hint = скопируйте файл внутрь сайта, а не ссылайтесь на него
io-error = не удаётся прочитать { $path }: { $kind ->
        [not-found] нет такого файла или папки
        [permission-denied] нет прав на чтение
       *[other] ошибка ввода-вывода
    }
yml-extension = файл { $path } имеет расширение не .yaml (строчными буквами) и будет пропущен
    .hint = смените расширение на .yaml
yaml-syntax = синтаксическая ошибка YAML: { $kind ->
        [bracket] скобка не закрыта или закрыта другой скобкой
        [quote] кавычка не закрыта или текст в кавычках записан неверно
        [indent] неверный отступ
        [tab] в отступе табуляция (нужны пробелы)
        [colon] после имени поля ожидались двоеточие и пробел (": ")
       *[other] текст нельзя прочитать как YAML
    }
    .hint = проверьте отступы, кавычки и двоеточия рядом с этим местом; текст, который содержит ": " или начинается со специального символа, нужно заключить в кавычки

duplicate-key = ключ `{ $key }` записан в этом блоке дважды
    .hint = оставьте только один из них: YAML не допускает повторения ключа, а kadr не будет угадывать, какой из них имелся в виду
yaml-second-document = здесь начинается второй документ YAML: файл записи содержит один документ
    .hint = удалите строку `---` и всё, что после неё, или перенесите это в отдельный файл
nested-record = { $path } лежит во вложенной папке { $folder }, где kadr не ищет записи
    .hint = перенесите файл в саму папку { $folder }
too-deep = { $path } лежит глубже 32 уровней папок внутри content/vacancies/, где kadr не ищет
    .hint = храните вакансии в content/vacancies/ или в папке по годам, например content/vacancies/2026/
yaml-too-complex = в YAML слишком глубокая вложенность или псевдонимы раскрываются в слишком большой объём
    .hint = записи состоят только из простых пар «ключ: значение» и списков; удалите якоря (&) и псевдонимы (*)

## Чтение записей

wrong-type = ожидалось: { $expected ->
        [date] дата (ГГГГ-ММ-ДД)
        [list] список
        [mapping] набор полей
        [text] текст
        [bool] true или false
        [integer] целое число
       *[other] { $expected }
    }, найдено: { $found ->
        [null] пустое значение
        [bool] true или false
        [number] число
        [text] текст
        [list] список
        [mapping] набор полей
       *[other] { $found }
    }
quote-it = заключите значение в кавычки, чтобы оно читалось как текст
missing-field = отсутствует поле `{ $field }`
    .hint = добавьте в эту запись `{ $field }:`
empty-field = поле `{ $field }` пустое
    .hint = заполните значение или удалите поле, если оно необязательное
unknown-field = неизвестное поле `{ $field }`
unknown-field-did-you-mean = возможно, имелось в виду `{ $suggestion }`? Известные поля: { $known }
unknown-field-known = известные поля: { $known }
missing-translation = отсутствует текст на { $lang ->
    [kk] казахском языке (kk)
   *[ru] русском языке (ru)
}
    .hint = каждый текст публикуется на государственном и русском языках: укажите и `kk`, и `ru`
bad-date-format = `{ $value }` — не дата в формате ГГГГ-ММ-ДД
    .hint = записывайте даты так: 2026-12-08
impossible-date = `{ $value }` — несуществующая календарная дата
    .hint = проверьте день и месяц
unknown-choice = `{ $value }` не входит в число допустимых значений: { $allowed }
choice-did-you-mean = возможно, имелось в виду `{ $suggestion }`? Допустимые значения: { $allowed }
number-out-of-range = { $value } вне диапазона { $min }…{ $max }
duplicate-language = язык `{ $lang }` указан дважды
unknown-language = неизвестный язык `{ $lang }`
    .hint = kadr публикует тексты на языках kk и ru
languages-both = для сайта должны быть указаны оба языка: kk и ru
    .hint = напишите `languages: [kk, ru]`

## Сайт, идентификаторы и ссылки

bad-base-url = base_url `{ $value }` — не абсолютный адрес http(s)
    .hint = укажите полный адрес, по которому доступен сайт, например https://example.gov.kz/qriim
base-url-http = base_url использует http://, а не https://
    .hint = публичный ресурс министерства должен быть доступен по HTTPS
bad-slug = `{ $value }` — недопустимый сегмент URL
    .hint = используйте строчные латинские буквы, цифры и дефисы, например kadr-sayasaty
bad-id = идентификатор `{ $value }` может содержать только строчные латинские буквы, цифры и дефисы
    .hint = из идентификаторов образуются имена файлов и страниц; например 2026-dp-almaty-0142
id-file-mismatch = идентификатор `{ $id }` не совпадает с именем файла `{ $file }.yaml`
    .hint = переименуйте файл в `{ $id }.yaml` или измените идентификатор на `{ $file }`
reserved-id = у вакансии не может быть идентификатора `{ $id }`: в папке раздела `{ $id }/` { $id ->
    [archive] находится архив
   *[other] находятся страницы фильтров
}
    .hint = называйте файл и идентификатор по году, подразделению и номеру, например 2026-dp-almaty-0142
duplicate-id = идентификатор `{ $id }` уже используется в { $other }
    .hint = у каждой записи должен быть собственный идентификатор
category-code-cyrillic = код категории `{ $code }` содержит кириллическую букву `{ $letter }` ({ $codepoint }), похожую на латинскую `{ $latin }`
    .hint = наберите код заново в латинской раскладке: `{ $fixed }`
category-code-ascii = код категории `{ $code }` может содержать только латинские буквы, цифры и дефисы
duplicate-category = категория `{ $code }` определена дважды
category-case-clash = код категории `{ $code }` отличается от `{ $other }` только регистром букв; у обеих была бы страница { $path }
    .hint = коды сравниваются без учёта регистра: дайте этой категории собственный код
dangling-reference = { $kind ->
    [unit] подразделение
    [category] категория
   *[requirement] запись о квалификационных требованиях
} `{ $value }` не существует
    .hint = сверьте написание с content/units, content/categories.yaml и content/requirements
reference-did-you-mean = возможно, имелось в виду `{ $suggestion }`?
salary-max-below-min = верхняя граница денежного довольствия ({ $max }) меньше нижней ({ $min })
    .hint = укажите довольствие в тенге в месяц как {"{"}min: N, max: N{"}"}, max не меньше min; или только min
no-salary = в объявлении не указано денежное довольствие
    .hint = в объявлениях указывается денежное довольствие: добавьте salary: {"{"}min: N, max: N{"}"} (в тенге в месяц, до удержания налогов)
bad-postal-code = `{ $value }` — не почтовый индекс: нужно шесть цифр
    .hint = укажите индекс отдельно, например 050000, а улицу и дом — в поле address
no-contacts = у подразделения не указаны ни телефон, ни адрес электронной почты
    .hint = добавьте `contacts: {"{"}phone: "+7 …", email: "…"{"}"}`
bad-phone = `{ $value }` — не номер телефона в формате +7 XXX XXX XX XX
    .hint = укажите номер с +7 и десятью цифрами; допускаются пробелы, дефисы и скобки
bad-email = `{ $value }` — недопустимый адрес электронной почты
    .hint = пишите адрес так: kadr@example.gov.kz

## Требования правил

not-leadership = категория `{ $code }` не относится к руководящим; здесь публикуются только вакантные руководящие должности
    .hint = выберите категорию с `leadership: true` в content/categories.yaml
territorial-head-in-central = руководитель территориального подразделения не назначает на должности в `{ $unit }`: это подразделение центрального аппарата
    .hint = на должности центрального аппарата назначают министр или заместитель министра
requirement-not-covering = запись о квалификационных требованиях `{ $requirement }` не распространяется на категорию `{ $code }` (она охватывает: { $covered })
    .hint = сошлитесь на запись о квалификационных требованиях для этой категории или добавьте категорию в эту запись
empty-text = текст на { $lang ->
    [kk] казахском языке (kk)
   *[ru] русском языке (ru)
} пуст
    .hint = напишите текст на обоих языках
untranslated-copy = тексты kk и ru в поле `{ $field }` совпадают: это непереведённая копия
    .hint = напишите текст на государственном языке и на русском языке
placeholder = в поле `{ $field }` остался незаполненный текст между ⟦ и ⟧
    .hint = замените его вместе со скобками сведениями, известными только министерству (его записала команда kadr init): сайт собирается и так, но к публикации не готов
stub-text = { $lang ->
    [kk] текст на казахском языке (kk)
   *[ru] текст на русском языке (ru)
} в поле `{ $field }` ещё не заполнен: это заготовка, которую записала команда kadr new
    .hint = замените указание между ⟦ и ⟧ вместе со скобками настоящим текстом
personal-data = похоже на индивидуальный идентификационный номер (ИИН/ЖСН); персональные данные публиковать нельзя
    .hint = удалите его: персональные данные кандидатов хранятся только в закрытом банке данных (kadr bank) и никогда не размещаются на сайте
bad-link = ссылка на `{ $url }` не допускается
    .hint = в ссылках допускаются только https:, http:, mailto: и tel:
raw-html = HTML-разметка не публикуется как HTML: она будет показана как обычный текст
    .hint = используйте Markdown: **полужирный**, списки с «-», [ссылки](https://…)

## Даты и производственный календарь

published-before-arose = published_on { $published } раньше, чем arose_on { $arose }
    .hint = объявление размещается после возникновения вакансии
deadline-before-published = последний день приёма документов { $deadline } раньше даты размещения { $published }
    .hint = последний день приёма документов наступает после размещения объявления
updated-before-published = updated_on { $updated } раньше даты размещения { $published }
updated-in-future = updated_on { $updated } позже сегодняшней даты ({ $today })
competition-url = ссылка на конкурс `{ $url }` должна быть адресом https://
published-late = размещено { $published }, на { $late ->
    [one] { $late } рабочий день
    [few] { $late } рабочих дня
   *[many] { $late } рабочих дней
} позже последнего допустимого дня { $last }
    .hint = объявление размещается в течение { $within ->
        [one] { $within } рабочего дня
       *[many] { $within } рабочих дней
    } со дня возникновения вакансии ({ $arose }); если срок пропущен, укажите причину в `late_reason: {"{"}kk: …, ru: …{"}"}`
published-late-with-reason = размещено { $published }, на { $late ->
    [one] { $late } рабочий день
    [few] { $late } рабочих дня
   *[many] { $late } рабочих дней
} позже последнего допустимого дня { $last } (причина указана)
late-reason-not-late = указано поле `late_reason`, но объявление размещено в срок (последний допустимый день — { $last })
    .hint = удалите `late_reason`
calendar-missing-year = нет производственного календаря на { $year } год
    .hint = добавьте файл content/calendar/{ $year }.yaml с праздничными и выходными днями и переносами выходных дней этого года
calendar-problem = календарь: { $detail }
calendar-duplicate-year = календарь на { $year } год определён дважды

## Тема оформления и результат сборки

emblem-missing = эмблемы { $path } нет среди статических файлов темы
    .hint = положите файл в папку themes/default/static/ сайта (например, themes/default/static/{ $path }) или удалите поле emblem из site.yaml
template-error = ошибка шаблона: { $detail }
locale-error = строки интерфейса: { $detail }
theme-unknown-template = { $name } не заменяет ни одного шаблона встроенной темы kadr, и ни один шаблон его не подключает
    .hint = сайт заменяет шаблон файлом с тем же именем в themes/default/templates/ (все их записывает kadr theme eject); собственный шаблон сайта должен подключаться другим шаблоном
theme-unknown-static = { $name } не заменяет ни одного статического файла встроенной темы kadr, и ни один шаблон его не называет
    .hint = сайт заменяет статический файл файлом с тем же путём в themes/default/static/; собственный файл сайта должен называться в шаблоне как site.assets['{ $name }']
locale-unknown-key = строка интерфейса `{ $name }` не заменяет ни одной встроенной строки интерфейса, и ни один шаблон её не использует
    .hint = сайт заменяет строку интерфейса тем же ключом в своих файлах locales/kk/*.ftl или locales/ru/*.ftl (все их записывает kadr theme eject)
locale-missing-key = строка интерфейса `{ $key }` отсутствует для языка { $lang }
    .hint = добавьте её в файлы locales/{ $lang }/*.ftl
bank-in-site = хранилище банка данных кандидатов находится внутри сайта: { $path }
    .hint = персональные данные никогда не должны попасть на публикуемый сайт: перенесите банк за пределы корневой папки сайта

# kadr report (соблюдение P4)
report-title = Соблюдение P4: объявления, размещённые в установленный срок
report-period = Объявления, размещённые с { $from } по { $to }
report-period-until = Объявления, размещённые по { $to }
report-term = Объявление размещается в течение { $within } рабочих дней со дня образования вакансии (RULES.md P4)
report-col-unit = Подразделение
report-col-unit-id = Идентификатор подразделения
report-col-placed = Размещено
report-col-on-time = В срок
report-col-late = С опозданием
report-col-late-with-reason = С опозданием, причина указана
report-col-late-without-reason = С опозданием, без причины
report-col-not-counted = Не подсчитано (нет календаря)
report-col-language = Не на двух языках
report-col-overdue = Открыто после срока
report-total = Итого
report-late-heading = Объявления, размещённые с опозданием
report-col-id = Объявление
report-col-arose = Дата образования вакансии
report-col-published = Дата размещения
report-col-last-day = Последний допустимый день
report-col-late-by = Опоздание, рабочих дней
report-col-reason = Причина
report-col-deadline = последний день приёма документов
report-no-reason = причина не указана
report-language-heading = Объявления не на двух языках (или с непереведённой копией либо незаполненным текстом)
report-overdue-heading = Объявления, открытые после окончания приёма документов
report-none = Нет.

## The labels of a printed problem (error:, warning:, help:).
label-error = ошибка
label-warning = предупреждение
label-help = подсказка

## kadr build: the output folder, and how the build ended.
output-sources = сайт не будет записан в { $out }: это заменило бы исходные файлы сайта ({ $source }); выберите папку вне content/, themes/, locales/ и .git, например public/
output-not-a-folder = сайт не будет записан в { $out }: это файл, а не папка
output-foreign = { $out } не будет заменена: в папке есть файлы, которые kadr не создавал (в ней нет .kadr-output); очистите её, выберите другой --out или укажите --force, чтобы заменить её целиком
output-locked = в { $out } сейчас пишет другая сборка kadr ({ $holder }); дождитесь её окончания и соберите снова
output-unsafe-path = запись за пределами папки вывода запрещена: { $path }
output-io = { $path }: { $kind ->
        [not-found] нет такого файла или папки
        [permission-denied] нет прав на запись или чтение
       *[other] ошибка ввода-вывода
    }
output-left-as-it-was = { $error }; { $out } осталась прежней
root-not-a-folder = { $root } не является папкой
built = в { $out } записано файлов: { $files } (изменено: { $changed })
build-failed = сборка не удалась: { $out } осталась прежней
build-leftover = примечание: новый сайт на месте, но прежний не удалось удалить из { $previous } ({ $detail }); следующая сборка удалит его

## kadr serve: the console lines and why it cannot run.
serve-cache-not-written = примечание: кэш не записан ({ $detail }); --no-cache обходится без него
serve-built = сайт собран за { $ms } мс
serve-built-with-errors = в сайте есть ошибки (показаны в браузере), { $ms } мс
serve-rebuilt = пересобрано за { $ms } мс (из { $pages } страниц без изменений и использовано повторно: { $reused })
serve-rebuilt-with-errors = пересобрано с ошибками (показаны в браузере) за { $ms } мс
serve-port-taken = порт { $port } занят; вместо него используется порт { $instead }
serve-serving = предпросмотр: { $url }
serve-watching = отслеживаются content/, themes/ и locales/ — для остановки нажмите Ctrl-C
serve-stopped = остановлено
serve-watch = не удаётся отслеживать { $root }: { $detail }
serve-thread = не удалось запустить поток пересборки: { $detail }
serve-start = не удалось запустить сервер: { $detail }
serve-bind = не удалось открыть ни один из портов { $from }–{ $to } на { $ip }: { $detail }
serve-server = ошибка сервера: { $detail }

## kadr new vacancy: what was written, and why nothing was.
new-wrote = записан { $path }: замените каждый ⟦…⟧ на обоих языках настоящим текстом, затем запустите kadr check
new-unknown-unit = в content/units/ нет подразделения `{ $unit }` (есть: { $known })
new-unknown-category = в content/categories.yaml нет категории `{ $code }` (категории руководящих должностей: { $known })
new-not-leadership = категория `{ $code }` не относится к руководящим: публикуются только руководящие должности (P3)
new-no-requirement = ни одна запись в content/requirements/ не охватывает категорию `{ $code }` (P5): добавьте код в `categories` подходящей записи
new-territorial-head-in-central = `{ $unit }` — центральный аппарат: на его должности назначает министр или заместитель министра (P3)
new-authority-needed = `{ $unit }` — центральный аппарат: укажите, кто назначает, с помощью --authority minister или --authority deputy_minister (P3)
new-date-out-of-range = дата нового файла вне календаря: { $detail }

## kadr diff: why git gives nothing to compare with.
git-cannot-run = не удалось запустить git: { $detail }
git-failed = git { $command } завершился с ошибкой: { $detail }
git-not-a-repository = { $root } не находится в репозитории git
git-no-such-commit = `{ $rev }` не указывает на коммит
git-no-commit = в репозитории нет коммита для сравнения
git-unsafe-path = небезопасный путь в репозитории: { $path }
git-cat-file = git cat-file ответил неожиданно: { $detail }

## kadr diff: the report for a review (Markdown).
diff-heading = kadr diff: изменения объявлений с { $base } ({ $commit })
diff-no-changes = Нет изменений в вакансиях, подразделениях, квалификационных требованиях, категориях, настройках сайта и календаре.
diff-vacancies = Вакансии
diff-units = Подразделения
diff-requirements = Квалификационные требования (P5)
diff-categories = Категории должностей
diff-site-settings = Настройки сайта
diff-site-changed = `content/site.yaml` изменён: это затрагивает все страницы (вакансий: { $vacancies }).
diff-calendar = Календарь рабочих дней (P4)
diff-calendar-columns = | год | запись | дата | изменение | было | стало |
diff-no-deadline-moves = Последний допустимый день размещения ни одной вакансии не сдвигается.
diff-deadline-moves = Сдвигается последний допустимый день размещения: { $list }
diff-summary-vacancies = **Вакансии:** новых { $new }, изменённых { $changed } (с новым статусом: { $status }), удалённых { $removed }
diff-summary-unreadable = **не читаются: { $n }** (запустите `kadr check`)
diff-count-units = подразделения
diff-count-requirements = квалификационные требования
diff-count-categories = категории
diff-count-calendar = записи календаря
diff-count-site = настройки сайта
diff-status = статус
diff-preview = предпросмотр
diff-unreadable-file = Этот файл не читается как вакансия: причину покажет `kadr check`. Не одобряйте его в таком виде.
diff-field-value-columns = | поле | значение |
diff-field-columns = | поле | было | стало |
diff-affects-none = Не затрагивает ни одной вакансии.
diff-affects = Затрагивает: { $list }
diff-and-more = и ещё { $n }
diff-before = было
diff-after = стало
diff-unchanged = без изменений
diff-no-lines = нет строк
diff-none = нет
diff-title-added = Добавлено
diff-title-removed = Удалено
diff-title-changed = Изменено
diff-title-unreadable = Не читается
diff-change-added = добавлено
diff-change-removed = удалено
diff-change-changed = изменено
diff-change-unreadable = не читается

## kadr init, kadr theme eject, kadr schema.
init-wrote = новый сайт записан в { $dir } (файлов: { $files }; календари: { $years }).
init-wrote-no-calendar = новый сайт записан в { $dir } (файлов: { $files }; календарей нет: kadr не знает ни этого года, ни следующего).
init-fill-in = Заполните то, что стоит между ⟦ и ⟧ (kadr check --root { $dir } назовёт каждое место), затем: kadr new vacancy, kadr serve.
init-next = Дальше: kadr new vacancy, kadr serve.
init-not-empty = { $dir } не пуста: kadr init записывает новый репозиторий только в пустую или новую папку и никогда не перезаписывает файлы
eject-kept = собственный файл сайта сохранён: { $file }
eject-wrote = в { $root } записано файлов встроенной темы kadr: { $files }; правьте любые из них, а неизменённые удалите, чтобы и дальше получать версию kadr
schema-cannot-write = не удаётся записать в { $out }: { $kind ->
        [not-found] нет такого файла или папки
        [permission-denied] нет прав на запись
       *[other] { $detail }
    }
report-no-such-unit = на сайте нет подразделения { $unit } (content/units/{ $unit }.yaml)
cache-not-written = примечание: кэш { $cache } не записан ({ $detail }); --no-cache обходится без него
