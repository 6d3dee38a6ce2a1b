//! "Copy link": puts the address of what the reader sees (query, entities, period, open
//! article: all in the fragment) on the clipboard, and says so.

use yew::prelude::*;

use crate::platform;

/// The button and its spoken confirmation.
#[component]
pub fn CopyLink() -> Html {
    let message = use_state(String::new);
    let onclick = {
        let message = message.clone();
        Callback::from(move |_: MouseEvent| {
            let message = message.clone();
            wasm_bindgen_futures::spawn_local(async move {
                message.set(match platform::copy_location().await {
                    Ok(_) => "Link copied".to_owned(),
                    // No clipboard (a file:// page, or permission refused): show it instead.
                    Err(href) => format!("Copy this link: {href}"),
                });
            });
        })
    };
    html! {
        <span class="copy-link">
            <button type="button" {onclick}>{ "Copy link" }</button>
            <span class="copy-message" aria-live="polite">{ (*message).clone() }</span>
        </span>
    }
}
