//! Per-rule fixtures: `tests/fixtures/rules/<CODE>/{valid,invalid}*`. Each
//! invalid file must trigger its rule and gets a snapshot of what the user
//! sees; each valid file must not trigger it.

use std::path::PathBuf;

use nianbao_rules::{Lang, RULES};
use tests::{check_file, check_fixture, check_fixture_in, fixture_view, workspace_root};

fn fixtures_dir() -> PathBuf {
    workspace_root().join("tests/fixtures/rules")
}

/// `(code, file name, path)` of every fixture, sorted.
fn fixtures() -> Vec<(String, String, PathBuf)> {
    let mut all = Vec::new();
    for dir in std::fs::read_dir(fixtures_dir()).unwrap() {
        let dir = dir.unwrap().path();
        let code = dir.file_name().unwrap().to_string_lossy().into_owned();
        for file in std::fs::read_dir(&dir).unwrap() {
            let path = file.unwrap().path();
            all.push((code.clone(), path.file_name().unwrap().to_string_lossy().into_owned(), path));
        }
    }
    all.sort();
    all
}

fn snapshot_name(code: &str, file: &str) -> String {
    format!("{code}_{}", file.rsplit_once('.').map_or(file, |(stem, _)| stem))
}

/// Snapshots in both languages: Chinese (the default) and English (`_en`).
#[test]
fn invalid_fixtures_trigger_their_rule() {
    for (code, file, path) in fixtures().into_iter().filter(|(_, file, _)| file.starts_with("invalid")) {
        let checked = check_fixture(&path, &format!("{code}/{file}"), &code);
        assert!(checked.diagnostics.iter().any(|d| d.code == code), "{code}/{file} does not trigger {code}");
        insta::assert_snapshot!(snapshot_name(&code, &file), fixture_view(checked, &code));
        let english = check_fixture_in(&path, &format!("{code}/{file}"), &code, Lang::En);
        insta::assert_snapshot!(format!("{}_en", snapshot_name(&code, &file)), fixture_view(english, &code));
    }
}

#[test]
fn valid_fixtures_do_not_trigger_their_rule() {
    for (code, file, path) in fixtures().into_iter().filter(|(_, file, _)| file.starts_with("valid")) {
        let checked = check_fixture(&path, &format!("{code}/{file}"), &code);
        let hits: Vec<_> = checked.diagnostics.iter().filter(|d| d.code == code).map(|d| &d.message).collect();
        assert!(hits.is_empty(), "{code}/{file} triggers {code}: {hits:?}");
    }
}

#[test]
fn every_rule_has_valid_and_invalid_fixtures_and_every_fixture_a_rule() {
    let all = fixtures();
    for rule in RULES {
        let code = rule.meta.code;
        for kind in ["valid", "invalid"] {
            assert!(all.iter().any(|(c, f, _)| c == code && f.starts_with(kind)), "{code} has no {kind} fixture");
        }
    }
    for (code, file, _) in &all {
        assert!(nianbao_rules::lookup(code).is_some(), "fixture folder {code} names no rule");
        assert!(
            file.starts_with("valid") || file.starts_with("invalid"),
            "{code}/{file}: name fixtures valid* or invalid*"
        );
    }
}

#[test]
fn no_orphaned_snapshots() {
    let expected: Vec<String> = fixtures()
        .iter()
        .filter(|(_, file, _)| file.starts_with("invalid"))
        .flat_map(|(code, file, _)| {
            let name = snapshot_name(code, file);
            [format!("rule_fixtures__{name}.snap"), format!("rule_fixtures__{name}_en.snap")]
        })
        .collect();
    let dir = workspace_root().join("tests/tests/snapshots");
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.starts_with("rule_fixtures__") && name.ends_with(".snap") {
            assert!(expected.contains(&name), "orphaned snapshot {name}: its fixture is gone");
        }
    }
}

#[test]
fn the_bundled_example_is_clean() {
    let checked = check_file(&workspace_root().join("examples/example-report.md"), "example-report.md");
    assert_eq!(checked.diagnostics, Vec::new());
}

/// The arithmetic rules report `Context::failing_identities`, which builds
/// only the identities whose sides differ: they must be exactly the
/// identities that do not hold, in order, on every fixture and seed.
#[test]
fn the_failing_identities_are_those_that_do_not_hold() {
    let mut paths: Vec<PathBuf> = fixtures().into_iter().map(|(_, _, path)| path).collect();
    paths.extend(std::fs::read_dir(workspace_root().join("tests/seeds")).unwrap().flatten().map(|file| file.path()));
    paths.retain(|path| path.extension().is_some_and(|ext| ext == "md" || ext == "txt"));
    assert!(paths.len() > 100, "{}", paths.len());
    let (config, related) = (nianbao_rules::Config::default(), nianbao_rules::Related::default());
    let mut failing = 0;
    for path in &paths {
        let (_, report) = nianbao_parser::parse_bytes(&std::fs::read(path).unwrap());
        let ctx = nianbao_rules::Context::new(&report, &config, &related);
        let expected: Vec<String> =
            ctx.identities().iter().filter(|identity| !identity.holds()).map(|identity| identity.describe()).collect();
        let found: Vec<String> = ctx.failing_identities().iter().map(|identity| identity.describe()).collect();
        assert_eq!(found, expected, "{}", path.display());
        failing += found.len();
    }
    // The fixtures break totals: the comparison is not of empty lists.
    assert!(failing >= 10, "{failing}");
}
