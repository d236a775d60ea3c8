//! Splitting a network: into N equal subnets (N rounded up to a power of two, host bits
//! borrowed as subnet bits), and by host counts (VLSM, largest first), drawn as a bar of blocks.

use netmath::vlsm::VlsmPlan;
use netmath::{Network, equal_split, parse_cidr, vlsm};
use yew::prelude::*;

use super::field::{Field, error_line, use_text};
use super::text;
use crate::i18n::{LangCtx, thousands, use_lang};

/// At most this many subnet rows are listed (the rest are counted).
const MAX_ROWS: u64 = 64;

/// Reads a network typed as CIDR text; host bits set is an error that names the right network.
pub fn parse_network(lang: &LangCtx, input: &str) -> Result<Network, String> {
    let c = parse_cidr(input).map_err(|e| text::parse_error(lang.lang, &e))?;
    Network::new(c.addr(), c.prefix()).map_err(|e| {
        lang.tf(fill!(
            "ipw.split.host_bits",
            given = &c.to_string(),
            network = &format!("{}/{}", e.network, c.prefix().len())
        ))
    })
}

/// Parses "60, 30, 10" (commas, spaces, 、 or ， between numbers) into host counts.
pub fn parse_hosts(input: &str) -> Option<Vec<u32>> {
    let parts: Vec<&str> = input
        .split(|c: char| c == ',' || c == '，' || c == '、' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .collect();
    if parts.is_empty() {
        return None;
    }
    parts.iter().map(|p| p.parse::<u32>().ok()).collect()
}

/// How many characters of the bar's labels fit in `width_pct` percent of the bar, on the
/// narrowest screen (a 390 px phone leaves about 310 px of bar; a label character is about
/// 7 px wide). A label that does not fit is left out: its block keeps it as a tooltip, and
/// the table beside the bar says everything.
fn label_fits(label: &str, width_pct: f64) -> bool {
    label.chars().count() as f64 * 2.4 <= width_pct
}

/// A bar of blocks across `parent`, each a share of its width. `(network, class, label)`.
fn blocks_bar(parent: Network, blocks: &[(Network, &'static str, String)]) -> Html {
    let total = parent.total_addresses() as f64;
    let base = parent.addr().to_bits();
    let cells = blocks
        .iter()
        .map(|(n, class, label)| {
            let left = f64::from(n.addr().to_bits() - base) * 100.0 / total;
            let width = n.total_addresses() as f64 * 100.0 / total;
            html! {
                <span class={classes!("blk", *class)} style={format!("left:{left:.3}%;width:{width:.3}%")} title={n.to_string()}>
                    if label_fits(label, width) { <span class="blk-label">{ label.clone() }</span> }
                </span>
            }
        })
        .collect::<Html>();
    html! { <div class="blocks-bar" aria-hidden="true">{ cells }</div> }
}

#[function_component]
pub fn EqualSplitLab() -> Html {
    let lang = use_lang();
    let (net_in, on_net) = use_text("10.0.0.0/8");
    let (count_in, on_count) = use_text("4");
    let body = match (
        parse_network(&lang, &net_in),
        count_in.trim().parse::<u64>(),
    ) {
        (Err(msg), _) => error_line(msg, "split-error"),
        (_, Err(_)) => error_line(
            lang.t(key!("ipw.split.bad_count")).to_owned(),
            "split-error",
        ),
        (Ok(net), Ok(n)) => match equal_split(net, n) {
            Err(e) => error_line(text::split_error(lang.lang, &e), "split-error"),
            Ok(s) => {
                let shown: Vec<Network> = s.subnets().take(MAX_ROWS as usize).collect();
                let rows = shown
                    .iter()
                    .enumerate()
                    .map(|(i, n)| {
                        html! {
                            <tr data-testid="split-subnet" data-cidr={n.to_string()}>
                                <td>{ i + 1 }</td><td><code>{ n.to_string() }</code></td>
                                <td>{ format!("{} – {}", n.first_host(), n.last_host()) }</td>
                                <td>{ n.broadcast().map(|b| b.to_string()).unwrap_or_else(|| "—".into()) }</td>
                                <td>{ thousands(n.usable_hosts()) }</td>
                            </tr>
                        }
                    })
                    .collect::<Html>();
                let bar: Vec<(Network, &'static str, String)> = shown
                    .iter()
                    .enumerate()
                    .map(|(i, n)| (*n, if i % 2 == 0 { "even" } else { "odd" }, n.to_string()))
                    .collect();
                html! {
                    <>
                        <p data-testid="split-summary">{ lang.tf(fill!("ipw.split.summary", count = &thousands(s.count()), bits = &s.borrowed_bits().to_string(), old = &net.prefix().to_string(), new = &s.new_prefix().to_string(), size = &thousands(s.new_prefix().block_size()))) }</p>
                        if s.rounded_up() {
                            <p class="hint" data-testid="split-rounded">{ lang.tf(fill!("ipw.split.rounded", n = &thousands(s.requested()), count = &thousands(s.count()))) }</p>
                        }
                        { blocks_bar(net, &bar) }
                        { table(&lang, rows) }
                        if s.count() > MAX_ROWS {
                            <p class="hint">{ lang.tf(fill!("ipw.split.more", n = &thousands(s.count() - MAX_ROWS))) }</p>
                        }
                    </>
                }
            }
        },
    };
    html! {
        <div class="ip-lab">
            <div class="row">
                <Field class="grow" label={lang.t(key!("ipw.split.network"))} value={(*net_in).clone()} oninput={on_net} testid="split-network" />
                <Field label={lang.t(key!("ipw.split.count"))} value={(*count_in).clone()} oninput={on_count} testid="split-count" class="narrow-field" />
            </div>
            <div aria-live="polite">{ body }</div>
        </div>
    }
}

fn table(lang: &LangCtx, rows: Html) -> Html {
    html! {
        <div class="table-wrap">
            <table class="ip-table">
                <thead><tr>
                    <th scope="col">{ "#" }</th>
                    <th scope="col">{ lang.t(key!("ipw.split.subnet")) }</th>
                    <th scope="col">{ lang.t(key!("ipw.split.hosts_range")) }</th>
                    <th scope="col">{ lang.t(key!("ipw.calc.broadcast")) }</th>
                    <th scope="col">{ lang.t(key!("ipw.calc.usable")) }</th>
                </tr></thead>
                <tbody>{ rows }</tbody>
            </table>
        </div>
    }
}

#[function_component]
pub fn VlsmLab() -> Html {
    let lang = use_lang();
    let (net_in, on_net) = use_text("192.168.10.0/24");
    let (hosts_in, on_hosts) = use_text("60, 30, 10, 2");
    let body = match (parse_network(&lang, &net_in), parse_hosts(&hosts_in)) {
        (Err(msg), _) => error_line(msg, "vlsm-error"),
        (_, None) => error_line(lang.t(key!("ipw.vlsm.bad_hosts")).to_owned(), "vlsm-error"),
        (Ok(net), Some(hosts)) => match vlsm(net, &hosts) {
            Err(e) => error_line(text::vlsm_error(lang.lang, &e), "vlsm-error"),
            Ok(plan) => plan_view(&lang, &plan),
        },
    };
    html! {
        <div class="ip-lab">
            <div class="row">
                <Field class="grow" label={lang.t(key!("ipw.split.network"))} value={(*net_in).clone()} oninput={on_net} testid="vlsm-network" />
                <Field class="grow" label={lang.t(key!("ipw.vlsm.hosts"))} value={(*hosts_in).clone()} oninput={on_hosts} testid="vlsm-hosts" />
            </div>
            <div aria-live="polite">{ body }</div>
        </div>
    }
}

fn plan_view(lang: &LangCtx, plan: &VlsmPlan) -> Html {
    let group = |i: usize| lang.tf(fill!("sol.group", n = &(i + 1).to_string()));
    let rows = plan
        .allocations
        .iter()
        .map(|a| {
            html! {
                <tr data-testid="vlsm-row" data-cidr={a.network.to_string()} data-group={(a.index + 1).to_string()}>
                    <td>{ group(a.index) }</td>
                    <td>{ thousands(u64::from(a.hosts)) }</td>
                    <td><code>{ a.network.to_string() }</code></td>
                    <td>{ format!("{} – {}", a.network.first_host(), a.network.last_host()) }</td>
                    <td>{ thousands(a.spare_hosts()) }</td>
                </tr>
            }
        })
        .collect::<Html>();
    let mut bar: Vec<(Network, &'static str, String)> = plan
        .allocations
        .iter()
        .map(|a| {
            (
                a.network,
                "used",
                // The group's number: the table below gives its name and block.
                (a.index + 1).to_string(),
            )
        })
        .collect();
    bar.extend(plan.free.iter().map(|n| (*n, "free", n.to_string())));
    let free: Vec<String> = plan.free.iter().map(|n| n.to_string()).collect();
    html! {
        <>
            { blocks_bar(plan.parent, &bar) }
            <div class="table-wrap">
                <table class="ip-table">
                    <thead><tr>
                        <th scope="col">{ lang.t(key!("ipw.vlsm.group")) }</th>
                        <th scope="col">{ lang.t(key!("ipw.vlsm.asked")) }</th>
                        <th scope="col">{ lang.t(key!("ipw.split.subnet")) }</th>
                        <th scope="col">{ lang.t(key!("ipw.split.hosts_range")) }</th>
                        <th scope="col">{ lang.t(key!("ipw.vlsm.spare")) }</th>
                    </tr></thead>
                    <tbody>{ rows }</tbody>
                </table>
            </div>
            <p data-testid="vlsm-free">{ if free.is_empty() { lang.t(key!("sol.free_none")).to_owned() } else { lang.tf(fill!("sol.free", free = &free.join(", "))) } }</p>
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_lists_accept_chinese_and_latin_separators() {
        assert_eq!(parse_hosts("60, 30, 10, 2"), Some(vec![60, 30, 10, 2]));
        assert_eq!(parse_hosts("60，30、10 2"), Some(vec![60, 30, 10, 2]));
        assert_eq!(parse_hosts(""), None);
        assert_eq!(parse_hosts("60, x"), None);
        assert_eq!(parse_hosts("-1"), None);
    }
}
