//! The scenario data model: what a `*.scenario.ron` file holds, as Rust types.
//!
//! The field names here are the file format; `docs/scenario-format.md` documents each of them
//! for scenario authors. Every struct denies unknown fields so a typo is reported, not ignored.

use crate::plan::Finances;
use crate::text::Text;
use serde::{Deserialize, Serialize};

/// One training conversation: a persona, the context of the call and a graph of nodes.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Stable id; the file is named `<id>.scenario.ron` (validation reports any other name).
    pub id: String,
    pub title: Text,
    /// One or two sentences for the scenario picker.
    #[serde(default)]
    pub summary: Text,
    /// 1 (introductory) to 3 (hard).
    pub difficulty: u8,
    /// The principles this scenario trains, shown on its card.
    #[serde(default)]
    pub trains: Vec<Principle>,
    pub persona: Persona,
    pub context: Context,
    /// The node the conversation starts at (after the channel choice, if any).
    pub start: String,
    /// Checked after every trainee choice, before the choice's own `branch`/`next`: the first
    /// whose condition holds sends the conversation there (for example: stress at 90, hang up).
    #[serde(default)]
    pub interrupts: Vec<Branch>,
    pub nodes: Vec<Node>,
}

/// The customer the trainee talks to. Facts and finances are hidden from the trainee until
/// uncovered.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Persona {
    pub name: String,
    pub archetype: Archetype,
    pub style: Style,
    /// What is going on for this person (shown in the debrief, not before).
    pub situation: Text,
    /// Mood at the start of the conversation.
    pub mood: Mood,
    #[serde(default)]
    pub facts: Vec<Fact>,
    pub finances: Finances,
    /// Other styles a run may draw (besides `style`, which is the first). See [`Truth`].
    #[serde(default)]
    pub styles: Vec<Style>,
    /// The hidden truths a run may draw: what really goes on behind the same file. Each run
    /// meets one truth in one style (the seed picks, `--draw N` pins); none means the persona
    /// as written is the only truth.
    #[serde(default)]
    pub truths: Vec<Truth>,
}

/// One hidden truth: how this run's customer differs from the persona as written. Every
/// field left out keeps the persona's own.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Truth {
    pub id: String,
    #[serde(default)]
    pub situation: Option<Text>,
    #[serde(default)]
    pub mood: Option<Mood>,
    #[serde(default)]
    pub finances: FinancesPatch,
    /// Facts that say something else in this truth (by id; only the fields given change).
    #[serde(default)]
    pub facts: Vec<FactPatch>,
    /// Facts that do not exist in this truth: no option can bring them out.
    #[serde(default)]
    pub absent: Vec<String>,
}

/// Finances that differ in a [`Truth`]; the rest are the persona's.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FinancesPatch {
    pub monthly_income: Option<f64>,
    pub fixed_costs: Option<f64>,
    pub owed: Option<f64>,
    pub disputed: Option<f64>,
    pub can_pay_monthly: Option<f64>,
    pub can_start_in_days: Option<u32>,
}

impl FinancesPatch {
    pub fn apply(&self, f: &Finances) -> Finances {
        Finances {
            monthly_income: self.monthly_income.unwrap_or(f.monthly_income),
            fixed_costs: self.fixed_costs.unwrap_or(f.fixed_costs),
            owed: self.owed.unwrap_or(f.owed),
            disputed: self.disputed.unwrap_or(f.disputed),
            can_pay_monthly: self.can_pay_monthly.unwrap_or(f.can_pay_monthly),
            can_start_in_days: self.can_start_in_days.unwrap_or(f.can_start_in_days),
        }
    }
}

/// A fact as it differs in a [`Truth`]: only the fields given change.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactPatch {
    pub id: String,
    pub note: Option<Text>,
    pub says: Option<Text>,
    pub reveal: Option<Reveal>,
    pub key: Option<bool>,
    pub cause: Option<bool>,
}

impl FactPatch {
    pub fn apply(&self, f: &Fact) -> Fact {
        Fact {
            id: f.id.clone(),
            kind: f.kind,
            note: self.note.clone().unwrap_or_else(|| f.note.clone()),
            says: self.says.clone().unwrap_or_else(|| f.says.clone()),
            reveal: self.reveal.clone().unwrap_or_else(|| f.reveal.clone()),
            key: self.key.unwrap_or(f.key),
            cause: self.cause.unwrap_or(f.cause),
        }
    }
}

