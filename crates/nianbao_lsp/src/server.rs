//! The language server: document state, lint jobs, and the protocol handlers.
//!
//! Ordering: tower-lsp-server runs handlers concurrently, but starts them in
//! arrival order. Every handler that changes a document does so synchronously
//! under the one state lock before its first `.await`, so edits apply in
//! arrival order; the lock is never held across an `.await`.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use nianbao_parser::Format;
use nianbao_rules::Config;
use serde_json::Value;
use tokio::task::JoinHandle;
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

use nianbao_workspace::config::ConfigResolver;
use nianbao_workspace::related::{FolderIndex, RelatedFiles};

use crate::analysis::{Analysis, analyze, catch_panic};
use crate::document::{Document, Pos};
use crate::features::{self, FIX_ALL_KIND};
use crate::from_proto::{self, Encoding};
use crate::settings::Settings;
use crate::to_proto::Converter;

/// One open document and its lint state.
struct OpenDocument {
    uri: Uri,
    document: Document,
    /// The newest analysis; may be older than `document.version`.
    analysis: Option<Arc<Analysis>>,
    /// The pending or running lint job.
    job: Option<JoinHandle<()>>,
    /// Last year's report and parts, found on open or save and kept while typing.
    related: Option<Arc<RelatedFiles>>,
}

#[derive(Default)]
struct State {
    encoding: Encoding,
    documents: HashMap<String, OpenDocument>,
    settings: Settings,
    resolver: ConfigResolver,
    root: Option<PathBuf>,
    client_pulls_diagnostics: bool,
    /// Diagnostics are pulled by the client, not pushed (negotiated once).
    pull_mode: bool,
    client_has_configuration: bool,
    client_registers_watchers: bool,
    /// The language of the client's locale (`initialize`'s `locale`):
    /// findings speak it unless `nianbao.toml` or `NIANBAO_LANG` chose one.
    locale: nianbao_rules::Lang,
}

/// The nianbao language server.
#[derive(Clone)]
pub struct Backend {
    client: Client,
    state: Arc<Mutex<State>>,
    /// The folders' reports (last year's report is looked for there), kept
    /// for the server's life: a report is read again only once it changes,
    /// and a folder listed again only after a save or a file event. Its own
    /// lock, taken only by analyses, off the async threads.
    folders: Arc<Mutex<FolderIndex>>,
}

impl std::fmt::Debug for Backend {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Backend").finish_non_exhaustive()
    }
}

/// Whether the server looks at a document at all: Markdown and plain text,
/// by the editor's language or by the extensions of the parser's text
/// format (an editor holds text, not a page, a DOCX or a PDF).
fn is_candidate(uri: &Uri, language_id: &str) -> bool {
    matches!(language_id, "markdown" | "plaintext" | "text")
        || uri
            .as_str()
            .rsplit_once('.')
            .is_some_and(|(_, extension)| Format::of_extension(extension) == Some(Format::Text))
}

fn pos(position: Position) -> Pos {
    Pos { line: position.line, col: position.character }
}

