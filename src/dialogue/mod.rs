//! The dialogue runtime: plays a [`Playbook`] turn by turn, keeping the customer's mood, the
//! facts uncovered and the plan on the table. [`transcript`] renders what was said and
//! [`replay`](replay::replay) plays a path from the start.
//!
//! A [`Conversation`] is plain data (`Clone + Send + Sync`): the headless CLI, the explorer
//! and the game all drive the same one.
//!
//! ```
//! use collector_dojo::dialogue::{Conversation, Prompt};
//! # use collector_dojo::scenario::Playbook;
//! # let book = std::sync::Arc::new(Playbook::load("scenarios/cant-pay.scenario.ron").unwrap());
//! let mut talk = Conversation::new(book.clone(), 42);
//! while let Prompt::Channel(_) | Prompt::Choose { .. } = talk.prompt() {
//!     let first = talk.options()[0].0.clone();
//!     talk.choose(&first).unwrap();
//! }
//! ```

mod replay;
mod transcript;

pub use replay::replay;
pub use transcript::{Line, Speaker};

use crate::plan::{Finances, Plan, PlanError};
use crate::scenario::{
    Channel, ChannelChoice, Choice, Condition, Ending, Fill, Mood, Negotiation, NodeStep,
    PlanAction, Playbook,
};
use crate::text::Lang;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::sync::Arc;

/// How the customer answers a proposed plan.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "answer")]
pub enum Response {
    Accept,
    Counter(Plan),
    Refuse,
}

/// What the trainee did in a turn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Act {
    /// The `i`-th option of the channel choice.
    Channel(usize),
    /// The `i`-th option of the node.
    Choice(usize),
    /// A plan proposed in a negotiation node.
    Proposal { plan: Plan, response: Response },
}

/// One trainee action and what it did to the conversation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Turn {
    /// 1-based.
    pub number: usize,
    /// The node the turn was taken in; `None` for the channel choice.
    pub node: Option<usize>,
    pub act: Act,
    /// Which of the node's `say` variants the customer said before this turn.
    pub say_variant: usize,
    /// Which of the option's `reply` variants followed it.
    pub reply_variant: usize,
    pub mood_before: Mood,
    pub mood_after: Mood,
    /// Facts known before the turn, revealed by it, and probed by it but not revealed.
    pub known_before: u64,
    pub revealed: u64,
    pub missed: u64,
    /// The customer evaded: nothing came out, and a probe missed or asked about a fact this
    /// customer does not have (absent in the draw).
    pub evaded: bool,
    /// Node the turn led to.
    pub to: usize,
}

/// What the conversation waits for.
#[derive(Debug, Clone, Copy)]
pub enum Prompt<'a> {
    Channel(&'a ChannelChoice),
    Choose {
        node: usize,
        options: &'a [Choice],
    },
    Negotiate {
        node: usize,
        negotiation: &'a Negotiation,
    },
    Ended(Ending),
}

/// A mistake driving the conversation: the message lists what is valid there.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PlayError {
    #[error("turn {turn}: unknown choice `{id}`; valid here: {valid}")]
    UnknownChoice {
        turn: usize,
        id: String,
        valid: String,
    },
    #[error(
        "turn {turn}: choice `{id}` is not offered here (it belongs to node `{node}`); valid here: {valid}"
    )]
    NotOffered {
        turn: usize,
        id: String,
        node: String,
        valid: String,
    },
    #[error(
        "turn {turn}: the customer is waiting for a plan, not a choice (`{id}`); propose one as AMOUNT:COUNT:DAYS"
    )]
    WantsPlan { turn: usize, id: String },
    #[error("turn {turn}: no plan is asked for here; valid here: {valid}")]
    NoPlanHere { turn: usize, valid: String },
    #[error("turn {turn}: the conversation is not over; add one of: {valid}")]
    Unfinished { turn: usize, valid: String },
    #[error("the conversation has ended ({ending}); nothing more can be chosen")]
    Ended { ending: &'static str },
    #[error("invalid plan: {0}")]
    BadPlan(#[from] PlanError),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum At {
    ChannelChoice,
    Node(usize),
}

/// See [`Conversation::ahead`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Ahead {
    node: Option<usize>,
    trust: i32,
    stress: i32,
    known: u64,
    chose: u64,
    plans: [Option<bool>; 3],
}

