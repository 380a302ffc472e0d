//! One pass over the conversation: what each turn's behaviour codes, facts and proposal mean
//! for the rubric, written on the sheet as findings and slips, and the counts the dimensions
//! are computed from.

use super::law;
use super::rules::{Sheet, code_rule, codes_of, filling_in, relational, roadblock};
use super::{Dimension, Fit, Note, Verdict, channel_fit};
use crate::dialogue::{Act, Conversation, Response, Turn};
use crate::scenario::{Code, PlanAction, Playbook, Principle};
use Dimension::{Agreement, Compliance, Empathy, FactGathering};
use Verdict::{Credit, Debit};

/// A poor channel for the mission weighs half a roadblock turn.
const POOR_CHANNEL: f64 = 0.5;
/// Filling in or assuming for the customer is also a failure to grasp their side (MITI's
/// empathy), at half the weight it has on asking.
const NIVEA_ON_EMPATHY: f64 = 0.5;
/// Giving in (a waiver, an open-ended deferral) is not connection: connecting is guiding and
/// leading, not accepting every objection.
const CAPITULATE_ON_EMPATHY: f64 = 0.5;
/// Announcing collection costs before the law allows them: misleading about costs.
const COSTS_TOO_EARLY: i32 = -35;
/// Urging without a threat ("the full amount by Friday"): unfair treatment to avoid, not a
/// breach of the law; a compliance slip.
const PRESSURE: i32 = -10;
/// Pressing the customer to pay more than they said they can (forbearance).
const PRESSED_UNAFFORDABLE: i32 = -45;
/// Aggressive language (the Wki and Book XIX forbid it), or brushing off a complaint: a
/// compliance slip beside the roadblock.
const UNFAIR_TONE: i32 = -5;
/// A plan put to the customer before anything about what they can pay was asked: a
/// compliance slip (forbearance asks for that check first).
const BLIND_PROPOSAL: i32 = -5;

/// What the pass counted.
#[derive(Debug, Default)]
pub(super) struct Tally {
    /// Turns in which the trainee chose an option (the length a slip is a share of).
    pub(super) choice_turns: usize,
    /// Connecting weight per choice turn, each capped at 1.
    pub(super) relational_sum: f64,
    pub(super) open_q: usize,
    pub(super) closed_q: usize,
    pub(super) reflections: usize,
    pub(super) expectation: bool,
    pub(super) together_before_plan: bool,
    pub(super) proposed: bool,
    /// The first plan was named before anything about what the customer can pay was known.
    pub(super) blind: bool,
    pub(super) countered: bool,
    pub(super) poor_channel: bool,
    /// Root-cause facts an option chosen dealt with.
    pub(super) addressed: u64,
    pressures: usize,
    pub(super) agreed_turn: Option<usize>,
}

/// The fact bits the rules ask about.
#[derive(Debug, Clone, Copy)]
pub(super) struct Bits {
    /// Reason, income, costs, capacity: what the customer's situation is.
    pub(super) situation: u64,
    /// Income or capacity: what they can pay.
    pub(super) capacity: u64,
}

impl Tally {
    /// Walks the conversation once.
    pub(super) fn of(conv: &Conversation, sheet: &mut Sheet, bits: Bits) -> Tally {
        let book = conv.book();
        let mut tally = Tally::default();
        for t in conv.turns() {
            match t.act {
                Act::Channel(i) => tally.channel(book, sheet, t, i, bits),
                Act::Choice(i) => {
                    tally.choice_turns += 1;
                    if let Some(node) = t.node {
                        for id in &book.node(node).options[i].addresses {
                            if let Some(fi) = book.fact_index(id) {
                                tally.addressed |= 1 << fi;
                            }
                        }
                    }
                    let r = tally.codes(book, sheet, t, bits);
                    tally.relational_sum += r.min(1.0);
                    facts(book, sheet, t);
                }
                Act::Proposal { response, .. } => tally.proposal(sheet, t, response, bits),
            }
        }
        // An accepted counter is agreed at the turn that took it.
        if tally.agreed_turn.is_none() && conv.agreed().is_some() {
            tally.agreed_turn = conv
                .turns()
                .iter()
                .find(|t| match (t.act, t.node) {
                    (Act::Choice(i), Some(n)) => {
                        book.node(n).options[i].plan == PlanAction::AcceptCounter
                    }
                    _ => false,
                })
                .map(|t| t.number);
        }
        tally
    }

