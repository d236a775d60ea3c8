//! The socket calls a TCP step makes, each logged with its Python line and the OS's answer.
//! Every function returns what the next call needs, or None after logging the error.

use protocol::{RelayError, SocketId, SocketState};

use super::lab::{Action, Role, TcpState};
use crate::lab::Ops;
use crate::python;
use crate::relay::{Connected, Listening};

impl Ops<TcpState> {
    /// Logs a failed call; the caller goes on with `None`.
    fn fail<T>(&self, python: String, error: RelayError) -> Option<T> {
        self.dispatch(Action::Fail { python, error });
        None
    }

    /// Logs a call that succeeded: the text `key` with its arguments, filled at display time.
    fn log(&self, python: String, key: crate::i18n::Key, args: Vec<(&'static str, String)>) {
        self.dispatch(Action::Log { python, key, args });
    }

    /// `var = socket(AF_INET, SOCK_STREAM); var.connect((host, port))`. The error is returned
    /// too (after it is logged): the "refused" step compares it with UDP's silence.
    pub async fn connect(
        &self,
        var: &str,
        host: &str,
        port: u16,
        recv_size: Option<u32>,
    ) -> Result<Connected, RelayError> {
        let python = python::tcp_connect(var, host, port);
        match self.relay.tcp_connect(host, port, recv_size).await {
            Ok(c) => {
                self.adopt(c.socket);
                self.dispatch(Action::Add {
                    id: c.socket,
                    role: Role::Client,
                    state: SocketState::Connected,
                    local: Some(c.local),
                    peer: Some(c.peer),
                });
                let args = vec![
                    ("id", c.socket.to_string()),
                    ("local", c.local.to_string()),
                    ("peer", c.peer.to_string()),
                    ("us", c.handshake_us.to_string()),
                ];
                self.log(python, key!("tcp.log.connected"), args);
                Ok(c)
            }
            Err(e) => {
                self.fail::<()>(python, e.clone());
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
    ) -> Result<Listening, RelayError> {
        let python = python::tcp_listen(var, host, port, backlog);
        match self.relay.tcp_listen(host, port, backlog, recv_size).await {
            Ok(l) => {
                self.adopt(l.socket);
                self.dispatch(Action::Add {
                    id: l.socket,
                    role: Role::Listener,
                    state: SocketState::Listening,
                    local: Some(l.local),
                    peer: None,
                });
                let args = vec![
                    ("id", l.socket.to_string()),
                    ("local", l.local.to_string()),
                    ("backlog", l.backlog.to_string()),
                ];
                self.log(python, key!("tcp.log.listening"), args);
                Ok(l)
            }
            Err(e) => {
                self.fail::<()>(python, e.clone());
                Err(e)
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
        let python = python::send(var, payload);
        match self.relay.tcp_send(socket, bytes).await {
            Ok(sent) => {
                self.log(
                    python,
                    key!("tcp.log.sent"),
                    vec![("bytes", sent.bytes.to_string())],
                );
                Some(sent.bytes)
            }
            Err(e) => self.fail(python, e),
        }
    }

    /// Stops (or resumes) calling recv on `socket`, as a busy program would.
    pub async fn pause_reading(&self, var: &str, socket: SocketId, paused: bool) -> bool {
        let (python, key) = if paused {
            (
                format!("# {var}: no recv() for now"),
                key!("tcp.log.paused"),
            )
        } else {
            (
                python::recv(var, super::lab::COURSE_RECV),
                key!("tcp.log.resumed"),
            )
        };
        match self.relay.tcp_pause_reading(socket, paused).await {
            Ok(()) => {
                self.log(python, key, vec![("id", socket.to_string())]);
                true
            }
            Err(e) => {
                self.fail::<()>(python, e);
                false
            }
        }
    }

    /// `var.close()`.
    pub async fn close(&self, var: &str, socket: SocketId) {
        let python = python::close(var);
        self.forget(socket);
        match self.relay.close(socket).await {
            Ok(()) => {
                self.dispatch(Action::Close { socket });
                self.log(
                    python,
                    key!("tcp.log.closed"),
                    vec![("id", socket.to_string())],
                );
            }
            Err(e) => {
                self.fail::<()>(python, e);
            }
        }
    }

    /// `u = socket(AF_INET, SOCK_DGRAM)`.
    pub async fn udp_open(&self) -> Option<SocketId> {
        let python = python::udp_open("u");
        match self.relay.udp_open(Some(python::COURSE_RECV)).await {
            Ok(opened) => {
                let socket = opened.socket;
                self.adopt(socket);
                self.dispatch(Action::Add {
                    id: socket,
                    role: Role::Udp,
                    state: SocketState::Created,
                    local: None,
                    peer: None,
                });
                self.log(
                    python,
                    key!("tcp.log.udp_opened"),
                    vec![("id", socket.to_string())],
                );
                Some(socket)
            }
            Err(e) => self.fail(python, e),
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
        let python = python::sendto_expr("u", payload, host, port);
        match self.relay.udp_send_to(socket, host, port, bytes).await {
            Ok(sent) => {
                self.dispatch(Action::Locate {
                    id: socket,
                    local: sent.local,
                });
                let args = vec![
                    ("bytes", sent.bytes.to_string()),
                    ("local", sent.local.to_string()),
                    ("to", sent.to.to_string()),
                ];
                self.log(python, key!("tcp.log.udp_sent"), args);
                Some(sent.bytes)
            }
            Err(e) => self.fail(python, e),
        }
    }
}
