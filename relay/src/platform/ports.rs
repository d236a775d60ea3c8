//! The OS's range of ephemeral ports (the ones it lends a socket that sends or connects
//! without a bind), read from the system itself. Each system keeps it elsewhere:
//! - Linux: `/proc/sys/net/ipv4/ip_local_port_range`, two numbers ("32768\t60999");
//! - macOS: the sysctls `net.inet.ip.portrange.first` and `.last`;
//! - Windows: no documented API; `netsh int ipv4 show dynamicport udp` prints the start port
//!   and the number of ports, in the system's language (and console code page).
//!
//! When the answer cannot be read the relay says "unknown" (None) rather than guess: a wrong
//! default would teach a wrong number. The parsers are pure and tested on every system.

use super::Os;

/// This system's ephemeral range, if it can be read. Blocking (it may run a system tool):
/// call it once at start.
pub fn ephemeral_ports() -> Option<(u16, u16)> {
    match Os::current() {
        Os::Linux => {
            parse_linux(&std::fs::read_to_string("/proc/sys/net/ipv4/ip_local_port_range").ok()?)
        }
        Os::Macos => parse_sysctl(&run(
            "/usr/sbin/sysctl",
            &[
                "-n",
                "net.inet.ip.portrange.first",
                "net.inet.ip.portrange.last",
            ],
        )?),
        Os::Windows => parse_netsh(&run(
            "netsh",
            &["int", "ipv4", "show", "dynamicport", "udp"],
        )?),
        Os::Other => None,
    }
}

/// A system tool's standard output, as text (lossy: only the digits matter, and on a Chinese
/// Windows the words come in the console's code page, GBK).
fn run(program: &str, args: &[&str]) -> Option<String> {
    let mut command = std::process::Command::new(program);
    command
        .args(args)
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    super::no_console_window(&mut command);
    let out = command.output().ok()?;
    if !out.status.success() {
        return None;
    }
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Linux: "32768\t60999\n".
pub fn parse_linux(text: &str) -> Option<(u16, u16)> {
    let mut parts = text.split_whitespace().map(|p| p.parse::<u16>().ok());
    checked(parts.next()??, parts.next()??)
}

/// macOS: `sysctl -n first last` prints one number a line: "49152\n65535\n".
pub fn parse_sysctl(text: &str) -> Option<(u16, u16)> {
    parse_linux(text)
}

/// Windows' netsh, in any language: the first two lines that end in `: NUMBER` are the start
/// port and the number of ports. English:
/// ```text
/// Protocol udp Dynamic Port Range
/// ---------------------------------
/// Start Port      : 49152
/// Number of Ports : 16384
/// ```
/// Chinese: `启动端口        : 49152` / `端口数          : 16384`.
pub fn parse_netsh(text: &str) -> Option<(u16, u16)> {
    let mut numbers = text.lines().filter_map(|line| {
        let (_, value) = line.rsplit_once([':', '：'])?;
        value.trim().parse::<u32>().ok()
    });
    let start = numbers.next()?;
    let count = numbers.next()?;
    let last = start.checked_add(count)?.checked_sub(1)?;
    checked(u16::try_from(start).ok()?, u16::try_from(last).ok()?)
}

fn checked(lo: u16, hi: u16) -> Option<(u16, u16)> {
    (lo > 0 && lo <= hi).then_some((lo, hi))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linux_and_macos_texts() {
        assert_eq!(parse_linux("32768\t60999\n"), Some((32768, 60999)));
        assert_eq!(parse_sysctl("49152\n65535\n"), Some((49152, 65535)));
        assert_eq!(parse_linux("60999 32768"), None);
        assert_eq!(parse_linux("32768"), None);
        assert_eq!(parse_linux(""), None);
        assert_eq!(parse_sysctl("sysctl: unknown oid\n"), None);
    }

    #[test]
    fn netsh_in_english() {
        let out = "\r\nProtocol udp Dynamic Port Range\r\n---------------------------------\r\n\
                   Start Port      : 49152\r\nNumber of Ports : 16384\r\n\r\n";
        assert_eq!(parse_netsh(out), Some((49152, 65535)));
    }

    #[test]
    fn netsh_in_chinese() {
        let out = "\r\n协议 udp 动态端口范围\r\n---------------------------------\r\n\
                   启动端口        : 10000\r\n端口数          : 1000\r\n\r\n";
        assert_eq!(parse_netsh(out), Some((10000, 10999)));
        // Read in the wrong code page, the words are noise; the numbers still parse.
        let garbled = "\r\nЭ�� udp ��̬�˿ڷ�Χ\r\n-----\r\n�����˿�        : 49152\r\n\
                       �˿���          : 16384\r\n";
        assert_eq!(parse_netsh(garbled), Some((49152, 65535)));
    }

    #[test]
    fn netsh_nonsense_is_unknown() {
        assert_eq!(parse_netsh(""), None);
        assert_eq!(
            parse_netsh("The following command was not found: int ipv4."),
            None
        );
        assert_eq!(parse_netsh("Start Port : 49152\r\n"), None);
        // Past the last port: not a range.
        assert_eq!(parse_netsh("a : 60000\nb : 16384\n"), None);
        assert_eq!(parse_netsh("a : 49152\nb : 0\n"), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn this_linux_range_is_read() {
        let (lo, hi) = ephemeral_ports().unwrap();
        assert!(lo <= hi);
    }
}
