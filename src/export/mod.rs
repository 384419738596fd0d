//! Minutes and other files made from a session: no terminal code, no storage.

pub mod json;
