//! kadr: a static-site generator for a ministry's vacant leadership positions, in
//! Kazakh and Russian. The pipeline runs one way: `load` → `check` → `render` → `output`.

pub mod builtin;
pub mod calendar;
pub mod check;
pub mod diagnostic;
pub mod generate;
pub mod i18n;
pub mod init;
pub mod load;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod report;
pub mod review;
pub mod serve;
