# Сообщения банка на русском языке (перевод en.ftl; там id каждого сообщения).

## Метки

refused = отказано (правило { $rule }): { $message }
error = ошибка: { $message }

## B5: список не менее чем из трёх кандидатов на одну вакантную должность

b5-list-names-three = список кандидатов на службу утверждается из расчёта не менее трёх человек на одну вакантную должность; в этом списке { $named ->
    [one] { $named } человек
    [few] { $named } человека
   *[many] { $named } человек
}
b5-list-still-names-three = в списке { $list } сейчас { $present ->
    [one] { $present } кандидат
    [few] { $present } кандидата
   *[many] { $present } кандидатов
}; в списке должно быть не менее трёх кандидатов на одну вакантную должность
b5-approved = список { $list } утверждён { $on } (утвердил: { $by }); утверждённый список не изменяется: составьте новый

## B6: полнота и достоверность сведений

b6-date-in-future = { $what ->
    [approval] дата утверждения
   *[order] дата приказа
} ({ $day }) не может быть позже сегодняшнего дня ({ $today })
b6-file-too-large = файл { $file } больше 1 МиБ: это не файл кандидата
b6-not-utf8 = файл { $file } не является текстом в кодировке UTF-8

## B9: назначение без конкурса в течение года

b9-category = кандидат { $person } рекомендован на должность категории { $category }, а вакантная должность { $vacancy } относится к категории { $vacancy_category }
b9-within-a-year = кандидат { $person } прошёл конкурс { $date }: на { $day } с момента прохождения конкурса прошёл год или более
b9-vacant = по вакансии { $vacancy } { $status ->
    [filled] должность замещена
    [cancelled] объявление отменено
   *[other] статус: { $status }
}; список составляется на вакантную должность

## B11: назначение на должность

b11-appointed = кандидат { $person } назначен на должность { $vacancy } приказом от { $date } { $order }
b11-vacant = на сайте по вакансии { $vacancy } { $status ->
    [filled] должность замещена
    [cancelled] объявление отменено
   *[other] статус: { $status }
}: нет вакантной должности для назначения
b11-filled = кандидат { $person } назначен на должность { $vacancy } приказом от { $date } { $order }; отметьте на сайте, что должность замещена
b11-filled-without-order = кандидат { $person } назначен на должность { $vacancy }; отметьте на сайте, что должность замещена

## K20: поимённый допуск, у каждого свой пароль

k20-own-passphrase = ваш пароль установил { $by }, и он его знает: сначала установите свой командой `kadr bank user passphrase`
k20-already-authorised = пользователь { $name } уже имеет допуск
k20-first-passphrase-not-own = первый пароль коллеги не может совпадать с вашим
k20-new-passphrase = новый пароль совпадает с вашим нынешним: выберите другой

## Хранилище: B12 (защищено, вне сайта), K19 (копии), K20, K26 (целостность)

b12-wrong-key = неверный ключ, или это не банк kadr
b12-inside-site = { $path } находится внутри корня сайта { $root }: персональные данные никогда не должны находиться там, откуда собирается сайт; храните банк вне его
b12-not-private = файл { $path } могут читать другие пользователи этого компьютера (режим { $mode }); закройте его командой `chmod 600 { $path }`
k19-init-exists = { $file } уже существует; `kadr bank init` никогда не перезаписывает хранилище
k19-backup-exists = { $file } уже существует; чтобы заменить его, добавьте --force
k19-restore-exists = { $file } уже существует; восстановление заменит его: если это и нужно, добавьте --force
k20-not-a-user = { $user } не является пользователем этого банка с допуском (для него нет слота ключа); добавить его может пользователь с допуском командой `kadr bank user add`
k20-slot-of-no-user = у { $user } есть слот ключа, но он не является пользователем этого банка с допуском: слот создан вне kadr
k20-slot-not-recorded = слот ключа { $user } не тот, что банк записал для него: он создан или изменён вне kadr
k20-own-not-shared = ваш собственный пароль не может совпадать с общим ключом: его знает каждый, у кого было хранилище
k20-migrated-by-a-user = { $user } не является пользователем этого банка с допуском; перевести банк может пользователь с допуском
k26-audit-log-empty = журнал аудита пуст: банк повреждён
k26-changed-outside-kadr = банк не соответствует последней записи журнала аудита: он изменён вне kadr; `kadr bank audit --verify` покажет, что изменено, `kadr bank restore` вернёт проверенную резервную копию

## Что команды выводят для оператора (стандартный поток ошибок)

