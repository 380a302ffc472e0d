//! The style table: how a customer of each personality style reacts to each behaviour, one
//! table for every scenario (`docs/scenario-format.md` prints it).
//!
//! An option's mood change is the sum of its codes' reactions (every style shares a base row;
//! each style adds its own on top), kept within [`LIMIT`]. An author's `trust`/`stress` on an
//! option say how the customer *as written* reacts (none: no change, as scenarios always had
//! it), so a scenario played in the style it was written for plays exactly as written. A
//! customer drawn in another style reacts by that style's row of the table; the author's
//! numbers move it by at most [`NUDGE`]. So the same line lands differently with an analytical
//! and with an amiable customer, whatever the author wrote.

use super::model::{Code, Style};

/// The most an author's numbers may move an option's reaction away from the table, per axis.
pub const NUDGE: i32 = 10;

/// An option's reaction stays within these (trust, stress) bounds, however many codes it has.
pub const LIMIT: ((i32, i32), (i32, i32)) = ((-25, 20), (-20, 30));

/// What every style shares: (trust, stress) per code.
pub fn base(code: Code) -> (i32, i32) {
    use Code::*;
    match code {
        OpenQuestion => (3, -1),
        ClosedQuestion => (0, 0),
        Reflection => (5, -3),
        ComplexReflection => (7, -4),
        Affirm => (4, -3),
        Summarize => (3, -2),
        SeekCollaboration => (4, -3),
        EmphasizeAutonomy => (4, -3),
        Acknowledge => (6, -5),
        Appreciate => (3, -2),
        GiveInformation => (1, 0),
        StateExpectation => (0, 2),
        Confirm => (2, -2),
        Refer => (1, -1),
        Judge => (-8, 6),
        Opinion => (-4, 3),
        PrematureAdvice => (-4, 3),
        Assume => (-4, 3),
        FillIn => (-4, 4),
        Accuse => (-8, 6),
        Irritation => (-6, 5),
        Boilerplate => (-4, 3),
        Dismiss => (-7, 6),
        Capitulate => (4, -8),
        Threaten => (-10, 12),
        FalseThreat => (-6, 6),
        Pressure => (-6, 8),
        ThirdParty => (-10, 8),
        Misleading => (-5, 3),
        AnnounceCosts => (-2, 5),
    }
}

/// What a style adds to the base row: the behaviours it wants and those it bristles at.
pub fn adjust(style: Style, code: Code) -> (i32, i32) {
    use Code::*;
    match (style, code) {
        // Wants figures, dates and precision; bristles at being filled in for or guessed at,
        // and has little use for talk about feelings.
        (Style::Analytical, GiveInformation) => (3, -2),
        (Style::Analytical, Summarize | Confirm) => (2, -1),
        (Style::Analytical, ClosedQuestion) => (1, 0),
        (Style::Analytical, FillIn) => (-5, 3),
        (Style::Analytical, Assume | Misleading) => (-4, 2),
        (Style::Analytical, Opinion) => (-2, 1),
        (Style::Analytical, Reflection | ComplexReflection) => (-2, 0),
        // Wants it short, to the point, and to have the choice; pushes back at pressure
        // rather than giving in, and takes giving in for weakness.
        (Style::Driver, EmphasizeAutonomy) => (4, -2),
        (Style::Driver, SeekCollaboration | StateExpectation) => (2, -2),
        (Style::Driver, GiveInformation) => (1, 0),
        (Style::Driver, Reflection | ComplexReflection | Summarize) => (-2, 1),
        (Style::Driver, Boilerplate | FillIn) => (-3, 2),
        (Style::Driver, Pressure) => (-6, -3),
        (Style::Driver, Threaten) => (-4, -4),
        (Style::Driver, Capitulate) => (-4, 4),
        // Needs warmth and reassurance; collapses under pressure.
        (Style::Amiable, Affirm) => (3, -2),
        (Style::Amiable, Acknowledge | Reflection | Appreciate) => (2, -2),
        (Style::Amiable, Pressure | Threaten) => (-2, 10),
        (Style::Amiable, StateExpectation) => (0, 3),
        (Style::Amiable, Judge | Irritation | Accuse) => (-2, 4),
        // Needs to be heard and recognised; reacts to boilerplate and to being cut short.
        (Style::Expressive, Reflection) => (3, -2),
        (Style::Expressive, ComplexReflection | Acknowledge) => (4, -2),
        (Style::Expressive, OpenQuestion) => (2, -1),
        (Style::Expressive, Summarize) => (1, 0),
        (Style::Expressive, Boilerplate) => (-6, 4),
        (Style::Expressive, Dismiss) => (-4, 3),
        (Style::Expressive, ClosedQuestion) => (-2, 1),
        (Style::Expressive, GiveInformation) => (-1, 0),
        _ => (0, 0),
    }
}

