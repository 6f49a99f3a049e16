//! The annex form of a list of candidates (RULES.md B-form, B5, B8; seed 000, annex 1
//! «қосымша»): the «Бекітемін» / «Утверждаю» block of the head who approves it, the
//! table with the form's six columns, and the signature block of whoever compiled it;
//! in Kazakh or Russian, as a printable A4 HTML page or as CSV (UTF-8 with a byte-order
//! mark, so that spreadsheet programs read the Cyrillic correctly).
//!
//! Rendering is pure: the caller reads the list and its people and writes the result.

use std::fmt::Write as _;

use jiff::civil::Date;

use crate::site::CategoryName;
use crate::store::records::{List, Person, list_id};

/// The language of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Kk,
    Ru,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Kk => "kk",
            Lang::Ru => "ru",
        }
    }
}

/// Everything on one form.
pub struct Form<'a> {
    pub lang: Lang,
    pub list: &'a List,
    /// The list's members in order; `None` for one whose data were purged (R9).
    pub rows: Vec<Option<Person>>,
    pub category_name: Option<CategoryName>,
    /// "position, rank, full name" of whoever compiled the list, if known.
    pub compiled_by: Option<String>,
    pub compiled_on: Option<Date>,
}

/// The form's texts in one language.
struct Words {
    annex: &'static str,
    form: &'static str,
    approve: &'static str,
    approver_caption: &'static str,
    title: &'static str,
    vacancy: &'static str,
    columns: [&'static str; 6],
    signature: &'static str,
    compiler_caption: &'static str,
    purged: &'static str,
}

const KK: Words = Words {
    annex: "Қазақстан Республикасының ішкі істер органдарына қызметке кандидаттардың ведомстволық деректер банкін қалыптастыру және онымен жұмыс істеу қағидаларына қосымша",
    form: "нысан",
    approve: "Бекітемін",
    approver_caption: "(тізімді бекітетін адамның лауазымы, атағы, тегі, аты-жөні, қолы)",
    title: "Ішкі істер органдарына қызметке кандидаттардың тізімі",
    vacancy: "Бос лауазым",
    columns: [
        "р/с №",
        "Тегі, аты, әкесінің аты (бар болса)",
        "Туған күні, білімі (қашан, нені бітірді)",
        "Лауазымның қандай санатына ұсынылады",
        "Лауазымға тағайындау туралы белгі",
        "Қызметке кандидаттар қатарына қабылдау негіздемесі (комиссияның шешімі)",
    ],
    signature: "Қолы",
    compiler_caption: "(тізімді құрастырған адамның лауазымы, атағы, тегі, аты-жөні және қолы)",
    purged: "деректер сақтау мерзімі өткен соң жойылды (R9)",
};

const RU: Words = Words {
    annex: "Приложение к Правилам формирования ведомственного банка данных кандидатов на службу в органы внутренних дел Республики Казахстан и работы с ним",
    form: "форма",
    approve: "Утверждаю",
    approver_caption: "(должность, звание, фамилия, имя, отчество лица, утверждающего список, подпись)",
    title: "Список кандидатов на службу в органы внутренних дел",
    vacancy: "Вакантная должность",
    columns: [
        "№ п/п",
        "Фамилия, имя, отчество (при наличии)",
        "Дата рождения, образование (когда, что окончил)",
        "На какую категорию должности рекомендуется",
        "Отметка о назначении на должность",
        "Основание для зачисления в число кандидатов на службу (решение комиссии)",
    ],
    signature: "Подпись",
    compiler_caption: "(должность, звание, фамилия, имя, отчество и подпись лица, составившего список)",
    purged: "данные удалены по истечении срока хранения (R9)",
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Kk => &KK,
        Lang::Ru => &RU,
    }
}

/// The form's six column titles in `lang` (also the CSV header).
pub fn columns(lang: Lang) -> [&'static str; 6] {
    words(lang).columns
}

/// One row's six cells; the second cell's two parts (birth date, education) are kept
/// apart so that HTML can break the line and CSV can join them.
fn cells(lang: Lang, number: usize, person: Option<&Person>, category: &str) -> [Vec<String>; 6] {
    let w = words(lang);
    let Some(p) = person else {
        return [
            vec![number.to_string()],
            vec![format!("— {}", w.purged)],
            vec![],
            vec![],
            vec![],
            vec![],
        ];
    };
    let education = match lang {
        Lang::Kk => &p.education_kk,
        Lang::Ru => &p.education_ru,
    };
    let mark = match &p.appointment {
        None => String::new(),
        Some(a) => match lang {
            Lang::Kk => format!(
                "{} {} бұйрығымен тағайындалды ({})",
                numeric_date(a.order_date),
                a.order_number,
                a.vacancy
            ),
            Lang::Ru => format!(
                "назначен(а) приказом {} от {} ({})",
                a.order_number,
                numeric_date(a.order_date),
                a.vacancy
            ),
        },
    };
    let basis = match lang {
        Lang::Kk => format!(
            "комиссияның {} {} шешімі",
            numeric_date(p.competition_date),
            p.decision
        ),
        Lang::Ru => format!(
            "решение комиссии {} от {}",
            p.decision,
            numeric_date(p.competition_date)
        ),
    };
    [
        vec![number.to_string()],
        vec![p.full_name()],
        vec![numeric_date(p.birth_date), education.clone()],
        vec![category.to_string()],
        vec![mark],
        vec![basis],
    ]
}

