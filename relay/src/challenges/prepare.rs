//! What a run needs before the page hears `challenge_started`: the checker's own sockets bound
//! (so `setup` names their real ports), the file server's folder made, the file's bytes drawn.

use std::net::{Ipv4Addr, SocketAddr};
use std::time::Duration;

use checks::{START_TIMEOUT_MS, STEP_TIMEOUT_MS};
use protocol::{ChallengeId, ChallengeSetup, RelayError};
use tokio::net::{TcpListener, UdpSocket};
use tokio::sync::mpsc;

use super::{Reporter, Stop, files, tcp, udp};
use crate::errors::os_error;
use crate::policy::Policy;

/// The step limits of one run.
#[derive(Clone, Copy, Debug)]
pub struct Timeouts {
    pub step: Duration,
    pub start: Duration,
}

/// A prepared run: everything bound and made, ready to play its script.
#[derive(Debug)]
pub enum Prepared {
    UdpSender(UdpSocket),
    UdpReceiver(SocketAddr),
    TcpQuiz(TcpListener),
    TcpEcho(SocketAddr),
    FileClient(TcpListener, files::BigFile),
    FileServer(SocketAddr, files::Folder),
}

impl Prepared {
    pub async fn new(challenge: ChallengeId, policy: &Policy) -> Result<Prepared, RelayError> {
        // The program's own port is a target like any other (never the relay's own port).
        let program = |port| {
            let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
            policy.check_target(addr).map(|()| addr)
        };
        Ok(match challenge {
            ChallengeId::UdpSender => {
                Prepared::UdpSender(udp_checker(checks::udp_sender::CHECKER_PORT).await?)
            }
            ChallengeId::UdpReceiver => {
                Prepared::UdpReceiver(program(checks::udp_receiver::PROGRAM_PORT)?)
            }
            ChallengeId::TcpQuizClient => {
                Prepared::TcpQuiz(tcp_checker(checks::tcp_quiz::CHECKER_PORT).await?)
            }
            ChallengeId::TcpEchoServer => {
                Prepared::TcpEcho(program(checks::tcp_echo::PROGRAM_PORT)?)
            }
            ChallengeId::FileClient => {
                // 3 MiB of random bytes and their hash: off the session's task.
                let file = tokio::task::spawn_blocking(files::BigFile::new)
                    .await
                    .map_err(|e| {
                        RelayError::new(protocol::ErrorCode::OtherOs).with_detail(e.to_string())
                    })??;
                Prepared::FileClient(tcp_checker(checks::file_client::CHECKER_PORT).await?, file)
            }
            ChallengeId::FileServer => Prepared::FileServer(
                program(checks::file_server::PROGRAM_PORT)?,
                files::Folder::new()?,
            ),
        })
    }

    pub fn challenge(&self) -> ChallengeId {
        match self {
            Prepared::UdpSender(_) => ChallengeId::UdpSender,
            Prepared::UdpReceiver(_) => ChallengeId::UdpReceiver,
            Prepared::TcpQuiz(_) => ChallengeId::TcpQuizClient,
            Prepared::TcpEcho(_) => ChallengeId::TcpEchoServer,
            Prepared::FileClient(..) => ChallengeId::FileClient,
            Prepared::FileServer(..) => ChallengeId::FileServer,
        }
    }