audit-head = последняя запись журнала аудита: № { $seq } { $hash }
head-not-moved = примечание: файл последней записи не удалось перевести на запись № { $seq } ({ $detail }); это исправит следующая команда
init-done = создан банк { $path }, его первый пользователь с допуском — { $admin }; пароль принадлежит только { $admin }: никому его не передавайте, каждого коллегу добавляйте командой `kadr bank user add`
user-added = { $name } теперь может работать с банком по выданному вами паролю; прежде всего он должен установить свой командой `kadr bank user passphrase`
user-removed = { $name } больше не может работать с банком: его слот ключа удалён
passphrase-changed = ваш пароль изменён; старый пароль больше не открывает банк
migrated = банк { $path } переведён на личные пароли пользователей; ваш пароль установлен, общий ключ его больше не открывает
migrated-without-passphrase = ещё нет пароля: { $names }; каждому его выдаёт пользователь с допуском командой `kadr bank user add NAME`
migrated-old-backups = резервные копии, сделанные до перевода, по-прежнему открываются общим ключом: уничтожьте их и сделайте новую командой `kadr bank backup`
note-not-a-site = примечание: --root не является корнем сайта: подразделение и категория кандидата не сверяются с сайтом
none = нет
eligible-for = кандидаты, которых можно назначить на должность { $vacancy } (категория { $category }) на { $day }: { $count }
appointed = кандидат { $candidate } назначен на должность { $vacancy }: теперь он учтён как сотрудник и исключён из всех ещё не утверждённых списков; отметьте на сайте, что должность замещена:
purged = удалены сведения о кандидатах, срок хранения которых истёк (R9): { $count }
backup-written = зашифрованная копия записана в { $file } (рядом её файлы -keys и -head); проверьте её командой `kadr bank verify`
nothing-recorded = в банк ничего не записано: он не проходит проверку целостности
list-approved = список { $list } ({ $count ->
    [one] { $count } кандидат
    [few] { $count } кандидата
   *[many] { $count } кандидатов
}) утверждён { $on }; теперь он не изменяется

## Файл кандидата: B2 (подразделение), B3 (конкурс), B4 (показатель), B6, C-score

field-required = поле `{ $field }` обязательно
field-empty = поле `{ $field }` пусто
field-not-a-date = `{ $field }`: `{ $text }` не является датой (ГГГГ-ММ-ДД)
field-in-future = `{ $field }` ({ $day }) не может быть позже сегодняшнего дня ({ $today })
b6-file-unreadable = файл кандидата не удаётся прочитать: { $detail }
b2-not-a-unit-id = `{ $unit }` не является id подразделения (строчные латинские буквы a–z, цифры 0–9 и '-')
b2-unit-not-of-site = `{ $unit }` не является подразделением сайта (content/units/): { $none ->
    [none] на сайте нет подразделений
   *[some] подразделения сайта: { $names }
}
b6-age = `birth_date` { $birth_date }: на { $today } кандидату было бы { $age }; возраст кандидата на службу — от { $min } до { $max } лет
b6-education-required = поле `education` обязательно, на обоих языках: {"{"}kk: "…", ru: "…"{"}"}
b6-category-not-of-site = `{ $category }` не является категорией должностей сайта (content/categories.yaml): { $none ->
    [none] на сайте нет категорий
   *[some] категории сайта: { $names }
}
b3-competition-required = поле `competition` обязательно: решение комиссии по конкурсу, который прошёл кандидат, {"{"}decision: "№ …", date: ГГГГ-ММ-ДД{"}"}
b3-decision-required = поле `competition.decision` обязательно: номер решения комиссии
b6-competition-before-birth = дата competition.date не позже даты birth_date
b6-incomplete = запись неполна
b6-invisible = { $field } содержит невидимый символ ({ $char }), который маскирует имя в списках и формах; наберите его заново без этого символа
b6-not-a-name = `{ $field }` не является именем (буквы, пробелы, дефисы; не более 100 знаков)
b4-indicator-required = поле `indicator` обязательно: показатель конкурентоспособности или `score:` с его составляющими
b4-indicator-range = `indicator` равен { $indicator }; допустимы значения от 0 до { $max }
c-score-disagrees = `indicator` равен { $indicator }, а составляющие `score` дают { $computed }
b6-category-cyrillic = код категории `{ $category }` содержит кириллическую букву; коды пишутся латинскими буквами (C-2, а не С-2)
b6-not-a-category-code = `{ $category }` не является кодом категории (латинские буквы, цифры и '-')
c-score-needs = score: для формулы { $formula } нужна составляющая `{ $name }`
c-score-range = score: `{ $name }` равна { $value }, а допустимы значения от 0 до { $max }
c-score-unused = score: в формуле { $formula } ({ $text }) нет составляющей `{ $name }`

## Чего не хватает в командной строке