/// The table's reaction of a customer of `style` to a line showing `codes`.
pub fn reaction(style: Style, codes: &[Code]) -> (i32, i32) {
    let (mut trust, mut stress) = (0, 0);
    for &c in codes {
        let (bt, bs) = base(c);
        let (at, as_) = adjust(style, c);
        trust += bt + at;
        stress += bs + as_;
    }
    let ((tlo, thi), (slo, shi)) = LIMIT;
    (trust.clamp(tlo, thi), stress.clamp(slo, shi))
}

/// How an author's number moves the table for the customer as written: the difference,
/// bounded by [`NUDGE`]; none when the author gave no number.
pub fn nudge(written: Option<i32>, table: i32) -> i32 {
    written.map_or(0, |w| (w - table).clamp(-NUDGE, NUDGE))
}

/// An option's mood change for a customer drawn in `style`, where the author wrote for
/// `written` and gave `trust`/`stress` (or not): the author's number in the style written
/// for (none: no change), the table elsewhere (nudged by what the author wrote).
pub fn effect(
    written: Style,
    style: Style,
    codes: &[Code],
    trust: Option<i32>,
    stress: Option<i32>,
) -> (i32, i32) {
    let (wt, ws) = reaction(written, codes);
    if style == written {
        return (trust.unwrap_or(0), stress.unwrap_or(0));
    }
    let (t, s) = reaction(style, codes);
    (t + nudge(trust, wt), s + nudge(stress, ws))
}

/// How a style takes a behaviour: wanted (it gains trust beyond the base), resented (it
/// loses trust beyond the base), or neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Taste {
    Wanted,
    Resented,
    Neutral,
}

pub fn taste(style: Style, code: Code) -> Taste {
    let (t, s) = adjust(style, code);
    if t > 0 {
        Taste::Wanted
    } else if t < 0 || s > 2 {
        Taste::Resented
    } else {
        Taste::Neutral
    }
}

pub const STYLES: [Style; 4] = [
    Style::Analytical,
    Style::Driver,
    Style::Amiable,
    Style::Expressive,
];

