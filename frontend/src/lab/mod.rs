//! One lab hook for every screen that works with real sockets (the UDP and TCP steps, the ports
//! demo, the peer panel, the web request, the download lab, the kernel view): [`use_lab`] owns the screen's reducer, the sockets it opened (closed
//! when it goes away), the relay's events routed into the reducer, the reset when the relay
//! session changes, and whether a run of calls is under way (buttons wait meanwhile). A screen
//! only says, through [`LabState`], which events are its business.

mod log;

use std::ops::Deref;
use std::rc::Rc;

use protocol::{ServerMessage, SocketId};
use yew::prelude::*;

use crate::relay::{OwnedSockets, RelayHandle, use_owned_sockets, use_relay, use_relay_frames};
pub use log::{BoundedLog, LogLine, LogView, Totals, call_line, clock_ms};

/// A screen's state, as [`use_lab`] drives it. The reducer stays pure; this trait only names
/// the actions the hook itself dispatches.
pub trait LabState: Reducible + Default + 'static {
    /// The relay session changed: every socket of the old one is gone.
    fn lose_session() -> Self::Action;
    /// What this screen makes of a relay event (`None`: not its business).
    fn on_event(_msg: &ServerMessage) -> Option<Self::Action> {
        None
    }
    /// The actions of one animation frame's events, to dispatch in order. A screen whose
    /// reducer can apply many at once returns one action holding them all: one update per
    /// frame however many events came.
    fn many(actions: Vec<Self::Action>) -> Vec<Self::Action> {
        actions
    }
    /// Whether `listener` is this screen's: a client it accepts becomes this screen's socket
    /// too, closed with it.
    fn owns_listener(&self, _listener: SocketId) -> bool {
        false
    }
    /// Anything to do after an event beyond the reducer (the panel's server closes a client
    /// that left, as the course's server does).
    fn follow_up(&self, _msg: &ServerMessage, _ops: &Ops<Self>) {}
}

/// What a run of calls needs: the relay, the screen's dispatcher, and the screen's sockets.
pub struct Ops<S: Reducible + 'static> {
    pub relay: RelayHandle,
    lab: UseReducerDispatcher<S>,
    owned: OwnedSockets,
}

impl<S: Reducible + 'static> Clone for Ops<S> {
    fn clone(&self) -> Self {
        Ops {
            relay: self.relay.clone(),
            lab: self.lab.clone(),
            owned: self.owned.clone(),
        }
    }
}

impl<S: Reducible + 'static> Ops<S> {
    pub fn dispatch(&self, action: S::Action) {
        self.lab.dispatch(action);
    }

    /// `socket` is now this screen's: it is closed when the screen goes away.
    pub fn adopt(&self, socket: SocketId) {
        self.owned.adopt(self.relay.session(), socket);
    }

    /// `socket` is closed (or about to be): nothing to close later.
    pub fn forget(&self, socket: SocketId) {
        self.owned.forget(socket);
    }
}

/// How many runs of calls are under way: a count, so two overlapping runs keep the screen
/// busy until both have ended.
#[derive(Default, PartialEq)]
struct Runs(u32);

enum RunsAction {
    Start,
    End,
}

impl Reducible for Runs {
    type Action = RunsAction;
    fn reduce(self: Rc<Self>, action: RunsAction) -> Rc<Self> {
        Rc::new(Runs(match action {
            RunsAction::Start => self.0 + 1,
            RunsAction::End => self.0.saturating_sub(1),
        }))
    }
}

/// A screen's lab: its current state (through `Deref`), and what acts on it.
pub struct LabHandle<S: Reducible + 'static> {
    state: UseReducerHandle<S>,
    runs: UseReducerHandle<Runs>,
    ops: Ops<S>,
}

impl<S: Reducible + 'static> Clone for LabHandle<S> {
    fn clone(&self) -> Self {
        LabHandle {
            state: self.state.clone(),
            runs: self.runs.clone(),
            ops: self.ops.clone(),
        }
    }
}

impl<S: Reducible + 'static> Deref for LabHandle<S> {
    type Target = S;
    fn deref(&self) -> &S {
        &self.state
    }
}

impl<S: LabState> LabHandle<S> {
    pub fn dispatch(&self, action: S::Action) {
        self.ops.dispatch(action);
    }

    /// A callback that dispatches the action `make` builds from its argument.
    pub fn callback<In: 'static>(&self, make: impl Fn(In) -> S::Action + 'static) -> Callback<In> {
        let lab = self.ops.lab.clone();
        Callback::from(move |input| lab.dispatch(make(input)))
    }

    /// A run of calls is under way: the buttons that start one wait.
    pub fn busy(&self) -> bool {
        self.runs.0 > 0
    }

    pub fn relay(&self) -> &RelayHandle {
        &self.ops.relay
    }

    pub fn ops(&self) -> Ops<S> {
        self.ops.clone()
    }

    /// Runs `f` in the background with the screen marked busy meanwhile.
    pub fn run<F, Fut>(&self, f: F)
    where
        F: FnOnce(Ops<S>) -> Fut + 'static,
        Fut: Future<Output = ()> + 'static,
    {
        let (ops, runs) = (self.ops(), self.runs.dispatcher());
        runs.dispatch(RunsAction::Start);
        yew::platform::spawn_local(async move {
            f(ops).await;
            runs.dispatch(RunsAction::End);
        });
    }
}

/// The lab of the screen calling it: its reducer, its sockets, its events, its session reset.
#[hook]
pub fn use_lab<S: LabState>() -> LabHandle<S> {
    let state = use_reducer(S::default);
    let runs = use_reducer(Runs::default);
    let relay = use_relay();
    let ops = Ops {
        relay: relay.clone(),
        lab: state.dispatcher(),
        owned: use_owned_sockets(),
    };
    {
        let (state, ops) = (state.clone(), ops.clone());
        use_relay_frames(Callback::from(move |frame: Rc<Vec<Rc<ServerMessage>>>| {
            let mut actions = Vec::new();
            for msg in frame.iter() {
                match &**msg {
                    ServerMessage::TcpAccepted {
                        listener, socket, ..
                    } if state.owns_listener(*listener) => ops.adopt(*socket),
                    ServerMessage::SocketClosed { socket, .. } => ops.forget(*socket),
                    _ => {}
                }
                actions.extend(S::on_event(msg));
                state.follow_up(msg, &ops);
            }
            for action in S::many(actions) {
                ops.dispatch(action);
            }
        }));
    }
    {
        let lab = state.dispatcher();
        use_effect_with(relay.session(), move |_| lab.dispatch(S::lose_session()));
    }
    LabHandle { state, runs, ops }
}

/// A screen's state after `actions`, one after the other: how the reducers' tests drive them.
#[cfg(test)]
pub fn replay<S: Reducible + Clone>(state: S, actions: impl IntoIterator<Item = S::Action>) -> S {
    let end = actions
        .into_iter()
        .fold(Rc::new(state), |s, action| s.reduce(action));
    (*end).clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_runs_keep_the_screen_busy_until_the_last_ends() {
        let runs = Rc::new(Runs::default());
        let runs = runs.reduce(RunsAction::Start).reduce(RunsAction::Start);
        let runs = runs.reduce(RunsAction::End);
        assert_eq!(runs.0, 1);
        let runs = runs.reduce(RunsAction::End).reduce(RunsAction::End);
        assert_eq!(runs.0, 0);
    }
}
