//! Files → model.
pub mod yaml;
