//! `kadr bank` through the real binary (RULES.md B2–B12, K19, K20, K26, R9, B-form).
//!
//! Each test gets a fresh folder under the system's temporary folder holding a copy of
//! the small site `tests/fixtures/bank-site/` (with the repository's `themes/` and
//! `locales/`) in `site/`, and a private folder `private/` beside it for the store,
//! as an HR office would keep them apart. Every run names the store, the operator and
//! the key through the environment, uses a cheap Argon2id cost (`KADR_BANK_ARGON2`,
//! except where the recommended cost itself is under test) and fixes the day with
//! `--today 2026-11-27`.
//!
//! The candidates (valid ИИН of their birth dates) and the vacancy they compete for,
//! `2026-dp-almaty-0142` (category C-3):
//! - SEITKALI: C-3, competition 2026-10-15, indicator 87.5: eligible;
//! - AKHMETOVA: C-3, competition 2026-03-10, indicator 91: eligible, ranked first;
//! - OMAROV: C-3, competition 2025-10-20 (13 months before): no longer eligible (B9);
//! - ZHAKUPOVA: C-2, another category: not eligible (B9);
//! - NURLANOV (added where a third eligible candidate is needed): C-3, 2026-06-01,
//!   87.5: ties with SEITKALI and goes before him (earlier competition, B10).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;

const TODAY: &str = "2026-11-27";
const VACANCY: &str = "2026-dp-almaty-0142";
/// `status: filled` in the fixture.
const FILLED_VACANCY: &str = "2026-central-apparatus-0240";
const KEY: &str = "a long and secret bank key";
const FAST_ARGON2: &str = "m=64,t=1,p=1";
const ADMIN: &str = "aliya";

struct Candidate {
    file: &'static str,
    surname: &'static str,
    name: &'static str,
    iin: &'static str,
    yaml: &'static str,
}

const SEITKALI: Candidate = Candidate {
    file: "seitkali.yaml",
    surname: "Сейітқали",
    name: "Ержан",
    iin: "900101300017",
    yaml: r#"unit: dp-astana
surname: "Сейітқали"
name: "Ержан"
patronymic: "Маратұлы"
birth_date: 1990-01-01
iin: "900101300017"
education: {kk: "2012, Қазақ ұлттық университеті, заңгер", ru: "2012, Казахский национальный университет, юрист"}
category: C-3
competition: {decision: "№ 14", date: 2026-10-15}
indicator: 87.5
"#,
};

const AKHMETOVA: Candidate = Candidate {
    file: "akhmetova.yaml",
    surname: "Ахметова",
    name: "Гүлнар",
    iin: "920303400015",
    yaml: r#"unit: dp-almaty
surname: "Ахметова"
name: "Гүлнар"
birth_date: 1992-03-03
iin: "920303400015"
education: {kk: "2014, Әл-Фараби атындағы ҚазҰУ, заңгер", ru: "2014, КазНУ им. аль-Фараби, юрист"}
category: C-3
competition: {decision: "№ 3", date: 2026-03-10}
indicator: 91
"#,
};

const OMAROV: Candidate = Candidate {
    file: "omarov.yaml",
    surname: "Омаров",
    name: "Данияр",
    iin: "880512300015",
    yaml: r#"unit: dp-astana
surname: "Омаров"
name: "Данияр"
birth_date: 1988-05-12
iin: "880512300015"
education: {kk: "2010, Қарағанды ЗИ, заңгер", ru: "2010, Карагандинский ЮИ, юрист"}
category: C-3
competition: {decision: "№ 41", date: 2025-10-20}
indicator: 95
"#,
};

const ZHAKUPOVA: Candidate = Candidate {
    file: "zhakupova.yaml",
    surname: "Жақыпова",
    name: "Әсем",
    iin: "950101400012",
    yaml: r#"unit: central-apparatus
surname: "Жақыпова"
name: "Әсем"
birth_date: 1995-01-01
iin: "950101400012"
education: {kk: "2017, Еуразия ұлттық университеті, экономист", ru: "2017, Евразийский национальный университет, экономист"}
category: C-2
competition: {decision: "№ 22", date: 2026-09-01}
indicator: 99
"#,
};

const NURLANOV: Candidate = Candidate {
    file: "nurlanov.yaml",
    surname: "Нұрланов",
    name: "Қайрат",
    iin: "850720300010",
    yaml: r#"unit: dp-almaty
surname: "Нұрланов"
name: "Қайрат"
birth_date: 1985-07-20
iin: "850720300010"
education: {kk: "2007, Алматы академиясы, заңгер", ru: "2007, Алматинская академия, юрист"}
category: C-3
competition: {decision: "№ 9", date: 2026-06-01}
score: {formula: leadership, personal_qualities: 5, essay: 5, interview: 10}
indicator: 6
"#,
};

const FOUR: [&Candidate; 4] = [&SEITKALI, &AKHMETOVA, &OMAROV, &ZHAKUPOVA];

static NEXT: AtomicUsize = AtomicUsize::new(0);

/// A site and a private folder in a fresh temporary folder, removed on drop.
struct Office {
    dir: PathBuf,
}

