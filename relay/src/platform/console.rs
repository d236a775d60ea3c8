//! The console window a learner sees after double-clicking `netlab-windows-x86_64.exe`: it
//! shows the tutorial's link and how to stop the program, Chinese text in it is readable, and
//! on a fatal error it waits for Enter before it closes, so the learner can read why.
//!
//! Windows only needs one call for Chinese: a Chinese Windows console starts in code page 936
//! (GBK), and bytes written as UTF-8 would show as mojibake; `SetConsoleOutputCP(65001)` makes
//! it UTF-8. Elsewhere terminals are UTF-8 already and this module does nothing special.

/// How to stop the relay, shown under the link (on stderr: stdout carries only the link).
pub const STOP_HINT: &str = "按 Ctrl+C 停止本程序。 Press Ctrl+C to stop this program.";

/// Shown after a fatal error when closing the program would close its window too.
pub const PRESS_ENTER: &str = "按回车键关闭此窗口。 Press Enter to close this window.";

/// Prepares the console for UTF-8 output and coloured logs (Windows; nothing elsewhere).
pub fn prepare() {
    #[cfg(windows)]
    {
        windows::utf8_output();
        windows::colour_codes_on_stderr();
    }
}

/// Called after a fatal error (already printed): when this program is the only one in its
/// console window (a double-click from Explorer, not a terminal), waits for Enter, since the
/// window closes with the program. From a terminal, or with no console, returns at once.
pub fn pause_if_own_window() {
    if owns_its_window() {
        eprintln!("{PRESS_ENTER}");
        let mut line = String::new();
        let _ = std::io::stdin().read_line(&mut line);
    }
}

fn owns_its_window() -> bool {
    #[cfg(windows)]
    return windows::sole_process_in_console();
    #[cfg(not(windows))]
    false
}

#[cfg(windows)]
mod windows {
    use windows_sys::Win32::System::Console::{
        ENABLE_VIRTUAL_TERMINAL_PROCESSING, GetConsoleMode, GetConsoleProcessList, GetStdHandle,
        STD_ERROR_HANDLE, SetConsoleMode, SetConsoleOutputCP,
    };

    /// The code page number of UTF-8.
    const CP_UTF8: u32 = 65001;

    #[allow(unsafe_code)]
    pub fn utf8_output() {
        // SAFETY: SetConsoleOutputCP takes a plain number and touches no memory of ours. It
        // fails harmlessly (returns 0) when there is no console, e.g. with output in a pipe.
        unsafe {
            SetConsoleOutputCP(CP_UTF8);
        }
    }

    /// The logs are coloured with ANSI codes when stderr is a console; the older Windows 10
    /// console shows them as junk unless "virtual terminal processing" is switched on.
    #[allow(unsafe_code)]
    pub fn colour_codes_on_stderr() {
        // SAFETY: GetStdHandle returns a handle owned by the process (or null/invalid, which
        // Get/SetConsoleMode reject harmlessly); `mode` is a valid place for one u32.
        unsafe {
            let handle = GetStdHandle(STD_ERROR_HANDLE);
            let mut mode = 0u32;
            if GetConsoleMode(handle, &mut mode) != 0 {
                SetConsoleMode(handle, mode | ENABLE_VIRTUAL_TERMINAL_PROCESSING);
            }
        }
    }

    /// Whether this process is alone in its console: a terminal (cmd, PowerShell) counts
    /// itself too, so a double-clicked program sees 1, one started from a terminal 2 or more,
    /// and one without a console (output in pipes) 0.
    #[allow(unsafe_code)]
    pub fn sole_process_in_console() -> bool {
        let mut ids = [0u32; 2];
        // SAFETY: the buffer is valid for `ids.len()` process ids, the length we pass.
        let count = unsafe { GetConsoleProcessList(ids.as_mut_ptr(), ids.len() as u32) };
        count == 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_say_it_in_both_languages() {
        for hint in [STOP_HINT, PRESS_ENTER] {
            let (zh, en) = hint.split_once("。 ").expect("Chinese, then English");
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{zh}"
            );
            assert!(en.is_ascii() && en.ends_with('.'), "{en}");
        }
        assert!(STOP_HINT.contains("Ctrl+C"));
    }

    #[test]
    fn a_terminal_run_never_waits_for_enter() {
        // Tests run from a terminal or with pipes, never alone in a fresh console window.
        assert!(!owns_its_window());
    }
}
