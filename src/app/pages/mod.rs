pub mod count;
pub mod home;
pub mod manage;
pub mod new_count;
pub mod new_session;
pub mod results;
pub mod templates;
pub mod vote;