impl Office {
    fn new() -> Office {
        let n = NEXT.fetch_add(1, Ordering::SeqCst);
        let dir = std::env::temp_dir().join(format!("kadr-bank-test-{}-{n}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        copy_dir(&root.join("tests/fixtures/bank-site"), &dir.join("site"));
        copy_dir(&root.join("themes"), &dir.join("site/themes"));
        copy_dir(&root.join("locales"), &dir.join("site/locales"));
        fs::create_dir_all(dir.join("private")).unwrap();
        Office { dir }
    }

    /// An office whose bank holds the four candidates (ids cand-0001 … cand-0004).
    fn with_four_candidates() -> Office {
        let office = Office::new();
        office.bank(&["init", "--admin", ADMIN]).ok();
        for (i, c) in FOUR.iter().enumerate() {
            let run = office.add(c);
            assert_eq!(
                run.stdout.trim(),
                format!("cand-{:04}", i + 1),
                "{}",
                run.report()
            );
        }
        office
    }

    fn site(&self) -> PathBuf {
        self.dir.join("site")
    }

    fn store(&self) -> PathBuf {
        self.dir.join("private/test.kadrbank")
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.join(rel)
    }

    /// `kadr ARGS` with the office's store, operator and key in the environment.
    fn kadr(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_kadr"));
        cmd.args(args)
            .env("NO_COLOR", "1")
            .env("KADR_BANK", self.store())
            .env("KADR_BANK_USER", ADMIN)
            .env("KADR_BANK_KEY", KEY)
            .env("KADR_BANK_ARGON2", FAST_ARGON2);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let output = cmd.output().expect("cannot run the kadr binary");
        Run {
            args: args.join(" "),
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stdout_bytes: output.stdout,
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// `kadr bank ARGS --root SITE --today TODAY`.
    fn bank(&self, args: &[&str]) -> Run {
        self.bank_with(args, &[])
    }

    fn bank_with(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let site = self.site();
        let site = site.to_str().unwrap();
        let mut all = vec!["bank"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--root", site, "--today", TODAY]);
        self.kadr(&all, env)
    }

    fn add(&self, c: &Candidate) -> Run {
        let file = self.path(c.file);
        fs::write(&file, c.yaml).unwrap();
        self.bank(&["candidate", "add", file.to_str().unwrap()])
    }

    fn json(&self, args: &[&str]) -> Value {
        let run = self.bank(args);
        run.ok();
        serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}\n{}", run.report()))
    }

    fn eligible_ids(&self) -> Vec<String> {
        ids(&self.json(&["eligible", "--vacancy", VACANCY, "--format", "json"]))
    }

    /// A plain SQLCipher connection to the store with the admin's key: what someone
    /// holding the key and a stock SQLCipher client can do.
    fn raw(&self) -> kadr_bank::store::RawConnection {
        kadr_bank::store::open_raw(
            &self.store(),
            ADMIN,
            &kadr_bank::key::Passphrase::new(KEY.into()),
        )
        .unwrap()
    }

    /// Tampering by someone who holds the key: the trigger refuses an edit of the
    /// audit log, so they drop it and edit entry 3.
    fn tamper_with_entry_3(&self) {
        let conn = self.raw();
        assert!(
            conn.execute_batch("UPDATE audit SET object = 'cand-0009' WHERE seq = 3")
                .is_err(),
            "the trigger refuses an update"
        );
        conn.execute_batch(
            "DROP TRIGGER audit_no_update;
             UPDATE audit SET object = 'cand-0009' WHERE seq = 3;",
        )
        .unwrap();
    }

    fn audit(&self) -> Vec<Value> {
        match self.json(&["audit", "--format", "json"]) {
            Value::Array(entries) => entries,
            other => panic!("not a list: {other}"),
        }
    }
}

impl Drop for Office {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

struct Run {
    args: String,
    code: i32,
    stdout: String,
    stdout_bytes: Vec<u8>,
    stderr: String,
}

impl Run {
    fn report(&self) -> String {
        format!(
            "kadr {}\nexit code: {}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.args, self.code, self.stdout, self.stderr
        )
    }

    fn code(&self, expected: i32) -> &Run {
        assert_eq!(
            self.code,
            expected,
            "unexpected exit code\n{}",
            self.report()
        );
        self
    }

    fn ok(&self) -> &Run {
        self.code(0)
    }

    /// Exit 1 with a refusal that cites `rule`.
    fn refused(&self, rule: &str) -> &Run {
        self.code(1);
        assert!(
            self.stderr.contains(&format!("(rule {rule})")),
            "expected a refusal citing {rule}\n{}",
            self.report()
        );
        self
    }

    fn stderr_has(&self, text: &str) -> &Run {
        assert!(
            self.stderr.contains(text),
            "stderr lacks {text:?}\n{}",
            self.report()
        );
        self
    }
}

fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap_or_else(|| panic!("not a list: {list}"))
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect()
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap_or_else(|e| panic!("{}: {e}", from.display())) {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Every file under `dir`, recursively.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn eligible_returns_this_years_candidates_of_the_vacancy_category_best_first() {
    let office = Office::with_four_candidates();
    // AKHMETOVA (91) before SEITKALI (87.5); OMAROV's competition is 13 months old,
    // ZHAKUPOVA is of category C-2.
    assert_eq!(office.eligible_ids(), ["cand-0002", "cand-0001"]);
    let ranked = office.json(&["eligible", "--vacancy", VACANCY, "--format", "json"]);
    assert_eq!(ranked[0]["rank"], 1);
    assert_eq!(ranked[0]["surname"], AKHMETOVA.surname);
}

#[test]
fn ties_go_to_the_earlier_competition() {
    let office = Office::with_four_candidates();
    let nurlanov = NURLANOV.yaml.replace(
        "score: {formula: leadership, personal_qualities: 5, essay: 5, interview: 10}\nindicator: 6",
        "indicator: 87.5",
    );
    fs::write(office.path("tie.yaml"), nurlanov).unwrap();
    office
        .bank(&[
            "candidate",
            "add",
            office.path("tie.yaml").to_str().unwrap(),
        ])
        .ok();
    assert_eq!(
        office.eligible_ids(),
        ["cand-0002", "cand-0005", "cand-0001"]
    );
}

#[test]
fn a_list_of_two_is_refused_citing_b5_and_a_list_of_three_is_approved() {
    let office = Office::with_four_candidates();
    office
        .bank(&[
            "list",
            "create",
            "--vacancy",
            VACANCY,
            "--candidates",
            "cand-0001,cand-0002",
        ])
        .refused("B5");
    // A candidate of another category cannot make up the number (B9).
    office
        .bank(&[
            "list",
            "create",
            "--vacancy",
            VACANCY,
            "--candidates",
            "cand-0001,cand-0002,cand-0004",
        ])
        .refused("B9");
    office.add(&NURLANOV).ok();
    let created = office.bank(&[
        "list",
        "create",
        "--vacancy",
        VACANCY,
        "--candidates",
        "cand-0001,cand-0002,cand-0005",
    ]);
    // Refused lists took no id.
    assert_eq!(created.ok().stdout.trim(), "list-0001");
    let approver = "Алматы қаласы ПД бастығы, полиция полковнигі А. Б. Сәрсенов";
    office
        .bank(&["list", "approve", "list-0001", "--by", approver])
        .ok();
    // An approved list is immutable.
    office
        .bank(&["list", "approve", "list-0001", "--by", "someone else"])
        .refused("B5");
    let html = office.bank(&[
        "list",
        "export",
        "list-0001",
        "--format",
        "html",
        "--lang",
        "kk",
    ]);
    assert!(html.ok().stdout.contains(approver));
    assert!(html.stdout.contains("2026 жылғы «27» қараша"));
}

#[test]
fn the_annex_form_exports_as_csv_and_printable_html_with_the_form_columns() {
    let office = Office::with_four_candidates();
    office.add(&NURLANOV).ok();
    office
        .bank(&[
            "list",
            "create",
            "--vacancy",
            VACANCY,
            "--candidates",
            "cand-0005,cand-0001,cand-0002",
        ])
        .ok();
    let csv = office.bank(&[
        "list",
        "export",
        "list-0001",
        "--format",
        "csv",
        "--lang",
        "ru",
    ]);
    csv.ok();
    assert!(
        csv.stdout_bytes.starts_with(&[0xEF, 0xBB, 0xBF]),
        "UTF-8 byte-order mark"
    );
    let lines: Vec<&str> = csv.stdout.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines[0],
        "№ п/п,\"Фамилия, имя, отчество (при наличии)\",\"Дата рождения, образование (когда, что окончил)\",\
         На какую категорию должности рекомендуется,Отметка о назначении на должность,\
         Основание для зачисления в число кандидатов на службу (решение комиссии)"
    );
    assert_eq!(lines.len(), 4, "header and three rows:\n{}", csv.stdout);
    // B10 order: AKHMETOVA 91, NURLANOV 6 is last; SEITKALI 87.5 between them.
    assert!(
        lines[1].starts_with("1,Ахметова Гүлнар,\"03.03.1992; 2014, КазНУ им. аль-Фараби, юрист\"")
    );
    assert!(lines[1].contains("C-3 — Начальник управления"));
    assert!(lines[1].ends_with("решение комиссии № 3 от 10.03.2026"));
    assert!(lines[3].starts_with("3,Нұрланов Қайрат"));

    for (lang, approve, columns) in [
        (
            "kk",
            "Бекітемін",
            [
                "р/с №",
                "Тегі, аты, әкесінің аты (бар болса)",
                "Туған күні, білімі (қашан, нені бітірді)",
                "Лауазымның қандай санатына ұсынылады",
                "Лауазымға тағайындау туралы белгі",
                "Қызметке кандидаттар қатарына қабылдау негіздемесі (комиссияның шешімі)",
            ],
        ),
        (
            "ru",
            "Утверждаю",
            [
                "№ п/п",
                "Фамилия, имя, отчество (при наличии)",
                "Дата рождения, образование (когда, что окончил)",
                "На какую категорию должности рекомендуется",
                "Отметка о назначении на должность",
                "Основание для зачисления в число кандидатов на службу (решение комиссии)",
            ],
        ),
    ] {
        let html = office.bank(&[
            "list",
            "export",
            "list-0001",
            "--format",
            "html",
            "--lang",
            lang,
        ]);
        let page = &html.ok().stdout;
        assert!(page.contains(&format!("<html lang=\"{lang}\">")));
        assert!(page.contains("size: A4"), "printable on A4");
        assert!(page.contains(approve), "{lang}: the approval block");
        assert!(
            page.contains(if lang == "kk" {
                "Қолы"
            } else {
                "Подпись"
            }),
            "the compiler's signature"
        );
        for c in columns {
            assert!(page.contains(c), "{lang}: column {c:?}");
        }
        assert!(page.contains("Сейітқали Ержан Маратұлы"));
    }

    // An export to a file is private, and never inside the site (B12).
    let out = office.path("private/list.csv");
    office
        .bank(&[
            "list",
            "export",
            "list-0001",
            "--format",
            "csv",
            "--out",
            out.to_str().unwrap(),
        ])
        .ok();
    assert!(fs::read(&out).unwrap().starts_with(&[0xEF, 0xBB, 0xBF]));
    let inside = office.site().join("list.csv");
    office
        .bank(&[
            "list",
            "export",
            "list-0001",
            "--format",
            "csv",
            "--out",
            inside.to_str().unwrap(),
        ])
        .refused("B12");
    assert!(!inside.exists());
}

#[test]
fn appointing_moves_the_candidate_to_the_employees_and_prints_the_site_change() {
    let office = Office::with_four_candidates();
    let run = office.bank(&[
        "appoint",
        "cand-0002",
        "--vacancy",
        VACANCY,
        "--order",
        "№ 123",
        "--order-date",
        "2026-11-26",
    ]);
    // One line, the change to make in the vacancy's record, and no personal data.
    assert_eq!(
        run.ok().stdout,
        format!("content/vacancies/2026/{VACANCY}.yaml:2: status: open -> status: filled\n")
    );
    for c in FOUR {
        assert!(!run.stdout.contains(c.surname) && !run.stdout.contains(c.iin));
    }
    assert_eq!(office.eligible_ids(), ["cand-0001"]);
    let employees = office.json(&["employee", "list", "--format", "json"]);
    assert_eq!(ids(&employees), ["cand-0002"]);
    assert_eq!(employees[0]["appointment"]["order"], "№ 123");
    assert_eq!(employees[0]["appointment"]["order_date"], "2026-11-26");
    assert_eq!(employees[0]["appointment"]["vacancy"], VACANCY);
    let candidates = office.json(&["candidate", "list", "--format", "json"]);
    assert_eq!(ids(&candidates), ["cand-0001", "cand-0003", "cand-0004"]);
    // The position is taken now, also before the site says so.
    office
        .bank(&[
            "appoint",
            "cand-0001",
            "--vacancy",
            VACANCY,
            "--order",
            "№ 124",
            "--order-date",
            "2026-11-27",
        ])
        .refused("B11");
}

#[test]
fn appointment_needs_a_vacant_position_of_the_candidates_category_within_the_year() {
    let office = Office::with_four_candidates();
    office
        .bank(&[
            "appoint",
            "cand-0001",
            "--vacancy",
            FILLED_VACANCY,
            "--order",
            "№ 1",
            "--order-date",
            "2026-11-26",
        ])
        .refused("B11");
    // OMAROV's competition is 13 months old.
    office
        .bank(&[
            "appoint",
            "cand-0003",
            "--vacancy",
            VACANCY,
            "--order",
            "№ 1",
            "--order-date",
            "2026-11-26",
        ])
        .refused("B9");
    // ZHAKUPOVA is recommended for C-2, the vacancy is C-3.
    office
        .bank(&[
            "appoint",
            "cand-0004",
            "--vacancy",
            VACANCY,
            "--order",
            "№ 1",
            "--order-date",
            "2026-11-26",
        ])
        .refused("B9");
}

#[test]
fn k20_a_user_without_a_key_slot_is_refused_and_shown_nothing() {
    let office = Office::with_four_candidates();
    let run = office.bank_with(&["candidate", "list"], &[("KADR_BANK_USER", "bolat")]);
    run.refused("K20").stderr_has("not an authorised user");
    assert!(
        run.stdout.is_empty(),
        "nothing was shown:\n{}",
        run.report()
    );
}

#[test]
fn k20_each_user_opens_the_bank_with_their_own_passphrase_only() {
    let office = Office::with_four_candidates();
    let bolat_first = [("KADR_BANK_NEW_KEY", "bolat's first passphrase")];
    office
        .bank_with(&["user", "add", "bolat"], &bolat_first)
        .ok();
    // The key of the store is no longer a key to every user: aliya's passphrase does
    // not open bolat's slot.
    office
        .bank_with(&["candidate", "list"], &[("KADR_BANK_USER", "bolat")])
        .refused("B12")
        .stderr_has("wrong key");
    let as_bolat = |pass: &'static str| [("KADR_BANK_USER", "bolat"), ("KADR_BANK_KEY", pass)];
    // A first passphrase was set by aliya, who knows it: only changing it is allowed.
    office
        .bank_with(
            &["candidate", "list"],
            &as_bolat("bolat's first passphrase"),
        )
        .refused("K20")
        .stderr_has("set by aliya");
    let mut change = as_bolat("bolat's first passphrase").to_vec();
    change.push(("KADR_BANK_NEW_KEY", "bolat's very own passphrase"));
    office.bank_with(&["user", "passphrase"], &change).ok();
    office
        .bank_with(
            &["candidate", "list"],
            &as_bolat("bolat's first passphrase"),
        )
        .refused("B12");
    office
        .bank_with(
            &["candidate", "list"],
            &as_bolat("bolat's very own passphrase"),
        )
        .ok();
    let entries = office.audit();
    let refused = entries
        .iter()
        .find(|e| e["user"] == "bolat" && e["outcome"] == "refused (K20)")
        .expect("the refused read is audited under bolat");
    assert_eq!(refused["action"], "candidate list");
    assert!(
        entries.iter().any(|e| e["user"] == "bolat"
            && e["action"] == "user passphrase"
            && e["outcome"] == "ok")
    );
    let users = office.json(&["user", "list", "--format", "json"]);
    assert_eq!(users[1]["name"], "bolat");
    assert_eq!(users[1]["passphrase"], "own");

    // Removed, bolat's slot is gone: their passphrase opens nothing.
    office.bank(&["user", "remove", "bolat"]).ok();
    office
        .bank_with(
            &["candidate", "list"],
            &as_bolat("bolat's very own passphrase"),
        )
        .refused("K20");
    let keys =
        String::from_utf8_lossy(&fs::read(office.path("private/test.kadrbank-keys")).unwrap())
            .into_owned();
    assert!(!keys.contains("bolat"), "{keys}");
}

#[test]
fn reads_are_audited_with_the_ids_they_showed() {
    let office = Office::with_four_candidates();
    office.eligible_ids();
    let entries = office.audit();
    let eligible = entries
        .iter()
        .rev()
        .find(|e| e["action"] == "eligible")
        .unwrap();
    assert_eq!(
        eligible["object"],
        format!("{VACANCY}: cand-0002,cand-0001")
    );
    assert_eq!(eligible["user"], ADMIN);
    let adds = entries
        .iter()
        .filter(|e| e["action"] == "candidate add")
        .count();
    assert_eq!(adds, 4);
}

#[test]
fn a_wrong_key_is_refused() {
    let office = Office::with_four_candidates();
    office
        .bank_with(
            &["candidate", "list"],
            &[("KADR_BANK_KEY", "not the key at all")],
        )
        .refused("B12")
        .stderr_has("wrong key or not a kadr bank");
    // A file that is no bank at all reads the same way, and nothing panics.
    let junk = office.path("private/junk.kadrbank");
    fs::write(&junk, b"SQLite format 3\0 but not really").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&junk, fs::Permissions::from_mode(0o600)).unwrap();
    }
    office
        .bank(&["candidate", "list", "--bank", junk.to_str().unwrap()])
        .refused("B12")
        .stderr_has("wrong key or not a kadr bank");
}

#[test]
fn a_store_made_with_the_recommended_argon2_cost_opens_only_with_its_key() {
    let office = Office::new();
    let recommended = [("KADR_BANK_ARGON2", "m=19456,t=2,p=1")];
    office
        .bank_with(&["init", "--admin", ADMIN], &recommended)
        .ok();
    office.bank_with(&["user", "list"], &recommended).ok();
    office
        .bank_with(
            &["user", "list"],
            &[recommended[0], ("KADR_BANK_KEY", "a different long key")],
        )
        .refused("B12");
}

#[test]
fn audit_verify_passes_and_names_the_first_entry_edited_with_the_key() {
    let office = Office::with_four_candidates();
    let verified = office.bank(&["audit", "--verify"]);
    assert!(verified.ok().stdout.contains("the audit chain holds"));
    office.tamper_with_entry_3();
    office
        .bank(&["audit", "--verify"])
        .refused("K26")
        .stderr_has("broken at entry 3");
}

#[test]
fn the_store_file_holds_no_personal_data_in_plaintext() {
    let office = Office::with_four_candidates();
    office
        .bank(&[
            "backup",
            office.path("private/copy.kadrbank").to_str().unwrap(),
        ])
        .ok();
    for file in ["private/test.kadrbank", "private/copy.kadrbank"] {
        let bytes = fs::read(office.path(file)).unwrap();
        assert!(bytes.len() > 4096, "{file} is a real store");
        for c in FOUR {
            for needle in [c.iin, c.surname, c.name] {
                assert!(
                    !contains(&bytes, needle.as_bytes()),
                    "{file} holds {needle:?} in plaintext"
                );
            }
        }
        assert!(
            !contains(&bytes, b"SQLite format 3"),
            "{file} is encrypted from its first page"
        );
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(office.store()).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "only its owner may read the store");
    }
}

#[test]
fn a_site_built_after_bank_operations_holds_no_candidate_data() {
    let office = Office::with_four_candidates();
    office.bank(&["eligible", "--vacancy", VACANCY]).ok();
    office
        .bank(&[
            "appoint",
            "cand-0002",
            "--vacancy",
            VACANCY,
            "--order",
            "№ 123",
            "--order-date",
            "2026-11-26",
        ])
        .ok();
    let site = office.site();
    let public = site.join("public");
    office
        .kadr(
            &[
                "build",
                "--root",
                site.to_str().unwrap(),
                "--out",
                public.to_str().unwrap(),
                "--today",
                TODAY,
            ],
            &[],
        )
        .ok();
    let files = files_under(&public);
    assert!(files.len() > 5, "the site was built");
    for file in files {
        let bytes = fs::read(&file).unwrap();
        for c in FOUR.iter().chain([&&NURLANOV]) {
            for needle in [c.iin, c.surname, c.name] {
                assert!(
                    !contains(&bytes, needle.as_bytes()),
                    "{} holds {needle:?}",
                    file.display()
                );
            }
        }
        assert!(
            !contains(&bytes, b"cand-0"),
            "{} holds a bank id",
            file.display()
        );
    }
}

#[test]
fn init_inside_a_site_root_is_refused() {
    let office = Office::new();
    for inside in [
        "site/bank.kadrbank",
        "site/content/bank.kadrbank",
        "site/no-such-folder/bank.kadrbank",
    ] {
        let path = office.path(inside);
        office
            .bank(&["init", "--admin", ADMIN, "--bank", path.to_str().unwrap()])
            .refused("B12");
        assert!(!path.exists(), "{inside} was not created");
    }
}

#[test]
fn init_refuses_a_file_name_without_the_bank_extension_and_an_existing_store() {
    let office = Office::new();
    let db = office.path("private/bank.db");
    office
        .bank(&["init", "--admin", ADMIN, "--bank", db.to_str().unwrap()])
        .code(2)
        .stderr_has(".kadrbank");
    assert!(!db.exists());
    office.bank(&["init", "--admin", ADMIN]).ok();
    office.bank(&["init", "--admin", ADMIN]).refused("K19");
}

#[test]
fn build_refuses_a_bank_file_inside_the_site_root() {
    let office = Office::with_four_candidates();
    let site = office.site();
    fs::copy(office.store(), site.join("content/leftover.kadrbank")).unwrap();
    let public = site.join("public");
    let run = office.kadr(
        &[
            "build",
            "--root",
            site.to_str().unwrap(),
            "--out",
            public.to_str().unwrap(),
            "--today",
            TODAY,
            "--format",
            "json",
        ],
        &[],
    );
    run.code(1);
    assert!(
        run.stdout.contains("\"rule\": \"B12\"") || run.stdout.contains("\"rule\":\"B12\""),
        "{}",
        run.report()
    );
    assert!(!public.exists(), "nothing was built");
}

#[test]
fn backup_verifies_and_restore_refuses_to_overwrite_without_force() {
    let office = Office::with_four_candidates();
    let copy = office.path("private/copy.kadrbank");
    let copy = copy.to_str().unwrap();
    office.bank(&["backup", copy]).ok();
    office.bank(&["backup", copy]).refused("K19");
    let inside = office.site().join("copy.kadrbank");
    office
        .bank(&["backup", inside.to_str().unwrap()])
        .refused("B12");
    assert!(!inside.exists());
    let verified = office.bank(&["verify", copy]);
    assert!(
        verified.ok().stdout.contains("4 candidates"),
        "{}",
        verified.report()
    );
    // A change after the backup is undone by a restore.
    office.add(&NURLANOV).ok();
    office.bank(&["restore", copy]).refused("K19");
    assert_eq!(
        ids(&office.json(&["candidate", "list", "--format", "json"])).len(),
        5
    );
    office.bank(&["restore", copy, "--force"]).ok();
    assert_eq!(
        ids(&office.json(&["candidate", "list", "--format", "json"])).len(),
        4
    );
    let last = office.audit().into_iter().rev().nth(1).unwrap();
    assert_eq!(last["action"], "restore");
    office.bank(&["audit", "--verify"]).ok();
    // A copy does not open with another key either.
    office
        .bank_with(
            &["verify", copy],
            &[("KADR_BANK_KEY", "not the key at all")],
        )
        .refused("B12");
}

#[test]
fn purge_deletes_candidates_past_their_retention_with_an_audit_entry() {
    let office = Office::with_four_candidates();
    // On 2026-11-27 only OMAROV (competition 2025-10-20) is past a year.
    let run = office.bank(&["purge"]);
    assert_eq!(run.ok().stdout, "cand-0003\n");
    let candidates = office.json(&["candidate", "list", "--format", "json"]);
    assert_eq!(ids(&candidates), ["cand-0001", "cand-0002", "cand-0004"]);
    let purge = office
        .audit()
        .into_iter()
        .find(|e| e["action"] == "purge")
        .unwrap();
    assert_eq!(purge["outcome"], "ok");
    assert!(purge["object"].as_str().unwrap().ends_with("cand-0003"));
    // Ids are never given again.
    assert_eq!(office.add(&OMAROV).ok().stdout.trim(), "cand-0005");
}

#[test]
fn candidate_add_reports_every_problem_with_its_rule() {
    let office = Office::new();
    office.bank(&["init", "--admin", ADMIN]).ok();
    let bad = SEITKALI
        .yaml
        .replace("birth_date: 1990-01-01", "birth_date: 1990-01-02")
        .replace("indicator: 87.5", "indicator: 187.5")
        .replace("competition: {decision: \"№ 14\", date: 2026-10-15}\n", "");
    fs::write(office.path("bad.yaml"), bad).unwrap();
    let run = office.bank(&[
        "candidate",
        "add",
        office.path("bad.yaml").to_str().unwrap(),
    ]);
    run.refused("B6").refused("B4").refused("B3");
    run.stderr_has("encodes the birth date 1990-01-01");
    assert!(
        office
            .json(&["candidate", "list", "--format", "json"])
            .as_array()
            .unwrap()
            .is_empty()
    );
    office.add(&SEITKALI).ok();
    office
        .add(&SEITKALI)
        .refused("B6")
        .stderr_has("already in the bank");
}

#[test]
fn an_indicator_computed_from_components_records_its_formula() {
    let office = Office::new();
    office.bank(&["init", "--admin", ADMIN]).ok();
    let from_components = NURLANOV.yaml.replace("indicator: 6\n", "");
    fs::write(office.path("score.yaml"), from_components).unwrap();
    office
        .bank(&[
            "candidate",
            "add",
            office.path("score.yaml").to_str().unwrap(),
        ])
        .ok();
    let candidates = office.json(&["candidate", "list", "--format", "json"]);
    // C-score, leadership: 0.4·5 + 0.4·5 + 0.2·10.
    assert_eq!(candidates[0]["indicator"], 6.0);
    assert_eq!(candidates[0]["score"]["formula"], "leadership");
    assert_eq!(candidates[0]["score"]["components"]["interview"], 10.0);
}

#[test]
fn a_store_that_others_may_read_is_refused() {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let office = Office::new();
        office.bank(&["init", "--admin", ADMIN]).ok();
        fs::set_permissions(office.store(), fs::Permissions::from_mode(0o644)).unwrap();
        office
            .bank(&["user", "list"])
            .refused("B12")
            .stderr_has("chmod 600");
    }
}

/// The attack of issue D1, made with the key and a plain SQLCipher connection:
/// `bank audit --verify` and `bank verify` said "intact, chain holds".
#[test]
fn k26_an_indicator_changed_with_the_key_is_named_and_the_bank_is_not_used() {
    let office = Office::with_four_candidates();
    office
        .raw()
        .execute_batch("UPDATE candidates SET indicator = 99.9 WHERE id = 3")
        .unwrap();
    office
        .bank(&["audit", "--verify"])
        .refused("K26")
        .stderr_has("candidates cand-0003 was changed outside kadr");
    // Nothing is decided on a changed bank, and nothing is recorded over the change.
    office
        .bank(&["eligible", "--vacancy", VACANCY])
        .refused("K26")
        .stderr_has("changed outside kadr");
    let listed = office.bank(&["audit"]);
    listed.refused("K26");
    assert!(
        listed.stdout.contains("candidate add"),
        "{}",
        listed.report()
    );
    assert!(
        !listed.stdout.contains("  eligible  "),
        "the refused read left no entry"
    );
}

#[test]
fn k20_k26_a_user_and_a_key_slot_added_with_the_key_are_named() {
    let office = Office::with_four_candidates();
    // mallory gets a row in the users table and a key slot of her own, made with the
    // store key that aliya's slot unwraps.
    let store = office.store();
    let keys_path = office.path("private/test.kadrbank-keys");
    let slots = kadr_bank::keys::KeySlots::read(&keys_path)
        .unwrap()
        .unwrap();
    let aliya = kadr_bank::key::Passphrase::new(KEY.into());
    let key = slots
        .slot(ADMIN)
        .unwrap()
        .unwrap_key(&aliya, &slots.store)
        .unwrap()
        .unwrap();
    let mallory_pass = kadr_bank::key::Passphrase::new("mallory's own passphrase".into());
    let params = kadr_bank::key::KdfParams {
        m_kib: 64,
        t: 1,
        p: 1,
    };
    let slot = kadr_bank::keys::Slot::new(
        "mallory",
        &mallory_pass,
        params,
        &slots.store,
        &key,
        false,
        "mallory",
    )
    .unwrap();
    let fingerprint = slot.fingerprint(&slots.store);
    slots.with(slot).write(&keys_path).unwrap();
    office
        .raw()
        .execute(
            "INSERT INTO users (name, added_at, added_by, slot) VALUES ('mallory', '2026-11-27T00:00:00Z', 'aliya', ?1)",
            [fingerprint],
        )
        .unwrap();
    assert!(store.exists());
    let as_mallory = [
        ("KADR_BANK_USER", "mallory"),
        ("KADR_BANK_KEY", "mallory's own passphrase"),
    ];
    office
        .bank_with(&["candidate", "list"], &as_mallory)
        .refused("K26")
        .stderr_has("users mallory was added outside kadr");
    office
        .bank(&["audit", "--verify"])
        .refused("K26")
        .stderr_has("users mallory was added outside kadr");
}

#[test]
fn k26_the_newest_audit_entries_deleted_with_the_key_are_named() {
    let office = Office::with_four_candidates();
    office.eligible_ids();
    office.eligible_ids();
    let entries = office.audit().len() as i64 + 1;
    // Delete the newest two entries and put the trigger back exactly as it was: the
    // chain that is left is whole, and the bank's rows are those of its last entry.
    {
        let conn = office.raw();
        let trigger: String = conn
            .query_row(
                "SELECT sql FROM sqlite_master WHERE name = 'audit_no_delete'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        conn.execute_batch(&format!(
            "DROP TRIGGER audit_no_delete;
             DELETE FROM audit WHERE seq > {};
             {trigger};",
            entries - 2
        ))
        .unwrap();
    }
    office
        .bank(&["audit", "--verify"])
        .refused("K26")
        .stderr_has(&format!(
            "the audit log ends at entry {}, but the head file records entry {entries}",
            entries - 2
        ));
    office.bank(&["candidate", "list"]).refused("K26");
}

