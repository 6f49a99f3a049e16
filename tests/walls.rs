//! The walls between the crates, as the compiler keeps them (README "How the code is
//! laid out"): each crate's Cargo.toml is the list of what it may use, so these tests
//! read the workspace's manifests (`cargo metadata`) and hold them to the plan. A
//! forbidden `use` does not compile; a forbidden dependency fails here.

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

use serde_json::Value;

/// Each workspace crate with the workspace crates it depends on (normal dependencies).
fn workspace() -> BTreeMap<String, BTreeSet<String>> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let output = Command::new(cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: Value = serde_json::from_slice(&output.stdout).unwrap();
    let packages = metadata["packages"].as_array().unwrap();
    let names: BTreeSet<String> = packages
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_string())
        .collect();
    packages
        .iter()
        .map(|p| {
            let deps = p["dependencies"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|d| d["kind"].is_null())
                .map(|d| d["name"].as_str().unwrap().to_string())
                .filter(|d| names.contains(d))
                .collect();
            (p["name"].as_str().unwrap().to_string(), deps)
        })
        .collect()
}

/// Every crate `name` depends on, directly or not.
fn closure(graph: &BTreeMap<String, BTreeSet<String>>, name: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut stack = vec![name.to_string()];
    while let Some(n) = stack.pop() {
        for d in graph.get(&n).into_iter().flatten() {
            if seen.insert(d.clone()) {
                stack.push(d.clone());
            }
        }
    }
    seen
}

/// The crates that build the public site: everything but the bank, the leaf crates they
/// share (common; i18n, which formats messages and holds no data), and the command line.
fn site_stages(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    graph
        .keys()
        .filter(|n| {
            !matches!(
                n.as_str(),
                "kadr" | "kadr-bank" | "kadr-common" | "kadr-i18n"
            )
        })
        .cloned()
        .collect()
}

#[test]
fn no_site_stage_depends_on_the_bank() {
    let graph = workspace();
    let stages = site_stages(&graph);
    assert!(stages.len() >= 10, "{stages:?}");
    for stage in &stages {
        assert!(
            !closure(&graph, stage).contains("kadr-bank"),
            "{stage} depends on the bank"
        );
    }
}

#[test]
fn the_bank_depends_on_no_site_stage() {
    let graph = workspace();
    let bank = closure(&graph, "kadr-bank");
    assert_eq!(
        bank,
        BTreeSet::from(["kadr-common".to_string(), "kadr-i18n".to_string()]),
        "{bank:?}"
    );
}

#[test]
fn only_the_command_line_sees_both_the_site_and_the_bank() {
    let graph = workspace();
    let stages = site_stages(&graph);
    let both: Vec<&String> = graph
        .keys()
        .filter(|n| {
            let deps = closure(&graph, n);
            deps.contains("kadr-bank") && stages.iter().any(|s| deps.contains(s))
        })
        .collect();
    assert_eq!(both, ["kadr"]);
}

#[test]
fn the_stages_know_nothing_of_the_command_line() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let output = Command::new(cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let metadata: Value = serde_json::from_slice(&output.stdout).unwrap();
    for p in metadata["packages"].as_array().unwrap() {
        let name = p["name"].as_str().unwrap();
        if name == "kadr" {
            continue;
        }
        let clap = p["dependencies"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["name"] == "clap");
        assert!(
            !clap,
            "{name} depends on clap: flags are parsed in src/cmd/"
        );
    }
}

#[test]
fn data_flows_one_way_through_the_pipeline() {
    // load → check → render → output, and no stage reaches back.
    let graph = workspace();
    let order = [
        "kadr-model",
        "kadr-load",
        "kadr-check",
        "kadr-render",
        "kadr-output",
        "kadr-pipeline",
        "kadr-serve",
    ];
    for (i, stage) in order.iter().enumerate() {
        let deps = closure(&graph, stage);
        for later in &order[i + 1..] {
            assert!(
                !deps.contains(*later),
                "{stage} depends on {later}, a later stage"
            );
        }
    }
}