fn category_cell(form: &Form) -> String {
    let code = &form.list.category;
    match &form.category_name {
        Some(n) => {
            let name = match form.lang {
                Lang::Kk => &n.kk,
                Lang::Ru => &n.ru,
            };
            format!("{code} — {name}")
        }
        None => code.clone(),
    }
}

/// The printable form: one A4 page per sheet of rows, the column header repeated on
/// every printed page, signature lines to sign by hand (B8).
pub fn html(form: &Form) -> String {
    let w = words(form.lang);
    let category = category_cell(form);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"robots\" content=\"noindex, nofollow\">\n\
         <title>{title} — {list}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n",
        lang = form.lang.code(),
        title = escape(w.title),
        list = list_id(form.list.id),
    );
    let _ = writeln!(
        out,
        "<div class=\"annex\"><p>{}</p><p>{}</p></div>",
        escape(w.annex),
        escape(w.form)
    );
    let (approver, approved_on) = match &form.list.approval {
        Some(a) => (escape(&a.by), long_date(form.lang, Some(a.on))),
        None => (String::new(), long_date(form.lang, None)),
    };
    let _ = write!(
        out,
        "<div class=\"approve\">\n<p class=\"word\">{}</p>\n<p class=\"line\">{approver}</p>\n\
         <p class=\"caption\">{}</p>\n<p>{approved_on}</p>\n</div>\n",
        escape(w.approve),
        escape(w.approver_caption),
    );
    let _ = write!(
        out,
        "<h1>{}</h1>\n<p class=\"vacancy\">{}: {}</p>\n",
        escape(w.title),
        escape(w.vacancy),
        escape(&form.list.vacancy)
    );
    out.push_str("<table>\n<thead>\n<tr>");
    for c in w.columns {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(c));
    }
    out.push_str("</tr>\n<tr class=\"numbers\">");
    for i in 1..=6 {
        let _ = write!(out, "<th>{i}</th>");
    }
    out.push_str("</tr>\n</thead>\n<tbody>\n");
    for (i, person) in form.rows.iter().enumerate() {
        out.push_str("<tr>");
        for cell in cells(form.lang, i + 1, person.as_ref(), &category) {
            // "№ 14" stays on one line in a narrow column.
            let parts: Vec<String> = cell
                .iter()
                .map(|s| escape(s).replace("№ ", "№&nbsp;"))
                .collect();
            let _ = write!(out, "<td>{}</td>", parts.join("<br>"));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    let compiled_by = form.compiled_by.as_deref().map(escape).unwrap_or_default();
    let _ = write!(
        out,
        "<div class=\"compiled\">\n<p>{} <span class=\"line inline\">{compiled_by}</span></p>\n\
         <p class=\"caption\">{}</p>\n<p>{}</p>\n</div>\n</body>\n</html>\n",
        escape(w.signature),
        escape(w.compiler_caption),
        long_date(form.lang, form.compiled_on),
    );
    out
}

const CSS: &str = "@page { size: A4 portrait; margin: 20mm 10mm 20mm 25mm; }
body { font-family: \"Times New Roman\", Times, serif; font-size: 12pt; color: #000; background: #fff; margin: 0 auto; max-width: 190mm; }
.annex, .approve { margin-left: 55%; }
.annex p { margin: 0; font-size: 10pt; }
.approve { margin-top: 8mm; }
.approve p, .compiled p { margin: 0 0 2mm; }
.word { font-weight: bold; }
.line { border-bottom: 1px solid #000; min-height: 1.3em; }
.line.inline { display: inline-block; min-width: 70mm; }
.caption { font-size: 9pt; }
h1 { font-size: 13pt; text-align: center; margin: 10mm 0 2mm; }
.vacancy { text-align: center; font-size: 10pt; margin: 0 0 4mm; }
table { width: 100%; border-collapse: collapse; font-size: 11pt; }
th, td { border: 1px solid #000; padding: 1.5mm; vertical-align: top; text-align: left; }
th { font-weight: normal; text-align: center; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
.numbers th { font-size: 9pt; padding: 0.5mm; }
th:first-child, td:first-child { width: 9mm; text-align: center; }
.compiled { margin-top: 10mm; page-break-inside: avoid; break-inside: avoid; }
";

/// The table as CSV: UTF-8 with a byte-order mark, CRLF line ends (RFC 4180), the
/// form's columns as the header row.
pub fn csv(form: &Form) -> Vec<u8> {
    let category = category_cell(form);
    let mut out = String::from("\u{feff}");
    let header: Vec<String> = columns(form.lang).iter().map(|c| csv_field(c)).collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for (i, person) in form.rows.iter().enumerate() {
        let row: Vec<String> = cells(form.lang, i + 1, person.as_ref(), &category)
            .iter()
            .map(|parts| csv_field(&parts.join("; ")))
            .collect();
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

/// One CSV field: quoted when it holds a comma, quote or line break; a field that a
/// spreadsheet would run as a formula (=, +, -, @ first) is defused with a quote mark.
fn csv_field(s: &str) -> String {
    let defused = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if defused.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

use kadr_common::escape_html as escape;

use kadr_common::dates::numeric_date;

/// The date line of a signature block: filled in, or blank to be written by hand as
/// the form prints it.
fn long_date(lang: Lang, date: Option<Date>) -> String {
    use kadr_common::dates::{KK_MONTHS, RU_MONTHS_GENITIVE as RU_MONTHS};
    let month =
        |d: Date, names: &[&'static str; 12]| names[usize::from(d.month().unsigned_abs()) - 1];
    match (lang, date) {
        (Lang::Kk, Some(d)) => format!(
            "{} жылғы «{:02}» {}",
            d.year(),
            d.day(),
            month(d, &KK_MONTHS)
        ),
        (Lang::Kk, None) => "20___ жылғы «___» _____________".to_string(),
        (Lang::Ru, Some(d)) => format!(
            "«{:02}» {} {} года",
            d.day(),
            month(d, &RU_MONTHS),
            d.year()
        ),
        (Lang::Ru, None) => "«___» _____________ 20___ года".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::records::{Appointment, Approval};
    use jiff::civil::date;

    fn person(id: i64, surname: &str) -> Person {
        Person {
            surname: surname.into(),
            ..crate::rules::fixture::candidate(id)
        }
    }

    fn list(approved: bool) -> List {
        List {
            id: 1,
            vacancy: "2026-dp-astana-0171".into(),
            category: "C-3".into(),
            created_by: "aliya".into(),
            approval: approved.then(|| Approval {
                by: "Департамент бастығы, полиция полковнигі А. Б. Сәрсенов".into(),
                on: date(2026, 11, 20),
                recorded_by: "aliya".into(),
            }),
            members: vec![1, 2, 3],
        }
    }

    #[test]
    fn the_csv_starts_with_a_bom_and_has_the_form_columns() {
        let l = list(false);
        let form = Form {
            lang: Lang::Ru,
            list: &l,
            rows: vec![Some(person(1, "Сейітқали")), None],
            category_name: None,
            compiled_by: None,
            compiled_on: None,
        };
        let bytes = csv(&form);
        assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]));
        let text = String::from_utf8(bytes).unwrap();
        let header = text.lines().next().unwrap();
        assert!(header.contains("Фамилия, имя, отчество (при наличии)"));
        assert!(text.contains("1,Сейітқали Ержан Маратұлы,\"01.01.1990; 2012, КазНУ, юрист\",C-3,,решение комиссии № 14 от 15.10.2026"));
        assert!(text.contains("2,— данные удалены"));
    }

    #[test]
    fn the_html_form_fills_the_approval_and_the_appointment_mark() {
        let l = list(true);
        let mut appointed = person(2, "Ахметова");
        appointed.appointment = Some(Appointment {
            vacancy: "2026-dp-astana-0171".into(),
            order_number: "№ 123".into(),
            order_date: date(2026, 12, 1),
            appointed_by: "aliya".into(),
        });
        let form = Form {
            lang: Lang::Kk,
            list: &l,
            rows: vec![Some(person(1, "Сейітқали")), Some(appointed)],
            category_name: Some(CategoryName {
                kk: "Басқарма бастығы".into(),
                ru: "Начальник управления".into(),
            }),
            compiled_by: Some("Кадр бөлімінің бастығы <А. Е.>".into()),
            compiled_on: None,
        };
        let page = html(&form);
        assert!(page.contains("<html lang=\"kk\">"));
        assert!(page.contains("Бекітемін"));
        assert!(page.contains("2026 жылғы «20» қараша"));
        assert!(page.contains("01.12.2026 №&nbsp;123 бұйрығымен тағайындалды"));
        assert!(page.contains("C-3 — Басқарма бастығы"));
        assert!(page.contains("&lt;А. Е.&gt;"), "escaped");
        assert!(
            page.contains("20___ жылғы «___»"),
            "the compiler's date is left blank"
        );
        for c in columns(Lang::Kk) {
            assert!(page.contains(&escape(c)), "{c}");
        }
    }

    #[test]
    fn a_formula_like_field_is_defused() {
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("plain"), "plain");
    }
}