impl Backend {
    pub fn new(client: Client) -> Self {
        Self { client, state: Arc::new(Mutex::new(State::default())), folders: Arc::default() }
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // A panic while holding the lock must not wedge the server.
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The configuration for a document: its `nianbao.toml`, then the editor's settings.
    fn config_for(&self, uri: &Uri) -> (Config, Option<String>) {
        let mut state = self.state();
        let dir = uri
            .to_file_path()
            .and_then(|path| path.parent().map(|dir| dir.to_path_buf()))
            .or_else(|| state.root.clone())
            .unwrap_or_else(|| PathBuf::from("."));
        let (config, problem) = match state.resolver.for_dir(&dir) {
            Ok(config) => (config, None),
            Err(error) => (Config::default(), Some(format!("{}: {}", error.path, error.message))),
        };
        let mut config = state.settings.apply(config);
        config.lang = config.lang.or(Some(state.locale));
        (config, problem)
    }

    /// Replaces any pending lint of `key` with one that runs after `delay`.
    fn schedule(&self, key: &str, delay: Duration) {
        let backend = self.clone();
        let owned_key = key.to_string();
        let mut state = self.state();
        let Some(open) = state.documents.get_mut(key) else { return };
        if let Some(job) = open.job.take() {
            job.abort();
        }
        let version = open.document.version;
        open.job = Some(tokio::spawn(async move {
            if !delay.is_zero() {
                tokio::time::sleep(delay).await;
            }
            backend.lint(&owned_key, version).await;
        }));
    }

    /// Lints `key` if it is still at `version`, and publishes the result.
    async fn lint(&self, key: &str, version: i32) {
        let Some((uri, text, known)) = ({
            let state = self.state();
            state
                .documents
                .get(key)
                .filter(|open| open.document.version == version)
                .map(|open| (open.uri.clone(), open.document.text(), open.related.clone()))
        }) else {
            return;
        };
        let (config, problem) = self.config_for(&uri);
        if let Some(problem) = problem {
            self.client.show_message(MessageType::WARNING, format!("nianbao: {problem}; using defaults")).await;
        }
        let analysis = match self.analyze_blocking(&uri, text, version, config, known).await {
            Ok(analysis) => Arc::new(analysis),
            Err(message) => return self.report_failure(message).await,
        };
        let diagnostics = {
            let mut state = self.state();
            let encoding = state.encoding;
            let Some(open) = state.documents.get_mut(key) else { return };
            if open.document.version != version {
                return; // A newer edit arrived: its own job publishes.
            }
            open.analysis = Some(analysis.clone());
            open.related = Some(analysis.related.clone());
            let convert = Converter::for_analysis(&analysis, encoding);
            analysis.diagnostics.iter().map(|d| convert.diagnostic(&uri, d)).collect::<Vec<_>>()
        };
        if self.state().pull_mode {
            return; // The client asks with textDocument/diagnostic.
        }
        self.client.publish_diagnostics(uri, diagnostics, Some(version)).await;
    }

    /// Analyses a document's text on a blocking thread: parsing, checking
    /// and reading last year's report never hold up the async threads that
    /// answer requests.
    async fn analyze_blocking(
        &self,
        uri: &Uri,
        text: String,
        version: i32,
        config: Config,
        known: Option<Arc<RelatedFiles>>,
    ) -> std::result::Result<Analysis, String> {
        let file = uri.to_file_path().map(|path| path.into_owned());
        let folders = Arc::clone(&self.folders);
        tokio::task::spawn_blocking(move || analyze(text, version, &config, file.as_deref(), &folders, known))
            .await
            .unwrap_or_else(|error| Err(format!("lint task failed: {error}")))
    }

    /// Forgets the folders' listings: after a save or a file event, a
    /// report may have appeared, gone or changed its head.
    fn forget_listings(&self) {
        self.folders.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).forget_listings();
    }

    /// Runs a feature; a panic is logged and reported, and the request gets
    /// no result instead of the server going down.
    async fn guarded<T>(&self, feature: &str, work: impl FnOnce() -> Option<T>) -> Option<T> {
        match catch_panic(work) {
            Ok(result) => result,
            Err(message) => {
                self.report_failure(format!("{feature} failed: {message}")).await;
                None
            }
        }
    }

    async fn report_failure(&self, message: String) {
        eprintln!("nianbao: {message}");
        self.client.log_message(MessageType::ERROR, &message).await;
        self.client.show_message(MessageType::ERROR, message).await;
    }

    /// The analysis of the document's current text, computed now if the
    /// newest one is older.
    async fn current(&self, uri: &Uri) -> Option<(Arc<Analysis>, Encoding)> {
        let key = uri.as_str().to_string();
        let (text, version, encoding, known) = {
            let state = self.state();
            let open = state.documents.get(&key)?;
            if let Some(analysis) = open.analysis.as_ref().filter(|a| a.version == open.document.version) {
                return Some((analysis.clone(), state.encoding));
            }
            (open.document.text(), open.document.version, state.encoding, open.related.clone())
        };
        let (config, _) = self.config_for(uri);
        match self.analyze_blocking(uri, text, version, config, known).await {
            Ok(analysis) => {
                let analysis = Arc::new(analysis);
                let mut state = self.state();
                if let Some(open) = state.documents.get_mut(&key).filter(|open| open.document.version == version) {
                    open.analysis = Some(analysis.clone());
                }
                Some((analysis, encoding))
            }
            Err(message) => {
                self.report_failure(message).await;
                None
            }
        }
    }

    async fn relint_all_and_refresh(&self) {
        self.relint_all();
        if self.state().pull_mode {
            let _ = self.client.workspace_diagnostic_refresh().await;
        }
    }