/// Trust in the collector and stress, each 0–100.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mood {
    pub trust: i32,
    pub stress: i32,
}

/// The persona types of the design card, and the further ones the domain supports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Archetype {
    Ostrich,
    CantPay,
    Dispute,
    TwitterComplaint,
    HolidayIrritation,
    KeyAccount,
    SmallBusiness,
    HeavyUsage,
    WontPay,
}

impl Archetype {
    pub fn label(self) -> &'static str {
        match self {
            Archetype::Ostrich => "ostrich",
            Archetype::CantPay => "can't pay",
            Archetype::Dispute => "dispute",
            Archetype::TwitterComplaint => "Twitter complaint",
            Archetype::HolidayIrritation => "holiday irritation",
            Archetype::KeyAccount => "key account",
            Archetype::SmallBusiness => "small business",
            Archetype::HeavyUsage => "heavy usage",
            Archetype::WontPay => "won't pay",
        }
    }
}

/// Personality style (social styles model): how this person likes to be approached. How each
/// style reacts to each behaviour is one table for every scenario: [`crate::scenario::style`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Style {
    /// Wants facts, time and precision.
    Analytical,
    /// Wants results, brevity and control.
    Driver,
    /// Wants warmth, safety and patience.
    Amiable,
    /// Wants to be heard, energy and recognition.
    Expressive,
}

/// Something the customer knows and the trainee may uncover.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub id: String,
    pub kind: FactKind,
    /// Short line for the trainee's notes panel.
    pub note: Text,
    /// What the customer says when the fact comes out.
    pub says: Text,
    pub reveal: Reveal,
    /// Key facts count for the fact-gathering score; others are colour.
    #[serde(default = "yes")]
    pub key: bool,
    /// A root cause of the arrears (a too-low advance, letters that go unopened, the company's
    /// error): once it is known, an agreement that leaves it unaddressed is not a model one.
    /// Options that deal with it name it in their `addresses`.
    #[serde(default)]
    pub cause: bool,
}

fn yes() -> bool {
    true
}

/// What it takes to bring a fact out: an option that `probes` it, showing one of the
/// behaviours in `by`, while trust (after the option's own effect) is at least `trust`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reveal {
    pub by: Vec<Code>,
    #[serde(default)]
    pub trust: i32,
}

/// What a fact is about; the negotiation screen shows the finances a fact of that kind opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FactKind {
    /// Why they have not paid.
    Reason,
    /// Monthly income.
    Income,
    /// Fixed monthly costs.
    Costs,
    /// What they can really pay per month and from when.
    Capacity,
    /// When things change (new job, benefit starts, …).
    Timeline,
    /// What went wrong on the company's side.
    Dispute,
    Other,
}

/// Who the trainee is, whom they contact and how.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Context {
    /// The company the trainee works for (a name, the same in both languages).
    pub company: String,
    /// The trainee's role, e.g. "You work in credit control at …".
    pub role: Text,
    /// What the trainee knows before the conversation.
    pub briefing: Text,
    /// The channel of the conversation itself.
    pub channel: Channel,
    /// What the contact is for; the 3x M rubric judges a channel choice against it.
    pub mission: Mission,
    /// The channel the customer signed up through, usually their preferred one.
    #[serde(default)]
    pub preferred_channel: Option<Channel>,
    /// An optional first decision: which channel to use (3x M), itself scored.
    #[serde(default)]
    pub channel_choice: Option<ChannelChoice>,
    /// Where the call takes place: which collection law applies. Required when an option
    /// announces collection costs.
    #[serde(default)]
    pub jurisdiction: Option<Jurisdiction>,
    /// The free reminder the law requires before any costs (NL: the 14-day letter; BE: the
    /// first reminder and its 14 days) has gone out and its term has passed.
    #[serde(default)]
    pub reminder_sent: bool,
}

/// The law a call falls under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Jurisdiction {
    /// The Netherlands: art. 6:96 BW, the WIK and the Wki.
    Nl,
    /// Belgium: Book XIX of the Code of Economic Law.
    Be,
}

/// Ways to reach a customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Channel {
    Phone,
    Sms,
    Email,
    Letter,
    Visit,
    VoiceMessage,
    SocialMedia,
}

