//! Agreement quality: what was agreed, judged by one function per kind of ending, each
//! capping the dimension (a promise that will break, a claim given away).

use super::rules::{Sheet, clamp, codes_of, fact_bits};
use super::{Dimension, Note, Verdict};
use crate::dialogue::{Act, Conversation, Turn};
use crate::plan::{Finances, Plan};
use crate::scenario::{Code, Ending, FactKind, Negotiation, Playbook, Principle};
use Dimension::Agreement as A;
use Verdict::{Credit, Debit};

/// Points a plan earns: affordable, realistic for the company, made together, based on facts.
struct PlanWeights {
    affordable: i32,
    realistic: i32,
    together: i32,
    facts: i32,
}

const ARRANGEMENT_PLAN: PlanWeights = PlanWeights {
    affordable: 25,
    realistic: 15,
    together: 10,
    facts: 5,
};
const DISPUTE_PLAN: PlanWeights = PlanWeights {
    affordable: 15,
    realistic: 10,
    together: 5,
    facts: 5,
};

pub(super) struct AgreementInput {
    pub(super) ending: Option<Ending>,
    pub(super) agreed_turn: Option<usize>,
    pub(super) expectation: bool,
    pub(super) together_before_plan: bool,
    pub(super) capacity_bits: u64,
    pub(super) situation_bits: u64,
}

/// What the agreement rules look at, gathered once from the conversation.
struct Deal<'a> {
    conv: &'a Conversation,
    book: &'a Playbook,
    f: &'a Finances,
    /// The turn findings about the whole call are written on.
    last: usize,
    agreed_turn: Option<usize>,
    expectation: bool,
    together_before_plan: bool,
    capacity_bits: u64,
    situation_bits: u64,
    /// The plan was confirmed or summarised from the agreement on.
    confirmed: bool,
    appreciated: bool,
    acknowledged: bool,
    proposal_turn: Option<&'a Turn>,
    negotiation: Option<&'a Negotiation>,
}

/// The cap an ending that puts no limit of its own leaves.
const NO_CAP: f64 = 100.0;

/// Agreement quality: the sum of its findings' points, capped by the kind of ending.
pub(super) fn agreement(conv: &Conversation, sheet: &mut Sheet, input: AgreementInput) -> u8 {
    let deal = Deal::new(conv, &input);
    let guessed = deal.guessed_proposal(sheet);
    let cap = match input.ending {
        Some(e @ (Ending::Arrangement | Ending::PaidInFull)) => deal.settled(sheet, e),
        Some(e @ Ending::DisputeResolved) => deal.dispute_resolved(sheet, e),
        Some(e @ Ending::FollowUp) => deal.follow_up(sheet, e),
        Some(e @ Ending::Referred) => deal.referred(sheet, e),
        Some(
            e @ (Ending::NoAgreement | Ending::Escalated | Ending::HungUp | Ending::DebtWaived),
        ) => deal.no_deal(sheet, e),
        None => NO_CAP,
    };
    clamp(sheet.sum(A).min(cap).min(guessed))
}

/// The most a plan the trainee guessed (named before asking what the customer can pay, or above
/// what they said) leaves agreement, whatever the customer answered: the same trainee
/// behaviour scores the same whether a cornered customer says yes or a calmer one counters.
const GUESSED_CAP: f64 = 40.0;

