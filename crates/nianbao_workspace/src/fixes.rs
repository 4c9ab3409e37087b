//! The rules' fixes applied to a text, round by round: `nianbao fix`, and
//! the fixed file the HTTP server's page offers. Pure: the caller writes
//! (or sends) the text.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Mutex;

use nianbao_model::{Applicability, Diagnostic, Edit, apply_edits};
use nianbao_rules::Config;

use crate::pipeline::{Analysed, Source, analyse};
use crate::related::FolderIndex;

/// A fix round is repeated while fixes apply (one fix can reveal another);
/// a bound guards against two fixes undoing each other forever.
const MAX_FIX_ROUNDS: usize = 8;

/// A text with the fixes applied.
#[derive(Debug)]
pub struct Fixed {
    /// The text after the last round (the text as it was when no fix applied).
    pub text: String,
    /// How many fixes of each rule were applied.
    pub applied: BTreeMap<String, usize>,
}

/// Applies the fixes of `analysed` (the analysis of a text file, at
/// `file` if it is on disk) round by round until none applies, safe fixes
/// only unless `include_unsafe`. Last year's report and a summary's parts
/// are read once: fixes change form, not which body and year the report is
/// about. Only a text file's diagnostics carry fixes (see
/// [`crate::Origin::map_diagnostic`]).
pub fn apply_fixes(
    analysed: &Analysed,
    config: &Config,
    file: Option<&Path>,
    index: &Mutex<FolderIndex>,
    include_unsafe: bool,
) -> Result<Fixed, String> {
    let related = analysed.related.clone();
    let mut applied: BTreeMap<String, usize> = BTreeMap::new();
    let mut round: Option<Analysed> = None;
    for _ in 0..MAX_FIX_ROUNDS {
        let last = round.as_ref().unwrap_or(analysed);
        let edits = non_overlapping_fixes(&last.diagnostics, include_unsafe, &mut applied);
        if edits.is_empty() {
            break;
        }
        let text = apply_edits(&last.text, &edits);
        round = Some(analyse(Source::Edited { text, file }, config, index, Some(related.clone()))?);
    }
    let text = round.map_or_else(|| analysed.text.clone(), |last| last.text);
    Ok(Fixed { text, applied })
}

/// The edits of every applicable fix that does not overlap one taken before
/// it (the rest wait for the next round, against the new text).
fn non_overlapping_fixes(
    diagnostics: &[Diagnostic],
    include_unsafe: bool,
    applied: &mut BTreeMap<String, usize>,
) -> Vec<Edit> {
    let mut taken: Vec<Edit> = Vec::new();
    for diagnostic in diagnostics {
        let Some(fix) = &diagnostic.fix else { continue };
        if fix.applicability == Applicability::Unsafe && !include_unsafe {
            continue;
        }
        let overlaps = fix.edits.iter().any(|edit| {
            taken.iter().any(|other| {
                edit.span.start < other.span.end && other.span.start < edit.span.end
                    || (edit.span.is_empty() || other.span.is_empty()) && edit.span.start == other.span.start
            })
        });
        if overlaps {
            continue;
        }
        taken.extend(fix.edits.iter().cloned());
        *applied.entry(diagnostic.code.clone()).or_default() += 1;
    }
    taken
}
