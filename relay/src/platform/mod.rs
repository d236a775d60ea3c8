//! Everything that differs between Windows, macOS and Linux, one small module per concern,
//! each behind plain functions (as socket2 and tokio do): the rest of the relay never writes
//! `#[cfg]`. The pure parts (error tables, output parsers, name rules) take the [`Os`] as an
//! argument, so Linux CI tests the Windows and macOS answers too.

pub mod console;
pub mod downloads;
pub mod errors;
pub mod ifaces;
pub mod ports;
pub mod send_file;
pub mod sockopt;
pub mod tcp_info;
pub mod writeback;

/// The operating systems the relay knows by their error numbers and tools.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Os {
    Windows,
    Macos,
    Linux,
    /// Any other (a BSD, ...): the relay runs, but names no OS error and reads no port range.
    Other,
}

impl Os {
    /// The system this relay was built for.
    pub fn current() -> Os {
        if cfg!(windows) {
            Os::Windows
        } else if cfg!(target_os = "macos") {
            Os::Macos
        } else if cfg!(target_os = "linux") {
            Os::Linux
        } else {
            Os::Other
        }
    }

    /// The name the welcome carries: "windows", "macos", "linux", or Rust's own name for
    /// another system ("freebsd", ...).
    pub fn name(self) -> &'static str {
        match self {
            Os::Windows => "windows",
            Os::Macos => "macos",
            Os::Linux => "linux",
            Os::Other => std::env::consts::OS,
        }
    }
}

/// Keeps a system tool the relay runs (netsh) from flashing a console window on Windows.
pub fn no_console_window(command: &mut std::process::Command) {
    #[cfg(windows)]
    {
        use std::os::windows::process::CommandExt as _;
        /// `CREATE_NO_WINDOW` from the Windows process-creation flags.
        const CREATE_NO_WINDOW: u32 = 0x0800_0000;
        command.creation_flags(CREATE_NO_WINDOW);
    }
    #[cfg(not(windows))]
    let _ = command;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_current_os_is_named_as_rust_names_it() {
        assert_eq!(Os::current().name(), std::env::consts::OS);
        assert_eq!(Os::Windows.name(), "windows");
        assert_eq!(Os::Macos.name(), "macos");
    }
}
