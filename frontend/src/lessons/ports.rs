//! Lesson "Ports" (curriculum 4): a port is the door of a program on a host, a 16-bit number;
//! the well-known ones (with a searchable table) need privilege to bind; the dynamic ones the
//! OS hands out, shown live: the relay opens real TCP connections and the page shows the
//! port each one got from this machine's ephemeral range.

use yew::prelude::*;

use super::quiz::{self, Quiz};
use super::tcp::lab::{TcpLine, TcpState};
use super::{Lesson, Step, pictures};
use crate::components::{PythonCode, on_text};
use crate::i18n::{Key, use_lang};
use crate::lab::{LogView, use_lab};
use crate::python;
use crate::relay::use_relay;

pub const LESSON: Lesson = Lesson {
    slug: "ports",
    title: key!("lesson.ports.title"),
    summary: key!("lesson.ports.summary"),
    steps: &[
        Step {
            id: "door",
            title: key!("ports.door.title"),
            body: key!("ports.door.body"),
            widget: Some(|| html! { <Door /> }),
            needs_relay: false,
        },
        Step {
            id: "well_known",
            title: key!("ports.well_known.title"),
            body: key!("ports.well_known.body"),
            widget: Some(|| html! { <WellKnown /> }),
            needs_relay: false,
        },
        Step {
            id: "dynamic",
            title: key!("ports.dynamic.title"),
            body: key!("ports.dynamic.body"),
            widget: Some(|| html! { <Dynamic /> }),
            needs_relay: true,
        },
        Step {
            id: "pair",
            title: key!("ports.pair.title"),
            body: key!("ports.pair.body"),
            widget: Some(|| html! { <Pair /> }),
            needs_relay: false,
        },
    ],
};

/// A common service: port, transport, name and what it is for.
pub struct Service {
    pub port: u16,
    pub proto: &'static str,
    pub name: &'static str,
    pub about: Key,
}

const fn svc(port: u16, proto: &'static str, name: &'static str, about: Key) -> Service {
    Service {
        port,
        proto,
        name,
        about,
    }
}

/// Common services, by port.
pub const SERVICES: &[Service] = &[
    svc(20, "TCP", "FTP-DATA", key!("ports.svc.20")),
    svc(21, "TCP", "FTP", key!("ports.svc.21")),
    svc(22, "TCP", "SSH", key!("ports.svc.22")),
    svc(23, "TCP", "Telnet", key!("ports.svc.23")),
    svc(25, "TCP", "SMTP", key!("ports.svc.25")),
    svc(53, "UDP/TCP", "DNS", key!("ports.svc.53")),
    svc(67, "UDP", "DHCP", key!("ports.svc.67")),
    svc(69, "UDP", "TFTP", key!("ports.svc.69")),
    svc(80, "TCP", "HTTP", key!("ports.svc.80")),
    svc(110, "TCP", "POP3", key!("ports.svc.110")),
    svc(123, "UDP", "NTP", key!("ports.svc.123")),
    svc(143, "TCP", "IMAP", key!("ports.svc.143")),
    svc(161, "UDP", "SNMP", key!("ports.svc.161")),
    svc(443, "TCP", "HTTPS", key!("ports.svc.443")),
    svc(445, "TCP", "SMB", key!("ports.svc.445")),
    svc(587, "TCP", "SMTP submission", key!("ports.svc.587")),
    svc(993, "TCP", "IMAPS", key!("ports.svc.993")),
    svc(995, "TCP", "POP3S", key!("ports.svc.995")),
    svc(1433, "TCP", "SQL Server", key!("ports.svc.1433")),
    svc(3306, "TCP", "MySQL", key!("ports.svc.3306")),
    svc(3389, "TCP", "RDP", key!("ports.svc.3389")),
    svc(5432, "TCP", "PostgreSQL", key!("ports.svc.5432")),
    svc(6379, "TCP", "Redis", key!("ports.svc.6379")),
    svc(8080, "TCP", "HTTP (alt)", key!("ports.svc.8080")),
];

/// Well-known ports: 0-1023.
pub fn is_well_known(port: u16) -> bool {
    port < 1024
}

