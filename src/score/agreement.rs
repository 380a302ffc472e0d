//! Agreement quality: what was agreed, judged by one function per kind of ending, each
//! capping the dimension (a promise that will break, a claim given away).

use super::rules::{Sheet, codes_of, fact_bits};
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
    /// Root-cause facts an option chosen dealt with.
    pub(super) addressed: u64,
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
    addressed: u64,
    /// The first turn that pushed the customer (pressure, an amount filled in, irritation).
    first_push: Option<usize>,
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
pub(super) fn agreement(conv: &Conversation, sheet: &mut Sheet, input: AgreementInput) -> f64 {
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
    if matches!(
        input.ending,
        Some(Ending::Arrangement | Ending::PaidInFull | Ending::DisputeResolved | Ending::FollowUp)
    ) {
        deal.causes(sheet);
    }
    sheet.sum(A).min(cap).min(guessed).clamp(0.0, 100.0)
}

/// The most a plan the trainee guessed (named before asking what the customer can pay, or above
/// what they said) leaves agreement, whatever the customer answered: the same trainee
/// behaviour scores nearly the same (less than 15 apart) whether a cornered customer says yes
/// to a promise that will break (capped at [`BROKEN_PROMISE_CAP`]) or a calmer one counters.
/// A modest guess, not pushed, can still end good once the customer's own figure is taken; each
/// aggravation (far above what they can pay, pushed on them) takes [`AGGRAVATION`] off.
const GUESSED_CAP: f64 = 60.0;
/// A promise the customer cannot keep: fair when it is a little above what they can pay and was
/// not pushed, needs work when it is far above it or was pressed out of them.
const BROKEN_PROMISE_CAP: f64 = 46.0;
const AGGRAVATION: f64 = 8.0;
/// A plan outside the company's mandate (too many instalments, a late first payment) or one
/// that gives part of the claim away: not realistic for the company, at most fair.
const OUTSIDE_MANDATE_CAP: f64 = 59.0;
const GIVES_AWAY_CAP: f64 = 50.0;
/// A plan the trainee set without inviting the customer to shape it: at most fair.
const IMPOSED_CAP: f64 = 59.0;
/// Proposing more than the customer's known figures allow weighs half a turn on empathy.
const NOT_LISTENED: f64 = 0.5;
/// A proposal whose total is more than this share of what is owed asks for money not owed
/// (instalments rounded up stay well below it).
const MORE_THAN_OWED: f64 = 1.1;
/// How far above what the customer can pay a plan is far beyond it.
const FAR_ABOVE: f64 = 1.5;

