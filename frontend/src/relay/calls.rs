//! Typed relay calls: one method per request, each answering with its own reply type, so a
//! lesson writes `let bound = relay.udp_bind(socket, host, port).await?` and never matches on
//! [`Reply`]. The one place a reply of the wrong kind is turned into an error is [`unexpected`]
//! (the `lsp-types` pattern: a request knows the type of its answer).

use std::net::{IpAddr, SocketAddr};

use protocol::{
    ChallengeId, ChallengeSetup, Data, DownloadId, DownloadMode, ErrorCode, Family, FileEntry,
    Interface, KernelTcpInfo, RelayError, Reply, Request, RunId, SocketId,
};

use super::RelayHandle;

/// `udp_open`: a new UDP socket, not yet bound.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Opened {
    pub socket: SocketId,
}

/// `udp_bind`: the socket is bound to `local` (the port the OS picked, when 0 was asked).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bound {
    pub socket: SocketId,
    pub local: SocketAddr,
}

/// `udp_send_to` / `tcp_send`: `bytes` went out from `local` to `to`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sent {
    pub socket: SocketId,
    pub bytes: usize,
    pub local: SocketAddr,
    pub to: SocketAddr,
}

/// `tcp_connect`: the three-way handshake is done.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Connected {
    pub socket: SocketId,
    pub local: SocketAddr,
    pub peer: SocketAddr,
    /// How long connect() took, in microseconds.
    pub handshake_us: u64,
}

/// `tcp_listen`: a passive socket, waiting for clients.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Listening {
    pub socket: SocketId,
    pub local: SocketAddr,
    pub backlog: u32,
}

/// `resolve`: the name's addresses and how long the resolver took.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    pub addrs: Vec<IpAddr>,
    pub elapsed_us: u64,
}

/// `file_server_start`: where the course's file server listens and what it serves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileServer {
    pub local: SocketAddr,
    pub files: Vec<FileEntry>,
}

/// `tcp_info`: the kernel's numbers, or why there are none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KernelView {
    pub info: Option<KernelTcpInfo>,
    pub reason: Option<String>,
}

/// A reply of another kind than the request's: the relay and the page disagree on the
/// protocol. Shown like any other error.
fn unexpected(reply: Reply) -> RelayError {
    RelayError::new(ErrorCode::BadRequest).with_detail(format!("unexpected reply: {reply:?}"))
}

impl RelayHandle {
    /// Sends `request` and keeps its answer only when `pick` recognises its kind.
    async fn ask<T>(
        &self,
        request: Request,
        pick: fn(Reply) -> Result<T, Reply>,
    ) -> Result<T, RelayError> {
        pick(self.call(request).await?).map_err(unexpected)
    }

    /// A request answered by `done`.
    async fn ask_done(&self, request: Request) -> Result<(), RelayError> {
        self.ask(request, |r| match r {
            Reply::Done => Ok(()),
            other => Err(other),
        })
        .await
    }

    /// `socket.socket(AF_INET, SOCK_DGRAM)`.
    /// `s = socket(AF_INET, SOCK_DGRAM)`, every later `recvfrom` with a buffer of
    /// `recv_size` bytes (the relay's 64 KiB when `None`).
    pub async fn udp_open(&self, recv_size: Option<u32>) -> Result<Opened, RelayError> {
        let request = Request::UdpOpen {
            family: Family::Ipv4,
            recv_size,
        };
        self.ask(request, |r| match r {
            Reply::Opened { socket, .. } => Ok(Opened { socket }),
            other => Err(other),
        })
        .await
    }

    /// `s.bind((host, port))`.
    pub async fn udp_bind(
        &self,
        socket: SocketId,
        host: &str,
        port: u16,
    ) -> Result<Bound, RelayError> {
        let request = Request::UdpBind {
            socket,
            host: host.to_owned(),
            port,
        };
        self.ask(request, |r| match r {
            Reply::Bound { socket, local } => Ok(Bound { socket, local }),
            other => Err(other),
        })
        .await
    }

    /// `s.sendto(data, (host, port))`.
    pub async fn udp_send_to(
        &self,
        socket: SocketId,
        host: &str,
        port: u16,
        data: Vec<u8>,
    ) -> Result<Sent, RelayError> {
        let request = Request::UdpSendTo {
            socket,
            host: host.to_owned(),
            port,
            data: Data(data),
        };
        self.ask(request, sent).await
    }

    /// `s = socket(AF_INET, SOCK_STREAM); s.connect((host, port))`; every later `recv` asks
    /// for `recv_size` bytes (the relay's default when `None`).
    pub async fn tcp_connect(
        &self,
        host: &str,
        port: u16,
        recv_size: Option<u32>,
    ) -> Result<Connected, RelayError> {
        let request = Request::TcpConnect {
            host: host.to_owned(),
            port,
            recv_size,
        };
        self.ask(request, |r| match r {
            Reply::Connected {
                socket,
                local,
                peer,
                handshake_us,
            } => Ok(Connected {
                socket,
                local,
                peer,
                handshake_us,
            }),
            other => Err(other),
        })
        .await
    }

    /// `s.bind((host, port)); s.listen(backlog)`.
    pub async fn tcp_listen(
        &self,
        host: &str,
        port: u16,
        backlog: u32,
        recv_size: Option<u32>,
    ) -> Result<Listening, RelayError> {
        let request = Request::TcpListen {
            host: host.to_owned(),
            port,
            backlog,
            recv_size,
        };
        self.ask(request, |r| match r {
            Reply::Listening {
                socket,
                local,
                backlog,
            } => Ok(Listening {
                socket,
                local,
                backlog,
            }),
            other => Err(other),
        })
        .await
    }

