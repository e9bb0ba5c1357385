//! The screens' language (issue 24): one button on the home screen, naming the other
//! language in its own words. The choice is the device's (`ballot_ui::prefs`), not a record:
//! the app starts again in it (`src/main.rs` fetches English, a chunk of its own, before the
//! first screen). Everything is stored as it is made, so starting again loses nothing.

use ballot_core::Lang;
use yew::prelude::*;

use crate::app::AppHandle;
use crate::platform::page;

pub fn lang_switch(app: &AppHandle) -> Html {
    // The other language's name in that language, marked as such for a screen reader.
    let (name, tag) = if app.lang == Lang::ZhCn {
        ("English", "en")
    } else {
        ("中文", "zh-CN")
    };
    let onclick = Callback::from(move |_: MouseEvent| {
        ballot_ui::prefs::set_lang(tag);
        page::reload();
    });
    html! { <button lang={tag} {onclick}>{ name }</button> }
}