impl Channel {
    pub const ALL: [Channel; 7] = [
        Channel::Phone,
        Channel::Sms,
        Channel::Email,
        Channel::Letter,
        Channel::Visit,
        Channel::VoiceMessage,
        Channel::SocialMedia,
    ];

    pub fn label(self) -> Text {
        let (nl, en) = match self {
            Channel::Phone => ("telefoon", "phone"),
            Channel::Sms => ("sms", "SMS"),
            Channel::Email => ("e-mail", "email"),
            Channel::Letter => ("brief", "letter"),
            Channel::Visit => ("bezoek", "visit"),
            Channel::VoiceMessage => ("ingesproken bericht", "voice message"),
            Channel::SocialMedia => ("sociale media", "social media"),
        };
        Text::new(nl, en)
    }
}

/// What a contact is meant to achieve (the first M of 3x M).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Mission {
    /// Just past the due date: cheap, sorts the forgetful from the rest.
    FirstReminder,
    /// A concrete result is needed now.
    ResultNow,
    /// An important, large customer.
    KeyAccount,
    /// Many customers who do not pay.
    ManyCustomers,
    /// A complaint or dispute: call and listen first.
    Complaint,
    /// An early call from a service mindset, before arrears grow.
    Service,
}

/// The 3x M decision at the start of a scenario.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelChoice {
    pub prompt: Text,
    pub options: Vec<ChannelOption>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelOption {
    pub id: String,
    pub channel: Channel,
    pub text: Text,
    /// The behaviours of the message this channel sends (a sterner letter: `Pressure`; a
    /// standard reminder on a disputed bill: `Dismiss`); scored like an option's.
    #[serde(default)]
    pub codes: Vec<Code>,
    /// The author's line for the debrief.
    #[serde(default)]
    pub feedback: Option<Text>,
    /// How the customer as written reacts by the time the conversation starts (an SMS
    /// announcing the call may calm them a little): the style table's reaction to `codes`
    /// by default; numbers given here move it by at most [`style::NUDGE`](crate::scenario::style::NUDGE).
    #[serde(default)]
    pub trust: Option<i32>,
    #[serde(default)]
    pub stress: Option<i32>,
    /// Where this channel leads; the scenario's `start` if absent.
    #[serde(default)]
    pub next: Option<String>,
}

/// A step of the conversation: the customer speaks, then exactly one of `options`,
/// `negotiate` or `end` says what happens.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    pub id: String,
    /// A stage direction shown before the customer's line ("Two weeks later…").
    #[serde(default)]
    pub narration: Option<Text>,
    /// The customer's line; with several variants one is picked by the seeded generator.
    #[serde(default)]
    pub say: Vec<Text>,
    /// The line of a guarded customer (low trust, high stress); `say` is then the open one.
    /// Between clearly guarded and clearly open the mood draws which, seeded.
    #[serde(default)]
    pub guarded: Vec<Text>,
    #[serde(default)]
    pub options: Vec<Choice>,
    #[serde(default)]
    pub negotiate: Option<Negotiation>,
    #[serde(default)]
    pub end: Option<Ending>,
}

/// What a node asks of the trainee.
#[derive(Debug, Clone, Copy)]
pub enum NodeStep<'a> {
    Choose(&'a [Choice]),
    Negotiate(&'a Negotiation),
    End(Ending),
}

impl Node {
    /// Line `variant` of this node: the open lines (`say`) first, then the guarded ones.
    pub fn line(&self, variant: usize) -> Option<&Text> {
        self.say.iter().chain(&self.guarded).nth(variant)
    }

    /// The node's step; `None` for a malformed node (validation reports those).
    pub fn step(&self) -> Option<NodeStep<'_>> {
        match (self.options.is_empty(), &self.negotiate, self.end) {
            (false, None, None) => Some(NodeStep::Choose(&self.options)),
            (true, Some(n), None) => Some(NodeStep::Negotiate(n)),
            (true, None, Some(e)) => Some(NodeStep::End(e)),
            _ => None,
        }
    }
}