usage-no-bank = укажите хранилище: --bank PATH или KADR_BANK
usage-no-user = укажите себя: --user NAME или KADR_BANK_USER (K20: при каждом доступе называется пользователь)
usage-not-a-vacancy-id = { $id } не является id вакансии
usage-site-unreadable = не удаётся загрузить сайт (--root): { $detail }
usage-no-such-vacancy = на сайте нет вакансии { $id } (тот ли сайт указан в --root?)
usage-not-a-list-id = { $id } не является id списка (list-0001)
usage-no-such-list = в банке нет списка { $id }
usage-no-such-candidate = в банке нет кандидата { $id }
usage-approved-by = --by указывает, кто утвердил список: "должность, специальное звание, фамилия, имя, отчество"

## Пароли (K20, B12)

passphrase-empty = пустой пароль: задайте { $env } или введите пароль
b12-passphrase-too-short = пароль банка должен содержать не менее { $min ->
    [one] { $min } знака
   *[other] { $min } знаков
}
passphrase-no-terminal = нет пароля: задайте { $env } (или { $new_env } для нового) либо запустите команду в терминале ({ $detail })
passphrases-differ = два введённых пароля не совпадают; ничего не изменено

## What the human listings print (names, ids, dates and hashes as stored).
person-line = { $id }  { $unit }  { $category }  { $name }  показатель { $indicator }  конкурс { $decision } { $date }
person-appointed = назначен на должность { $vacancy } приказом { $order } от { $date }
user-line = { $name }  (добавлен { $at }, добавил { $by }{ $note })
user-no-passphrase = ; пароля ещё нет: его выдаёт `kadr bank user add`
user-first-passphrase = ; первый пароль задал { $by }, пользователь ещё не сменил его на свой
audit-holds = цепочка хешей журнала аудита цела: записей { $entries }, последний хеш { $head }; каждая строка банка ею учтена, головной файл совпадает (запишите хеш: в последующем журнале он должен сохраниться)
verified = { $file }: открывается, не повреждена, цепочка хешей журнала аудита цела (записей: { $entries }, последний хеш { $head }) и учитывает каждую строку, головной файл совпадает; кандидатов: { $candidates }, сотрудников: { $employees }, списков: { $lists }
restored = { $target } восстановлен из резервной копии: { $verified }
site-not-a-root = { $root } не является корнем сайта (в нём нет content/site.yaml)
site-not-a-folder = { $root } не является папкой

## What the passphrase prompts ask (a colon follows).
prompt-passphrase = пароль банка
prompt-your-passphrase = ваш пароль
prompt-first-passphrase-for = первый пароль для { $name }
prompt-your-new-passphrase = ваш новый пароль
prompt-your-own-passphrase = ваш собственный пароль
prompt-again = { $what }, ещё раз

## B6: why the iin field is not the candidate's ИИН.
b6-iin-not-twelve-digits = iin: ИИН состоит ровно из двенадцати цифр
b6-iin-century-digit = iin: седьмая цифра ({ $digit }) должна быть от 1 до 6 (век и пол: 1–2 — родившиеся в 1800–1899 годах, 3–4 — в 1900–1999, 5–6 — в 2000–2099)
b6-iin-no-date = iin: первые шесть цифр ({ $digits }) не являются датой (ГГММДД)
b6-iin-check-digit = iin: неверна контрольная (двенадцатая) цифра: опечатка?
b6-iin-never-issued = iin: ИИН с такими первыми одиннадцатью цифрами не выдаётся (контрольную цифру вычислить нельзя)
b6-iin-birth-date = iin: в ИИН указана дата рождения { $encoded }, а в birth_date — { $stated }

## The store: what an operator may have typed wrong.
usage-not-a-user = { $name } не является уполномоченным пользователем
usage-not-a-candidate = { $id } не является кандидатом
usage-bank-extension = { $path }: имя файла банка должно оканчиваться на .{ $extension } (по нему `kadr build` распознаёт банк внутри сайта)
usage-no-bank-at = по пути { $path } банка нет; создайте его командой `kadr bank init --admin NAME`
usage-not-a-file = { $path } не является файлом
usage-bank-version = { $path } — банк формата версии { $found }; эта версия kadr ожидает здесь версию { $expected }
usage-already-migrated = в { $path } уже есть слоты ключей (формат 2): переносить нечего
usage-copy-is-the-store = копия и банк — один и тот же файл

