//! Kazakhstan working days (RULES.md P4). Being written.