/// Whether a service matches what the learner typed: its port number (exactly, or as a
/// prefix), its name, or its description (any case).
pub fn matches(s: &Service, description: &str, query: &str) -> bool {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return true;
    }
    if q.chars().all(|c| c.is_ascii_digit()) {
        return s.port.to_string().starts_with(&q);
    }
    s.name.to_lowercase().contains(&q)
        || s.proto.to_lowercase().contains(&q)
        || description.to_lowercase().contains(&q)
}

#[function_component]
fn Door() -> Html {
    let lang = use_lang();
    html! {
        <>
            { pictures::port_doors(&lang) }
            { pictures::port_ranges(&lang, None) }
        </>
    }
}

#[function_component]
fn WellKnown() -> Html {
    let lang = use_lang();
    let query = use_state(String::new);
    let oninput = on_text(&query);
    let rows: Vec<Html> = SERVICES
        .iter()
        .filter(|s| matches(s, lang.t(s.about), &query))
        .map(|s| {
            let range = if is_well_known(s.port) {
                lang.t(key!("ports.range.well_known"))
            } else {
                lang.t(key!("ports.range.registered"))
            };
            html! {
                <tr data-testid="port-row" data-port={s.port.to_string()}>
                    <td><code>{ s.port }</code></td>
                    <td>{ s.proto }</td>
                    <td><strong>{ s.name }</strong></td>
                    <td>{ lang.t(s.about) }</td>
                    <td class="hint">{ range }</td>
                </tr>
            }
        })
        .collect();
    let empty = rows.is_empty();
    let bind_demo = format!(
        "import socket\n\n{}\n{}  # {}\n",
        python::tcp_open("s"),
        python::bind("s", "", 80),
        lang.t(key!("ports.privilege.comment"))
    );
    html! {
        <div class="lab" data-testid="ports-well-known">
            <label>{ lang.t(key!("ports.search")) }
                <input type="search" value={(*query).clone()} {oninput} data-testid="port-search" placeholder={lang.t(key!("ports.search.placeholder"))} />
            </label>
            <div class="table-wrap">
                <table class="ip-table" data-testid="port-table">
                    <thead><tr>
                        <th>{ lang.t(key!("ports.col.port")) }</th>
                        <th>{ lang.t(key!("ports.col.proto")) }</th>
                        <th>{ lang.t(key!("ports.col.name")) }</th>
                        <th>{ lang.t(key!("ports.col.what")) }</th>
                        <th>{ lang.t(key!("ports.col.range")) }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            if empty {
                <p class="hint" data-testid="port-search-empty">{ lang.t(key!("ports.search.none")) }</p>
            }
            <h3>{ lang.t(key!("ports.privilege.title")) }</h3>
            <PythonCode code={bind_demo} />
            <crate::components::Prose text={lang.t(key!("ports.privilege.body"))} />
        </div>
    }
}

/// How many connections the demo opens.
const DEMO_CLIENTS: usize = 3;

