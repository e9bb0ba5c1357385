//! The user interface: one reducer state (`state`), pages, and small components.
//! Pages get the state handle as a prop; components get plain data and callbacks.
//! Effects here do all storage: the reducer asks (`AppState::pending`), they report back.

mod components;
pub mod later;
mod pages;
pub mod state;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::app::state::{Go, PinAction, StoreEvent};
use crate::platform::{db, page};
use components::pin_dialog::PinDialog;
use state::{Action, AppState, Claim, Dump, Load, Page, StoreError};

/// The app state and its dispatcher.
pub type AppHandle = UseReducerHandle<AppState>;

/// The callback of a button or field: sends what `make` turns its event into. Every page
/// answers a tap this way, so none holds on to the state or dispatches another way.
pub fn send<E: 'static, A: Into<Action>>(
    app: &AppHandle,
    make: impl Fn(E) -> A + 'static,
) -> Callback<E> {
    let app = app.clone();
    Callback::from(move |e| app.dispatch(make(e).into()))
}

#[derive(Properties, PartialEq)]
pub struct PageProps {
    pub app: AppHandle,
}

/// Reads the store into the state (the session or count on screen, if any, in full), then
/// dispatches `then`: at start, and on leaving the studio, which may have changed the
/// template library.
pub fn read_store(app: AppHandle, then: Option<Action>) {
    let subject = app.claim_key().map(|(id, _)| id);
    wasm_bindgen_futures::spawn_local(async move {
        let dump = with_chunk(db::load(subject.as_deref()).await).await;
        app.dispatch(Action::Store(StoreEvent::Loaded(dump)));
        if let Some(then) = then {
            app.dispatch(then);
        }
    });
}

/// `dump`, once the later chunk is loaded if it holds ballots or count steps: the code that
/// reads them is there (`later::replay`). If the chunk cannot be fetched, the sessions and
/// counts whose records it holds are shown from their checkpoints or as not read yet.
async fn with_chunk(dump: Result<Dump, StoreError>) -> Result<Dump, StoreError> {
    if dump.as_ref().is_ok_and(|d| !d.is_bare()) {
        later::load().await;
    }
    dump
}

thread_local! {
    /// The screens' language at start-up (`start`).
    static START: std::cell::Cell<ballot_core::Lang> = std::cell::Cell::default();
}

/// Draws the app, its screens in `lang`.
pub fn start(lang: ballot_core::Lang) {
    START.set(lang);
    yew::Renderer::<App>::new().render();
}