/// One thing the trainee can say.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Unique within its node; what `run --choices` names.
    pub id: String,
    pub text: Text,
    /// The behaviours this option shows; the rubric scores these, never per-option points.
    pub codes: Vec<Code>,
    /// How the customer as written changes in trust (−100…100). Absent: the style table's
    /// reaction to `codes`; given: the table's reaction moved towards this by at most
    /// [`style::NUDGE`](crate::scenario::style::NUDGE). A drawn style reacts by its own row.
    #[serde(default)]
    pub trust: Option<i32>,
    /// The same for stress.
    #[serde(default)]
    pub stress: Option<i32>,
    /// Facts this option asks about; each comes out if the fact's `reveal` is met.
    #[serde(default)]
    pub probes: Vec<String>,
    /// Root-cause facts (`cause: true`) this option deals with: an advance reviewed, a channel
    /// the customer reads, the company's error put right.
    #[serde(default)]
    pub addresses: Vec<String>,
    /// The customer's immediate answer (variants), before the next node's line.
    #[serde(default)]
    pub reply: Vec<Text>,
    /// The answer of a guarded customer, as a node's `guarded` line.
    #[serde(default)]
    pub guarded: Vec<Text>,
    /// What the customer says instead of `reply` when a probed fact does not come out
    /// (variants); `reply` is used if this is empty.
    #[serde(default)]
    pub evade: Vec<Text>,
    /// What this option does to a plan on the table.
    #[serde(default)]
    pub plan: PlanAction,
    /// The author's line for the debrief.
    #[serde(default)]
    pub feedback: Option<Text>,
    /// Checked in order after the interrupts; the first that holds wins.
    #[serde(default)]
    pub branch: Vec<Branch>,
    /// Where the conversation goes when no branch holds.
    pub next: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum PlanAction {
    #[default]
    None,
    /// Take the customer's counter-proposal as the agreed plan. Only in a negotiation's
    /// `counter` node, where there is one to take; validation reports it anywhere else.
    AcceptCounter,
}

/// A conditional jump.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Branch {
    pub when: Condition,
    pub goto: String,
}

/// A test on the conversation so far.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Condition {
    TrustAtLeast(i32),
    TrustBelow(i32),
    StressAtLeast(i32),
    StressBelow(i32),
    /// The fact with this id has been uncovered.
    Knows(String),
    DoesNotKnow(String),
    /// An option with this id was chosen earlier in the conversation.
    Chose(String),
    /// A plan has been agreed.
    PlanAgreed,
    /// A plan has been agreed that the customer cannot afford: a promise that will break.
    PromiseWillBreak,
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
}

/// The trainee proposes a plan; the customer answers from their finances and mood.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Negotiation {
    /// Node after the customer accepts.
    pub accept: String,
    /// Node after the customer counters with a plan they can afford (its options may take
    /// it with `plan: AcceptCounter`).
    pub counter: String,
    /// Node after the customer refuses.
    pub refuse: String,
    /// Node after the customer refuses because the plan charges the disputed part; `refuse`
    /// if absent.
    #[serde(default)]
    pub refuse_disputed: Option<String>,
    /// Company policy: the most instalments allowed.
    #[serde(default = "default_max_instalments")]
    pub max_instalments: u32,
    /// Company policy: the latest first payment allowed, in days.
    #[serde(default = "default_max_days")]
    pub max_days: u32,
}

fn default_max_instalments() -> u32 {
    24
}
fn default_max_days() -> u32 {
    30
}

/// How a conversation ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Ending {
    /// A payment plan was agreed.
    Arrangement,
    /// The customer pays the whole amount now.
    PaidInFull,
    /// The company's error was acknowledged and the dispute settled.
    DisputeResolved,
    /// A concrete follow-up (date, what each will do) without a plan yet.
    FollowUp,
    /// Pointed to debt help with an agreed pause.
    Referred,
    /// The conversation ended without agreement.
    NoAgreement,
    /// The customer hung up or walked away.
    HungUp,
    /// Handed to legal or a bailiff, or a public escalation.
    Escalated,
    /// The collector gave the debt away.
    DebtWaived,
}

impl Ending {
    pub const ALL: [Ending; 9] = [
        Ending::Arrangement,
        Ending::PaidInFull,
        Ending::DisputeResolved,
        Ending::FollowUp,
        Ending::Referred,
        Ending::NoAgreement,
        Ending::HungUp,
        Ending::Escalated,
        Ending::DebtWaived,
    ];

    /// The ending a [`Ending::key`] names.
    pub fn from_key(key: &str) -> Option<Ending> {
        Ending::ALL.into_iter().find(|e| e.key() == key)
    }