#[function_component]
fn Dynamic() -> Html {
    let lang = use_lang();
    let relay = use_relay();
    let lab = use_lab::<TcpState>();
    let echo = relay.welcome().map(|w| w.tcp_echo_port).unwrap_or(0);
    let range = relay.welcome().and_then(|w| w.ephemeral_ports);
    let ports = use_state(Vec::<u16>::new);

    let onrun = {
        let (lab, ports) = (lab.clone(), ports.clone());
        Callback::from(move |_: MouseEvent| {
            let ports = ports.clone();
            lab.run(move |ops| async move {
                let mut got = Vec::new();
                let mut open = Vec::new();
                ports.set(Vec::new());
                for i in 1..=DEMO_CLIENTS {
                    let var = format!("c{i}");
                    if let Ok(c) = ops.connect(&var, "127.0.0.1", echo, None).await {
                        got.push(c.local.port());
                        ports.set(got.clone());
                        open.push((var, c.socket));
                    }
                }
                for (var, socket) in open {
                    ops.close(&var, socket).await;
                }
            });
        })
    };
    let rows = ports
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let inside = range.map(|(lo, hi)| (lo..=hi).contains(p));
            let verdict = match inside {
                Some(true) => lang.t(key!("ports.dynamic.inside")),
                Some(false) => lang.t(key!("ports.dynamic.outside")),
                None => "",
            };
            html! {
                <tr data-testid="port-demo-row" data-port={p.to_string()}>
                    <td><code>{ format!("c{}", i + 1) }</code></td>
                    <td><code>{ format!("127.0.0.1:{p}") }</code></td>
                    <td><code>{ format!("127.0.0.1:{echo}") }</code></td>
                    <td>{ verdict }</td>
                </tr>
            }
        })
        .collect::<Html>();
    let (range_text, lo, hi) = match range {
        Some((lo, hi)) => (
            lang.tf(fill!(
                "ports.dynamic.range",
                lo = &lo.to_string(),
                hi = &hi.to_string(),
                n = &crate::i18n::thousands(u64::from(hi - lo) + 1)
            )),
            lo.to_string(),
            hi.to_string(),
        ),
        None => (
            lang.t(key!("ports.dynamic.range_unknown")).to_owned(),
            String::new(),
            String::new(),
        ),
    };
    let program = format!(
        "import socket\n\nfor i in range({DEMO_CLIENTS}):\n    {}\n    {}\n    print(s.getsockname())  # {}\n    s.close()\n",
        python::tcp_open("s"),
        format_args!("s.connect({})", python::address("127.0.0.1", echo)),
        lang.t(key!("ports.dynamic.comment")),
    );
    html! {
        <div class="lab" data-testid="ports-dynamic">
            { pictures::port_ranges(&lang, range) }
            <p class="socket-state" data-testid="port-range" data-lo={lo} data-hi={hi}>{ range_text }</p>
            <PythonCode code={program} />
            <div class="actions">
                <button class="primary" onclick={onrun} disabled={lab.busy() || echo == 0} data-testid="port-demo-run">
                    { lang.tf(fill!("ports.dynamic.run", n = &DEMO_CLIENTS.to_string())) }
                </button>
            </div>
            <table class="runs" data-testid="port-demo-table">
                <thead><tr>
                    <th>{ lang.t(key!("ports.dynamic.socket")) }</th>
                    <th>{ lang.t(key!("ports.dynamic.local")) }</th>
                    <th>{ lang.t(key!("ports.dynamic.peer")) }</th>
                    <th></th>
                </tr></thead>
                <tbody>{ rows }</tbody>
            </table>
            <details>
                <summary>{ lang.t(key!("udp.log.title")) }</summary>
                <LogView<TcpLine> lines={lab.log.to_vec()} decode_as={lab.decode_as} testid="port-demo-log" />
            </details>
        </div>
    }
}

#[function_component]
fn Pair() -> Html {
    let relay = use_relay();
    let range = relay.welcome().and_then(|w| w.ephemeral_ports);
    let lang = use_lang();
    let port = pictures::example_client_port(range);
    html! {
        <>
            { pictures::port_pair(&lang, port) }
            <Quiz question={quiz::PORTS_PAIR} args={vec![("port", port.to_string())]} />
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pictured_client_port_comes_from_the_real_range() {
        // Linux's default range, Windows' and macOS's default range, a narrowed range.
        assert_eq!(
            pictures::example_client_port(Some((32_768, 60_999))),
            42_178
        );
        assert_eq!(
            pictures::example_client_port(Some((49_152, 65_535))),
            54_613
        );
        assert_eq!(
            pictures::example_client_port(Some((40_000, 40_000))),
            40_000
        );
        // Unknown range: a port inside every OS's default range, never the course's 3457.
        let any = pictures::example_client_port(None);
        assert!((49_152..=60_999).contains(&any), "{any}");
    }

    #[test]
    fn the_table_is_sorted_and_unique() {
        for w in SERVICES.windows(2) {
            assert!(w[0].port < w[1].port, "{} then {}", w[0].port, w[1].port);
        }
        assert!(SERVICES.iter().any(|s| s.port == 80 && s.name == "HTTP"));
        assert!(is_well_known(1023) && !is_well_known(1024));
    }

    #[test]
    fn search_by_number_name_or_words() {
        let http = &SERVICES.iter().find(|s| s.port == 80).unwrap();
        assert!(matches(http, "web pages", ""));
        assert!(matches(http, "web pages", "8"));
        assert!(matches(http, "web pages", "80"));
        assert!(!matches(http, "web pages", "443"));
        assert!(matches(http, "web pages", "http"));
        assert!(matches(http, "web pages", "WEB"));
        assert!(matches(http, "网页", "网页"));
        assert!(!matches(http, "web pages", "mail"));
    }
}
