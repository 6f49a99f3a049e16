//! `kadr report`: P4 compliance per unit and in total, on the base site with postings of
//! known standing added: one late with its reason, one late without, one whose year no
//! calendar covers, one without its Kazakh position, and the base site's open one past
//! its deadline.

mod common;

use serde_json::Value;

use common::{OPEN, Site, TODAY, kadr, vacancy_file};

/// The base site and the postings of known standing.
fn site() -> Site {
    let site = Site::new();
    let open = site.read(&vacancy_file(OPEN));
    let posting = |id: &str, unit: &str, arose: &str, published: &str, deadline: &str| {
        open.replace(OPEN, id)
            .replace("unit: dp-almaty", &format!("unit: {unit}"))
            .replace("arose_on: 2026-11-20", &format!("arose_on: {arose}"))
            .replace(
                "published_on: 2026-11-24",
                &format!("published_on: {published}"),
            )
            .replace("deadline: 2026-12-08", &format!("deadline: {deadline}"))
    };
    // Arose Monday 16 November: the last day is Thursday 19; Tuesday 24 is 3 days late.
    let late = posting(
        "2026-dp-almaty-0160",
        "dp-almaty",
        "2026-11-16",
        "2026-11-24",
        "2026-12-08",
    );
    site.write(
        &vacancy_file("2026-dp-almaty-0160"),
        &format!("{late}late_reason: {{kk: \"Бұйрықтың көшірмесі кешігіп келді\", ru: \"Копия приказа поступила с опозданием\"}}\n"),
    );
    // Arose Monday 2 November: the last day is Thursday 5; Monday 9 is 2 days late.
    site.write(
        &vacancy_file("2026-dp-astana-0190"),
        &posting(
            "2026-dp-astana-0190",
            "dp-astana",
            "2026-11-02",
            "2026-11-09",
            "2026-12-08",
        ),
    );
    // 2024: no calendar, built-in or the site's.
    site.write(
        &vacancy_file("2026-dp-almaty-0161"),
        &posting(
            "2026-dp-almaty-0161",
            "dp-almaty",
            "2024-04-29",
            "2024-05-02",
            "2024-05-16",
        ),
    );
    // No Kazakh position.
    let untranslated = posting(
        "2026-dp-astana-0191",
        "dp-astana",
        "2026-11-20",
        "2026-11-24",
        "2026-12-08",
    );
    let kk_position = untranslated
        .lines()
        .find(|l| l.contains("kk: \"Патрульдік"))
        .unwrap()
        .to_string();
    site.write(
        &vacancy_file("2026-dp-astana-0191"),
        &untranslated.replacen(&format!("{kk_position}\n"), "", 1),
    );
    site
}

fn report(site: &Site, extra: &[&str]) -> common::Outcome {
    let root = site.root().to_string_lossy().into_owned();
    let mut args = vec!["report", "--root", &root, "--today", TODAY];
    args.extend_from_slice(extra);
    kadr(&args)
}

fn json(site: &Site, extra: &[&str]) -> Value {
    let mut args = vec!["--format", "json"];
    args.extend_from_slice(extra);
    let outcome = report(site, &args);
    outcome.assert_code(0);
    serde_json::from_str(&outcome.stdout).unwrap_or_else(|e| panic!("{e}: {}", outcome.stdout))
}

fn counts(v: &Value) -> [u64; 8] {
    [
        "placed",
        "on_time",
        "late",
        "late_with_reason",
        "late_without_reason",
        "not_counted",
        "language_problems",
        "open_past_deadline",
    ]
    .map(|k| v[k].as_u64().unwrap_or_else(|| panic!("{k} in {v}")))
}