#[test]
fn k19_k26_a_backup_changed_with_the_key_does_not_verify_or_restore() {
    let office = Office::with_four_candidates();
    let copy = office.path("private/copy.kadrbank");
    office.bank(&["backup", copy.to_str().unwrap()]).ok();
    kadr_bank::store::open_raw(&copy, ADMIN, &kadr_bank::key::Passphrase::new(KEY.into()))
        .unwrap()
        .execute_batch("UPDATE candidates SET indicator = 99.9 WHERE id = 1")
        .unwrap();
    office
        .bank(&["verify", copy.to_str().unwrap()])
        .refused("K26")
        .stderr_has("candidates cand-0001 was changed outside kadr");
    office.add(&NURLANOV).ok();
    office
        .bank(&["restore", copy.to_str().unwrap(), "--force"])
        .refused("K26");
    // The store was left as it was.
    assert_eq!(
        ids(&office.json(&["candidate", "list", "--format", "json"])).len(),
        5
    );
}

#[test]
fn k26_every_command_prints_the_audit_head_to_write_down() {
    let office = Office::with_four_candidates();
    let run = office.bank(&["candidate", "list"]);
    run.ok().stderr_has("audit head: entry 6 ");
    let head = fs::read(office.path("private/test.kadrbank-head")).unwrap();
    let printed = run
        .stderr
        .lines()
        .find_map(|l| l.strip_prefix("audit head: entry 6 "))
        .unwrap();
    assert!(
        contains(&head, printed.as_bytes()),
        "the head file names the same hash"
    );
}

