//! What every panel operation needs: the relay, the reducer, the sockets to close when the
//! panel goes away. A failed call is logged (in the learner's language, at display time) and
//! turns into `None`, so each operation reads as the happy path.

use protocol::{Reply, Request, SocketId};
use yew::prelude::*;

use super::log::clock_ms;
use super::state::{Action, Panel};
use crate::relay::{OwnedSockets, RelayHandle};

#[derive(Clone)]
pub struct Ctx {
    pub relay: RelayHandle,
    pub panel: UseReducerDispatcher<Panel>,
    pub owned: OwnedSockets,
}

impl Ctx {
    pub fn dispatch(&self, action: Action) {
        self.panel.dispatch(action);
    }

    /// Sends a request; logs the error and returns `None` when it fails.
    pub async fn call(&self, request: Request) -> Option<Reply> {
        match self.relay.call(request).await {
            Ok(reply) => Some(reply),
            Err(error) => {
                self.dispatch(Action::Fail {
                    at: clock_ms(),
                    error,
                });
                None
            }
        }
    }

    /// The panel now holds `socket`: it is closed when the panel goes away.
    pub fn own(&self, socket: SocketId) {
        self.owned.adopt(self.relay.session(), socket);
    }

    /// `s.close()`, answer ignored (the socket is gone either way).
    pub async fn close(&self, socket: SocketId) {
        self.owned.forget(socket);
        let _ = self.relay.call(Request::Close { socket }).await;
    }

    /// Runs `f` in the background with the panel marked busy meanwhile.
    pub fn run<F, Fut>(&self, f: F)
    where
        F: FnOnce(Ctx) -> Fut + 'static,
        Fut: std::future::Future<Output = ()> + 'static,
    {
        let ctx = self.clone();
        self.dispatch(Action::SetBusy(true));
        yew::platform::spawn_local(async move {
            let panel = ctx.panel.clone();
            f(ctx).await;
            panel.dispatch(Action::SetBusy(false));
        });
    }
}
