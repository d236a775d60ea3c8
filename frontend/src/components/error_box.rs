//! A failed request, shown the way a learner can act on: the error's meaning by name, the
//! number and the relay's own system's name for it (`errno 10061 WSAECONNREFUSED` on
//! Windows), the explanation in their language (from the text tables: the relay's `message` is
//! English only), the exact line Python prints for this
//! failure on that system, and the raw detail.

use protocol::{ErrorCode, RelayError};
use yew::prelude::*;

use crate::i18n::{Key, use_lang};

/// What `code` means, explained for a learner (`frontend/src/i18n/errors_*.rs`).
pub fn explanation(code: ErrorCode) -> Key {
    match code {
        ErrorCode::AddrInUse => key!("error.EADDRINUSE"),
        ErrorCode::AddrNotAvail => key!("error.EADDRNOTAVAIL"),
        ErrorCode::Access => key!("error.EACCES"),
        ErrorCode::ConnRefused => key!("error.ECONNREFUSED"),
        ErrorCode::ConnReset => key!("error.ECONNRESET"),
        ErrorCode::ConnAborted => key!("error.ECONNABORTED"),
        ErrorCode::TimedOut => key!("error.ETIMEDOUT"),
        ErrorCode::HostUnreach => key!("error.EHOSTUNREACH"),
        ErrorCode::NetUnreach => key!("error.ENETUNREACH"),
        ErrorCode::MsgSize => key!("error.EMSGSIZE"),
        ErrorCode::Pipe => key!("error.EPIPE"),
        ErrorCode::Invalid => key!("error.EINVAL"),
        ErrorCode::OtherOs => key!("error.OS_ERROR"),
        ErrorCode::BadToken => key!("error.BAD_TOKEN"),
        ErrorCode::NotAuthenticated => key!("error.NOT_AUTHENTICATED"),
        ErrorCode::BadRequest => key!("error.BAD_REQUEST"),
        ErrorCode::MessageTooLarge => key!("error.MESSAGE_TOO_LARGE"),
        ErrorCode::BadAddress => key!("error.BAD_ADDRESS"),
        ErrorCode::ResolveFailed => key!("error.RESOLVE_FAILED"),
        ErrorCode::TargetDenied => key!("error.TARGET_DENIED"),
        ErrorCode::BindDenied => key!("error.BIND_DENIED"),
        ErrorCode::NoSuchSocket => key!("error.NO_SUCH_SOCKET"),
        ErrorCode::WrongSocketKind => key!("error.WRONG_SOCKET_KIND"),
        ErrorCode::TooManySockets => key!("error.TOO_MANY_SOCKETS"),
        ErrorCode::PayloadTooLarge => key!("error.PAYLOAD_TOO_LARGE"),
        ErrorCode::NotImplemented => key!("error.NOT_IMPLEMENTED"),
        ErrorCode::Disconnected => key!("error.DISCONNECTED"),
        ErrorCode::TooManySessions => key!("error.TOO_MANY_SESSIONS"),
        ErrorCode::SizeMismatch => key!("error.SIZE_MISMATCH"),
        ErrorCode::HashMismatch => key!("error.HASH_MISMATCH"),
        ErrorCode::DownloadTooLarge => key!("error.DOWNLOAD_TOO_LARGE"),
        ErrorCode::RateLimited => key!("error.RATE_LIMITED"),
        ErrorCode::LowPortDenied => key!("error.LOW_PORT_DENIED"),
    }
}

#[derive(Properties, PartialEq)]
pub struct ErrorBoxProps {
    pub error: RelayError,
    #[prop_or_default]
    pub testid: AttrValue,
    /// What to say instead of the code's general explanation, when the screen knows more
    /// (for a refused bind: which address was tried, and why that one).
    #[prop_or_default]
    pub explanation: Option<AttrValue>,
}

#[function_component]
pub fn ErrorBox(props: &ErrorBoxProps) -> Html {
    let lang = use_lang();
    let e = &props.error;
    let errno = match (e.errno, e.os_name.as_deref()) {
        // Only when the system's name differs from the meaning's (Windows' WSAE...).
        (Some(n), Some(name)) if name != e.code.name() => format!("errno {n} {name}"),
        (Some(n), _) => format!("errno {n}"),
        (None, _) => String::new(),
    };
    html! {
        <div class="error-box" role="alert" data-testid={props.testid.clone()} data-code={e.code.name()}>
            <div class="error-head"><code class="error-code">{ e.code.name() }</code>{ " " }<span class="errno">{ errno }</span></div>
            <p>{ super::prose::inline(&props.explanation.clone().unwrap_or_else(|| AttrValue::from(lang.t(explanation(e.code))))) }</p>
            if let Some(line) = &e.python {
                <p class="error-python">{ lang.t(key!("common.error_python")) }{ " " }<code data-testid="error-python">{ line.clone() }</code></p>
            }
            if let Some(detail) = &e.detail {
                <p class="error-detail">{ lang.t(key!("common.error_detail")) }{ " " }<code>{ detail.clone() }</code></p>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use protocol::Lang;

    use super::*;
    use crate::i18n::tr;

    /// Every code has its own explanation (the compiler already checked that each exists in
    /// both languages).
    #[test]
    fn every_error_code_has_its_own_explanation() {
        let keys: std::collections::BTreeSet<_> = ErrorCode::ALL
            .iter()
            .map(|c| explanation(*c).name())
            .collect();
        assert_eq!(keys.len(), ErrorCode::ALL.len());
        assert_eq!(
            explanation(ErrorCode::ConnRefused),
            key!("error.ECONNREFUSED")
        );
        assert!(tr(Lang::ZhCn, explanation(ErrorCode::ConnRefused)).starts_with("对方拒绝连接"));
    }
}