impl<'a> Deal<'a> {
    fn new(conv: &'a Conversation, input: &AgreementInput) -> Deal<'a> {
        let book = conv.book();
        let turns = conv.turns();
        let agreed_turn = input.agreed_turn;
        // From the agreement on: the option that takes a counter-offer may itself confirm it.
        let after = |t: &Turn, code: Code| {
            agreed_turn.is_some_and(|a| t.number >= a) && codes_of(book, t).contains(&code)
        };
        let proposal_turn = turns.iter().find(|t| matches!(t.act, Act::Proposal { .. }));
        Deal {
            conv,
            book,
            f: &book.scenario.persona.finances,
            last: turns.len().max(1),
            agreed_turn,
            expectation: input.expectation,
            together_before_plan: input.together_before_plan,
            capacity_bits: input.capacity_bits,
            situation_bits: input.situation_bits,
            confirmed: turns
                .iter()
                .any(|t| after(t, Code::Confirm) || after(t, Code::Summarize)),
            appreciated: turns.iter().any(|t| after(t, Code::Appreciate)),
            acknowledged: turns
                .iter()
                .any(|t| codes_of(book, t).contains(&Code::Acknowledge)),
            proposal_turn,
            negotiation: proposal_turn
                .and_then(|t| t.node)
                .and_then(|n| book.node(n).negotiate.as_ref()),
        }
    }

    /// A plan the trainee named before asking what the customer can pay, or above what they
    /// said, is filling in for them (NIVEA), even when their counter-offer rescues it; returns
    /// the cap it puts on agreement.
    fn guessed_proposal(&self, sheet: &mut Sheet) -> f64 {
        let (Some(t), Some(p)) = (self.proposal_turn, self.conv.proposal()) else {
            return NO_CAP;
        };
        let knew_capacity = t.known_before & self.capacity_bits != 0;
        if !knew_capacity {
            // Explained where it happened: fact-gathering's `ProposedBlind` at this turn.
            return GUESSED_CAP;
        }
        if p.amount > self.f.can_pay_monthly + 0.005 {
            let note = Note::ProposedAboveKnownCapacity {
                amount: p.amount,
                capacity: self.f.can_pay_monthly,
            };
            sheet.add(t.number, Principle::Nivea, A, -10, Debit, note);
            return GUESSED_CAP;
        }
        NO_CAP
    }

    /// An arrangement or payment in full: the plan reached and judged, then its content.
    fn settled(&self, sheet: &mut Sheet, e: Ending) -> f64 {
        let last = self.last;
        let mut cap = NO_CAP;
        match self.conv.agreed() {
            Some(p) => {
                sheet.add(
                    self.agreed_turn.unwrap_or(last),
                    Principle::AffordablePlan,
                    A,
                    30,
                    Credit,
                    Note::PlanReached,
                );
                cap = self.plan_points(sheet, p, self.f.undisputed(), &ARRANGEMENT_PLAN);
            }
            None if e == Ending::PaidInFull => sheet.add(
                last,
                Principle::HardOnContent,
                A,
                85,
                Credit,
                Note::Ending(e),
            ),
            None => sheet.add(
                last,
                Principle::HardOnContent,
                A,
                20,
                Debit,
                Note::PlanVague,
            ),
        }
        self.extras(sheet);
        cap
    }

    /// A dispute resolved: the error acknowledged and found, then the undisputed part.
    fn dispute_resolved(&self, sheet: &mut Sheet, e: Ending) -> f64 {
        let last = self.last;
        sheet.add(
            last,
            Principle::PublicComplaint,
            A,
            30,
            Credit,
            Note::Ending(e),
        );
        if self.acknowledged {
            sheet.add(
                last,
                Principle::PublicComplaint,
                A,
                20,
                Credit,
                Note::ErrorAcknowledged,
            );
        } else {
            sheet.add(
                last,
                Principle::PublicComplaint,
                A,
                0,
                Debit,
                Note::ErrorNotAcknowledged,
            );
        }
        let dispute_bits = fact_bits(self.book, &[FactKind::Dispute]);
        if dispute_bits == 0 || self.conv.known() & dispute_bits != 0 {
            sheet.add(last, Principle::Anna, A, 15, Credit, Note::DisputeFound);
        } else {
            sheet.add(last, Principle::Anna, A, 0, Debit, Note::DisputeNotFound);
        }
        let owe = self.f.undisputed();
        match self.conv.agreed() {
            _ if owe < 0.01 => {
                sheet.add(
                    last,
                    Principle::HardOnContent,
                    A,
                    35,
                    Credit,
                    Note::UndisputedSettled,
                );
                NO_CAP
            }
            Some(p) => self.plan_points(sheet, p, owe, &DISPUTE_PLAN),
            None => {
                sheet.add(
                    last,
                    Principle::HardOnContent,
                    A,
                    0,
                    Debit,
                    Note::UndisputedOpen,
                );
                NO_CAP
            }
        }
    }

    /// A follow-up agreed: worth something, but nothing is settled yet.
    fn follow_up(&self, sheet: &mut Sheet, e: Ending) -> f64 {
        sheet.add(
            self.last,
            Principle::HardOnContent,
            A,
            40,
            Credit,
            Note::Ending(e),
        );
        self.extras(sheet);
        60.0
    }

    /// Referred to help: right once the situation is known, a brush-off before.
    fn referred(&self, sheet: &mut Sheet, e: Ending) -> f64 {
        if self.conv.known() & self.situation_bits != 0 {
            sheet.add(
                self.last,
                Principle::AffordablePlan,
                A,
                55,
                Credit,
                Note::Ending(e),
            );
        } else {
            sheet.add(self.last, Principle::Oma, A, 25, Debit, Note::Ending(e));
        }
        self.extras(sheet);
        70.0
    }

    /// No agreement, an escalation, a hang-up or a waived debt: one finding, little or nothing.
    fn no_deal(&self, sheet: &mut Sheet, e: Ending) -> f64 {
        let (principle, points) = match e {
            Ending::NoAgreement => (Principle::SolveTogether, 15),
            Ending::Escalated => (Principle::LowerTheThreat, 10),
            Ending::DebtWaived => (Principle::DontOvershoot, 5),
            _ => (Principle::LowerTheThreat, 0),
        };
        sheet.add(self.last, principle, A, points, Debit, Note::Ending(e));
        NO_CAP
    }

    /// The plan itself; returns the cap it puts on agreement: 30 for a promise that will
    /// break, 50 for a plan that gives part of the claim away.
    fn plan_points(&self, sheet: &mut Sheet, p: Plan, owe: f64, w: &PlanWeights) -> f64 {
        let f = self.f;
        let turn = self.agreed_turn.unwrap_or(self.last);
        let affordable = f.affords(&p);
        if affordable {
            sheet.add(
                turn,
                Principle::AffordablePlan,
                A,
                w.affordable,
                Credit,
                Note::PlanAffordable,
            );
        } else {
            let note = Note::PlanUnaffordable {
                amount: p.amount,
                capacity: f.can_pay_monthly,
                days: p.days,
                start: f.can_start_in_days,
            };
            sheet.add(turn, Principle::AffordablePlan, A, 0, Debit, note);
        }
        let (max_count, max_days) = self
            .negotiation
            .map_or((24, 30), |n| (n.max_instalments, n.max_days));
        let covers = p.total() >= owe * 0.99 - 0.005;
        if !covers {
            sheet.add(
                turn,
                Principle::DontOvershoot,
                A,
                0,
                Debit,
                Note::PlanGivesAway {
                    total: p.total(),
                    owed: owe,
                },
            );
        }
        if p.count > max_count {
            sheet.add(
                turn,
                Principle::DontOvershoot,
                A,
                0,
                Debit,
                Note::PlanTooLong {
                    count: p.count,
                    max: max_count,
                },
            );
        }
        if p.days > max_days {
            sheet.add(
                turn,
                Principle::DontOvershoot,
                A,
                0,
                Debit,
                Note::PlanLateStart {
                    days: p.days,
                    max: max_days,
                },
            );
        }
        if covers && p.count <= max_count && p.days <= max_days {
            sheet.add(
                turn,
                Principle::DontOvershoot,
                A,
                w.realistic,
                Credit,
                Note::PlanRealistic,
            );
        }
        if self.together_before_plan || self.conv.counter() == Some(p) {
            sheet.add(
                turn,
                Principle::SolveTogether,
                A,
                w.together,
                Credit,
                Note::PlanTogether,
            );
        } else {
            sheet.add(
                turn,
                Principle::SolveTogether,
                A,
                0,
                Debit,
                Note::PlanImposed,
            );
        }
        let knew = self
            .proposal_turn
            .is_some_and(|t| t.known_before & self.capacity_bits != 0);
        if knew {
            sheet.add(
                turn,
                Principle::Anna,
                A,
                w.facts,
                Credit,
                Note::PlanFromFacts,
            );
        } else {
            sheet.add(turn, Principle::Nivea, A, 0, Debit, Note::PlanWithoutFacts);
        }
        // Agreeing the trainee's own plan that the customer cannot keep is unfair treatment
        // whether or not they knew: forbearance means checking affordability first.
        if !affordable && self.conv.proposal() == Some(p) {
            sheet.add(
                turn,
                Principle::FairTreatment,
                Dimension::Compliance,
                -20,
                Debit,
                if knew {
                    Note::PressedUnaffordable
                } else {
                    Note::AgreedUnchecked
                },
            );
        }
        match (affordable, covers) {
            (false, _) => 30.0,
            (true, false) => 50.0,
            (true, true) => 100.0,
        }
    }

    /// Clear content, confirmation and appreciation: 5 each.
    fn extras(&self, sheet: &mut Sheet) {
        let last = self.last;
        let (v, n) = if self.expectation {
            (5, Note::ExpectationClear)
        } else {
            (0, Note::ExpectationMissing)
        };
        sheet.add(
            last,
            Principle::HardOnContent,
            A,
            v,
            if v > 0 { Credit } else { Debit },
            n,
        );
        let (v, n) = if self.confirmed {
            (5, Note::Confirmed)
        } else {
            (0, Note::NotConfirmed)
        };
        sheet.add(
            last,
            Principle::HardOnContent,
            A,
            v,
            if v > 0 { Credit } else { Debit },
            n,
        );
        let (v, n) = if self.appreciated {
            (5, Note::Appreciated)
        } else {
            (0, Note::NotAppreciated)
        };
        sheet.add(
            last,
            Principle::Appreciation,
            A,
            v,
            if v > 0 { Credit } else { Debit },
            n,
        );
    }
}
