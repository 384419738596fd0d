//! The data directory and each session's files. The only module that names
//! sled (in `log.rs`); it knows nothing of the rules of an FGD. This file
//! only lays the module out and re-exports; each job has its own file.
//!
//! ```text
//! DATA_DIR/sessions/ID/
//!   lock          held (flock) by the one process that has the session open
//!   db/           sled: the event log
//!   schema        the storage schema version, read before sled opens
//!   journal       every event again, one checked line each: what `fgd repair`
//!                 rebuilds a damaged database from (with session.json)
//!   snapshot      the state at one event, so an open replays only the events
//!                 after it (a cache of the log: ignored when it does not fit)
//!   meta.json     id, title, date, status: rewritten atomically on status changes
//!   session.json  full backup: rewritten atomically at agenda changes and at the end
//! ```
//!
//! - `data_dir` — the data directory, listing, resolving ids, deleting;
//! - `session` — one session directory, created or opened and held;
//! - `resume` — the snapshot checked against the log on open;
//! - `meta` — `meta.json`; `snapshot` — the snapshot file's encoding;
//! - `log` — the sled event log; `lock` — the session lock;
//! - `sent` — the sender's id stored with an event ([`CommandId`]);
//! - `backup` — the writer thread; `fsutil` — private dirs and atomic writes;
//! - `journal` — the journal and its thread; `guard` — `db/` kept as it was
//!   through a refused open; `owner` — refusing directories others can write;
//! - `error` — [`StoreError`].

mod backup;
pub mod data_dir;
pub mod drafts;
pub mod error;
mod fsutil;
mod guard;
pub mod journal;
mod lock;
mod log;
pub mod meta;
pub mod owner;
mod quiet;
pub mod repair;
mod resume;
mod sent;
pub mod session;
mod snapshot;

pub use backup::{BackupWriter, Job, JobError, Render};
pub use data_dir::DataDir;
pub use error::StoreError;
pub use fsutil::{append_capped, create_private_dir_all, remove_temp_files, write_atomic};
pub use lock::{Holder, SessionLock};
pub use log::{EventLog, LogReader, SCHEMA_VERSION};
pub use meta::Meta;
pub use resume::Resume;
pub use sent::CommandId;
pub use session::SessionStore;
pub use snapshot::{EncodeError, FORMAT_VERSION as SNAPSHOT_FORMAT_VERSION, SnapshotUse, Unfit};

/// The snapshot file's name in a session directory.
pub const SNAPSHOT_FILE: &str = "snapshot";