impl Style {
    pub fn key(self) -> &'static str {
        match self {
            Style::Analytical => "analytical",
            Style::Driver => "driver",
            Style::Amiable => "amiable",
            Style::Expressive => "expressive",
        }
    }

    pub fn label(self) -> crate::text::Text {
        let (nl, en) = match self {
            Style::Analytical => ("analytisch", "analytical"),
            Style::Driver => ("doener", "driver"),
            Style::Amiable => ("hartelijk", "amiable"),
            Style::Expressive => ("expressief", "expressive"),
        };
        crate::text::Text::new(nl, en)
    }

    /// What this style wants from a collector, for the debrief.
    pub fn wants(self) -> crate::text::Text {
        let (nl, en) = match self {
            Style::Analytical => (
                "wil cijfers, data en precisie, en zegt zelf wat kan",
                "wants figures, dates and precision, and to say for themselves what is possible",
            ),
            Style::Driver => (
                "wil het kort en zakelijk, en zelf de keuze",
                "wants it short and businesslike, and to make the choice",
            ),
            Style::Amiable => (
                "heeft geruststelling en geduld nodig en klapt dicht onder druk",
                "needs reassurance and patience, and collapses under pressure",
            ),
            Style::Expressive => (
                "wil gehoord en erkend worden en reageert op standaardzinnen",
                "needs to be heard and recognised, and reacts to boilerplate",
            ),
        };
        crate::text::Text::new(nl, en)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Code::*;

    #[test]
    fn an_analytical_customer_wants_figures_and_bristles_at_being_filled_in_for() {
        let a = Style::Analytical;
        let info = reaction(a, &[GiveInformation]);
        let fill = reaction(a, &[FillIn]);
        for other in [Style::Driver, Style::Amiable, Style::Expressive] {
            assert!(info.0 > reaction(other, &[GiveInformation]).0, "{other:?}");
            assert!(fill.0 < reaction(other, &[FillIn]).0, "{other:?}");
        }
        assert_eq!(taste(a, FillIn), Taste::Resented);
        assert_eq!(taste(a, GiveInformation), Taste::Wanted);
    }

    #[test]
    fn a_driver_wants_the_choice_and_pushes_back_at_pressure() {
        let d = Style::Driver;
        let choice = reaction(d, &[EmphasizeAutonomy]);
        let press = reaction(d, &[Pressure]);
        for other in [Style::Analytical, Style::Amiable, Style::Expressive] {
            assert!(
                choice.0 > reaction(other, &[EmphasizeAutonomy]).0,
                "{other:?}"
            );
            // Loses more trust, but is less stressed by it.
            assert!(press.0 < reaction(other, &[Pressure]).0, "{other:?}");
            assert!(press.1 < reaction(other, &[Pressure]).1, "{other:?}");
        }
        assert!(reaction(d, &[Capitulate]).0 < reaction(Style::Amiable, &[Capitulate]).0);
    }

    #[test]
    fn an_amiable_customer_needs_reassurance_and_collapses_under_pressure() {
        let m = Style::Amiable;
        for other in [Style::Analytical, Style::Driver, Style::Expressive] {
            assert!(reaction(m, &[Pressure]).1 > reaction(other, &[Pressure]).1);
            assert!(reaction(m, &[Affirm]).0 > reaction(other, &[Affirm]).0);
        }
        assert_eq!(taste(m, Pressure), Taste::Resented);
    }

    #[test]
    fn an_expressive_customer_needs_to_be_heard_and_reacts_to_boilerplate() {
        let e = Style::Expressive;
        for other in [Style::Analytical, Style::Driver, Style::Amiable] {
            assert!(reaction(e, &[Reflection]).0 > reaction(other, &[Reflection]).0);
            assert!(reaction(e, &[Boilerplate]).0 < reaction(other, &[Boilerplate]).0);
        }
    }

    #[test]
    fn every_style_rewards_connection_and_punishes_threats() {
        for s in STYLES {
            assert!(reaction(s, &[Acknowledge, OpenQuestion]).0 > 0, "{s:?}");
            assert!(reaction(s, &[Threaten, FalseThreat]).0 < 0, "{s:?}");
            // However many codes, the reaction stays bounded.
            let all = reaction(s, &Code::ALL);
            assert!((-25..=20).contains(&all.0) && (-20..=30).contains(&all.1));
        }
    }

    #[test]
    fn an_authors_numbers_are_a_bounded_nudge_that_carries_to_other_styles() {
        let codes = [Reflection, OpenQuestion];
        let (t, _) = reaction(Style::Amiable, &codes);
        // In the style written for: the author's numbers, none where none.
        assert_eq!(
            effect(Style::Amiable, Style::Amiable, &codes, Some(t + 4), None),
            (t + 4, 0)
        );
        // In another style, far from the table: moved by at most NUDGE.
        let analytical = reaction(Style::Analytical, &codes).0;
        assert_eq!(
            effect(Style::Amiable, Style::Analytical, &codes, Some(90), None).0,
            analytical + NUDGE
        );
        // No number: the table.
        assert_eq!(
            effect(Style::Amiable, Style::Analytical, &codes, None, None),
            reaction(Style::Analytical, &codes)
        );
        // A drawn style keeps the author's nudge on its own row.
        assert_eq!(
            effect(Style::Amiable, Style::Analytical, &codes, Some(t + 4), None).0,
            analytical + 4
        );
    }
}