    pub fn setup(&self) -> ChallengeSetup {
        // The clients are started after "Check"; so is the file server, in the folder made
        // for this run (the checker tries to connect until it is there).
        let client_challenge = matches!(
            self,
            Prepared::UdpSender(_)
                | Prepared::TcpQuiz(_)
                | Prepared::FileClient(..)
                | Prepared::FileServer(..)
        );
        let mut setup = ChallengeSetup {
            challenge: self.challenge(),
            checker: None,
            program_port: None,
            text: None,
            file: None,
            file_size: None,
            folder: None,
            step_timeout_ms: STEP_TIMEOUT_MS,
            start_timeout_ms: if client_challenge {
                START_TIMEOUT_MS
            } else {
                0
            },
        };
        match self {
            Prepared::UdpSender(socket) => {
                setup.checker = socket.local_addr().ok();
                setup.text = Some(checks::udp_sender::TEXT.to_owned());
            }
            Prepared::TcpQuiz(listener) => setup.checker = listener.local_addr().ok(),
            Prepared::FileClient(listener, file) => {
                setup.checker = listener.local_addr().ok();
                setup.file = Some(checks::file_client::FILE_NAME.to_owned());
                setup.file_size = Some(file.bytes.len() as u64);
            }
            Prepared::UdpReceiver(addr) | Prepared::TcpEcho(addr) => {
                setup.program_port = Some(addr.port());
            }
            Prepared::FileServer(addr, folder) => {
                setup.program_port = Some(addr.port());
                setup.folder = Some(folder.served().display().to_string());
                setup.file = Some(checks::file_server::NORMAL.to_owned());
                setup.file_size = Some(checks::file_server::normal_content().len() as u64);
            }
        }
        setup
    }

    /// Plays the script; `Err(Stop)` when a check failed or the page left.
    pub async fn run(
        self,
        reporter: &mut Reporter,
        answers: mpsc::Receiver<String>,
    ) -> Result<(), Stop> {
        let t = Timeouts {
            step: Duration::from_millis(STEP_TIMEOUT_MS),
            start: Duration::from_millis(START_TIMEOUT_MS),
        };
        match self {
            Prepared::UdpSender(socket) => udp::sender(socket, reporter, t).await,
            Prepared::UdpReceiver(program) => udp::receiver(program, reporter, t).await,
            Prepared::TcpQuiz(listener) => tcp::quiz(listener, reporter, t).await,
            Prepared::TcpEcho(program) => tcp::echo(program, reporter, t).await,
            Prepared::FileClient(listener, file) => {
                files::client(listener, file, answers, reporter, t).await
            }
            Prepared::FileServer(program, folder) => {
                files::server(program, folder, reporter, t).await
            }
        }
    }
}

/// The checker's UDP socket on 127.0.0.1: the course's port when free, else one the OS picks.
async fn udp_checker(port: u16) -> Result<UdpSocket, RelayError> {
    match UdpSocket::bind((Ipv4Addr::LOCALHOST, port)).await {
        Ok(socket) => Ok(socket),
        Err(_) => UdpSocket::bind((Ipv4Addr::LOCALHOST, 0))
            .await
            .map_err(|e| os_error("binding the checker's UDP socket", &e)),
    }
}

/// The checker's TCP listener on 127.0.0.1, likewise.
async fn tcp_checker(port: u16) -> Result<TcpListener, RelayError> {
    match TcpListener::bind((Ipv4Addr::LOCALHOST, port)).await {
        Ok(listener) => Ok(listener),
        Err(_) => TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
            .await
            .map_err(|e| os_error("listening for the checker", &e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use protocol::ErrorCode;

    #[tokio::test]
    async fn the_programs_port_is_judged_by_the_target_policy() {
        // A relay listening on 7788 (the course's port) cannot check a program there: the
        // checker would talk to the relay itself.
        let policy = Policy::new(7788, Vec::new(), false);
        let refused = Prepared::new(ChallengeId::TcpEchoServer, &policy).await;
        assert_eq!(refused.unwrap_err().code, ErrorCode::TargetDenied);
        let refused = Prepared::new(ChallengeId::UdpReceiver, &policy).await;
        assert_eq!(refused.unwrap_err().code, ErrorCode::TargetDenied);
        let elsewhere = Policy::new(8470, Vec::new(), false);
        let ok = Prepared::new(ChallengeId::TcpEchoServer, &elsewhere)
            .await
            .unwrap();
        assert_eq!(ok.setup().program_port, Some(7788));
    }
}
