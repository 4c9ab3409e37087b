//! What a rule body produces: a finding without code, severity or URL — the
//! engine adds those from metadata and configuration. Every text in it is a
//! [`Text`], written in both languages with [`t!`](crate::t).

use nianbao_model::{Applicability, Edit, Fix, Label, Span};

use crate::lang::Text;

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
    pub fn new(span: Span, message: Text) -> Self {
        Self {
            message: message.into_string(),
            primary: Label::bare(span),
            secondary: Vec::new(),
            help: None,
            fix: None,
        }
    }

    /// The short text under the primary span.
    #[must_use]
    pub fn label(mut self, message: Text) -> Self {
        self.primary.message = Some(message.into_string());
        self
    }

    #[must_use]
    pub fn secondary(mut self, span: Span, message: Text) -> Self {
        self.secondary.push(Label::new(span, message.into_string()));
        self
    }

    /// A secondary span in another file.
    #[must_use]
    pub fn secondary_in(mut self, file: &str, span: Span, message: Text) -> Self {
        self.secondary.push(Label::in_file(file, span, message.into_string()));
        self
    }

    /// A secondary span without text: it takes part, but says nothing new.
    #[must_use]
    pub fn secondary_bare(mut self, span: Span) -> Self {
        self.secondary.push(Label::bare(span));
        self
    }

    #[must_use]
    pub fn help(mut self, help: Text) -> Self {
        self.help = Some(help.into_string());
        self
    }

    /// A fix that only changes form (punctuation, a label's wording): `nianbao
    /// fix` applies it.
    #[must_use]
    pub fn safe_fix(self, title: Text, edits: Vec<Edit>) -> Self {
        self.fix(Applicability::Safe, title, edits)
    }

    /// A fix that may change what the report says (a figure, a heading):
    /// offered, applied only with `--unsafe-fixes`.
    #[must_use]
    pub fn unsafe_fix(self, title: Text, edits: Vec<Edit>) -> Self {
        self.fix(Applicability::Unsafe, title, edits)
    }

    fn fix(mut self, applicability: Applicability, title: Text, edits: Vec<Edit>) -> Self {
        self.fix = Some(Fix { applicability, message: title.into_string(), edits });
        self
    }
}
