//! The law as rules, in one table: when a line about collection costs is lawful, per
//! jurisdiction. The README's "Compliance" section documents the same table.

use crate::scenario::{Context, Jurisdiction};

/// Whether a collector may tell this customer that collection costs are charged, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Costs {
    /// The free reminder went out and its term passed: costs may be charged, on the legal scale.
    Allowed(Jurisdiction),
    /// Not yet: the law's free reminder and its 14 days come first.
    TooEarly(Jurisdiction),
    /// The scenario names no jurisdiction, so no costs can be shown to be lawful.
    Unknown,
}

/// The rule for the call's context.
///
/// | jurisdiction | costs may be charged to a consumer | source |
/// | --- | --- | --- |
/// | NL | after a free reminder giving 14 days to pay (from the day after receipt), stating the costs | art. 6:96 BW, Besluit/WIK |
/// | BE | after a free first reminder and 14 calendar days (from the third working day after sending) | Book XIX of the Code of Economic Law (2023) |
pub fn costs(context: &Context) -> Costs {
    match (context.jurisdiction, context.reminder_sent) {
        (Some(j), true) => Costs::Allowed(j),
        (Some(j), false) => Costs::TooEarly(j),
        (None, _) => Costs::Unknown,
    }
}