    pub fn key(self) -> &'static str {
        match self {
            Ending::Arrangement => "arrangement",
            Ending::PaidInFull => "paid_in_full",
            Ending::DisputeResolved => "dispute_resolved",
            Ending::FollowUp => "follow_up",
            Ending::Referred => "referred",
            Ending::NoAgreement => "no_agreement",
            Ending::HungUp => "hung_up",
            Ending::Escalated => "escalated",
            Ending::DebtWaived => "debt_waived",
        }
    }

    pub fn label(self) -> Text {
        let (nl, en) = match self {
            Ending::Arrangement => ("Betalingsregeling afgesproken", "Payment arrangement made"),
            Ending::PaidInFull => ("Volledig betaald", "Paid in full"),
            Ending::DisputeResolved => ("Geschil opgelost", "Dispute resolved"),
            Ending::FollowUp => ("Vervolgafspraak gemaakt", "Follow-up agreed"),
            Ending::Referred => ("Doorverwezen naar hulp", "Referred to help"),
            Ending::NoAgreement => ("Geen afspraak", "No agreement"),
            Ending::HungUp => ("Klant heeft opgehangen", "Customer hung up"),
            Ending::Escalated => ("Geëscaleerd", "Escalated"),
            Ending::DebtWaived => ("Schuld kwijtgescholden", "Debt waived"),
        };
        Text::new(nl, en)
    }
}

/// Behaviour codes, after MITI 4.2.1 and the connection principles. Every option carries one
/// or more; the rubric in `score` gives each its meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Code {
    // Asking.
    OpenQuestion,
    ClosedQuestion,
    // Connecting (MITI relational behaviours).
    Reflection,
    ComplexReflection,
    Affirm,
    Summarize,
    SeekCollaboration,
    EmphasizeAutonomy,
    /// Acknowledging the company's error or the customer's experience; an apology.
    Acknowledge,
    Appreciate,
    // Content.
    GiveInformation,
    /// Clear about what is owed and what is expected (hard on content).
    StateExpectation,
    /// Confirming an agreement concretely: amount, date, method.
    Confirm,
    /// Pointing to help or alternatives (debt help, a cheaper package).
    Refer,
    // Roadblocks.
    Judge,
    Opinion,
    PrematureAdvice,
    Assume,
    FillIn,
    Accuse,
    Irritation,
    Boilerplate,
    Dismiss,
    Capitulate,
    // Compliance breaches.
    Threaten,
    FalseThreat,
    Pressure,
    ThirdParty,
    Misleading,
    // Content the law decides on.
    /// Saying that collection costs are or will be charged: lawful only once the law allows it.
    AnnounceCosts,
}

impl Code {
    pub const ALL: [Code; 30] = [
        Code::OpenQuestion,
        Code::ClosedQuestion,
        Code::Reflection,
        Code::ComplexReflection,
        Code::Affirm,
        Code::Summarize,
        Code::SeekCollaboration,
        Code::EmphasizeAutonomy,
        Code::Acknowledge,
        Code::Appreciate,
        Code::GiveInformation,
        Code::StateExpectation,
        Code::Confirm,
        Code::Refer,
        Code::Judge,
        Code::Opinion,
        Code::PrematureAdvice,
        Code::Assume,
        Code::FillIn,
        Code::Accuse,
        Code::Irritation,
        Code::Boilerplate,
        Code::Dismiss,
        Code::Capitulate,
        Code::Threaten,
        Code::FalseThreat,
        Code::Pressure,
        Code::ThirdParty,
        Code::Misleading,
        Code::AnnounceCosts,
    ];

    /// Bit for a set of codes.
    pub fn bit(self) -> u32 {
        1 << (self as u32)
    }
}

/// The connection principles of `DOMAIN.md`; every finding names one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Principle {
    CustomerNotDebtor,
    ThreeM,
    Connect,
    Oma,
    Nivea,
    Anna,
    LowerTheThreat,
    ReadThePerson,
    SolveTogether,
    GenuineEmpathy,
    DontOvershoot,
    HardOnContent,
    ServiceMindset,
    PublicComplaint,
    AffordablePlan,
    Appreciation,
    FairTreatment,
}

impl Principle {
    /// The principle a [`Principle::key`] names.
    pub fn from_key(key: &str) -> Option<Principle> {
        Principle::ALL.into_iter().find(|p| p.key() == key)
    }

