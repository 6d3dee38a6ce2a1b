//! A gesture drawn ahead of what it changes: a period brushed or a name chosen shows in a
//! frame of its own (a few elements), and the view it changes (results, counts, timeline)
//! follows in the frame after. See ARCHITECTURE.md's invariants.

use std::rc::Rc;

use yew::prelude::*;

use crate::platform::LastOnly;

/// Which of the changes handed within a frame are made.
#[derive(Clone, Copy)]
pub enum Changes {
    /// Only the last (a drag's periods: each move replaces the one before).
    Latest,
    /// Each, in order (names chosen one after the other).
    Each,
}

/// What a component draws ahead of the view, and the changes waiting to reach it.
pub struct Ahead<S: 'static> {
    shown: UseStateHandle<Option<S>>,
    pending: Rc<LastOnly>,
}

impl<S: 'static> Clone for Ahead<S> {
    fn clone(&self) -> Self {
        Ahead { shown: self.shown.clone(), pending: self.pending.clone() }
    }
}

/// A component's state drawn ahead of the view, none at first.
#[hook]
pub fn use_ahead<S: PartialEq + 'static>() -> Ahead<S> {
    let shown = use_state_eq(|| None::<S>);
    let pending = use_memo((), |_| LastOnly::default());
    Ahead { shown, pending }
}

impl<S: 'static> Ahead<S> {
    /// What is drawn ahead of the view, if anything.
    pub fn shown(&self) -> Option<&S> {
        self.shown.as_ref()
    }

    /// Draws `shown` at once (when given) and makes `change` in the frame after the next,
    /// then draws from the view again. The change is handed first, so one still waiting is
    /// made (or, for [`Changes::Latest`], dropped) before this one is drawn.
    pub fn draw(&self, shown: Option<S>, changes: Changes, change: impl FnOnce() + 'static) {
        let drawn = self.shown.clone();
        let task = move || {
            change();
            drawn.set(None);
        };
        match changes {
            Changes::Latest => self.pending.latest_in_frame_after_next(task),
            Changes::Each => self.pending.in_frame_after_next(task),
        }
        if let Some(shown) = shown {
            self.shown.set(Some(shown));
        }
    }
}