    /// `s.send(data)`.
    pub async fn tcp_send(&self, socket: SocketId, data: Vec<u8>) -> Result<Sent, RelayError> {
        let request = Request::TcpSend {
            socket,
            data: Data(data),
        };
        self.ask(request, sent).await
    }

    /// Stop (or resume) calling `recv` on `socket`.
    pub async fn tcp_pause_reading(
        &self,
        socket: SocketId,
        paused: bool,
    ) -> Result<(), RelayError> {
        self.ask_done(Request::TcpPauseReading { socket, paused })
            .await
    }

    /// The kernel's view of a connected TCP socket.
    pub async fn tcp_info(&self, socket: SocketId) -> Result<KernelView, RelayError> {
        self.ask(Request::TcpInfo { socket }, |r| match r {
            Reply::TcpInfo { info, reason, .. } => Ok(KernelView { info, reason }),
            other => Err(other),
        })
        .await
    }

    /// `s.close()`, waiting for the answer.
    pub async fn close(&self, socket: SocketId) -> Result<(), RelayError> {
        self.ask_done(Request::Close { socket }).await
    }

    /// `socket.getaddrinfo(name, None)`.
    pub async fn resolve(&self, name: &str) -> Result<Resolved, RelayError> {
        let request = Request::Resolve {
            name: name.to_owned(),
        };
        self.ask(request, |r| match r {
            Reply::Resolved {
                addrs, elapsed_us, ..
            } => Ok(Resolved { addrs, elapsed_us }),
            other => Err(other),
        })
        .await
    }

    /// Starts (or moves) this session's course file server on 127.0.0.1:`port`; with
    /// `read_whole`, it reads each file whole into memory as the course's server does.
    pub async fn file_server_start(
        &self,
        port: u16,
        read_whole: bool,
    ) -> Result<FileServer, RelayError> {
        let request = Request::FileServerStart { port, read_whole };
        self.ask(request, |r| match r {
            Reply::FileServer { local, files, .. } => Ok(FileServer { local, files }),
            other => Err(other),
        })
        .await
    }

    /// Downloads `name` from `host:port` with the course's protocol.
    pub async fn download_start(
        &self,
        host: &str,
        port: u16,
        name: &str,
        mode: DownloadMode,
    ) -> Result<DownloadId, RelayError> {
        let request = Request::DownloadStart {
            host: host.to_owned(),
            port,
            name: name.to_owned(),
            mode,
        };
        self.ask(request, |r| match r {
            Reply::DownloadStarted { download } => Ok(download),
            other => Err(other),
        })
        .await
    }

    /// Stops a running download (its partial file is removed).
    pub async fn download_cancel(&self, download: DownloadId) -> Result<(), RelayError> {
        self.ask_done(Request::DownloadCancel { download }).await
    }

    /// Starts the relay's checker for `challenge`; its checks follow as events.
    pub async fn challenge_start(
        &self,
        challenge: ChallengeId,
    ) -> Result<(RunId, ChallengeSetup), RelayError> {
        self.ask(Request::ChallengeStart { challenge }, |r| match r {
            Reply::ChallengeStarted { run, setup } => Ok((run, setup)),
            other => Err(other),
        })
        .await
    }

    /// Gives the running checker the learner's text (the SHA-256 their program printed).
    pub async fn challenge_answer(&self, run: RunId, text: &str) -> Result<(), RelayError> {
        let text = text.to_owned();
        self.ask_done(Request::ChallengeAnswer { run, text }).await
    }

    /// Stops a running challenge (`challenge_ended`, cancelled, follows).
    pub async fn challenge_cancel(&self, run: RunId) -> Result<(), RelayError> {
        self.ask_done(Request::ChallengeCancel { run }).await
    }

    /// This machine's interfaces, from the OS's own tables.
    pub async fn interfaces(&self) -> Result<Vec<Interface>, RelayError> {
        self.ask(Request::Interfaces {}, |r| match r {
            Reply::Interfaces { list } => Ok(list),
            other => Err(other),
        })
        .await
    }
}

/// `sent`, the answer of both `udp_send_to` and `tcp_send`.
fn sent(reply: Reply) -> Result<Sent, Reply> {
    match reply {
        Reply::Sent {
            socket,
            bytes,
            local,
            to,
        } => Ok(Sent {
            socket,
            bytes,
            local,
            to,
        }),
        other => Err(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reply_of_another_kind_becomes_a_bad_request_naming_it() {
        let error = unexpected(Reply::Done);
        assert_eq!(error.code, ErrorCode::BadRequest);
        assert_eq!(error.detail.as_deref(), Some("unexpected reply: Done"));
        let local: SocketAddr = "127.0.0.1:5000".parse().unwrap();
        let to: SocketAddr = "127.0.0.1:7".parse().unwrap();
        let reply = Reply::Sent {
            socket: 3,
            bytes: 2,
            local,
            to,
        };
        assert_eq!(
            sent(reply),
            Ok(Sent {
                socket: 3,
                bytes: 2,
                local,
                to
            })
        );
        assert_eq!(sent(Reply::Done), Err(Reply::Done));
    }
}