    fn relint_all(&self) {
        let keys: Vec<String> = self.state().documents.keys().cloned().collect();
        for key in keys {
            if let Some(open) = self.state().documents.get_mut(&key) {
                open.analysis = None;
                open.related = None;
            }
            self.schedule(&key, Duration::ZERO);
        }
    }

    async fn load_settings(&self, value: Option<&Value>) {
        let value = match value {
            Some(value) => Some(value.clone()),
            None if self.state().client_has_configuration => {
                let item = ConfigurationItem { scope_uri: None, section: Some("nianbao".to_string()) };
                self.client.configuration(vec![item]).await.ok().and_then(|mut values| values.pop())
            }
            None => None,
        };
        let Some(value) = value.filter(|v| v.is_object()) else { return };
        let (settings, problems) = Settings::from_json(&value);
        for problem in problems {
            self.client.log_message(MessageType::WARNING, problem).await;
        }
        self.state().settings = settings;
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let encoding = Encoding::negotiate(&params.capabilities);
        {
            let mut state = self.state();
            state.encoding = encoding;
            state.locale = nianbao_rules::Lang::of_locale(params.locale.as_deref());
            let text_document = params.capabilities.text_document.as_ref();
            state.client_pulls_diagnostics = text_document.is_some_and(|t| t.diagnostic.is_some());
            let workspace = params.capabilities.workspace.as_ref();
            state.client_has_configuration = workspace.and_then(|w| w.configuration).unwrap_or(false);
            state.client_registers_watchers = workspace
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|w| w.dynamic_registration)
                .unwrap_or(false);
            #[allow(deprecated)] // root_uri is the fallback for clients without workspace folders.
            let root = params
                .workspace_folders
                .as_ref()
                .and_then(|folders| folders.first())
                .map(|folder| folder.uri.clone())
                .or(params.root_uri.clone());
            state.root = root.and_then(|uri| uri.to_file_path().map(|p| p.into_owned()));
        }
        if let Some(options) = params.initialization_options.as_ref() {
            self.load_settings(Some(options)).await;
        }
        // Pull only when both sides want it, and then instead of push.
        let pull = {
            let mut state = self.state();
            state.pull_mode = state.client_pulls_diagnostics && state.settings.pull_diagnostics;
            state.pull_mode
        };
        Ok(InitializeResult {
            server_info: Some(ServerInfo {
                name: "nianbao".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
            capabilities: ServerCapabilities {
                position_encoding: Some(encoding.kind()),
                text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::INCREMENTAL),
                    save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions { include_text: Some(true) })),
                    ..TextDocumentSyncOptions::default()
                })),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                inlay_hint_provider: Some(OneOf::Left(true)),
                document_symbol_provider: Some(OneOf::Left(true)),
                folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
                code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                    code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, CodeActionKind::new(FIX_ALL_KIND)]),
                    ..CodeActionOptions::default()
                })),
                diagnostic_provider: pull.then(|| {
                    DiagnosticServerCapabilities::Options(DiagnosticOptions {
                        identifier: Some("nianbao".to_string()),
                        inter_file_dependencies: false,
                        workspace_diagnostics: false,
                        work_done_progress_options: WorkDoneProgressOptions::default(),
                    })
                }),
                ..ServerCapabilities::default()
            },
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        self.load_settings(None).await;
        if self.state().client_registers_watchers {
            let registration = Registration {
                id: "nianbao-config-watcher".to_string(),
                method: "workspace/didChangeWatchedFiles".to_string(),
                register_options: Some(serde_json::json!({ "watchers": [{ "globPattern": "**/nianbao.toml" }] })),
            };
            if let Err(error) = self.client.register_capability(vec![registration]).await {
                self.client.log_message(MessageType::WARNING, format!("cannot watch nianbao.toml: {error}")).await;
            }
        }
        self.client.log_message(MessageType::INFO, "nianbao language server ready").await;
    }

    async fn shutdown(&self) -> Result<()> {
        for open in self.state().documents.values_mut() {
            if let Some(job) = open.job.take() {
                job.abort();
            }
        }
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let item = params.text_document;
        if !is_candidate(&item.uri, &item.language_id) {
            return;
        }
        let key = item.uri.as_str().to_string();
        {
            let document = Document::new(&item.text, item.version, item.language_id);
            let open = OpenDocument { uri: item.uri, document, analysis: None, job: None, related: None };
            if let Some(old) = self.state().documents.insert(key.clone(), open)
                && let Some(job) = old.job
            {
                job.abort();
            }
        }
        self.schedule(&key, Duration::ZERO);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let key = params.text_document.uri.as_str().to_string();
        let problem = {
            let mut state = self.state();
            let encoding = state.encoding;
            let Some(open) = state.documents.get_mut(&key) else { return };
            let changes = params
                .content_changes
                .iter()
                .map(|change| (change.range.map(|range| (pos(range.start), pos(range.end))), change.text.as_str()));
            open.document.apply_changes(params.text_document.version, changes, encoding).err()
        };
        if let Some(problem) = problem {
            self.client
                .log_message(MessageType::WARNING, format!("{key}: {problem:?}; the next save resynchronises the text"))
                .await;
        }
        let debounce = self.state().settings.debounce;
        self.schedule(&key, debounce);
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        let key = params.text_document.uri.as_str().to_string();
        if let Some(open) = self.state().documents.get_mut(&key) {
            open.related = None; // last year's report may have changed too
        }
        self.forget_listings();
        if let Some(text) = params.text {
            let mut state = self.state();
            if let Some(open) = state.documents.get_mut(&key)
                && open.document.text() != text
            {
                // The client's saved text is the truth: resynchronise.
                open.document = Document::new(&text, open.document.version, open.document.language_id.clone());
                open.analysis = None;
            }
        }
        self.schedule(&key, Duration::ZERO);
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let removed = self.state().documents.remove(params.text_document.uri.as_str());
        if let Some(open) = removed {
            if let Some(job) = open.job {
                job.abort();
            }
            self.client.publish_diagnostics(open.uri, Vec::new(), None).await;
        }
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let section = params.settings.get("nianbao").cloned();
        self.load_settings(section.as_ref()).await;
        self.state().resolver.clear();
        self.relint_all_and_refresh().await;
    }

    async fn did_change_watched_files(&self, _: DidChangeWatchedFilesParams) {
        self.state().resolver.clear();
        self.forget_listings();
        self.relint_all_and_refresh().await;
    }

    async fn diagnostic(&self, params: DocumentDiagnosticParams) -> Result<DocumentDiagnosticReportResult> {
        let uri = params.text_document.uri;
        let items = match self.current(&uri).await {
            Some((analysis, encoding)) => {
                let convert = Converter::for_analysis(&analysis, encoding);
                analysis.diagnostics.iter().map(|d| convert.diagnostic(&uri, d)).collect()
            }
            None => Vec::new(),
        };
        Ok(DocumentDiagnosticReportResult::Report(DocumentDiagnosticReport::Full(
            RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: FullDocumentDiagnosticReport { result_id: None, items },
            },
        )))
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let uri = params.text_document_position_params.text_document.uri;
        let Some((analysis, encoding)) = self.current(&uri).await else { return Ok(None) };
        let offset = from_proto::offset(
            &analysis.index,
            &analysis.text,
            params.text_document_position_params.position,
            encoding,
        );
        Ok(self.guarded("hover", || features::hover(&analysis, offset, encoding)).await)
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        let Some((analysis, encoding)) = self.current(&params.text_document.uri).await else { return Ok(None) };
        Ok(self.guarded("inlay hints", || Some(features::inlay_hints(&analysis, params.range, encoding))).await)
    }

    async fn document_symbol(&self, params: DocumentSymbolParams) -> Result<Option<DocumentSymbolResponse>> {
        let Some((analysis, encoding)) = self.current(&params.text_document.uri).await else { return Ok(None) };
        let symbols = || Some(DocumentSymbolResponse::Nested(features::document_symbols(&analysis, encoding)));
        Ok(self.guarded("document symbols", symbols).await)
    }

    async fn folding_range(&self, params: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
        let Some((analysis, _)) = self.current(&params.text_document.uri).await else { return Ok(None) };
        Ok(self.guarded("folding ranges", || Some(features::folding_ranges(&analysis))).await)
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri;
        let Some((analysis, encoding)) = self.current(&uri).await else { return Ok(None) };
        let start = from_proto::offset(&analysis.index, &analysis.text, params.range.start, encoding);
        let end = from_proto::offset(&analysis.index, &analysis.text, params.range.end, encoding);
        let range = nianbao_model::Span::new(start.min(end), start.max(end));
        let only = params.context.only.as_deref();
        Ok(self.guarded("code actions", || Some(features::code_actions(&analysis, &uri, range, only, encoding))).await)
    }
}
