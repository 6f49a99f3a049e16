# Сайттың интерфейс жолдары (қазақ тілі). Әр кілт ru/main.ftl файлында да болуы тиіс.

skip-to-content = Негізгі мазмұнға өту
language-switch = Тілді таңдау
breadcrumbs = Сіз осындасыз
open-vacancies = Бос лауазымдар
list-intro = Министрліктің орталық аппараты мен аумақтық бөліністеріндегі бос басшылық лауазымдар. Әр хабарландыруда біліктілік талаптары, тапсырылатын құжаттар және байланыс деректері көрсетілген.
no-open-vacancies = Қазіргі уақытта бос басшылық лауазымдар жоқ.
vacancies-count = { $count ->
    [0] бос лауазым жоқ
   *[other] { $count } бос лауазым
}
archive-title = Хабарландырулар мұрағаты
archive-intro = Құжаттарды қабылдау мерзімі аяқталған, лауазымға тағайындау жүргізілген немесе күші жойылған хабарландырулар; соңғылары жоғарыда.
archive-empty = Мұрағатта әзірге хабарландыру жоқ.
pagination = Беттер
page-n = { $n }-бет
previous-page = Алдыңғы бет
next-page = Келесі бет
feed-title = { $section }: бос лауазымдар
feed-link = Atom арнасы
json-link = JSON деректері
page-not-found = Бет табылмады
page-not-found-text = Сіз іздеген бет жоқ немесе жойылған. Бос лауазымдар тізімінен қажетті хабарландыруды табыңыз.
back-to-list = Бос лауазымдар тізіміне оралу

# The description search engines show for a vacancy page.
meta-vacancy-open = { $position }, { $unit }. Құжаттарды қабылдаудың соңғы күні — { $deadline }.
meta-vacancy-closed = { $position }, { $unit }. { $status }.

status = Мәртебесі
status-open = Құжаттар қабылданады
status-closed = Құжаттарды қабылдау аяқталды
status-filled = Лауазымға тағайындалды
status-cancelled = Хабарландырудың күші жойылды
closed-notice = { $status ->
    [filled] Хабарландыру жабылды: лауазымға тағайындау жүргізілді, құжаттарды қабылдаудың соңғы күні — { $date }.
    [cancelled] Хабарландырудың күші жойылды, құжаттар қабылданбайды.
   *[closed] Хабарландыру жабылды: құжаттарды қабылдаудың соңғы күні — { $date }.
}
days-left = { $n ->
    [0] бүгін соңғы күн
   *[other] { $n } күн қалды
}

unit = Бөлініс
category = Лауазым санаты
appointing-authority = Тағайындайтын лауазымды тұлға
authority-minister = Қазақстан Республикасының Ішкі істер министрі
authority-deputy_minister = Ішкі істер министрінің орынбасары
authority-territorial_head = Аумақтық бөліністің басшысы
placed-by = Хабарландыруды орналастырған
placed-by-hr = Кадр қызметі
placed-by-information_unit = Мемлекеттік тіл және ақпарат бөлінісі (кадр қызметінің ұсынымы бойынша)
published = Орналастырылған күні
updated = Жаңартылған күні
deadline = Құжаттарды қабылдаудың соңғы күні
duties = Лауазымдық міндеттері
requirements = Кандидатқа қойылатын біліктілік талаптары
education = Білімі
experience = Еңбек өтілі
other-requirements = Басқа талаптар
legal-source = Құқықтық негізі
conditions = Қызмет өткеру шарттары
documents = Тапсырылатын құжаттар және өтініш беру тәртібі
competition-link = Конкурс порталындағы хабарландыру
contacts = Байланыс
address = Мекенжайы
phone = Телефон
email = Электрондық пошта
vacancy-id = Хабарландыру нөмірі
how-to-apply = Өтінішті қалай беруге болады

# Көру қабілеті нашар адамдарға арналған нұсқа: үлкен әріп, жоғары контраст.
low-vision = Көру қабілеті нашар адамдарға арналған нұсқа

# Бос лауазымдарды бөлініс пен санат бойынша сүзу (JavaScript-сіз де жұмыс істейді).
filters = Бос лауазымдар сүзгісі
filter-by-unit = Бөлініс бойынша
filter-by-category = Лауазым санаты бойынша
filter-all = Барлық бос лауазымдар
filter-all-units = Барлық бөліністер
filter-apply = Көрсету
filter-all-categories = Барлық санаттар
filter-unit-heading = Бос лауазымдар: { $name }
filter-category-heading = { $code } санатындағы бос лауазымдар: { $name }
