//! The rules' fixes applied to a text, round by round: `nianbao fix`, and
//! the fixed file the HTTP server's page offers; and the text encoded as
//! the file was (`encode`). Pure: the caller writes (or sends) the bytes.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Mutex;

use nianbao_model::{Applicability, Bilingual, Diagnostic, Edit, SourceInfo, apply_edits, bilingual};
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

/// `text` in the encoding the file was read in (UTF-8 with or without BOM, or
/// GB18030). UTF-16 files and text GB18030 cannot hold are refused rather than
/// silently converted.
pub fn encode(text: &str, source: &SourceInfo) -> Result<Vec<u8>, Bilingual> {
    match source.encoding.as_str() {
        "UTF-8" if source.had_bom => Ok([b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat()),
        "UTF-8" => Ok(text.as_bytes().to_vec()),
        "GB18030" | "GBK" => {
            let (bytes, _, unmappable) = encoding_rs::GB18030.encode(text);
            if unmappable {
                return Err(bilingual!(
                    "the fixed text has characters GB18030 cannot hold",
                    "修改后的文本中有 GB18030 编码无法表示的字符"
                ));
            }
            Ok(bytes.into_owned())
        }
        other => Err(bilingual!(
            "cannot write {other} files; convert the file to UTF-8 first",
            "无法写回 {other} 编码的文件，请先将文件转为 UTF-8 编码"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_round_trip_or_are_refused() {
        let gbk = SourceInfo { encoding: "GB18030".into(), had_bom: false, lossy: false, len: 0 };
        let bytes = encode("一、总体情况，", &gbk).unwrap();
        assert_eq!(nianbao_parser::decode(&bytes).0, "一、总体情况，");
        let bom = SourceInfo { encoding: "UTF-8".into(), had_bom: true, lossy: false, len: 0 };
        assert!(encode("一", &bom).unwrap().starts_with(b"\xEF\xBB\xBF"));
        let utf16 = SourceInfo { encoding: "UTF-16LE".into(), had_bom: true, lossy: false, len: 0 };
        assert!(encode("一", &utf16).is_err());
    }
}