#[component]
pub fn App() -> Html {
    let app = use_reducer(|| {
        let mut s = AppState::new(Vec::new());
        s.large = ballot_ui::prefs::large();
        s.lang = START.get();
        s
    });
    let t = app.lang.texts();
    use_effect_with(app.lang, |lang| {
        page::set_title_and_lang(lang.texts().app_title, lang.tag())
    });
    use_effect_with(app.large, |on| ballot_ui::prefs::set_large(*on));

    // Read the store once.
    {
        let app = app.clone();
        use_effect_with((), move |_| read_store(app, None));
    }

    // Once the store is read: keep every file for offline use (the service worker); the
    // home screen offers a newer build when one is waiting.
    {
        let app = app.clone();
        use_effect_with(app.load == Load::Ready, move |ready| {
            if *ready {
                let on_update = Closure::<dyn FnMut()>::new(move || {
                    app.dispatch(Action::Store(StoreEvent::UpdateReady))
                });
                ballot_ui::modules::watch_updates(&on_update);
                // Called for the app's lifetime.
                on_update.forget();
            }
        });
    }

    // Hold the session or count the page shows, device-wide, and show it as the store has
    // it once held. Keyed by the id and the claim's round: leaving the page (or a new round)
    // lets go of it, or gives up the wait.
    {
        let app = app.clone();
        use_effect_with(app.claim_key(), move |key| {
            let id = key.as_ref().map(|(id, _)| id.clone());
            if let Some((id, round)) = key.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    let busy = {
                        let app = app.clone();
                        Closure::once_into_js(move || {
                            app.dispatch(Action::Store(StoreEvent::ClaimBusy { round }))
                        })
                    };
                    let dump = match ballot_ui::idb::claim(&id, busy.unchecked_ref()).await {
                        Ok(()) => with_chunk(db::load(Some(&id)).await).await,
                        Err(e) => Err(e),
                    };
                    app.dispatch(Action::Store(StoreEvent::Claimed { round, dump }));
                });
            }
            move || {
                if let Some(id) = id {
                    ballot_ui::idb::release(&id);
                }
            }
        });
    }

    // Store a first checkpoint for each session or count the store read in full for want of
    // one, so the next start reads the checkpoint and not the log. Derived data: nothing
    // waits on it, and the store skips a seed that no longer fits the log (`idb::seed`).
    // Keyed by the list's identity: each read makes a new one (a seed asked twice is
    // skipped the second time).
    {
        let seeds = app.seeds.clone();
        use_effect_with(std::rc::Rc::as_ptr(&seeds) as usize, move |_| {
            for s in seeds.iter() {
                let (id, sum, log, records) = (s.id.clone(), s.sum.encode(), s.log, s.records);
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = ballot_ui::idb::seed(&id, &sum, log, records).await;
                });
            }
        });
    }

    // Perform the write the reducer asked for, then report. Keyed by the write's number:
    // each write runs once.
    {
        let app = app.clone();
        let seq = app.pending.as_ref().map(|p| p.seq);
        use_effect_with(seq, move |_| {
            if let Some(pending) = app.pending.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    let result = db::perform(&pending).await;
                    app.dispatch(Action::Store(StoreEvent::Written {
                        seq: pending.seq,
                        result,
                    }));
                });
            }
        });
    }

    // Derive the PIN the reducer asked for (PBKDF2 in WebCrypto), then report. Keyed by
    // the round: each derivation runs once.
    {
        let app = app.clone();
        let round = app.deriving.as_ref().map(|d| d.round);
        use_effect_with(round, move |_| {
            if let Some(d) = app.deriving.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    let derived =
                        ballot_ui::device::derive(&d.pin, &d.kdf.salt, d.kdf.iterations).await;
                    app.dispatch(Action::Pin(PinAction::Derived {
                        round: d.round,
                        derived,
                    }));
                });
            }
        });
    }

    // A new page starts at its top, not where the last page's tap left the scroll (the
    // counting screen once opened 738 px down, below its first ballot).
    use_effect_with(app.page.clone(), |_| page::scroll_to_top());

    // On the voter screen the back button stays there. (A reload comes back to it through
    // the stored `Write::Voting` marker.)
    let voting = matches!(app.page, Page::Vote(_));
    use_effect_with(voting, |voting| {
        let guard = voting.then(page::HistoryGuard::hold).flatten();
        move || drop(guard)
    });

    // The later pages' chunk (see `later`): fetched once the first screen is drawn, so it is
    // there by the time anyone taps; fetched again when its page asks to.
    let chunk = use_state(|| later::Chunk::Loading);
    let fetch_chunk = {
        let chunk = chunk.clone();
        move || {
            chunk.set(later::Chunk::Loading);
            let chunk = chunk.clone();
            wasm_bindgen_futures::spawn_local(async move { chunk.set(later::load().await) });
        }
    };
    {
        let fetch_chunk = fetch_chunk.clone();
        use_effect_with((), move |_| fetch_chunk());
    }
    let retry = Callback::from(move |_| fetch_chunk());
    // Fetched: the samples are read, in a task of their own (a timer's), not in the one that
    // instantiated the chunk: each stays short on a slow phone. Fetched after it had
    // failed: what could not be read without it is read now.
    {
        let app = app.clone();
        use_effect_with(*chunk == later::Chunk::Ready, move |ready| {
            let samples = (*ready && !app.has_built_in())
                .then(|| {
                    let app = app.clone();
                    page::Timeout::after(0, move || {
                        app.dispatch(Action::Store(StoreEvent::Samples))
                    })
                })
                .flatten();
            if *ready && app.unread() {
                let subject = app.claim_key().map(|(id, _)| id);
                wasm_bindgen_futures::spawn_local(async move {
                    let dump = db::load(subject.as_deref()).await;
                    app.dispatch(Action::Store(StoreEvent::Reread(dump)));
                });
            }
            move || drop(samples)
        });
    }

    let body = match (&app.load, &app.page) {
        (Load::Loading, _) => html! {
            <main class="page"><p class="loading" role="status">{ t.loading }</p></main>
        },
        (Load::Failed(e), _) => html! {
            <main class="page">
                <section class="fatal" role="alert">
                    <h1>{ t.store_unavailable_title }</h1>
                    <p>{ e.message(t) }</p>
                </section>
            </main>
        },
        // A page of one session or count shows it only while this window holds it.
        (Load::Ready, page) if page.subject().is_some() && !matches!(app.claim, Claim::Held(_)) => {
            claim_wait(&app)
        }
        (Load::Ready, Page::Home) => html! { <pages::home::HomePage app={app.clone()} /> },
        // The pages drawn by the later chunk.
        (
            Load::Ready,
            Page::NewSession
            | Page::Manage(_)
            | Page::Vote(_)
            | Page::Results(_)
            | Page::NewCount
            | Page::Count(_)
            | Page::Templates
            | Page::Exchange(_)
            | Page::Data,
        ) => later::page(&app, *chunk, retry),
    };
    html! {
        <>
            { body }
            if app.prompt.is_some() {
                <PinDialog app={app.clone()} />
            }
        </>
    }
}

/// While the page's session or count is being opened, or is open in another window. On the
/// voter screen nothing leads away from it: a voter never reaches the organiser's screens.
fn claim_wait(app: &AppHandle) -> Html {
    let t = app.lang.texts();
    if !matches!(app.claim, Claim::Busy(_)) {
        return html! {
            <main class="page"><p class="loading" role="status">{ t.opening }</p></main>
        };
    }
    let voting = matches!(app.page, Page::Vote(_));
    let home = { send(app, move |_: MouseEvent| Go::Home) };
    html! {
        <main class="page">
            <section class="fatal" role="alert">
                <h1>{ t.elsewhere_title }</h1>
                <p>{ t.elsewhere_body }</p>
                if !voting {
                    <button class="secondary" onclick={home}>{ t.back_home }</button>
                }
            </section>
        </main>
    }
}