    /// The channel chosen (3x M), and what its message says.
    fn channel(&mut self, book: &Playbook, sheet: &mut Sheet, t: &Turn, i: usize, bits: Bits) {
        let s = &book.scenario;
        let Some(cc) = &s.context.channel_choice else {
            return;
        };
        let ch = cc.options[i].channel;
        let fit = channel_fit(s.context.mission, ch);
        if fit == Fit::Poor {
            self.poor_channel = true;
            sheet.slip(
                t.number,
                Principle::ThreeM,
                Empathy,
                POOR_CHANNEL,
                Note::Channel(ch, fit),
            );
        } else {
            sheet.add(
                t.number,
                Principle::ThreeM,
                Empathy,
                0,
                Credit,
                Note::Channel(ch, fit),
            );
        }
        if s.context.preferred_channel == Some(ch) {
            sheet.add(
                t.number,
                Principle::ThreeM,
                Empathy,
                0,
                Credit,
                Note::PreferredChannel(ch),
            );
        }
        // A letter or a text is a message too: its behaviours count like a spoken line's.
        self.codes(book, sheet, t, bits);
    }

    /// The behaviour codes of the turn's option; returns the turn's connecting weight.
    fn codes(&mut self, book: &Playbook, sheet: &mut Sheet, t: &Turn, bits: Bits) -> f64 {
        let s = &book.scenario;
        let archetype = s.persona.archetype;
        let mut r = 0.0;
        // One turn spoils at most one turn's share of each dimension, however many slips it
        // holds.
        let (mut spent_empathy, mut spent_facts) = (0.0f64, 0.0f64);
        let share = |spent: &mut f64, w: f64| {
            let w = w.min(1.0 - *spent).max(0.0);
            *spent += w;
            w
        };
        for &code in codes_of(book, t) {
            r += relational(code);
            match code {
                Code::OpenQuestion => self.open_q += 1,
                Code::ClosedQuestion => self.closed_q += 1,
                // MITI counts a summary as a (complex) reflection.
                Code::Reflection | Code::ComplexReflection | Code::Summarize => {
                    self.reflections += 1
                }
                Code::StateExpectation | Code::GiveInformation => self.expectation = true,
                Code::SeekCollaboration | Code::EmphasizeAutonomy if !self.proposed => {
                    self.together_before_plan = true
                }
                _ => {}
            }
            match code {
                Code::AnnounceCosts => {
                    let (principle, dim, points, verdict, note) = match law::costs(&s.context) {
                        law::Costs::Allowed(j) => (
                            Principle::HardOnContent,
                            Agreement,
                            0,
                            Credit,
                            Note::CostsLawful(j),
                        ),
                        law::Costs::TooEarly(j) => (
                            Principle::FairTreatment,
                            Compliance,
                            COSTS_TOO_EARLY,
                            Debit,
                            Note::CostsTooEarly(Some(j)),
                        ),
                        law::Costs::Unknown => (
                            Principle::FairTreatment,
                            Compliance,
                            COSTS_TOO_EARLY,
                            Debit,
                            Note::CostsTooEarly(None),
                        ),
                    };
                    sheet.add(t.number, principle, dim, points, verdict, note);
                    continue;
                }
                Code::Refer => {
                    if t.known_before & bits.situation == 0 {
                        let w = share(&mut spent_empathy, roadblock(Code::PrematureAdvice));
                        sheet.slip(t.number, Principle::Oma, Empathy, w, Note::ReferTooEarly);
                    } else {
                        sheet.add(
                            t.number,
                            Principle::AffordablePlan,
                            Agreement,
                            0,
                            Credit,
                            Note::ReferAfterFacts,
                        );
                    }
                    continue;
                }
                Code::Pressure => {
                    let w = share(&mut spent_empathy, roadblock(code));
                    sheet.slip(
                        t.number,
                        Principle::LowerTheThreat,
                        Empathy,
                        w,
                        Note::Code(code),
                    );
                    self.pressure(sheet, t, bits);
                    continue;
                }
                _ => {}
            }
            let (principle, dim, verdict, points) = code_rule(code, archetype);
            match (dim, verdict) {
                // A slip on connection or asking spoils its share of the conversation.
                (Empathy, Debit) => {
                    let w = share(&mut spent_empathy, roadblock(code));
                    sheet.slip(t.number, principle, dim, w, Note::Code(code));
                }
                (FactGathering, Debit) => {
                    let w = share(&mut spent_facts, filling_in(code));
                    sheet.slip(t.number, principle, dim, w, Note::Code(code));
                    let w = share(&mut spent_empathy, NIVEA_ON_EMPATHY);
                    sheet.slip(t.number, principle, Empathy, w, Note::Code(code));
                }
                _ => sheet.add(t.number, principle, dim, points, verdict, Note::Code(code)),
            }
            match code {
                Code::Capitulate => {
                    let w = share(&mut spent_empathy, CAPITULATE_ON_EMPATHY);
                    sheet.slip(
                        t.number,
                        Principle::DontOvershoot,
                        Empathy,
                        w,
                        Note::Code(code),
                    );
                }
                // Aggressive language, or a complaint brushed off: unfair treatment of the
                // customer, though no law is broken.
                Code::Irritation | Code::Dismiss => sheet.add(
                    t.number,
                    Principle::FairTreatment,
                    Compliance,
                    UNFAIR_TONE,
                    Debit,
                    Note::Code(code),
                ),
                _ => {}
            }
            // A threat is felt before it is illegal: it breaks the connection too.
            if dim == Compliance && roadblock(code) > 0.0 {
                let w = share(&mut spent_empathy, roadblock(code));
                sheet.slip(
                    t.number,
                    Principle::LowerTheThreat,
                    Empathy,
                    w,
                    Note::Code(code),
                );
            }
        }
        r
    }