#[test]
fn b12_a_store_opens_with_the_cost_its_key_slot_recorded_whatever_the_environment_says() {
    let office = Office::new();
    office.bank(&["init", "--admin", ADMIN]).ok();
    office
        .bank_with(&["user", "list"], &[("KADR_BANK_ARGON2", "m=128,t=2,p=1")])
        .ok();
    office
        .bank_with(&["user", "list"], &[("KADR_BANK_ARGON2", "m=lots")])
        .ok();
}

/// A store made by kadr before key slots (format 1), with the test key, cheap Argon2id
/// cost, users aliya and bolat, SEITKALI and AKHMETOVA, six audit entries.
fn format_1_store(office: &Office) {
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/legacy-bank/format-1.sqlcipher");
    fs::copy(fixture, office.store()).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(office.store(), fs::Permissions::from_mode(0o600)).unwrap();
    }
}

#[test]
fn k20_a_store_of_format_1_opens_only_to_be_migrated_to_key_slots() {
    let office = Office::new();
    format_1_store(&office);
    office
        .bank(&["candidate", "list"])
        .refused("K20")
        .stderr_has("kadr bank migrate");
    let own = [("KADR_BANK_NEW_KEY", "aliya's own passphrase")];
    office
        .bank_with(&["migrate"], &[("KADR_BANK_NEW_KEY", KEY)])
        .refused("K20");
    office
        .bank_with(&["migrate"], &[("KADR_BANK_USER", "mallory"), own[0]])
        .refused("K20");
    office
        .bank_with(&["migrate"], &own)
        .ok()
        .stderr_has("bolat");
    assert!(
        fs::read(office.store())
            .unwrap()
            .starts_with(b"\x89KADRBKD")
    );
    // The shared key opens it no more; aliya's own passphrase does, and the data and
    // the chain of format 1 are kept.
    office.bank(&["candidate", "list"]).refused("B12");
    let as_aliya = [("KADR_BANK_KEY", "aliya's own passphrase")];
    let list = office.bank_with(&["candidate", "list", "--format", "json"], &as_aliya);
    let listed: Value = serde_json::from_str(&list.ok().stdout).unwrap();
    assert_eq!(ids(&listed), ["cand-0001", "cand-0002"]);
    let verified = office.bank_with(&["audit", "--verify"], &as_aliya);
    verified.ok();
    let audit = office.bank_with(&["audit", "--format", "json"], &as_aliya);
    let entries: Value = serde_json::from_str(&audit.ok().stdout).unwrap();
    assert_eq!(entries[0]["action"], "init");
    assert_eq!(entries[6]["action"], "migrate");
    // bolat is still listed, without a passphrase until an authorised user gives one.
    let users = office.bank_with(&["user", "list"], &as_aliya);
    assert!(
        users.ok().stdout.contains("bolat  (added"),
        "{}",
        users.report()
    );
    assert!(
        users.stdout.contains("no passphrase yet"),
        "{}",
        users.report()
    );
    office
        .bank_with(
            &["user", "add", "bolat"],
            &[
                as_aliya[0],
                ("KADR_BANK_NEW_KEY", "bolat's first passphrase"),
            ],
        )
        .ok();
    office
        .bank_with(
            &["migrate"],
            &[as_aliya[0], ("KADR_BANK_NEW_KEY", "another passphrase")],
        )
        .code(2)
        .stderr_has("nothing to migrate");
}

