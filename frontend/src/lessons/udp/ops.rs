//! The socket calls a UDP step makes, each one logged with its Python line and the OS's
//! answer. Every function returns what the next call needs, or None after logging the error.

use std::net::SocketAddr;

use protocol::{Data, Family, Reply, Request, SocketId};
use yew::prelude::*;

use super::lab::{Action, Lab};
use crate::components::Outgoing;
use crate::python;
use crate::relay::{OwnedSockets, RelayHandle};

pub struct Ops {
    pub relay: RelayHandle,
    pub lab: UseReducerDispatcher<Lab>,
    pub owned: OwnedSockets,
}

impl Ops {
    fn fail(&self, python: String, error: protocol::RelayError) {
        self.lab.dispatch(Action::Failed { python, error });
    }

    /// `var = socket.socket(AF_INET, SOCK_DGRAM)`.
    pub async fn open(&self, var: &str) -> Option<SocketId> {
        let line = python::OPEN.replacen("s =", &format!("{var} ="), 1);
        match self
            .relay
            .call(Request::UdpOpen {
                family: Family::Ipv4,
            })
            .await
        {
            Ok(Reply::Opened { socket, .. }) => {
                self.owned.adopt(self.relay.session(), socket);
                self.lab.dispatch(Action::Opened {
                    socket,
                    python: line,
                });
                Some(socket)
            }
            Ok(other) => {
                self.unexpected(line, &other);
                None
            }
            Err(e) => {
                self.fail(line, e);
                None
            }
        }
    }

    /// `var.bind((host, port))`.
    pub async fn bind(
        &self,
        var: &str,
        socket: SocketId,
        host: &str,
        port: u16,
    ) -> Option<SocketAddr> {
        let line = python::bind(var, host, port);
        let req = Request::UdpBind {
            socket,
            host: host.to_owned(),
            port,
        };
        match self.relay.call(req).await {
            Ok(Reply::Bound { local, .. }) => {
                self.lab.dispatch(Action::Bound {
                    socket,
                    local,
                    python: line,
                });
                Some(local)
            }
            Ok(other) => {
                self.unexpected(line, &other);
                None
            }
            Err(e) => {
                self.fail(line, e);
                None
            }
        }
    }

    /// `var.sendto(text.encode(enc), (host, port))`.
    pub async fn send(&self, var: &str, socket: SocketId, out: &Outgoing) -> Option<SocketAddr> {
        let line = format!(
            "{var}.sendto({}, {})",
            out.payload_expr(),
            python::address(&out.host, out.port)
        );
        let req = Request::UdpSendTo {
            socket,
            host: out.host.clone(),
            port: out.port,
            data: Data(out.bytes.clone()),
        };
        match self.relay.call(req).await {
            Ok(Reply::Sent {
                bytes, local, to, ..
            }) => {
                self.lab.dispatch(Action::Sent {
                    python: line,
                    socket,
                    bytes,
                    local,
                    to,
                });
                Some(local)
            }
            Ok(other) => {
                self.unexpected(line, &other);
                None
            }
            Err(e) => {
                self.fail(line, e);
                None
            }
        }
    }

    /// `var.close()`.
    pub async fn close(&self, var: &str, socket: SocketId) {
        let line = python::close(var);
        self.owned.forget(socket);
        match self.relay.call(Request::Close { socket }).await {
            Ok(_) => self.lab.dispatch(Action::Closed {
                socket,
                python: line,
            }),
            Err(e) => self.fail(line, e),
        }
    }

    fn unexpected(&self, python: String, reply: &Reply) {
        let error = protocol::RelayError::new(protocol::ErrorCode::BadRequest)
            .with_detail(format!("unexpected reply: {reply:?}"));
        self.fail(python, error);
    }
}

/// Runs `f` with fresh [`Ops`] in the background, marking the lab busy meanwhile.
pub fn run<F, Fut>(relay: &RelayHandle, lab: &UseReducerHandle<Lab>, owned: &OwnedSockets, f: F)
where
    F: FnOnce(Ops) -> Fut + 'static,
    Fut: std::future::Future<Output = ()> + 'static,
{
    let ops = Ops {
        relay: relay.clone(),
        lab: lab.dispatcher(),
        owned: owned.clone(),
    };
    let dispatcher = lab.dispatcher();
    dispatcher.dispatch(Action::Busy(true));
    yew::platform::spawn_local(async move {
        f(ops).await;
        dispatcher.dispatch(Action::Busy(false));
    });
}
