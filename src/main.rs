//! The `fgd` binary: parse arguments, run, print errors plainly, exit with
//! the documented status (0 done, 2 bad usage or input, 1 anything else).

use std::process::ExitCode;

fn main() -> ExitCode {
    match fgd::cli::main() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if e.bare {
                if !e.message.is_empty() {
                    fgd::cli::print::err(&e.message);
                }
            } else if !e.message.is_empty() {
                fgd::cli::print::err(&format!("fgd: {}", e.message.replace('\n', "\nfgd: ")));
            }
            ExitCode::from(e.code)
        }
    }
}
