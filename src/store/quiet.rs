//! Catching a panic inside the database engine without printing it: a
//! damaged file can make sled panic while it opens, and the refusal that
//! follows says plainly what is wrong. Must not name sled.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Mutex, PoisonError};

/// Runs `f` (sled's open), turning a panic inside it into an `Err` without
/// printing it: a damaged file can make sled panic, and the refusal that
/// follows says what is wrong. The panic hook is silenced for this thread
/// only (a panic on another thread meanwhile is reported as ever), and put
/// back after; the swaps are serialised.
pub fn quietly<T>(f: impl FnOnce() -> T) -> std::thread::Result<T> {
    let _swap = SWAP.lock().unwrap_or_else(PoisonError::into_inner);
    quietly_held(f)
}

/// Serialises every swap of the process's panic hook made here (and by the
/// tests of this file, which set hooks of their own).
static SWAP: Mutex<()> = Mutex::new(());

/// [`quietly`] with [`SWAP`] already held.
fn quietly_held<T>(f: impl FnOnce() -> T) -> std::thread::Result<T> {
    use std::panic::{set_hook, take_hook};
    use std::sync::Arc;
    let before = Arc::new(take_hook());
    let forward = Arc::clone(&before);
    let me = std::thread::current().id();
    set_hook(Box::new(move |info| {
        if std::thread::current().id() != me {
            forward(info);
        }
    }));
    let result = catch_unwind(AssertUnwindSafe(f));
    drop(take_hook());
    match Arc::try_unwrap(before) {
        Ok(hook) => set_hook(hook),
        Err(shared) => set_hook(Box::new(move |info| shared(info))),
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_inside_sled_s_open_is_caught_without_a_word() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static REPORTED: AtomicUsize = AtomicUsize::new(0);
        // Held throughout: another test's store open swaps the hook too.
        let _swap = SWAP.lock().unwrap_or_else(PoisonError::into_inner);
        let before = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {
            REPORTED.fetch_add(1, Ordering::SeqCst);
        }));
        let caught = quietly_held(|| panic!("sled: Some(Inline(..)) offset None"));
        let on_this_thread = REPORTED.load(Ordering::SeqCst);
        // The hook is back afterwards: a later panic is reported again.
        let later = std::thread::spawn(|| panic!("a bug")).join();
        let _ = std::panic::take_hook();
        std::panic::set_hook(before);
        assert!(caught.is_err());
        assert_eq!(on_this_thread, 0, "the caught panic was printed");
        assert!(later.is_err());
        assert_eq!(
            REPORTED.load(Ordering::SeqCst),
            1,
            "the hook was not put back"
        );
    }
}
