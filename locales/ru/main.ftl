# Строки интерфейса сайта (русский язык). Каждый ключ должен быть и в kk/main.ftl.

skip-to-content = Перейти к основному содержанию
language-switch = Выбор языка
breadcrumbs = Вы здесь
open-vacancies = Вакантные должности
list-intro = Вакантные руководящие должности центрального аппарата и территориальных подразделений министерства. В каждом объявлении указаны квалификационные требования, перечень документов и контакты.
no-open-vacancies = В настоящее время вакантных руководящих должностей нет.
vacancies-count = { $count ->
    [0] вакансий нет
    [one] { $count } вакансия
    [few] { $count } вакансии
   *[many] { $count } вакансий
}
archive-title = Архив объявлений
archive-intro = Объявления, по которым приём документов завершён, должность замещена или объявление отменено; сначала новые.
archive-empty = В архиве пока нет объявлений.
pagination = Страницы
page-n = Страница { $n }
previous-page = Предыдущая страница
next-page = Следующая страница
feed-title = { $section }: вакантные должности
feed-link = Лента Atom
json-link = Данные JSON
page-not-found = Страница не найдена
page-not-found-text = Страницы, которую вы ищете, нет или она удалена. Найдите нужное объявление в списке вакантных должностей.
back-to-list = Вернуться к списку вакансий

# The description search engines show for a vacancy page.
meta-vacancy-open = { $position }, { $unit }. Последний день приёма документов — { $deadline }
meta-vacancy-closed = { $position }, { $unit }. { $status }.

status = Статус
status-open = Идёт приём документов
status-closed = Приём документов завершён
status-filled = Должность замещена
status-cancelled = Объявление отменено
# $date уже оканчивается точкой («18 ноября 2026 г.»).
closed-notice = { $status ->
    [filled] Объявление закрыто: должность замещена, приём документов завершён { $date }
    [cancelled] Объявление отменено, документы не принимаются.
   *[closed] Объявление закрыто: приём документов завершён { $date }
}
days-left = { $n ->
    [0] сегодня последний день
    [one] остался { $n } день
    [few] осталось { $n } дня
   *[many] осталось { $n } дней
}

unit = Подразделение
category = Категория должности
appointing-authority = Назначающее должностное лицо
authority-minister = Министр внутренних дел Республики Казахстан
authority-deputy_minister = Заместитель министра внутренних дел
authority-territorial_head = Руководитель территориального подразделения
placed-by = Объявление разместил
placed-by-hr = Кадровая служба
placed-by-information_unit = Подразделение государственного языка и информации (по рекомендации кадровой службы)
published = Дата размещения
updated = Дата обновления
deadline = Последний день приёма документов
duties = Должностные обязанности
requirements = Квалификационные требования к кандидату
education = Образование
experience = Стаж работы
other-requirements = Иные требования
legal-source = Правовое основание
conditions = Условия прохождения службы
documents = Перечень документов и порядок подачи
competition-link = Объявление на портале конкурсов
contacts = Контакты
address = Адрес
phone = Телефон
email = Электронная почта
vacancy-id = Номер объявления
how-to-apply = Как подать документы

# Версия для слабовидящих: крупный шрифт, высокий контраст.
low-vision = Версия для слабовидящих

# Фильтр вакансий по подразделению и категории (работает и без JavaScript).
filters = Фильтр вакансий
filter-by-unit = По подразделению
filter-by-category = По категории должности
filter-all = Все вакансии
filter-all-units = Все подразделения
filter-apply = Показать
filter-all-categories = Все категории
filter-unit-heading = Вакантные должности: { $name }
filter-category-heading = Вакантные должности категории { $code }: { $name }