    /// Urging the customer to pay more than they said they can (after their counter-offer, or
    /// once their figures are known, before anything is agreed) is pressing an unaffordable
    /// plan; pressing again and again is harassment; a single push is a slip of tone.
    fn pressure(&mut self, sheet: &mut Sheet, t: &Turn, bits: Bits) {
        self.pressures += 1;
        let pressing =
            self.agreed_turn.is_none() && (self.countered || t.known_before & bits.capacity != 0);
        let (points, note) = if pressing {
            (PRESSED_UNAFFORDABLE, Note::PressedBeyondCapacity)
        } else if self.pressures > 1 {
            (PRESSURE, Note::PressedAgain)
        } else {
            (PRESSURE, Note::Code(Code::Pressure))
        };
        sheet.add(
            t.number,
            Principle::FairTreatment,
            Compliance,
            points,
            Debit,
            note,
        );
    }

    /// A plan proposed at a negotiation.
    fn proposal(&mut self, sheet: &mut Sheet, t: &Turn, response: Response, bits: Bits) {
        // Naming an amount before asking what the customer can pay is filling in for them
        // (NIVEA), whatever they answer: the trainee's frame, not theirs.
        if !self.proposed && t.known_before & bits.capacity == 0 {
            self.blind = true;
            for dim in [FactGathering, Empathy] {
                sheet.add(
                    t.number,
                    Principle::Nivea,
                    dim,
                    0,
                    Debit,
                    Note::ProposedBlind,
                );
            }
            // Forbearance: what the customer can afford is checked before a plan is put to
            // them (a slip; agreeing a plan they cannot keep is the breach).
            sheet.add(
                t.number,
                Principle::FairTreatment,
                Compliance,
                BLIND_PROPOSAL,
                Debit,
                Note::AffordabilityUnchecked,
            );
        }
        self.proposed = true;
        self.countered |= matches!(response, Response::Counter(_));
        if response == Response::Accept && self.agreed_turn.is_none() {
            self.agreed_turn = Some(t.number);
        }
    }
}

/// Facts the turn brought out, or asked about and missed.
fn facts(book: &Playbook, sheet: &mut Sheet, t: &Turn) {
    let codes = codes_of(book, t);
    for (fi, f) in book.scenario.persona.facts.iter().enumerate() {
        let bit = 1u64 << fi;
        if t.revealed & bit != 0 {
            sheet.add(
                t.number,
                Principle::Anna,
                FactGathering,
                0,
                Credit,
                Note::FactUncovered(fi),
            );
        } else if t.missed & bit != 0 {
            let right_kind = f.reveal.by.iter().any(|c| codes.contains(c));
            let (principle, note) = if right_kind {
                (Principle::Connect, Note::ProbeTooEarly(fi))
            } else {
                (Principle::Anna, Note::ProbeWrongKind(fi))
            };
            sheet.add(t.number, principle, FactGathering, 0, Debit, note);
        }
    }
}