    pub const ALL: [Principle; 17] = [
        Principle::CustomerNotDebtor,
        Principle::ThreeM,
        Principle::Connect,
        Principle::Oma,
        Principle::Nivea,
        Principle::Anna,
        Principle::LowerTheThreat,
        Principle::ReadThePerson,
        Principle::SolveTogether,
        Principle::GenuineEmpathy,
        Principle::DontOvershoot,
        Principle::HardOnContent,
        Principle::ServiceMindset,
        Principle::PublicComplaint,
        Principle::AffordablePlan,
        Principle::Appreciation,
        Principle::FairTreatment,
    ];

    /// Stable key used in JSON and exports.
    pub fn key(self) -> &'static str {
        match self {
            Principle::CustomerNotDebtor => "customer_not_debtor",
            Principle::ThreeM => "3x_m",
            Principle::Connect => "connect",
            Principle::Oma => "oma",
            Principle::Nivea => "nivea",
            Principle::Anna => "anna",
            Principle::LowerTheThreat => "lower_the_threat",
            Principle::ReadThePerson => "read_the_person",
            Principle::SolveTogether => "solve_together",
            Principle::GenuineEmpathy => "genuine_empathy",
            Principle::DontOvershoot => "dont_overshoot",
            Principle::HardOnContent => "hard_on_content",
            Principle::ServiceMindset => "service_mindset",
            Principle::PublicComplaint => "public_complaint",
            Principle::AffordablePlan => "affordable_plan",
            Principle::Appreciation => "appreciation",
            Principle::FairTreatment => "fair_treatment",
        }
    }

    /// Short title, as on the principle card.
    pub fn title(self) -> Text {
        let (nl, en) = match self {
            Principle::CustomerNotDebtor => ("Klant, geen debiteur", "Customer, not debtor"),
            Principle::ThreeM => (
                "3x M: Missie – Mens – Middel",
                "3x M: Mission – Person – Means",
            ),
            Principle::Connect => ("Connecteren", "Connect"),
            Principle::Oma => ("Laat OMA thuis", "Leave OMA at home"),
            Principle::Nivea => (
                "NIVEA: niet invullen voor een ander",
                "NIVEA: don't fill in for the other",
            ),
            Principle::Anna => (
                "ANNA: altijd navragen, nooit aannemen",
                "ANNA: always ask, never assume",
            ),
            Principle::LowerTheThreat => ("Verlaag de drempel", "Lower the threat"),
            Principle::ReadThePerson => ("Lees de persoon", "Read the person"),
            Principle::SolveTogether => ("Samen oplossen", "Solve it together"),
            Principle::GenuineEmpathy => ("Empathie kun je niet faken", "Empathy can't be faked"),
            Principle::DontOvershoot => (
                "Schiet niet door in vriendelijkheid",
                "Don't overshoot into friendliness",
            ),
            Principle::HardOnContent => (
                "Hard op de inhoud, zacht op de relatie",
                "Hard on content, soft on the relationship",
            ),
            Principle::ServiceMindset => (
                "Vroeg en vanuit service",
                "Early and from a service mindset",
            ),
            Principle::PublicComplaint => (
                "Een publieke klacht is een geschil",
                "A public complaint is a dispute",
            ),
            Principle::AffordablePlan => ("Een haalbare regeling", "An affordable arrangement"),
            Principle::Appreciation => ("Waardering", "Appreciation"),
            Principle::FairTreatment => ("Eerlijke behandeling (wet)", "Fair treatment (law)"),
        };
        Text::new(nl, en)
    }

    /// What the principle asks, for the principle card and the README.
    pub fn explain(self) -> Text {
        let (nl, en) = match self {
            Principle::CustomerNotDebtor => (
                "Wie een rekening open heeft staan, blijft een klant met toekomstwaarde. Woorden als 'debiteur' en standaardzinnen zetten de verkeerde toon.",
                "Whoever owes money is still a customer with future value. Words like 'debtor' and boilerplate set the wrong tone.",
            ),
            Principle::ThreeM => (
                "Kies het communicatiemiddel op basis van je doel en de persoon: bellen als je nu een resultaat nodig hebt, een bezoek voor een grote klant, een brief of sms voor een eerste herinnering.",
                "Pick the channel for the goal and the person: call when you need a result now, visit an important customer, a letter or SMS for a first reminder.",
            ),
            Principle::Connect => (
                "Maak menselijk contact: luister, vat samen, benoem wat je hoort. Verbinden is niet elk bezwaar aanvaarden.",
                "Make a human connection: listen, summarise, name what you hear. Connecting is not accepting every objection.",
            ),
            Principle::Oma => (
                "Geen Oordelen, geen Meningen, geen (voorbarige) Adviezen. Eerst vragen wat er speelt.",
                "No judgements, no opinions, no premature advice. Ask what is going on first.",
            ),
            Principle::Nivea => (
                "Vul niet in wat de klant kan of wil ('twintig euro per maand moet toch lukken'): laat de klant het zelf zeggen.",
                "Don't fill in what the customer can or wants ('twenty euros a month must be possible'): let them say it.",
            ),
            Principle::Anna => (
                "Vraag altijd door, neem nooit aan. Elke klant is uniek; wie denkt het verhaal al te kennen, mist de feiten.",
                "Always ask, never assume. Every customer is unique; whoever thinks they know the story misses the facts.",
            ),
            Principle::LowerTheThreat => (
                "Wie niet betaalt is vaak gestrest en vermijdt contact. Een harde toon duwt de klant verder weg; één persoonlijk gesprek is de eerste stap terug.",
                "Customers who don't pay are often stressed and avoid contact. A harsh tone pushes them further away; one personal conversation is the first step back.",
            ),
            Principle::ReadThePerson => (
                "Verschillende mensen reageren op een verschillende aanpak. Lees de persoon en pas je eigen gedrag aan.",
                "Different people respond to different approaches. Read the person and adapt your own behaviour.",
            ),
            Principle::SolveTogether => (
                "Laat de klant meedenken over de oplossing: wie de regeling mee ontwerpt, komt ze na. Naast de klant staan, niet tegenover.",
                "Let the customer help design the solution: whoever shapes the arrangement keeps it. Stand beside the customer, not opposite.",
            ),
            Principle::GenuineEmpathy => (
                "Irritatie lekt door in je stem. Het echte vak is het gesprek voeren en samen een oplossing vinden.",
                "Irritation leaks into your voice. The real skill is to have the conversation and find a solution together.",
            ),
            Principle::DontOvershoot => (
                "Wordt het probleem van de klant groter of kleiner met uitstel of kwijtschelding? Een realistische regeling in de tijd, geen cadeau.",
                "Does a deferral or a write-off make the customer's problem bigger or smaller? A realistic plan over time, not a gift.",
            ),
            Principle::HardOnContent => (
                "Zeg duidelijk wat er openstaat en wat je verwacht; wees attent in plaats van beschuldigend en oplossingsgericht.",
                "Say clearly what is owed and what you expect; be attentive rather than accusing, and solution-oriented.",
            ),
            Principle::ServiceMindset => (
                "Bel vroeg om escalatie te voorkomen, maar als service: een klant kan zich beledigd voelen door een incassogesprek.",
                "Call early to prevent escalation, but as a service: a customer can feel insulted by a collections call.",
            ),
            Principle::PublicComplaint => (
                "Bij een publieke klacht: bel, luister eerst en zoek wat er aan jullie kant misging. Het gaat nooit over het proces, altijd over hoe de klant behandeld werd.",
                "With a public complaint: call, listen first and find what went wrong on your side. It is never about the process, always about how the customer was treated.",
            ),
            Principle::AffordablePlan => (
                "De meeste wanbetalers willen wel maar kunnen niet. Een regeling die past bij hun echte situatie houdt stand; een onhaalbare belofte breekt.",
                "Most non-payers want to pay but can't. An arrangement that fits their real situation holds; an unaffordable promise breaks.",
            ),
            Principle::Appreciation => (
                "Een klant die een regeling treft om achterstand weg te werken verdient waardering; dat legt de basis voor vlotte betalingen.",
                "A customer who makes an arrangement to clear arrears deserves appreciation; it sets up smooth future payments.",
            ),
            Principle::FairTreatment => (
                "Geen valse juridische dreigementen, geen druk om onredelijke bedragen of termijnen te betalen, geen contact met familie of werkgever, niets misleidends (Wet kwaliteit incassodienstverlening; Boek XIX van het Belgische Wetboek van economisch recht).",
                "No false legal threats, no pressure to pay unreasonable amounts or terms, no contact with family or employer, nothing misleading (Dutch Wki; Book XIX of the Belgian Code of Economic Law).",
            ),
        };
        Text::new(nl, en)
    }
}
