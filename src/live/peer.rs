//! Who may connect to the host: a peer of the same user only (Linux:
//! `SO_PEERCRED`; elsewhere the socket's 0600 mode and its private
//! directory keep others out). Must not read or answer the connection.

use std::os::unix::net::UnixStream;

use crate::engine::PeerRefusal;

/// Refuses a peer of another user (Linux: `SO_PEERCRED`; elsewhere the
/// socket's 0600 mode and its private directory keep others out).
pub(super) fn check(stream: &UnixStream) -> Result<(), PeerRefusal> {
    #[cfg(target_os = "linux")]
    {
        let own = rustix::process::geteuid();
        match rustix::net::sockopt::socket_peercred(stream) {
            Ok(cred) if cred.uid == own => Ok(()),
            Ok(cred) => Err(PeerRefusal::OtherUser {
                uid: cred.uid.as_raw(),
                pid: cred.pid.as_raw_nonzero().get(),
                own: own.as_raw(),
            }),
            Err(e) => Err(PeerRefusal::Unchecked(e.to_string())),
        }
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = stream;
        Ok(())
    }
}
