//! The audit as one self-contained HTML page: the data as JSON inside it,
//! drawn by the page's own script. No file, font or script is fetched (its
//! Content-Security-Policy forbids it), so it opens from disk anywhere.

use super::Audit;

const PAGE: &str = include_str!("page.html");
const STYLE: &str = include_str!("page.css");
const SCRIPT: &str = include_str!("page.js");

pub fn render(audit: &Audit) -> String {
    let json = serde_json::to_string(audit).expect("serialising plain data cannot fail");
    // Inside <script>, 「</script>」 or 「<!--」 in a message would end or
    // change the element; JSON may write `<` as `\u003c` anywhere in a string.
    let json = json.replace('<', "\\u003c");
    // Each placeholder once, in this order, so that inserted text is never searched.
    let (head, rest) = PAGE.split_once("/*STYLE*/").expect("the page has a style placeholder");
    let (middle, rest) = rest.split_once("/*DATA*/").expect("the page has a data placeholder");
    let (data_tail, tail) = rest.split_once("/*SCRIPT*/").expect("the page has a script placeholder");
    let mut page = String::with_capacity(PAGE.len() + STYLE.len() + SCRIPT.len() + json.len());
    for part in [head, STYLE, middle, &json, data_tail, SCRIPT, tail] {
        page.push_str(part);
    }
    page
}
