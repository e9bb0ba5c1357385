pub mod home;
pub mod results;
pub mod vote;
