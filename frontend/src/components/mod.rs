//! Building blocks shared by every lesson: the header, prose, code, byte views, errors, and the
//! box that explains how to start the relay.

mod bytes_view;
mod composer;
mod error_box;
mod header;
mod held_by;
mod input;
mod prose;
mod python;
mod relay_gate;

pub use bytes_view::{BytesView, HexLine};
pub use composer::{
    Composed, Composer, InputMode, PortError, PyArgs, Target, parse_port, sendto_line,
};
pub use error_box::{ErrorBox, explanation};
pub use header::Header;
pub use held_by::HeldByOffer;
pub use input::{EncodingSelect, on_text};
pub use prose::Prose;
pub use python::PythonCode;
pub use relay_gate::RelayGate;
