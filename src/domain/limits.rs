//! How long the lists of a session may grow and how far ahead of the real
//! clock a command's time may be. The limits are far above what a real FGD
//! reaches (a 3-hour meeting has a dozen agenda items, a few guide questions
//! each, some dozens of participants); they exist so that a hostile plan or
//! apply line can't make one agenda item hold megabytes of questions. Owns
//! the numbers and the checks; documented in `sessions/README.md`.

use chrono::{DateTime, Duration, SubsecRound, Utc};

use super::error::{DomainError, Name};

/// Guide questions of one agenda item.
pub const MAX_QUESTIONS: usize = 100;
/// Participants of one session.
pub const MAX_PARTICIPANTS: usize = 1_000;
/// Agenda items of one session.
pub const MAX_ITEMS: usize = 500;
/// Resource persons (narasumber) of one session.
pub const MAX_RESOURCE_PERSONS: usize = 100;

/// How far after the real clock a command's `at` may be: a script's clock
/// a little ahead is fine; a year-9999 `at` would freeze the session's clock.
pub const MAX_AHEAD_MINUTES: i64 = 5;

/// `count` entries of the list `what`, refused above `max`.
pub fn at_most(what: Name, count: usize, max: usize) -> Result<(), DomainError> {
    if count > max {
        Err(DomainError::TooMany { what, count, max })
    } else {
        Ok(())
    }
}

/// `at`, refused when it is more than [`MAX_AHEAD_MINUTES`] after `clock`
/// (the real time, read by the caller: the domain reads no clock).
pub fn not_ahead(at: DateTime<Utc>, clock: DateTime<Utc>) -> Result<(), DomainError> {
    let limit = clock + Duration::minutes(MAX_AHEAD_MINUTES);
    if at > limit {
        Err(DomainError::AheadOfClock {
            at,
            clock: clock.trunc_subsecs(0),
        })
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn lists_stop_at_their_limit() {
        assert!(at_most("guide questions", MAX_QUESTIONS, MAX_QUESTIONS).is_ok());
        assert!(matches!(
            at_most("guide questions", MAX_QUESTIONS + 1, MAX_QUESTIONS),
            Err(DomainError::TooMany {
                count: 101,
                max: 100,
                ..
            })
        ));
    }

    #[test]
    fn a_time_a_few_minutes_ahead_passes_and_far_ahead_is_refused() {
        let clock = Utc.with_ymd_and_hms(2026, 11, 23, 2, 0, 0).single();
        let Some(clock) = clock else { return };
        assert!(not_ahead(clock + Duration::minutes(5), clock).is_ok());
        assert!(not_ahead(clock - Duration::days(400), clock).is_ok());
        assert!(not_ahead(clock + Duration::minutes(6), clock).is_err());
    }
}
