//! "Back to results" (Escape does the same) and "Copy link": the actions above an article
//! or an entity's page.

use yew::prelude::*;

use super::copy_link::CopyLink;
use crate::platform;

/// Props of [`BackToResults`].
#[derive(Properties, PartialEq)]
pub struct BackToResultsProps {
    /// Called when the reader wants the results back.
    pub on_close: Callback<()>,
}

/// "Back to results" (Escape does the same) and "Copy link", above an article or an
/// entity's page.
#[component]
pub fn BackToResults(props: &BackToResultsProps) -> Html {
    {
        let on_close = props.on_close.clone();
        use_effect_with((), move |_| {
            let listener = platform::on_escape(move || on_close.emit(()));
            move || drop(listener)
        });
    }
    html! {
        <div class="reader-actions">
            <button type="button" class="back" onclick={props.on_close.reform(|_: MouseEvent| ())} aria-keyshortcuts="Escape">{ "← Back to results" }</button>
            <CopyLink />
        </div>
    }
}
