//! The split tree: start from one network, split any block into halves or join two halves back,
//! by clicking. The tree lives in the URL (`?tree=<SplitTree::encode()>`), so a teacher can
//! share exactly this division and a reload keeps it.

use netmath::SplitTree;
use netmath::tree::EditError;
use yew::prelude::*;

use super::field::{Field, error_line, use_text};
use super::query;
use super::split::parse_network;
use crate::i18n::{LangCtx, thousands, use_lang};

const DEFAULT_ROOT: &str = "192.168.1.0/24";

/// The tree a `?tree=` value describes; `Err(())` when the value is there but unreadable.
pub fn tree_from_search(search: &str) -> Option<Result<SplitTree, ()>> {
    query::param(search, "tree").map(|t| SplitTree::decode(&t).map_err(|_| ()))
}

fn default_tree() -> SplitTree {
    let root: netmath::Cidr = DEFAULT_ROOT.parse().expect("the default root parses");
    SplitTree::new(root.network())
}

fn edit_error(lang: &LangCtx, e: EditError) -> String {
    lang.t(match e {
        EditError::CannotSplitSlash32 => key!("ipw.tree.err_32"),
        EditError::TooManyLeaves => key!("ipw.tree.err_many"),
        EditError::SiblingNotLeaf => key!("ipw.tree.err_sibling"),
        EditError::NotInTree | EditError::NotALeaf | EditError::IsRoot => {
            key!("ipw.tree.err_other")
        }
    })
    .to_owned()
}

#[function_component]
pub fn TreeLab() -> Html {
    let lang = use_lang();
    let loaded = use_memo((), |_| tree_from_search(&query::current_search()));
    let tree = use_state(|| match &*loaded {
        Some(Ok(t)) => t.clone(),
        _ => default_tree(),
    });
    let link_broken = matches!(&*loaded, Some(Err(())));
    let problem = use_state(|| None::<String>);
    let (root_in, on_root) = use_text(DEFAULT_ROOT);
    {
        // Show the tree's root in the box when it came from a link.
        let root_in = root_in.clone();
        let root = tree.root().to_string();
        use_effect_with((), move |_| root_in.set(root));
    }
    let apply = {
        let (tree, problem) = (tree.clone(), problem.clone());
        move |t: SplitTree| {
            query::replace_param("tree", &t.encode());
            problem.set(None);
            tree.set(t);
        }
    };
    let restart = {
        let (apply, root_in, problem, lang) = (
            apply.clone(),
            root_in.clone(),
            problem.clone(),
            lang.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match parse_network(&lang, &root_in) {
                Ok(net) => apply(SplitTree::new(net)),
                Err(msg) => problem.set(Some(msg)),
            }
        })
    };
    let nodes = tree.nodes();
    let leaves = tree.leaves();
    let rows = nodes
        .iter()
        .map(|n| {
            let net = n.network;
            let split = {
                let (tree, apply, problem, lang) = (tree.clone(), apply.clone(), problem.clone(), lang.clone());
                Callback::from(move |_| {
                    let mut t = (*tree).clone();
                    match t.split(net) {
                        Ok(_) => apply(t),
                        Err(e) => problem.set(Some(edit_error(&lang, e))),
                    }
                })
            };
            let join = {
                let (tree, apply, problem, lang) = (tree.clone(), apply.clone(), problem.clone(), lang.clone());
                Callback::from(move |_| {
                    let mut t = (*tree).clone();
                    match t.join(net) {
                        Ok(_) => apply(t),
                        Err(e) => problem.set(Some(edit_error(&lang, e))),
                    }
                })
            };
            let is_root = n.depth == 0;
            let style = format!("padding-left:{}rem", f32::from(n.depth.min(12)) * 0.9);
            if n.is_leaf {
                html! {
                    <li class="tree-node leaf" style={style} data-testid="tree-leaf" data-cidr={net.to_string()}>
                        <code>{ net.to_string() }</code>
                        <span class="hint">{ lang.tf(fill!("ipw.tree.hosts", n = &thousands(net.usable_hosts()))) }</span>
                        <button type="button" onclick={split} data-testid="tree-split" disabled={net.prefix().len() >= 32}
                            aria-label={lang.tf(fill!("ipw.tree.split_label", net = &net.to_string()))}>{ lang.t(key!("ipw.tree.split")) }</button>
                        if !is_root {
                            <button type="button" onclick={join} data-testid="tree-join"
                                aria-label={lang.tf(fill!("ipw.tree.join_label", net = &net.to_string()))}>{ lang.t(key!("ipw.tree.join")) }</button>
                        }
                    </li>
                }
            } else {
                html! {
                    <li class="tree-node inner" style={style}><code>{ net.to_string() }</code>
                        <span class="hint">{ lang.t(key!("ipw.tree.split_into_two")) }</span></li>
                }
            }
        })
        .collect::<Html>();
    html! {
        <div class="ip-lab" data-testid="tree-lab" data-tree={tree.encode()}>
            <form class="row" onsubmit={restart}>
                <Field class="grow" label={lang.t(key!("ipw.tree.root"))} value={(*root_in).clone()} oninput={on_root} testid="tree-root" />
                <button type="submit" data-testid="tree-reset">{ lang.t(key!("ipw.tree.start")) }</button>
            </form>
            if link_broken { { error_line(lang.t(key!("ipw.tree.bad_link")).to_owned(), "tree-error") } }
            if let Some(msg) = &*problem { { error_line(msg.clone(), "tree-error") } }
            { icicle(&tree) }
            <p class="hint" data-testid="tree-summary">{ lang.tf(fill!("ipw.tree.summary", n = &leaves.len().to_string())) }</p>
            <ul class="tree-list" aria-live="polite">{ rows }</ul>
            <p class="hint">{ lang.t(key!("ipw.tree.share")) }</p>
        </div>
    }
}

/// Every node as a bar segment, one row per depth: the tree seen from the side.
fn icicle(tree: &SplitTree) -> Html {
    let root = tree.root();
    let total = root.total_addresses() as f64;
    let base = root.addr().to_bits();
    let nodes = tree.nodes();
    let depth = nodes.iter().map(|n| n.depth).max().unwrap_or(0);
    let cells = nodes
        .iter()
        .map(|n| {
            let left = f64::from(n.network.addr().to_bits() - base) * 100.0 / total;
            let width = n.network.total_addresses() as f64 * 100.0 / total;
            let style = format!("left:{left:.3}%;width:{width:.3}%;top:{}rem", f32::from(n.depth) * 1.9);
            html! {
                <span class={classes!("blk", if n.is_leaf { "leaf" } else { "inner" })} style={style} title={n.network.to_string()}>
                    if width >= 12.0 { <span class="blk-label">{ format!("/{}", n.network.prefix().len()) }</span> }
                </span>
            }
        })
        .collect::<Html>();
    html! {
        <div class="icicle" aria-hidden="true" style={format!("height:{}rem", f32::from(depth + 1) * 1.9)}>{ cells }</div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tree_comes_back_from_the_query() {
        let mut t = default_tree();
        let (lo, _) = t.split(t.root()).unwrap();
        t.split(lo).unwrap();
        let search = query::with_param("?x=1", "tree", &t.encode());
        assert_eq!(tree_from_search(&search), Some(Ok(t)));
        assert_eq!(tree_from_search("?x=1"), None);
        assert_eq!(tree_from_search("?tree=nonsense"), Some(Err(())));
    }
}
