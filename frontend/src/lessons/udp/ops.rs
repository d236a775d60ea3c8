//! The socket calls a UDP step makes, each one logged with its Python line and the OS's
//! answer. Every function returns what the next call needs, or None after logging the error.

use std::net::SocketAddr;

use protocol::{RelayError, SocketId};

use super::lab::{Action, UdpState};
use crate::components::Composed;
use crate::lab::Ops;
use crate::python;

impl Ops<UdpState> {
    /// Logs a failed call; the caller goes on with `None`.
    fn fail<T>(&self, python: String, error: RelayError) -> Option<T> {
        self.dispatch(Action::Fail { python, error });
        None
    }

    /// `var = socket.socket(AF_INET, SOCK_DGRAM)`.
    pub async fn open(&self, var: &str) -> Option<SocketId> {
        let python = python::udp_open(var);
        match self.relay.udp_open(Some(python::COURSE_RECV)).await {
            Ok(opened) => {
                self.adopt(opened.socket);
                self.dispatch(Action::Open {
                    socket: opened.socket,
                    python,
                });
                Some(opened.socket)
            }
            Err(e) => self.fail(python, e),
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
        let python = python::bind(var, host, port);
        match self.relay.udp_bind(socket, host, port).await {
            Ok(bound) => {
                self.dispatch(Action::Bind {
                    socket,
                    local: bound.local,
                    python,
                });
                Some(bound.local)
            }
            Err(e) => self.fail(python, e),
        }
    }

    /// `var.sendto(text.encode(enc), (host, port))`.
    pub async fn send(&self, var: &str, socket: SocketId, out: &Composed) -> Option<SocketAddr> {
        let python = python::sendto_expr(var, &out.payload_expr(), &out.host, out.port);
        let sending = self
            .relay
            .udp_send_to(socket, &out.host, out.port, out.bytes.clone());
        match sending.await {
            Ok(sent) => {
                self.dispatch(Action::Send {
                    python,
                    socket,
                    bytes: sent.bytes,
                    local: sent.local,
                    to: sent.to,
                });
                Some(sent.local)
            }
            Err(e) => self.fail(python, e),
        }
    }

    /// `var.close()`.
    pub async fn close(&self, var: &str, socket: SocketId) {
        let python = python::close(var);
        self.forget(socket);
        match self.relay.close(socket).await {
            Ok(()) => self.dispatch(Action::Close { socket, python }),
            Err(e) => {
                self.fail::<()>(python, e);
            }
        }
    }
}
