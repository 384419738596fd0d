//! `fgd join ID [--role notetaker|viewer]`: a second terminal on a session
//! that `fgd run` hosts; and the way `fgd apply` and `fgd export` reach a
//! session while a host holds it.

use std::path::PathBuf;

use super::CliError;
use crate::domain::Actor;
use crate::live::{Client, JoinError, Wake};
use crate::store::DataDir;
use crate::tui::app::Role;

/// The role a `--role` value names.
pub fn role(text: &str) -> Result<Role, CliError> {
    match text.parse::<Actor>() {
        Ok(Actor::Notetaker) => Ok(Role::Notetaker),
        Ok(Actor::Viewer) => Ok(Role::Viewer),
        _ => Err(CliError::usage(format!(
            "unknown role `{text}`; use --role notetaker (notulis) or --role viewer"
        ))),
    }
}

/// What a failed join means for the user of session `id`.
pub fn join_error(id: &str, e: JoinError) -> CliError {
    match e {
        JoinError::NotLive => CliError::other(format!(
            "session {id} is not live: no `fgd run` is hosting it. Start it on the facilitator's terminal with `fgd run {id}`, then join again"
        )),
        JoinError::Closed => CliError::other(format!("can't join session {id}: {e}")),
        JoinError::Refused(why) => {
            CliError::other(format!("the host of session {id} refused: {}", why.en))
        }
        JoinError::Io(e) => CliError::other(format!("can't reach the host of session {id}: {e}")),
    }
}

/// Joins the host of session `id` as `actor`.
pub fn connect(data: &DataDir, id: &str, actor: Actor, wake: Wake) -> Result<Client, JoinError> {
    let path = crate::live::socket_path(&data.session_dir(id))?;
    Client::connect(&path, actor, wake)
}

pub fn run(data: &DataDir, id: &str, role_name: &str, out: PathBuf) -> Result<(), CliError> {
    let role = role(role_name)?;
    let id = data.resolve(id)?;
    let config = super::load_config()?;
    crate::tui::run_join(
        |wake| connect(data, &id, role.actor(), wake),
        role,
        &config,
        out,
        &data.session_dir(&id),
    )
    .map_err(|e| join_error(&id, e))?
    // Checked once connected, so that a session that is not live (or a
    // refused peer) is told first.
    .map_err(|e| match super::require_terminal("fgd join") {
        Err(no_terminal) => no_terminal,
        Ok(()) => CliError::other(format!("the terminal failed: {e}")),
    })
}