/// The state of one conversation.
#[derive(Debug, Clone)]
pub struct Conversation {
    book: Arc<Playbook>,
    seed: u64,
    rng: ChaCha8Rng,
    at: At,
    /// Which `say` variant the current node shows.
    variant: usize,
    mood: Mood,
    known: u64,
    channel: Channel,
    turns: Vec<Turn>,
    proposal: Option<Plan>,
    counter: Option<Plan>,
    agreed: Option<Plan>,
}

fn shift(m: Mood, trust: i32, stress: i32) -> Mood {
    Mood {
        trust: (m.trust + trust).clamp(0, 100),
        stress: (m.stress + stress).clamp(0, 100),
    }
}

/// The lines that follow an option, open and guarded: `evade` when a probe missed and the
/// option has some (an evasion has no guarded form: it is one).
fn replies(opt: &Choice, evaded: bool) -> (&[crate::text::Text], &[crate::text::Text]) {
    if evaded && !opt.evade.is_empty() {
        (&opt.evade, &[])
    } else {
        (&opt.reply, &opt.guarded)
    }
}

/// Reply `variant` of an option: its open lines first, then the guarded ones.
fn reply(opt: &Choice, evaded: bool, variant: usize) -> Option<&crate::text::Text> {
    let (open, guarded) = replies(opt, evaded);
    open.iter().chain(guarded).nth(variant)
}

/// How open the customer is, 0 (guarded) to 1 (open): trust less stress, from −40 (clearly
/// guarded) to +20 (clearly open). In between, which kind of line they say is drawn.
pub fn openness(m: Mood) -> f64 {
    (f64::from(m.trust - m.stress + 40) / 60.0).clamp(0.0, 1.0)
}

/// Picks one of `open` open and `guarded` guarded variants (guarded ones numbered after the
/// open ones). Without guarded variants it draws exactly as it always has, so a scenario
/// without them reads the same for a seed.
fn pick_line(rng: &mut ChaCha8Rng, open: usize, guarded: usize, mood: Mood) -> usize {
    if guarded == 0 {
        return pick(rng, open);
    }
    let p = openness(mood);
    let is_open = if p >= 1.0 {
        true
    } else if p <= 0.0 {
        false
    } else {
        rng.random_bool(p)
    };
    if is_open {
        pick(rng, open)
    } else {
        open + pick(rng, guarded)
    }
}

/// `0..n` in an order drawn from `seed` and `salt` alone (a Fisher–Yates shuffle).
fn shuffled(n: usize, seed: u64, salt: u64) -> Vec<usize> {
    use rand::seq::SliceRandom;
    // Mix the salt in (SplitMix64's constant) so neighbouring nodes get unrelated orders.
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ salt.wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let mut order: Vec<usize> = (0..n).collect();
    order.shuffle(&mut rng);
    order
}

fn pick(rng: &mut ChaCha8Rng, n: usize) -> usize {
    if n <= 1 { 0 } else { rng.random_range(0..n) }
}

impl Conversation {
    pub fn new(book: Arc<Playbook>, seed: u64) -> Conversation {
        let s = &book.scenario;
        let at = if s.context.channel_choice.is_some() {
            At::ChannelChoice
        } else {
            At::Node(book.start())
        };
        let mut c = Conversation {
            seed,
            rng: ChaCha8Rng::seed_from_u64(seed),
            at,
            variant: 0,
            mood: s.persona.mood,
            known: 0,
            channel: s.context.channel,
            turns: Vec::with_capacity(16),
            proposal: None,
            counter: None,
            agreed: None,
            book,
        };
        if let At::Node(n) = at {
            c.arrive(n);
        }
        c
    }