impl<'a> Deal<'a> {
    fn new(conv: &'a Conversation, input: &AgreementInput) -> Deal<'a> {
        let book = conv.book();
        let turns = conv.turns();
        let agreed_turn = input.agreed_turn;
        // From the agreement on: the option that takes a counter-offer may itself confirm it.
        // A claim paid in full without a plan is agreed where the payment is confirmed.
        let settled = agreed_turn.or_else(|| {
            (input.ending == Some(Ending::PaidInFull))
                .then(|| {
                    turns
                        .iter()
                        .find(|t| codes_of(book, t).contains(&Code::Confirm))
                        .map(|t| t.number)
                })
                .flatten()
        });
        let after = |t: &Turn, code: Code| {
            settled.is_some_and(|a| t.number >= a) && codes_of(book, t).contains(&code)
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
            addressed: input.addressed,
            first_push: turns
                .iter()
                .find(|t| {
                    codes_of(book, t).iter().any(|c| {
                        // A threat presses a yes out of a customer as surely as pressure.
                        matches!(
                            c,
                            Code::Pressure
                                | Code::FillIn
                                | Code::Irritation
                                | Code::Threaten
                                | Code::FalseThreat
                        )
                    })
                })
                .map(|t| t.number),
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
        // Asking for clearly more than is owed (costs already struck off, a disputed part)
        // misleads the customer about what they owe.
        let owed = self.f.undisputed();
        if p.total() > owed * MORE_THAN_OWED + 0.005 {
            sheet.add(
                t.number,
                Principle::FairTreatment,
                Dimension::Compliance,
                -35,
                Debit,
                Note::ProposedMoreThanOwed {
                    total: p.total(),
                    owed,
                },
            );
        }
        let aggravated = self.aggravations(p, t.number);
        let knew_capacity = t.known_before & self.capacity_bits != 0;
        if !knew_capacity {
            // Explained where it happened: fact-gathering's `ProposedBlind` at this turn.
            return GUESSED_CAP - aggravated;
        }
        // The capacity fact names both what they can pay and from when.
        let capacity = fact_bits(self.book, &[FactKind::Capacity]);
        let told = t.known_before & capacity != 0;
        let too_early = told && p.days < self.f.can_start_in_days;
        if p.amount > self.f.can_pay_monthly + 0.005 || too_early {
            let note = if p.amount > self.f.can_pay_monthly + 0.005 {
                Note::ProposedAboveKnownCapacity {
                    amount: p.amount,
                    capacity: self.f.can_pay_monthly,
                }
            } else {
                Note::ProposedBeforeKnownStart {
                    days: p.days,
                    start: self.f.can_start_in_days,
                }
            };
            sheet.add(t.number, Principle::Nivea, A, -10, Debit, note);
            // Told, and not listened to: the customer's own figure was set aside.
            if told {
                sheet.slip(
                    t.number,
                    Principle::Nivea,
                    Dimension::Empathy,
                    NOT_LISTENED,
                    note,
                );
            }
            return GUESSED_CAP - aggravated;
        }
        NO_CAP
    }

    /// What makes a plan the trainee named worse, in points off its cap: far above what the
    /// customer can pay (more than half as much again, or due before their money comes in), and
    /// pushed on them (pressure, an amount filled in for them, irritation) before turn `before`.
    fn aggravations(&self, p: Plan, before: usize) -> f64 {
        AGGRAVATION * (f64::from(u8::from(self.far(p))) + f64::from(u8::from(self.steered(before))))
    }

    fn far(&self, p: Plan) -> bool {
        p.amount > FAR_ABOVE * self.f.can_pay_monthly + 0.005 || p.days < self.f.can_start_in_days
    }

    fn steered(&self, before: usize) -> bool {
        self.first_push.is_some_and(|n| n < before)
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
            Some(p) => {
                let cap = self.plan_points(sheet, p, owe, &DISPUTE_PLAN);
                // A plan for the rest is confirmed and appreciated like any other.
                self.extras(sheet);
                cap
            }
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

    /// A root cause found in the call (`cause: true`) and never dealt with: the arrears will
    /// come back, so the agreement is not a model one (a slip: agreement below excellent).
    fn causes(&self, sheet: &mut Sheet) {
        for (fi, f) in self.book.scenario.persona.facts.iter().enumerate() {
            let bit = 1u64 << fi;
            if !f.cause || self.conv.known() & bit == 0 {
                continue;
            }
            if self.addressed & bit != 0 {
                sheet.add(
                    self.last,
                    Principle::AffordablePlan,
                    A,
                    0,
                    Credit,
                    Note::CauseAddressed(fi),
                );
            } else {
                sheet.add(
                    self.last,
                    Principle::AffordablePlan,
                    A,
                    0,
                    Debit,
                    Note::CauseLeft(fi),
                );
            }
        }
    }

    /// The customer offered a plan they can pay, inside the mandate, and the trainee let it go:
    /// the solution they designed themselves is the one that holds (solve it together).
    fn counter_left(&self, sheet: &mut Sheet) {
        let Some(c) = self.conv.counter() else {
            return;
        };
        let (max_count, max_days) = self
            .negotiation
            .map_or((24, 30), |n| (n.max_instalments, n.max_days));
        let workable = self.f.affords(&c)
            && c.count <= max_count
            && c.days <= max_days
            && c.total() >= self.f.undisputed() * 0.99 - 0.005;
        if workable && self.conv.agreed().is_none() {
            sheet.add(
                self.last,
                Principle::SolveTogether,
                A,
                0,
                Debit,
                Note::CounterLeft,
            );
        }
    }

    /// A follow-up agreed: worth something once the situation is known (a next step built on
    /// it), little when nothing was learned (only a date); nothing is settled yet.
    fn follow_up(&self, sheet: &mut Sheet, e: Ending) -> f64 {
        self.counter_left(sheet);
        let informed = self.conv.known() & self.situation_bits != 0;
        sheet.add(
            self.last,
            Principle::HardOnContent,
            A,
            if informed { 40 } else { 25 },
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
        self.counter_left(sheet);
        let (principle, points) = match e {
            Ending::NoAgreement => (Principle::SolveTogether, 15),
            // The customer took it elsewhere: the contact broke down, as in a hang-up.
            Ending::Escalated => (Principle::LowerTheThreat, 0),
            Ending::DebtWaived => (Principle::DontOvershoot, 5),
            _ => (Principle::LowerTheThreat, 0),
        };
        sheet.add(self.last, principle, A, points, Debit, Note::Ending(e));
        NO_CAP
    }

    /// The plan itself; returns the cap it puts on agreement: a promise that will break, a plan
    /// that gives part of the claim away, one outside the mandate.
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
        // Longer than the customer needs at what they can pay: the debt stretched for nothing
        // (commercial sense), even inside the mandate.
        let needed = if f.can_pay_monthly > 0.005 {
            (owe / f.can_pay_monthly - 1e-6).ceil().max(1.0) as u32
        } else {
            u32::MAX
        };
        if covers && p.count <= max_count && p.count > needed + 1 {
            sheet.add(
                turn,
                Principle::DontOvershoot,
                A,
                0,
                Debit,
                Note::PlanOverlong {
                    count: p.count,
                    needed,
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
        // Made together: the trainee invited the customer to shape it, took their
        // counter-offer, or built it on the figure the customer named themselves (what they
        // can pay and from when, asked for before the proposal).
        let own_figure = affordable
            && self
                .proposal_turn
                .is_some_and(|t| t.known_before & fact_bits(self.book, &[FactKind::Capacity]) != 0);
        let together = self.together_before_plan || self.conv.counter() == Some(p) || own_figure;
        if together {
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
        // A plan a little above what they can pay (less than half as much again, from when
        // their money comes in) is a slip; one far beyond it, or due before they can pay, is a
        // breach.
        let proposed_at = self.proposal_turn.map_or(turn, |t| t.number);
        if !affordable && self.conv.proposal() == Some(p) {
            // Pushed or talked into it before they said yes: the yes was pressed out of them.
            let (far, steered) = (self.far(p), self.steered(proposed_at));
            let note = match (far, steered, knew) {
                (true, true, _) => Note::PressedIntoUnaffordable,
                (false, false, _) => Note::AgreedAboveCapacity {
                    amount: p.amount,
                    capacity: f.can_pay_monthly,
                },
                (_, _, true) => Note::PressedUnaffordable,
                (_, _, false) => Note::AgreedUnchecked,
            };
            let points = match (far, steered) {
                (true, true) => -45,
                (false, false) => -10,
                _ => -20,
            };
            sheet.add(
                turn,
                Principle::FairTreatment,
                Dimension::Compliance,
                points,
                Debit,
                note,
            );
        }
        let inside = p.count <= max_count && p.days <= max_days;
        match (affordable, covers, inside) {
            (false, _, _) => BROKEN_PROMISE_CAP - self.aggravations(p, proposed_at),
            (true, false, _) if p.total() < owe * super::GIVES_AWAY_SHARE => {
                BROKEN_PROMISE_CAP - 2.0 * AGGRAVATION
            }
            (true, false, _) => GIVES_AWAY_CAP,
            (true, true, false) => OUTSIDE_MANDATE_CAP,
            // Imposed, not made together: the customer did not shape it, so does not own it.
            (true, true, true) if !together => IMPOSED_CAP,
            (true, true, true) => NO_CAP,
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