## What failed underneath a command (the system's own detail follows after a colon).
io-no-randomness-from-the-operating-system = операционная система не выдала случайных данных
io-cannot-derive-the-key = не удалось вывести ключ
io-cannot-record-the-changes = не удалось записать изменения
io-cannot-write-the-key-slots = не удалось записать слоты ключей
io-cannot-wrap-the-store-key = не удалось зашифровать ключ банка
io-cannot-use-the-slot-key = не удалось использовать ключ слота
io-the-store-failed = сбой банка
io-cannot-write-the-head-file = не удалось записать головной файл
io-cannot-move-the-migrated-store-to = не удалось переместить перенесённый банк в { $path }
io-the-migrated-store-does-not-carry = в перенесённом банке нет его новой соли
io-cannot-move-the-copy-to = не удалось переместить копию в { $path }
io-the-copy-does-not-carry-the = в копии нет соли банка
io-cannot-create = не удалось создать { $path }
io-cannot-write = не удалось записать { $path }
io-cannot-read = не удалось прочитать { $path }
io-cannot-record-the-score-components = не удалось записать составляющие оценки
io-the-new-store-does-not-carry = в заголовке нового банка нет его соли; ничего не создано
io-cannot-write-the-export = не удалось записать выгрузку
io-cannot-write-json = не удалось записать JSON
io-cannot-write-the-output = не удалось вывести результат
io-retention-setting-unreadable = настройка банка retention_months не читается
io-retention-of = срок хранения { $months } мес.
io-retention-end-of = окончание срока хранения { $id }

## The store's own refusals (K20, K26, B6, B12).
k20-last-user = { $name } — последний уполномоченный пользователь; прежде чем удалить его, добавьте другого
b6-iin-already-in-the-bank = кандидат с этим ИИН уже есть в банке: { $id }
k26-not-a-bank-file = { $path } не является файлом банка kadr ({ $what })
k26-damaged = { $path } повреждён: { $detail }
k26-key-slots-missing = слоты ключей банка { $bank } ({ $keys }) отсутствуют: без них банк не откроет никто; восстановите банк из резервной копии (`kadr bank restore`)
b12-key-slot-damaged = слот ключа пользователя { $user } повреждён: { $detail }
b12-key-slot-test-cost = слот ключа пользователя { $user } создан с тестовой стоимостью { $cost }, ниже минимальной, которую принимает банк; настоящий банк с ним никогда не откроется

## K26 and K20: what the integrity check finds.
k26-broken-missing = журнал аудита нарушен на записи { $seq }: она отсутствует (порядковые номера её пропускают)
k26-broken-not-chained = журнал аудита нарушен на записи { $seq }: она не сцеплена с предыдущей записью
k26-broken-lacks-changes = журнал аудита нарушен на записи { $seq }: в ней нет изменений и состояния, которые есть в каждой записи после переноса
k26-broken-altered = журнал аудита нарушен на записи { $seq }: она изменена после записи (её хеш не соответствует содержимому)
k26-broken-unreadable-changes = журнал аудита нарушен на записи { $seq }: её изменения не читаются
k26-broken-state = журнал аудита нарушен на записи { $seq }: она не описывает состояние банка после неё (дайджест состояния не следует из изменений, записанных до неё)
k26-row-added = { $table } { $record } добавлена вне kadr (ни одна запись аудита этого не фиксирует)
k26-row-changed = { $table } { $record } изменена вне kadr (ни одна запись аудита этого не фиксирует)
k26-row-deleted = { $table } { $record } удалена вне kadr (ни одна запись аудита этого не фиксирует)
k26-head-log-empty = журнал аудита пуст, а головной файл фиксирует запись { $seq } ({ $hash })
k26-head-log-shorter = журнал аудита заканчивается записью { $last }, а головной файл фиксирует запись { $seq } ({ $hash }): записи удалены или журнал подменён
k26-head-log-longer = журнал аудита продолжается после записи, зафиксированной в головном файле ({ $seq }): записи { $from }–{ $to } сделаны вне kadr
k26-not-checked = банк не удалось проверить
k26-log-empty = журнал аудита пуст
k26-not-what-last-entry-says = банк не соответствует своей последней записи аудита ({ $seq })
k26-head-missing = головной файл { $path } отсутствует: записи в конце журнала могли быть удалены незаметно; сравните последний хеш ({ $hash }, запись { $seq }) с записанным
k26-head-of-another-bank = головной файл { $path } принадлежит другому банку
k20-found-slot-of-no-user = в { $keys } есть слот ключа для { $user }, который не является уполномоченным пользователем: слот создан вне kadr
k20-found-slot-not-recorded = слот ключа пользователя { $user } в { $keys } не тот, что банк зафиксировал для него: он создан или изменён вне kadr
k20-slot-missing = в { $keys } нет слота ключа пользователя { $user }: он больше не может открыть банк
k26-pages-fail = { $path }: страницы не прошли проверку: { $pages }
k26-structure-damaged = { $path }: структура базы данных повреждена: { $detail }
usage-retention-at-least-one = --retention-months должен быть не меньше 1
usage-backup-is-the-store = резервная копия перезаписала бы сам банк
