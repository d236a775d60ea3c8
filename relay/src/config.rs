//! The command-line flags (`relay --help`), which are also the relay's whole configuration.

use clap::Parser;
use ipnet::IpNet;

/// The port the relay asks for when `--port` is not given.
pub const DEFAULT_PORT: u16 = 8470;

/// Serves the network-programming tutorial on 127.0.0.1 and does real UDP/TCP socket work for it.
#[derive(Clone, Debug, Default, Parser)]
#[command(name = "relay", version, about)]
pub struct Config {
    /// Do not open the tutorial in the default browser (just print its address).
    #[arg(long)]
    pub no_open: bool,

    /// Port to listen on (0 = any free port). If it is busy, a free port is used instead.
    /// [default: 8470]
    #[arg(long, value_name = "N")]
    pub port: Option<u16>,

    /// Also let the page reach this network (besides loopback), e.g. 192.168.1.0/24 or fd00::/8.
    /// Repeatable. A single address is accepted too (192.168.1.7 means 192.168.1.7/32).
    #[arg(long = "allow-target", value_name = "CIDR", value_parser = parse_cidr)]
    pub allow_target: Vec<IpNet>,

    /// Let the page bind every interface (0.0.0.0, :: or ""), which opens its ports to the network.
    #[arg(long)]
    pub allow_bind_all: bool,

    /// Let the page bind ports below 1024 (the well-known ports; usually the OS refuses them
    /// anyway unless the relay runs as an administrator).
    #[arg(long)]
    pub allow_low_ports: bool,

    /// The folder the course's file server serves (only this one folder).
    /// [default: the lesson's sample files, made in the system's temporary folder]
    #[arg(long, value_name = "DIR")]
    pub files: Option<std::path::PathBuf>,

    /// Where the downloader saves files ("[接收]NAME").
    /// [default: ~/Downloads/netlab]
    #[arg(long, value_name = "DIR")]
    pub downloads: Option<std::path::PathBuf>,

    /// Largest file the downloader saves, in bytes (bigger ones stop with DOWNLOAD_TOO_LARGE
    /// and leave nothing). [default: 2147483648, 2 GiB]
    #[arg(long, value_name = "BYTES")]
    pub max_download_bytes: Option<u64>,

    /// Seconds without a byte before a download is called stalled (for tests). [default: 10]
    #[arg(long, value_name = "S", hide = true)]
    pub stall_timeout: Option<f64>,

    // ----- limits (see limits/mod.rs); hidden: they exist so tests can use small ones -----
    /// Seconds a new WebSocket has to say hello. [default: 5]
    #[arg(long, value_name = "S", hide = true)]
    pub hello_timeout: Option<f64>,
    /// Seconds a client has to send a whole HTTP request header. [default: 10]
    #[arg(long, value_name = "S", hide = true)]
    pub header_timeout: Option<f64>,
    /// Most HTTP connections open at once. [default: 128]
    #[arg(long, value_name = "N", hide = true)]
    pub max_connections: Option<usize>,
    /// Most WebSockets waiting for their hello. [default: 8]
    #[arg(long, value_name = "N", hide = true)]
    pub max_pending_hellos: Option<usize>,
    /// Most page sessions at once. [default: 4]
    #[arg(long, value_name = "N", hide = true)]
    pub max_sessions: Option<usize>,
    /// Seconds between pings to the page. [default: 20]
    #[arg(long, value_name = "S", hide = true)]
    pub ping_interval: Option<f64>,
    /// Seconds without a request before a session is closed. [default: 3600]
    #[arg(long, value_name = "S", hide = true)]
    pub idle_timeout: Option<f64>,
}

impl Config {
    /// The port to try first.
    pub fn wanted_port(&self) -> u16 {
        self.port.unwrap_or(DEFAULT_PORT)
    }
}

/// Parses `192.168.1.0/24`, `fd00::/8`, or a bare address (a /32 or /128 network).
/// The network is normalized: `192.168.1.7/24` becomes `192.168.1.0/24`.
pub fn parse_cidr(text: &str) -> Result<IpNet, String> {
    let text = text.trim();
    if let Ok(net) = text.parse::<IpNet>() {
        return Ok(net.trunc());
    }
    if let Ok(ip) = text.parse::<std::net::IpAddr>() {
        return Ok(IpNet::from(ip));
    }
    Err(format!(
        "`{text}` is not a network in CIDR form (like 192.168.1.0/24 or fd00::/8)"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_parse() {
        let cfg = Config::try_parse_from([
            "relay",
            "--no-open",
            "--port",
            "0",
            "--allow-target",
            "192.168.1.7/24",
            "--allow-target",
            "fd00::/8",
            "--allow-target",
            "10.1.2.3",
            "--allow-bind-all",
        ])
        .unwrap();
        assert!(cfg.no_open);
        assert_eq!(cfg.port, Some(0));
        assert!(cfg.allow_bind_all);
        let nets: Vec<String> = cfg.allow_target.iter().map(|n| n.to_string()).collect();
        assert_eq!(nets, ["192.168.1.0/24", "fd00::/8", "10.1.2.3/32"]);
    }

    #[test]
    fn defaults() {
        let cfg = Config::try_parse_from(["relay"]).unwrap();
        assert!(!cfg.no_open);
        assert_eq!(cfg.port, None);
        assert_eq!(cfg.wanted_port(), 8470);
        assert!(cfg.allow_target.is_empty());
        assert!(!cfg.allow_bind_all);
    }

    #[test]
    fn bad_cidr_is_refused() {
        assert!(Config::try_parse_from(["relay", "--allow-target", "192.168.1.0/33"]).is_err());
        assert!(Config::try_parse_from(["relay", "--allow-target", "lan"]).is_err());
    }
}