#[test]
fn p4_counts_per_unit_and_in_total() {
    let report = json(&site(), &[]);
    //                                       placed on-time late w/r w/o n/c lang overdue
    assert_eq!(counts(&report["total"]), [7, 4, 2, 1, 1, 1, 1, 2]);
    assert_eq!(
        counts(&report["units"]["dp-almaty"]["counts"]),
        [3, 1, 1, 1, 0, 1, 0, 1]
    );
    assert_eq!(
        counts(&report["units"]["dp-astana"]["counts"]),
        [3, 2, 1, 0, 1, 0, 1, 1]
    );
    assert_eq!(
        counts(&report["units"]["central-apparatus"]["counts"]),
        [1, 1, 0, 0, 0, 0, 0, 0]
    );
    let late = |id: &str| {
        report["postings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == id)
            .unwrap_or_else(|| panic!("{id}"))
            .clone()
    };
    assert_eq!(late("2026-dp-almaty-0160")["late_by"], 3);
    assert_eq!(late("2026-dp-almaty-0160")["last_day"], "2026-11-19");
    assert_eq!(
        late("2026-dp-almaty-0160")["reason"]["ru"],
        "Копия приказа поступила с опозданием"
    );
    assert_eq!(late("2026-dp-astana-0190")["late_by"], 2);
    assert_eq!(late("2026-dp-astana-0190")["reason"], Value::Null);
    assert_eq!(late("2026-dp-almaty-0161")["last_day"], Value::Null);
    assert_eq!(report["language_problems"][0]["id"], "2026-dp-astana-0191");
    // Open past the deadline: the base site's, and the 2024 one, still open too.
    let overdue: Vec<&str> = report["open_past_deadline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap())
        .collect();
    assert_eq!(overdue, ["2026-dp-almaty-0161", "2026-dp-astana-0188"]);
}

#[test]
fn the_period_and_the_unit_narrow_what_is_counted() {
    let site = site();
    let november = json(&site, &["--from", "2026-11-01", "--to", "2026-11-30"]);
    // 0142, 0160, 0188, 0190 (0171 in September, 0240 in June, 0161 in 2024).
    assert_eq!(counts(&november["total"])[0], 4);
    let astana = json(&site, &["--unit", "dp-astana"]);
    assert_eq!(counts(&astana["total"]), [3, 2, 1, 0, 1, 0, 1, 1]);
    assert!(astana["units"].get("dp-almaty").is_none());
    let unknown = report(&site, &["--unit", "dp-nowhere"]);
    unknown.assert_code(2);
}

#[test]
fn every_format_says_the_same_in_the_language_asked_for() {
    let site = site();
    let markdown = report(&site, &["--lang", "kk"]);
    markdown.assert_code(0);
    assert!(
        markdown.stdout.contains(
            "| **Барлығы** | **7** | **4** | **2** | **1** | **1** | **1** | **1** | **2** |"
        ),
        "{}",
        markdown.stdout
    );
    assert!(
        markdown
            .stdout
            .contains("Бұйрықтың көшірмесі кешігіп келді")
    );
    assert!(
        markdown.stdout.contains("себебі көрсетілмеген"),
        "{}",
        markdown.stdout
    );

    let csv = report(&site, &["--format", "csv", "--lang", "ru"]);
    csv.assert_code(0);
    let rows: Vec<&str> = csv.stdout.lines().collect();
    assert!(
        rows[0].starts_with("Идентификатор подразделения,Подразделение,Размещено,В срок"),
        "{}",
        rows[0]
    );
    assert!(rows.contains(&",Итого,7,4,2,1,1,1,1,2"), "{}", csv.stdout);
    assert!(
        rows.iter()
            .any(|r| r.starts_with("dp-astana,Департамент полиции города Астаны,3,2,1,0,1,0,1,1")),
        "{}",
        csv.stdout
    );

    let html = report(&site, &["--format", "html", "--lang", "ru"]);
    html.assert_code(0);
    assert!(
        html.stdout
            .starts_with("<!DOCTYPE html>\n<html lang=\"ru\">")
    );
    assert!(
        html.stdout
            .contains("<tfoot><tr><th scope=\"row\">Итого</th><td class=\"n\">7</td>")
    );
}