    pub fn book(&self) -> &Arc<Playbook> {
        &self.book
    }
    pub fn seed(&self) -> u64 {
        self.seed
    }
    pub fn mood(&self) -> Mood {
        self.mood
    }
    /// Facts uncovered, as a bit set over the persona's facts.
    pub fn known(&self) -> u64 {
        self.known
    }
    pub fn turns(&self) -> &[Turn] {
        &self.turns
    }
    pub fn channel(&self) -> Channel {
        self.channel
    }
    /// The trainee's proposal, if one was made.
    pub fn proposal(&self) -> Option<Plan> {
        self.proposal
    }
    /// The customer's counter-proposal, if one was made.
    pub fn counter(&self) -> Option<Plan> {
        self.counter
    }
    /// The plan both sides agreed to, if any.
    pub fn agreed(&self) -> Option<Plan> {
        self.agreed
    }
    /// The node the conversation is at (`None` during the channel choice).
    pub fn node(&self) -> Option<usize> {
        match self.at {
            At::ChannelChoice => None,
            At::Node(n) => Some(n),
        }
    }

    pub fn prompt(&self) -> Prompt<'_> {
        match self.at {
            At::ChannelChoice => match &self.book.scenario.context.channel_choice {
                Some(cc) => Prompt::Channel(cc),
                None => Prompt::Ended(Ending::NoAgreement),
            },
            At::Node(n) => match self.book.node(n).step() {
                Some(NodeStep::Choose(options)) => Prompt::Choose { node: n, options },
                Some(NodeStep::Negotiate(negotiation)) => Prompt::Negotiate {
                    node: n,
                    negotiation,
                },
                Some(NodeStep::End(e)) => Prompt::Ended(e),
                None => Prompt::Ended(Ending::NoAgreement),
            },
        }
    }

    /// The ending, once reached.
    pub fn ending(&self) -> Option<Ending> {
        match self.prompt() {
            Prompt::Ended(e) => Some(e),
            _ => None,
        }
    }

    /// The ids and texts of what can be chosen now, in the order they are shown (empty at a
    /// negotiation or an ending).
    pub fn options(&self) -> Vec<(String, &crate::text::Text)> {
        let order = self.shown_order();
        match self.prompt() {
            Prompt::Channel(cc) => order
                .iter()
                .map(|&i| (cc.options[i].id.clone(), &cc.options[i].text))
                .collect(),
            Prompt::Choose { options, .. } => order
                .iter()
                .map(|&i| (options[i].id.clone(), &options[i].text))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The order the options of this prompt are shown in, as indices into the author's list.
    ///
    /// Authors tend to write the best option first; shown in that order, a trainee (or a
    /// workshop room) learns to press 1. The order is drawn from the run's seed and the
    /// node, so every replay of a seed shows the same order, and a node shows the same order
    /// each time it is visited. It draws from its own generator: the customer's lines stay
    /// what they were for a seed.
    pub fn shown_order(&self) -> Vec<usize> {
        let (n, salt) = match self.prompt() {
            Prompt::Channel(cc) => (cc.options.len(), 0),
            Prompt::Choose { node, options } => (options.len(), node as u64 + 1),
            _ => return Vec::new(),
        };
        shuffled(n, self.seed, salt)
    }

    /// Fills placeholders with this scenario's numbers and the plan on the table now (the
    /// customer's counter-offer if any, else the trainee's proposal).
    pub fn fill(&self) -> Fill<'_> {
        Fill {
            scenario: &self.book.scenario,
            plan: self.counter.or(self.proposal),
        }
    }

    /// What can be done at this turn, for error messages.
    pub fn valid_here(&self) -> String {
        match self.prompt() {
            Prompt::Negotiate { .. } => "a plan AMOUNT:COUNT:DAYS".to_string(),
            Prompt::Ended(e) => format!("nothing (the conversation ended: {})", e.key()),
            _ => {
                let fill = self.fill();
                self.options()
                    .iter()
                    .map(|(id, t)| {
                        format!(
                            "{id} (\"{}\")",
                            crate::text::shorten(&fill.text(t, Lang::En), 48)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        }
    }

    /// Chooses the option with this id at the current turn.
    pub fn choose(&mut self, id: &str) -> Result<(), PlayError> {
        let turn = self.turns.len() + 1;
        let found = match self.prompt() {
            Prompt::Channel(cc) => cc.options.iter().position(|o| o.id == id).map(Act::Channel),
            Prompt::Choose { options, .. } => {
                options.iter().position(|o| o.id == id).map(Act::Choice)
            }
            Prompt::Negotiate { .. } => {
                return Err(PlayError::WantsPlan {
                    turn,
                    id: id.to_string(),
                });
            }
            Prompt::Ended(e) => return Err(PlayError::Ended { ending: e.key() }),
        };
        match found {
            Some(Act::Channel(i)) => {
                self.take_channel(i);
                Ok(())
            }
            Some(Act::Choice(i)) => {
                self.take_choice(i);
                Ok(())
            }
            _ => {
                let valid = self.valid_here();
                let elsewhere = self
                    .book
                    .scenario
                    .nodes
                    .iter()
                    .find(|n| n.options.iter().any(|o| o.id == id));
                Err(match elsewhere {
                    Some(n) => PlayError::NotOffered {
                        turn,
                        id: id.to_string(),
                        node: n.id.clone(),
                        valid,
                    },
                    None => PlayError::UnknownChoice {
                        turn,
                        id: id.to_string(),
                        valid,
                    },
                })
            }
        }
    }

    /// Takes the `i`-th channel option (the caller knows it exists).
    pub fn take_channel(&mut self, i: usize) {
        let Some(cc) = &self.book.scenario.context.channel_choice else {
            return;
        };
        let Some(opt) = cc.options.get(i) else { return };
        let to = opt
            .next
            .as_deref()
            .and_then(|n| self.book.node_index(n))
            .unwrap_or_else(|| self.book.start());
        self.channel = opt.channel;
        let before = self.mood;
        self.mood = shift(self.mood, opt.trust.unwrap_or(0), opt.stress.unwrap_or(0));
        self.turns.push(Turn {
            number: self.turns.len() + 1,
            node: None,
            act: Act::Channel(i),
            say_variant: 0,
            reply_variant: 0,
            mood_before: before,
            mood_after: self.mood,
            known_before: self.known,
            revealed: 0,
            missed: 0,
            evaded: false,
            to,
        });
        self.arrive(to);
    }

    /// Takes the `i`-th option of the current node (the caller knows it exists).
    pub fn take_choice(&mut self, i: usize) {
        let At::Node(n) = self.at else { return };
        let book = Arc::clone(&self.book);
        let Some(opt) = book.node(n).options.get(i) else {
            return;
        };
        let before = self.mood;
        self.mood = shift(self.mood, opt.trust.unwrap_or(0), opt.stress.unwrap_or(0));
        let (mut revealed, mut missed) = (0u64, 0u64);
        for probe in &opt.probes {
            let Some(fi) = book.fact_index(probe) else {
                continue;
            };
            let bit = 1u64 << fi;
            if self.known & bit != 0 {
                continue;
            }
            let fact = &book.scenario.persona.facts[fi];
            if fact.reveal.by.iter().any(|c| opt.codes.contains(c))
                && self.mood.trust >= fact.reveal.trust
            {
                revealed |= bit;
            } else {
                missed |= bit;
            }
        }
        let known_before = self.known;
        self.known |= revealed;
        if let (PlanAction::AcceptCounter, Some(c)) = (opt.plan, self.counter) {
            self.agreed = Some(c);
        }
        // The customer evades when the question brings nothing out: a fact it asks about stays
        // hidden, or this customer does not have it (absent in the draw). Once one fact comes
        // out, they answer; a second that stays hidden is simply not told yet.
        let evaded = revealed == 0
            && (missed != 0 || opt.probes.iter().any(|p| book.fact_index(p).is_none()));
        let (open, guarded) = replies(opt, evaded);
        let reply_variant = pick_line(&mut self.rng, open.len(), guarded.len(), self.mood);
        let s = &book.scenario;
        let target = s
            .interrupts
            .iter()
            .chain(opt.branch.iter())
            .find(|b| self.holds(&b.when))
            .map(|b| b.goto.as_str())
            .unwrap_or(&opt.next);
        let to = book.node_index(target).unwrap_or(n);
        self.turns.push(Turn {
            number: self.turns.len() + 1,
            node: Some(n),
            act: Act::Choice(i),
            say_variant: self.variant,
            reply_variant,
            mood_before: before,
            mood_after: self.mood,
            known_before,
            revealed,
            missed,
            evaded,
            to,
        });
        self.arrive(to);
    }

    /// Proposes a plan at a negotiation node.
    pub fn propose(&mut self, plan: Plan) -> Result<Response, PlayError> {
        let turn = self.turns.len() + 1;
        let (n, neg) = match self.prompt() {
            Prompt::Negotiate { node, negotiation } => (node, negotiation.clone()),
            Prompt::Ended(e) => return Err(PlayError::Ended { ending: e.key() }),
            _ => {
                return Err(PlayError::NoPlanHere {
                    turn,
                    valid: self.valid_here(),
                });
            }
        };
        plan.check()?;
        let response = respond(&self.book.scenario.persona.finances, self.mood, plan);
        let target = match response {
            Response::Accept => {
                self.agreed = Some(plan);
                &neg.accept
            }
            Response::Counter(c) => {
                self.counter = Some(c);
                &neg.counter
            }
            Response::Refuse => {
                let charges_disputed = {
                    let f = &self.book.scenario.persona.finances;
                    f.disputed > 0.0
                        && plan.total() > f.undisputed() + 0.01 * f.undisputed().max(1.0)
                };
                match &neg.refuse_disputed {
                    Some(t) if charges_disputed => t,
                    _ => &neg.refuse,
                }
            }
        };
        let to = self.book.node_index(target).unwrap_or(n);
        self.proposal = Some(plan);
        self.turns.push(Turn {
            number: turn,
            node: Some(n),
            act: Act::Proposal { plan, response },
            say_variant: self.variant,
            reply_variant: 0,
            mood_before: self.mood,
            mood_after: self.mood,
            known_before: self.known,
            revealed: 0,
            missed: 0,
            evaded: false,
            to,
        });
        self.arrive(to);
        Ok(response)
    }

    fn arrive(&mut self, n: usize) {
        self.at = At::Node(n);
        let node = self.book.node(n);
        self.variant = pick_line(&mut self.rng, node.say.len(), node.guarded.len(), self.mood);
    }

    /// Whether a condition holds now.
    pub fn holds(&self, cond: &Condition) -> bool {
        match cond {
            Condition::TrustAtLeast(v) => self.mood.trust >= *v,
            Condition::TrustBelow(v) => self.mood.trust < *v,
            Condition::StressAtLeast(v) => self.mood.stress >= *v,
            Condition::StressBelow(v) => self.mood.stress < *v,
            Condition::Knows(f) => self
                .book
                .fact_index(f)
                .is_some_and(|i| self.known & (1 << i) != 0),
            Condition::DoesNotKnow(f) => self
                .book
                .fact_index(f)
                .is_none_or(|i| self.known & (1 << i) == 0),
            Condition::Chose(id) => self
                .turns
                .iter()
                .any(|t| self.option_id(t) == Some(id.as_str())),
            Condition::PlanAgreed => self.agreed.is_some(),
            Condition::PromiseWillBreak => self
                .agreed
                .is_some_and(|p| !self.book.scenario.persona.finances.affords(&p)),
            Condition::All(v) => v.iter().all(|c| self.holds(c)),
            Condition::Any(v) => v.iter().any(|c| self.holds(c)),
            Condition::Not(c) => !self.holds(c),
        }
    }

    /// The id of the option a turn chose (`None` for a proposal).
    pub fn option_id(&self, t: &Turn) -> Option<&str> {
        let s = &self.book.scenario;
        match (t.act, t.node) {
            (Act::Channel(i), _) => s
                .context
                .channel_choice
                .as_ref()
                .map(|cc| cc.options[i].id.as_str()),
            (Act::Choice(i), Some(n)) => Some(s.nodes[n].options[i].id.as_str()),
            _ => None,
        }
    }

    /// Everything that decides which paths lie ahead (not their wording): two conversations
    /// of one scenario with equal keys have the same paths ahead. `watched` are the option ids
    /// the scenario's `Chose` conditions name; other past choices cannot matter.
    pub fn ahead(&self, watched: &[&str]) -> Ahead {
        let chose = watched.iter().enumerate().fold(0u64, |acc, (i, id)| {
            let chosen = self.turns.iter().any(|t| self.option_id(t) == Some(*id));
            acc | (u64::from(chosen) << (i % 64))
        });
        // A path passes at most one negotiation (validation sees to it), so once past it only
        // whether a plan is on the table and whether it can be kept decide what lies ahead.
        let f = &self.book.scenario.persona.finances;
        let plan = |p: Option<Plan>| p.map(|p| f.affords(&p));
        Ahead {
            node: self.node(),
            trust: self.mood.trust,
            stress: self.mood.stress,
            known: self.known,
            chose,
            plans: [plan(self.proposal), plan(self.counter), plan(self.agreed)],
        }
    }

    /// The option ids chosen so far, in order (what `run --choices` takes).
    pub fn choice_ids(&self) -> Vec<String> {
        self.turns
            .iter()
            .filter_map(|t| self.option_id(t).map(str::to_string))
            .collect()
    }

    /// The same conversation (same seed) as it stood after its first `turns` turns: the
    /// start of "replay from this turn" and of the debrief's what-ifs.
    pub fn prefix(&self, turns: usize) -> Conversation {
        let mut c = Conversation::new(Arc::clone(&self.book), self.seed);
        for t in self.turns.iter().take(turns) {
            match t.act {
                Act::Channel(i) => c.take_channel(i),
                Act::Choice(i) => c.take_choice(i),
                Act::Proposal { plan, .. } => {
                    let _ = c.propose(plan);
                }
            }
        }
        c
    }

    /// The variant of the current node's line.
    pub fn variant(&self) -> usize {
        self.variant
    }
}

/// The customer's answer to a plan, by one rule for every scenario (documented in
/// `docs/scenario-format.md`).
pub fn respond(f: &Finances, mood: Mood, plan: Plan) -> Response {
    let owe = f.undisputed();
    if f.disputed > 0.0 && plan.total() > owe + 0.01 * owe.max(1.0) {
        return Response::Refuse;
    }
    if f.affords(&plan) {
        return Response::Accept;
    }
    let disposable = (f.monthly_income - f.fixed_costs).max(0.0);
    let conceivable = plan.amount <= (3.0 * f.can_pay_monthly).max(disposable);
    if mood.stress >= 60 && mood.trust < 50 && conceivable {
        // Says yes to end the call: a promise that will break.
        return Response::Accept;
    }
    if mood.trust >= 30
        && let Some(counter) = f.counter_offer(plan.days)
    {
        return Response::Counter(counter);
    }
    Response::Refuse
}

#[cfg(test)]
mod tests {
    use super::*;

    const F: Finances = Finances {
        monthly_income: 1600.0,
        fixed_costs: 1500.0,
        owed: 600.0,
        disputed: 0.0,
        can_pay_monthly: 50.0,
        can_start_in_days: 14,
    };
    const CALM: Mood = Mood {
        trust: 60,
        stress: 30,
    };

    #[test]
    fn affordable_plans_are_accepted() {
        assert_eq!(
            respond(
                &F,
                CALM,
                Plan {
                    amount: 50.0,
                    count: 12,
                    days: 14
                }
            ),
            Response::Accept
        );
        // Even a giveaway: the customer does not object to paying less.
        assert_eq!(
            respond(
                &F,
                CALM,
                Plan {
                    amount: 10.0,
                    count: 2,
                    days: 30
                }
            ),
            Response::Accept
        );
    }

    #[test]
    fn a_trusting_customer_counters_with_what_they_can_pay() {
        let r = respond(
            &F,
            CALM,
            Plan {
                amount: 120.0,
                count: 5,
                days: 7,
            },
        );
        assert_eq!(
            r,
            Response::Counter(Plan {
                amount: 50.0,
                count: 12,
                days: 14
            })
        );
    }

    #[test]
    fn a_stressed_distrustful_customer_says_yes_to_end_the_call() {
        let cornered = Mood {
            trust: 20,
            stress: 80,
        };
        assert_eq!(
            respond(
                &F,
                cornered,
                Plan {
                    amount: 120.0,
                    count: 5,
                    days: 3
                }
            ),
            Response::Accept
        );
        // But not to the impossible.
        assert_eq!(
            respond(
                &F,
                cornered,
                Plan {
                    amount: 600.0,
                    count: 1,
                    days: 3
                }
            ),
            Response::Refuse
        );
    }

    #[test]
    fn low_trust_without_stress_refuses() {
        assert_eq!(
            respond(
                &F,
                Mood {
                    trust: 10,
                    stress: 40
                },
                Plan {
                    amount: 120.0,
                    count: 5,
                    days: 7
                }
            ),
            Response::Refuse
        );
    }

    #[test]
    fn charging_the_disputed_part_is_refused() {
        let f = Finances {
            disputed: 200.0,
            ..F
        };
        assert_eq!(
            respond(
                &f,
                CALM,
                Plan {
                    amount: 50.0,
                    count: 12,
                    days: 14
                }
            ),
            Response::Refuse
        );
        assert_eq!(
            respond(
                &f,
                CALM,
                Plan {
                    amount: 50.0,
                    count: 8,
                    days: 14
                }
            ),
            Response::Accept
        );
    }

    #[test]
    fn a_prefix_replays_the_same_turns() {
        let src = include_str!("../../tests/fixtures/mini.scenario.ron");
        let book = Arc::new(Playbook::parse(src, "mini.scenario.ron").expect("fixture"));
        let mut c = Conversation::new(book, 5);
        c.choose("ask").unwrap();
        c.choose("together").unwrap();
        c.propose(Plan {
            amount: 50.0,
            count: 6,
            days: 10,
        })
        .unwrap();
        let p = c.prefix(2);
        assert_eq!(p.turns(), &c.turns()[..2]);
        assert_eq!(p.transcript(Lang::En), c.prefix(2).transcript(Lang::En));
        assert!(matches!(p.prompt(), Prompt::Negotiate { .. }));
    }

    #[test]
    fn a_guarded_customer_says_the_guarded_line_and_an_open_one_the_open_line() {
        let src = include_str!("../../tests/fixtures/mini.scenario.ron").replace(
            "say: [(nl: \"Ja?\", en: \"Yes?\"), (nl: \"Hallo?\", en: \"Hello?\")],",
            "say: [(nl: \"Ja?\", en: \"Yes?\")], guarded: [(nl: \"Wat moet u?\", en: \"What do you want?\")],",
        );
        let with_mood = |trust: i32, stress: i32| {
            let src = src.replace(
                "mood: (trust: 40, stress: 60)",
                &format!("mood: (trust: {trust}, stress: {stress})"),
            );
            Arc::new(Playbook::parse(&src, "mini.scenario.ron").expect("valid"))
        };
        let first = |book: &Arc<Playbook>, seed| {
            let c = Conversation::new(Arc::clone(book), seed);
            c.transcript(Lang::En);
            c.book()
                .node(c.node().expect("a node"))
                .line(c.variant())
                .expect("a line")
                .en
                .clone()
        };
        let (wary, open, torn) = (with_mood(10, 80), with_mood(70, 20), with_mood(40, 50));
        let mut torn_lines = std::collections::BTreeSet::new();
        for seed in 0..40 {
            assert_eq!(first(&wary, seed), "What do you want?");
            assert_eq!(first(&open, seed), "Yes?");
            // The same seed, the same line.
            assert_eq!(first(&torn, seed), first(&torn, seed));
            torn_lines.insert(first(&torn, seed));
        }
        // In between, the mood draws either.
        assert_eq!(torn_lines.len(), 2, "{torn_lines:?}");
        assert!(
            openness(Mood {
                trust: 10,
                stress: 80
            }) == 0.0
        );
        assert!(
            openness(Mood {
                trust: 70,
                stress: 20
            }) == 1.0
        );
    }
}
