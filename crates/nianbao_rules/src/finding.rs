//! What a rule body produces: a finding without code, severity or URL — the
//! engine adds those from metadata and configuration.

use nianbao_model::{Fix, Label, Span};

/// One problem found by a rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub message: String,
    pub primary: Label,
    pub secondary: Vec<Label>,
    pub help: Option<String>,
    pub fix: Option<Fix>,
}

impl Finding {
    pub fn new(span: Span, message: impl Into<String>) -> Self {
        Self { message: message.into(), primary: Label::bare(span), secondary: Vec::new(), help: None, fix: None }
    }

    /// The short text under the primary span.
    #[must_use]
    pub fn label(mut self, message: impl Into<String>) -> Self {
        self.primary.message = Some(message.into());
        self
    }

    #[must_use]
    pub fn secondary(mut self, span: Span, message: impl Into<String>) -> Self {
        self.secondary.push(Label::new(span, message));
        self
    }

    /// A secondary span in another file.
    #[must_use]
    pub fn secondary_in(mut self, file: &str, span: Span, message: impl Into<String>) -> Self {
        self.secondary.push(Label::in_file(file, span, message));
        self
    }

    /// A secondary span without text: it takes part, but says nothing new.
    #[must_use]
    pub fn secondary_bare(mut self, span: Span) -> Self {
        self.secondary.push(Label::bare(span));
        self
    }

    #[must_use]
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    #[must_use]
    pub fn fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }
}
