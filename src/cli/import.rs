//! `fgd import`: restores a session from its `session.json` (the recovery
//! path when a database is lost) and prints its id. Refuses, writing
//! nothing, a file that is not a session, one from a newer fgd, one whose
//! events do not make a consistent session, and an id that exists.

use std::path::Path;

use chrono::Utc;

use super::CliError;
use crate::engine::Engine;
use crate::export::json;
use crate::store::{DataDir, StoreError};

pub fn run(data: &DataDir, file: &Path) -> Result<(), CliError> {
    let name = file.display();
    let bytes =
        std::fs::read(file).map_err(|e| CliError::usage(format!("can't read {name}: {e}")))?;
    let (session, events) = json::import(&bytes)
        .map_err(|e| CliError::usage(format!("{name}: {e}; nothing was imported")))?;
    let id = session.info.id.clone();
    let exists = || {
        CliError::usage(format!(
            "a session with id {id} already exists; nothing was imported. \
             Remove it first (`fgd delete {id}`) or move its directory aside"
        ))
    };
    if data.exists(&id) {
        return Err(exists());
    }
    match Engine::create(data, events, Utc::now()) {
        Ok(_) => {}
        Err(StoreError::Exists(_)) => return Err(exists()),
        Err(e) => return Err(e.into()),
    }
    super::print::out(&id);
    Ok(())
}
