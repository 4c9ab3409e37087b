//! Reports on disk, for every front end (the `nianbao` command, the language
//! server, the coming HTTP server): the IO the pure core does not do, and no
//! protocol.
//!
//! - `inputs` — which files to check (folders walked for every report
//!   format, `.gitignore` honoured, `-` for standard input) and their bytes.
//! - `config` — finding and reading `nianbao.toml`: one resolver, so the
//!   editor and CI always agree.
//! - `related` — last year's report and a summary's parts for the
//!   cross-document rules (C001–C004), and the folder index that finds them.
//! - `origin` — how a report's text relates to its file: the projection
//!   its spans index, and the page or paragraph a span of a PDF or DOCX is in.
//! - `pipeline` — [`analyse`]: a source (a file's bytes, or a text being
//!   edited) read, compared with last year's report, checked, and its
//!   findings mapped back into the text shown.
//! - `fixes` — the rules' fixes applied round by round (`nianbao fix`, the
//!   server's fixed file).
//! - `render` — checked files as the reader sees them: human (codespan),
//!   JSON, SARIF, GitHub annotations; lines, columns and DOCX/PDF places.
//! - `audit` — what the audit of many reports shows, built from the checked
//!   files: rows, findings with their places and cells, counts, the roll-up.

pub mod audit;
pub mod config;
pub mod fixes;
pub mod inputs;
pub mod origin;
pub mod pipeline;
pub mod related;
pub mod render;

pub use origin::Origin;
pub use pipeline::{Analysed, Read, Source, analyse, read};
