//! The socket calls a TCP step makes, each logged with its Python line and the OS's answer.
//! Every function returns what the next call needs, or None after logging the error.

use std::net::SocketAddr;

use protocol::{Data, ErrorCode, Family, RelayError, Reply, Request, SocketId, SocketState};
use yew::prelude::*;

use super::lab::{Action, Lab, Role};
use crate::python;
use crate::relay::{OwnedSockets, RelayHandle};

pub struct Ops {
    pub relay: RelayHandle,
    pub lab: UseReducerDispatcher<Lab>,
    pub owned: OwnedSockets,
}

/// What `connect` returned.
pub struct Connected {
    pub socket: SocketId,
    pub local: SocketAddr,
}

impl Ops {
    fn fail(&self, python: String, error: RelayError) {
        self.lab.dispatch(Action::Failed { python, error });
    }

    fn log(&self, python: String, key: &'static str, args: Vec<(&'static str, String)>) {
        self.lab.dispatch(Action::Logged { python, key, args });
    }

    fn unexpected(&self, python: String, reply: &Reply) {
        let error = RelayError::new(ErrorCode::BadRequest)
            .with_detail(format!("unexpected reply: {reply:?}"));
        self.fail(python, error);
    }

    /// `var = socket(AF_INET, SOCK_STREAM); var.connect((host, port))`.
    pub async fn connect(
        &self,
        var: &str,
        host: &str,
        port: u16,
        recv_size: Option<u32>,
    ) -> Result<Connected, RelayError> {
        let line = python::tcp_connect(var, host, port);
        let req = Request::TcpConnect {
            host: host.to_owned(),
            port,
            recv_size,
        };
        match self.relay.call(req).await {
            Ok(Reply::Connected {
                socket,
                local,
                peer,
                handshake_us,
            }) => {
                self.owned.adopt(self.relay.session(), socket);
                self.lab.dispatch(Action::Added {
                    id: socket,
                    role: Role::Client,
                    state: SocketState::Connected,
                    local: Some(local),
                    peer: Some(peer),
                });
                self.log(
                    line,
                    "tcp.log.connected",
                    vec![
                        ("id", socket.to_string()),
                        ("local", local.to_string()),
                        ("peer", peer.to_string()),
                        ("us", handshake_us.to_string()),
                    ],
                );
                Ok(Connected { socket, local })
            }
            Ok(other) => {
                self.unexpected(line, &other);
                Err(RelayError::new(ErrorCode::BadRequest))
            }
            Err(e) => {
                self.fail(line, e.clone());
                Err(e)
            }
        }
    }

    /// `var = socket(...); var.bind((host, port)); var.listen(backlog)`.
    pub async fn listen(
        &self,
        var: &str,
        host: &str,
        port: u16,
        backlog: u32,
        recv_size: Option<u32>,
    ) -> Option<(SocketId, SocketAddr)> {
        let line = python::tcp_listen(var, host, port, backlog);
        let req = Request::TcpListen {
            host: host.to_owned(),
            port,
            backlog,
            recv_size,
        };
        match self.relay.call(req).await {
            Ok(Reply::Listening {
                socket,
                local,
                backlog,
            }) => {
                self.owned.adopt(self.relay.session(), socket);
                self.lab.dispatch(Action::Added {
                    id: socket,
                    role: Role::Listener,
                    state: SocketState::Listening,
                    local: Some(local),
                    peer: None,
                });
                self.log(
                    line,
                    "tcp.log.listening",
                    vec![
                        ("id", socket.to_string()),
                        ("local", local.to_string()),
                        ("backlog", backlog.to_string()),
                    ],
                );
                Some((socket, local))
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

    /// `var.send(payload)`; `payload` is the Python expression for `bytes`.
    pub async fn send(
        &self,
        var: &str,
        socket: SocketId,
        payload: &str,
        bytes: Vec<u8>,
    ) -> Option<usize> {
        let line = python::send(var, payload);
        let req = Request::TcpSend {
            socket,
            data: Data(bytes),
        };
        match self.relay.call(req).await {
            Ok(Reply::Sent { bytes, .. }) => {
                self.log(line, "tcp.log.sent", vec![("bytes", bytes.to_string())]);
                Some(bytes)
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

    /// Stops (or resumes) calling recv on `socket`, as a busy program would.
    pub async fn pause_reading(&self, var: &str, socket: SocketId, paused: bool) -> bool {
        let (line, key) = if paused {
            (format!("# {var}: no recv() for now"), "tcp.log.paused")
        } else {
            (python::recv(var, 1024), "tcp.log.resumed")
        };
        match self
            .relay
            .call(Request::TcpPauseReading { socket, paused })
            .await
        {
            Ok(_) => {
                self.log(line, key, vec![("id", socket.to_string())]);
                true
            }
            Err(e) => {
                self.fail(line, e);
                false
            }
        }
    }

    /// `var.close()`.
    pub async fn close(&self, var: &str, socket: SocketId) {
        let line = python::close(var);
        self.owned.forget(socket);
        match self.relay.call(Request::Close { socket }).await {
            Ok(_) => {
                self.lab.dispatch(Action::Closed { socket });
                self.log(line, "tcp.log.closed", vec![("id", socket.to_string())]);
            }
            Err(e) => self.fail(line, e),
        }
    }

    /// `u = socket(AF_INET, SOCK_DGRAM)`.
    pub async fn udp_open(&self) -> Option<SocketId> {
        let line = python::udp_open("u");
        match self
            .relay
            .call(Request::UdpOpen {
                family: Family::Ipv4,
            })
            .await
        {
            Ok(Reply::Opened { socket, .. }) => {
                self.owned.adopt(self.relay.session(), socket);
                self.lab.dispatch(Action::Added {
                    id: socket,
                    role: Role::Udp,
                    state: SocketState::Created,
                    local: None,
                    peer: None,
                });
                self.log(line, "tcp.log.udp_opened", vec![("id", socket.to_string())]);
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

    /// `u.sendto(payload, (host, port))`.
    pub async fn udp_send_to(
        &self,
        socket: SocketId,
        host: &str,
        port: u16,
        payload: &str,
        bytes: Vec<u8>,
    ) -> Option<usize> {
        let line = format!("u.sendto({payload}, {})", python::address(host, port));
        let req = Request::UdpSendTo {
            socket,
            host: host.to_owned(),
            port,
            data: Data(bytes),
        };
        match self.relay.call(req).await {
            Ok(Reply::Sent {
                bytes, local, to, ..
            }) => {
                self.lab.dispatch(Action::Located { id: socket, local });
                self.log(
                    line,
                    "tcp.log.udp_sent",
                    vec![
                        ("bytes", bytes.to_string()),
                        ("local", local.to_string()),
                        ("to", to.to_string()),
                    ],
                );
                Some(bytes)
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
