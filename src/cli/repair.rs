//! `fgd repair ID`: rebuilds a session whose database can't be opened from
//! its journal and `session.json` backup (every event acknowledged more
//! than a second before the damage), keeping the damaged database aside,
//! and says how many events came back.

use chrono::Utc;

use super::CliError;
use crate::engine::repair::{self, RepairError};
use crate::store::DataDir;

pub fn run(data: &DataDir, id: &str) -> Result<(), CliError> {
    let id = data.resolve(id)?;
    match repair::repair(data, &id, Utc::now()) {
        Ok(done) => {
            let kept = done.kept.map_or_else(String::new, |p| {
                format!("; the damaged database is kept as {}", p.display())
            });
            println!("repaired {id}: {} event(s) restored{kept}", done.events);
            Ok(())
        }
        Err(e @ RepairError::Healthy(_)) => {
            println!("{e}");
            Ok(())
        }
        Err(RepairError::Store(e)) => Err(e.into()),
        Err(e @ (RepairError::Nothing(_) | RepairError::Inconsistent { .. })) => {
            Err(CliError::other(e.to_string()))
        }
    }
}
