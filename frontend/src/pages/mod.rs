//! Whole pages: the table of contents, a lesson step, and "not found".

mod home;
mod lesson;
mod not_found;

pub use home::Home;
pub use lesson::{LessonPage, LessonStart};
pub use not_found::NotFound;
