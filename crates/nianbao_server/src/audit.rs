//! `POST /api/audit`: several reports at once, as `nianbao audit` shows
//! them — one page (or its CSV or JSON) with the counts, the charts, every
//! finding, the copies of one report counted once, and the roll-up.
//!
//! The files come as `multipart/form-data`, each part a file with its name
//! (the page sends what the clerk dropped; `curl -F file=@a.pdf -F
//! file=@b.docx`). Each is read and checked as `/api/check` checks it, and
//! the audit is built and written by `nianbao_workspace::audit`, as the
//! command does.

use std::sync::Mutex;

use axum::extract::Multipart;
use axum::extract::multipart::MultipartError;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use nianbao_rules::Config;
use nianbao_workspace::audit::{self, Audit};
use nianbao_workspace::inputs::InputError;
use nianbao_workspace::related::FolderIndex;
use nianbao_workspace::render::Checked;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub(crate) struct Wanted {
    /// `?format=html` (the default), `csv` or `json`.
    #[serde(default)]
    format: audit::Format,
}

/// One file sent: its name and bytes.
#[derive(Debug)]
pub struct Sent {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The files of a multipart body, in the order sent; `Err` says why the body
/// cannot be read, with the status to answer: 413 past the body limit
/// (which counts the whole request, every file in it), 400 for a body cut
/// off, 422 for one with no file in it.
pub(crate) async fn files(mut multipart: Multipart) -> Result<Vec<Sent>, (StatusCode, String)> {
    let mut files = Vec::new();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(error) => return Err(refused(&error, "所传文件", "the files sent")),
        };
        // A part without a file name is a form value, not a report.
        let Some(name) = field.file_name().map(str::to_string) else { continue };
        let bytes = field.bytes().await.map_err(|error| refused(&error, &name, &name))?;
        files.push(Sent { name, bytes: bytes.to_vec() });
    }
    if files.is_empty() {
        let why = "没有收到文件：请以 multipart/form-data 发送一个或多个文件（no file: send the reports as multipart/form-data file parts）";
        return Err((StatusCode::UNPROCESSABLE_ENTITY, why.to_string()));
    }
    Ok(files)
}

/// Why a multipart body could not be read, and the status that says so.
fn refused(error: &MultipartError, what: &str, what_en: &str) -> (StatusCode, String) {
    let status = error.status();
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        let why = "所传文件合计超过本服务允许的大小（the files sent are larger than --max-upload in all）";
        return (status, why.to_string());
    }
    (status, format!("无法读取{what}（cannot read {what_en}: {error}）"))
}

/// The audit of `files`, each read and checked with `config`.
pub fn audit(files: &[Sent], config: &Config) -> Audit {
    let mut checked: Vec<Checked> = Vec::new();
    let mut unreadable: Vec<InputError> = Vec::new();
    // One index for the lot: the files are compared with nothing on disk.
    let index = Mutex::new(FolderIndex::default());
    for Sent { name, bytes } in files {
        match crate::read_report(name, bytes, config, &index) {
            Ok(analysed) => {
                let mut file = analysed.into_checked(name.clone());
                let report = file.report.take().expect("a checked file keeps its report");
                file.profile = Some(Box::new(nianbao_rules::profile::profile(&report, config)));
                file.shed_unshown();
                checked.push(file);
            }
            Err(message) => unreadable.push(InputError { display: name.clone(), message }),
        }
    }
    Audit::build(&checked, &unreadable, None)
}

/// The audit written as asked, as `nianbao audit` writes it.
pub(crate) fn written(audit: &Audit, wanted: &Wanted) -> Response {
    let body = audit.write(wanted.format);
    (StatusCode::OK, [(header::CONTENT_TYPE, wanted.format.media_type())], body).into_response()
}