/// The paths `kadr check --format json` reports under rule B12.
fn b12_paths(office: &Office) -> Vec<String> {
    let site = office.site();
    let run = office.kadr(
        &[
            "check",
            "--root",
            site.to_str().unwrap(),
            "--today",
            TODAY,
            "--format",
            "json",
        ],
        &[],
    );
    let diagnostics: Value =
        serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}\n{}", run.report()));
    diagnostics
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "B12")
        .map(|d| d["file"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn b12_build_finds_bank_files_by_content_anywhere_under_the_site_root() {
    let office = Office::with_four_candidates();
    let copy = office.path("private/copy.kadrbank");
    office.bank(&["backup", copy.to_str().unwrap()]).ok();
    let site = office.site();
    let store = office.store();
    let keys = office.path("private/test.kadrbank-keys");
    let head = office.path("private/test.kadrbank-head");
    let place = |rel: &str, from: &Path| {
        let to = site.join(rel);
        fs::create_dir_all(to.parent().unwrap()).unwrap();
        fs::copy(from, &to).unwrap();
    };
    place("target/debug/deps/leftover.kadrbank", &store);
    place(".git/objects/pack/pack-1234.pack", &store);
    let deep = (0..14)
        .map(|i| format!("d{i}"))
        .collect::<Vec<_>>()
        .join("/");
    place(&format!("{deep}/data.bin"), &store);
    place("content/leftover.kadrbank.bak", &store);
    place("themes/default/static/notes.txt", &keys);
    place("locales/head.json", &head);
    place("old/backup-2026-11-27.zip", &copy);
    #[cfg(unix)]
    {
        fs::hard_link(&store, site.join("hard-link.dat")).unwrap();
        // A folder link out of the site, and a loop, which is searched once.
        std::os::unix::fs::symlink(office.path("private"), site.join("private-link")).unwrap();
        std::os::unix::fs::symlink(&site, site.join("content/loop")).unwrap();
    }
    let found = b12_paths(&office);
    let mut expected = vec![
        "target/debug/deps/leftover.kadrbank".to_string(),
        ".git/objects/pack/pack-1234.pack".to_string(),
        format!("{deep}/data.bin"),
        "content/leftover.kadrbank.bak".to_string(),
        "themes/default/static/notes.txt".to_string(),
        "locales/head.json".to_string(),
        "old/backup-2026-11-27.zip".to_string(),
    ];
    if cfg!(unix) {
        expected.push("hard-link.dat".to_string());
        expected.push("private-link/test.kadrbank".to_string());
        expected.push("private-link/copy.kadrbank-keys".to_string());
    }
    for path in &expected {
        assert!(found.contains(path), "{path} not found in {found:?}");
    }
    assert!(
        !found.iter().any(|p| p.starts_with("content/loop/")),
        "the site is searched once: {found:?}"
    );
    // The build refuses and writes nothing.
    let public = site.join("public");
    let run = office.kadr(
        &[
            "build",
            "--root",
            site.to_str().unwrap(),
            "--out",
            public.to_str().unwrap(),
            "--today",
            TODAY,
        ],
        &[],
    );
    run.code(1);
    assert!(!public.exists(), "nothing was built");
}

#[test]
fn b12_a_hard_link_to_a_store_of_format_1_is_found_by_being_the_operators_store() {
    let office = Office::new();
    format_1_store(&office);
    #[cfg(unix)]
    {
        fs::hard_link(office.store(), office.site().join("content/data.bin")).unwrap();
        assert_eq!(b12_paths(&office), ["content/data.bin"]);
    }
}

#[test]
fn b12_magics_agree_between_the_site_and_the_bank() {
    assert_eq!(kadr_load::BANK_STORE_MAGIC, kadr_bank::store::STORE_MAGIC);
    assert_eq!(kadr_load::BANK_KEYS_MAGIC, kadr_bank::keys::KEYS_MAGIC);
    assert_eq!(kadr_load::BANK_HEAD_MAGIC, kadr_bank::head::HEAD_MAGIC);
    assert_eq!(
        kadr_load::BANK_FILE_GRANULE,
        kadr_bank::store::FILE_GRANULE as u64
    );
    assert_eq!(kadr_load::BANK_EXTENSION, kadr_bank::store::EXTENSION);
    // And a store's first bytes are what the site looks for.
    let office = Office::new();
    office.bank(&["init", "--admin", ADMIN]).ok();
    let bytes = fs::read(office.store()).unwrap();
    assert!(bytes.starts_with(&kadr_load::BANK_STORE_MAGIC));
    assert_eq!(bytes.len() as u64 % kadr_load::BANK_FILE_GRANULE, 0);
}

#[test]
fn b2_b6_candidate_add_refuses_a_unit_and_a_category_the_site_does_not_have() {
    let office = Office::new();
    office.bank(&["init", "--admin", ADMIN]).ok();
    let foreign = SEITKALI
        .yaml
        .replace("unit: dp-astana", "unit: dp-karaganda")
        .replace("category: C-3", "category: C-9");
    fs::write(office.path("foreign.yaml"), &foreign).unwrap();
    let file = office.path("foreign.yaml");
    office
        .bank(&["candidate", "add", file.to_str().unwrap()])
        .refused("B2")
        .refused("B6")
        .stderr_has("unit `dp-karaganda` is not a unit of the site")
        .stderr_has("category `C-9` is not a category of the site");
    // Without a site (--root is not a site root) there is nothing to check against.
    let run = office.kadr(
        &[
            "bank",
            "candidate",
            "add",
            file.to_str().unwrap(),
            "--root",
            office.path("private").to_str().unwrap(),
            "--today",
            TODAY,
        ],
        &[],
    );
    run.ok().stderr_has("not checked against a site");
}

#[test]
fn b6_candidate_add_refuses_an_implausible_birth_date_and_invisible_characters() {
    let office = Office::new();
    office.bank(&["init", "--admin", ADMIN]).ok();
    for (yaml, expected) in [
        (
            SEITKALI
                .yaml
                .replace("birth_date: 1990-01-01", "birth_date: 1850-01-01"),
            "would be 176 years old",
        ),
        (
            SEITKALI
                .yaml
                .replace("birth_date: 1990-01-01", "birth_date: 2020-01-01"),
            "would be 6 years old",
        ),
        (
            SEITKALI.yaml.replace("Сейітқали", "Сейіт\u{202E}қали"),
            "invisible character (U+202E)",
        ),
        (
            SEITKALI.yaml.replace("Ержан", "Ер\u{200B}жан"),
            "invisible character (U+200B)",
        ),
    ] {
        fs::write(office.path("bad.yaml"), yaml).unwrap();
        office
            .bank(&[
                "candidate",
                "add",
                office.path("bad.yaml").to_str().unwrap(),
            ])
            .refused("B6")
            .stderr_has(expected);
    }
    office
        .bank_with(
            &["user", "add", "bo\u{200F}lat"],
            &[("KADR_BANK_NEW_KEY", "bolat's first passphrase")],
        )
        .code(2)
        .stderr_has("invisible character (U+200F)");
}

#[test]
fn k19_list_export_refuses_to_overwrite_a_file_unless_forced() {
    let office = Office::with_four_candidates();
    office.add(&NURLANOV).ok();
    office
        .bank(&[
            "list",
            "create",
            "--vacancy",
            VACANCY,
            "--candidates",
            "cand-0001,cand-0002,cand-0005",
        ])
        .ok();
    let out = office.path("private/list.html");
    fs::write(&out, "the signed copy").unwrap();
    let export = |force: bool| {
        let mut args = vec![
            "list",
            "export",
            "list-0001",
            "--format",
            "html",
            "--out",
            out.to_str().unwrap(),
        ];
        if force {
            args.push("--force");
        }
        office.bank(&args)
    };
    export(false).refused("K19").stderr_has("--force");
    assert_eq!(fs::read_to_string(&out).unwrap(), "the signed copy");
    export(true).ok();
    assert!(fs::read_to_string(&out).unwrap().contains("<html"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "a replaced export is private too");
    }
}

/// The words of `line` in Latin letters that are not ids or values (which hold a
/// digit: `cand-0004`, `C-3`, `2026-11-27`, the rule id).
fn latin_words(line: &str) -> Vec<&str> {
    line.split(|c: char| c.is_whitespace() || ",;:()«»\"".contains(c))
        .filter(|w| !w.chars().any(|c| c.is_ascii_digit()))
        .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
        .collect()
}

/// Issue 16: `kadr bank --lang kk|ru` (or `KADR_LANG`) prints a refusal in that
/// language, citing its rule, with no English besides ids and values; and the notes
/// of a command that succeeds.
#[test]
fn a_refusal_is_printed_in_the_language_of_lang_or_kadr_lang() {
    let office = Office::with_four_candidates();
    let two = ["list", "create", "--vacancy", VACANCY, "--candidates"];
    let refusal = |rule: &str, candidates: &str, lang: Option<&str>, env: &[(&str, &str)]| {
        let mut args = two.to_vec();
        args.push(candidates);
        if let Some(lang) = lang {
            args.extend_from_slice(&["--lang", lang]);
        }
        let run = office.bank_with(&args, env);
        run.code(1);
        // Every line, the audit head's too, is in the language asked for.
        for line in run.stderr.lines() {
            assert!(
                latin_words(line).is_empty(),
                "English words {:?} in {line:?}",
                latin_words(line)
            );
            assert!(line.chars().any(|c| matches!(c, 'а'..='я')), "{line}");
        }
        let lines: Vec<&str> = run.stderr.lines().filter(|l| l.contains(rule)).collect();
        assert!(!lines.is_empty(), "no line cites {rule}\n{}", run.report());
        lines.join("\n")
    };
    for (rule, candidates) in [
        ("B5", "cand-0001,cand-0002"),
        ("B9", "cand-0001,cand-0002,cand-0004"),
    ] {
        let kk = refusal(rule, candidates, Some("kk"), &[]);
        let ru = refusal(rule, candidates, Some("ru"), &[]);
        assert_ne!(kk, ru);
        assert!(kk.contains(&format!("({rule} ережесі)")), "{kk}");
        assert!(ru.contains(&format!("(правило {rule})")), "{ru}");
        assert!(kk.chars().any(|c| "әғқңөұүһі".contains(c)), "{kk}");
        assert!(!ru.chars().any(|c| "әғқңөұүһі".contains(c)), "{ru}");
        assert_eq!(refusal(rule, candidates, None, &[("KADR_LANG", "kk")]), kk);
        // The flag wins over the environment.
        assert_eq!(
            refusal(rule, candidates, Some("ru"), &[("KADR_LANG", "kk")]),
            ru
        );
    }
    let eligible = office.bank(&["eligible", "--vacancy", VACANCY, "--lang", "ru"]);
    assert!(
        eligible
            .ok()
            .stderr
            .contains("кандидаты, которых можно назначить на должность 2026-dp-almaty-0142"),
        "{}",
        eligible.report()
    );
    assert!(
        office
            .bank_with(
                &[&two[..], &["cand-0001,cand-0002"]].concat(),
                &[("KADR_LANG", "en")]
            )
            .stderr
            .contains("refused (rule B5): a list of candidates names at least three persons")
    );
}

#[test]
fn the_human_listings_speak_the_operators_language() {
    let office = Office::with_four_candidates();
    let kk = office.bank(&["audit", "--verify", "--lang", "kk"]);
    assert!(
        kk.ok()
            .stdout
            .starts_with("аудит журналының хэш тізбегі бүтін: "),
        "{}",
        kk.report()
    );
    let ru = office.bank_with(&["candidate", "list"], &[("KADR_LANG", "ru")]);
    let first = ru
        .ok()
        .stdout
        .lines()
        .next()
        .unwrap_or_default()
        .to_string();
    assert!(
        first.starts_with("cand-0001  ")
            && first.contains("  показатель ")
            && first.contains("  конкурс "),
        "{}",
        ru.report()
    );
    let users = office.bank(&["user", "list", "--lang", "ru"]);
    assert!(
        users.ok().stdout.contains(&format!("{ADMIN}  (добавлен ")),
        "{}",
        users.report()
    );
    for run in [kk, ru, users] {
        for english in ["holds", "indicator", "competition", "added"] {
            assert!(!run.stdout.contains(english), "{english}\n{}", run.report());
        }
    }
    let english = office.bank(&["candidate", "list"]);
    assert!(
        english.ok().stdout.contains("  indicator "),
        "{}",
        english.report()
    );
}

#[test]
fn a_vacancy_of_no_site_is_refused_in_the_operators_language() {
    let office = Office::with_four_candidates();
    let not_a_site = office.path("private");
    let root = not_a_site.to_str().unwrap();
    let run = office.kadr(
        &[
            "bank",
            "eligible",
            "--vacancy",
            VACANCY,
            "--root",
            root,
            "--today",
            TODAY,
            "--lang",
            "ru",
        ],
        &[],
    );
    run.code(2).stderr_has(&format!(
        "не удаётся загрузить сайт (--root): {root} не является корнем сайта (в нём нет content/site.yaml)"
    ));
    let run = office.kadr(
        &[
            "bank",
            "eligible",
            "--vacancy",
            VACANCY,
            "--root",
            root,
            "--today",
            TODAY,
        ],
        &[],
    );
    run.code(2).stderr_has(&format!(
        "cannot load the site (--root): {root} is not a site root (it has no content/site.yaml)"
    ));
}

#[test]
fn a_missing_bank_is_named_in_the_operators_language() {
    let office = Office::new();
    let store = office.store().display().to_string();
    office
        .bank(&["user", "list", "--lang", "kk"])
        .code(2)
        .stderr_has(&format!(
            "{store} мекенжайында банк жоқ; оны `kadr bank init --admin NAME` арқылы құрыңыз"
        ));
    office
        .bank(&["user", "list"])
        .code(2)
        .stderr_has(&format!("there is no bank at {store}"));
}

#[test]
fn k26_what_the_integrity_check_finds_is_told_in_the_operators_language() {
    let office = Office::with_four_candidates();
    office.tamper_with_entry_3();
    office
        .bank(&["audit", "--verify", "--lang", "ru"])
        .code(1)
        .stderr_has("журнал аудита нарушен на записи 3: она изменена после записи");
    office
        .bank(&["audit", "--verify", "--lang", "kk"])
        .code(1)
        .stderr_has("аудит журналы 3-жазбада үзілген: ол жазылғаннан кейін өзгертілген");
    office
        .bank(&["audit", "--verify"])
        .refused("K26")
        .stderr_has("broken at entry 3");
}
