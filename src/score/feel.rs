//! What the customer feels: one line per turn with the customer's inner reaction ("Sofie hears
//! a judgement and closes up"), from what the trainee did (the option's behaviour codes, the
//! channel's fit, the customer's answer to a plan) and how trust and stress moved. It never
//! names a hidden fact: that more came out is said, not what.

use super::rules::codes_of;
use super::{Fit, channel_fit};
use crate::dialogue::{Act, Conversation, Response, Turn};
use crate::scenario::Code;
use crate::text::Text;

/// How far trust or stress must move for the customer to feel it.
const FELT: i32 = 4;

/// What the customer makes of a behaviour, strongest first: the first code of the turn found
/// here sets the line (a threat outweighs the polite question that came with it).
const PERCEIVED: [(Code, &str, &str); 26] = [
    (Code::Threaten, "voelt zich bedreigd", "feels threatened"),
    (
        Code::FalseThreat,
        "schrikt van het dreigement",
        "is frightened by the threat",
    ),
    (
        Code::ThirdParty,
        "voelt zich te kijk gezet",
        "feels exposed to others",
    ),
    (Code::Accuse, "voelt zich beschuldigd", "feels accused"),
    (Code::Judge, "hoort een oordeel", "hears a judgement"),
    (
        Code::Irritation,
        "hoort de ergernis",
        "hears the irritation",
    ),
    (Code::Pressure, "voelt zich opgejaagd", "feels pushed"),
    (Code::Dismiss, "voelt zich afgescheept", "feels brushed off"),
    (
        Code::Opinion,
        "krijgt een mening waar niemand om vroeg",
        "gets an opinion nobody asked for",
    ),
    (
        Code::PrematureAdvice,
        "krijgt advies voordat iemand luisterde",
        "gets advice before anyone listened",
    ),
    (
        Code::Assume,
        "hoort een aanname over zichzelf",
        "hears an assumption about themselves",
    ),
    (
        Code::FillIn,
        "hoort iemand anders het verhaal invullen",
        "hears someone else fill in the story",
    ),
    (
        Code::Boilerplate,
        "hoort een standaardtekst",
        "hears a standard script",
    ),
    (
        Code::Capitulate,
        "is voorlopig opgelucht",
        "is relieved for now",
    ),
    (
        Code::Summarize,
        "hoort het eigen verhaal goed samengevat",
        "hears their story summed up well",
    ),
    (
        Code::ComplexReflection,
        "voelt zich begrepen",
        "feels understood",
    ),
    (Code::Reflection, "voelt zich gehoord", "feels heard"),
    (Code::Acknowledge, "voelt zich erkend", "feels acknowledged"),
    (Code::Appreciate, "hoort waardering", "hears appreciation"),
    (
        Code::Affirm,
        "hoort dat de moeite gezien wordt",
        "hears the effort is seen",
    ),
    (
        Code::EmphasizeAutonomy,
        "merkt dat de keuze bij hem of haar blijft",
        "senses the choice stays theirs",
    ),
    (
        Code::SeekCollaboration,
        "wordt uitgenodigd mee te denken",
        "is invited to think along",
    ),
    (
        Code::OpenQuestion,
        "krijgt de ruimte om te vertellen",
        "is given room to tell",
    ),
    (
        Code::Confirm,
        "hoort de afspraak helder bevestigd",
        "hears the agreement confirmed plainly",
    ),
    (
        Code::ClosedQuestion,
        "beantwoordt een gerichte vraag",
        "answers a pointed question",
    ),
    (
        Code::StateExpectation,
        "hoort helder wat er verwacht wordt",
        "hears plainly what is expected",
    ),
];

/// A code not in [`PERCEIVED`] (information, a referral, costs announced): the content.
const CONTENT: (&str, &str) = ("hoort de feiten", "hears the facts");

/// The customer's first name, as the lines use it.
fn first_name(conv: &Conversation) -> &str {
    let name = conv.book().scenario.persona.name.as_str();
    name.split_whitespace().next().unwrap_or(name)
}

/// How the mood moved, said as a reaction.
fn reaction(t: &Turn) -> (&'static str, &'static str) {
    let trust = t.mood_after.trust - t.mood_before.trust;
    let stress = t.mood_after.stress - t.mood_before.stress;
    let told = t.revealed.count_ones();
    match (trust, stress) {
        _ if told > 1 => (
            "en vertelt meer dan gevraagd",
            "and tells more than was asked",
        ),
        (tr, st) if tr <= -FELT && st >= FELT => ("en klapt dicht", "and closes up"),
        (tr, _) if tr <= -FELT => ("en vertrouwt het minder", "and trusts it less"),
        (_, st) if st >= FELT => ("en raakt gespannen", "and tenses up"),
        _ if told == 1 => ("en vertelt wat er speelt", "and opens up a little"),
        _ if t.evaded => ("en blijft vaag", "and stays vague"),
        (tr, st) if tr >= FELT && st <= -FELT => ("en ontspant", "and relaxes"),
        (tr, _) if tr >= FELT => ("en krijgt meer vertrouwen", "and trusts a little more"),
        (_, st) if st <= -FELT => ("en komt wat tot rust", "and calms a little"),
        _ => ("en wacht af", "and waits to see"),
    }
}

/// The customer's inner reaction to turn `t` of `conv`, in one line.
pub fn inner(conv: &Conversation, t: &Turn) -> Text {
    let name = first_name(conv);
    let (rnl, ren) = reaction(t);
    let (nl, en) = match t.act {
        // Before a word is said: how the channel lands, nothing felt yet.
        Act::Channel(_) => {
            let (nl, en) = match channel_fit(conv.book().scenario.context.mission, conv.channel()) {
                Fit::Good => (
                    "wordt bereikt op een manier die past",
                    "is reached in a way that suits",
                ),
                Fit::Poor => (
                    "wordt zo niet echt bereikt",
                    "is not really reached this way",
                ),
                _ => ("wordt bereikt", "is reached"),
            };
            return Text::new(format!("{name} {nl}."), format!("{name} {en}."));
        }
        Act::Proposal { response, .. } => {
            let (nl, en) = match response {
                Response::Accept => ("denkt: dit kan ik dragen", "thinks: I can carry this"),
                Response::Counter(_) => (
                    "denkt: dit kan ik niet, maar wel iets",
                    "thinks: not this, but something",
                ),
                Response::Refuse => ("denkt: dit lukt nooit", "thinks: this will never work"),
            };
            return Text::new(format!("{name} {nl}."), format!("{name} {en}."));
        }
        Act::Choice(_) => {
            let codes = codes_of(conv.book(), t);
            PERCEIVED
                .iter()
                .find(|(c, _, _)| codes.contains(c))
                .map_or(CONTENT, |(_, nl, en)| (*nl, *en))
        }
    };
    Text::new(format!("{name} {nl} {rnl}."), format!("{name} {en} {ren}."))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dialogue::replay;
    use crate::text::Lang;
    use std::sync::Arc;

    fn book() -> Arc<crate::Playbook> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
        Arc::new(crate::Playbook::load(dir.join("ostrich.scenario.ron")).expect("ostrich loads"))
    }

    #[test]
    fn every_turn_gets_a_line_that_names_the_customer_and_no_hidden_fact() {
        let book = book().for_run(1, Some(0)).expect("draw 0");
        let choices: Vec<String> = "call,warm_intro,reflect_avoid,explore_life,reflect_story_ask_money,ask_capacity,invite_plan,confirm_summary,thank_refer"
            .split(',')
            .map(str::to_string)
            .collect();
        let conv = replay(&book, 1, &choices, "50:12:21".parse().ok()).expect("the expert path");
        let name = first_name(&conv).to_string();
        let facts: Vec<String> = book
            .scenario
            .persona
            .facts
            .iter()
            .flat_map(|f| {
                [
                    f.note.get(Lang::En).to_lowercase(),
                    f.says.get(Lang::En).to_lowercase(),
                ]
            })
            .collect();
        for t in conv.turns() {
            let line = inner(&conv, t);
            for lang in Lang::ALL {
                let l = line.get(lang);
                assert!(l.starts_with(&name) && l.ends_with('.'), "{l}");
                for f in &facts {
                    assert!(!l.to_lowercase().contains(f.as_str()), "{l} tells {f}");
                }
            }
        }
        // The reflection that draws the story out: understood, and more comes out.
        let lines: Vec<String> = conv
            .turns()
            .iter()
            .map(|t| inner(&conv, t).get(Lang::En).to_string())
            .collect();
        assert!(
            lines.iter().any(|l| l.contains("feels understood")),
            "{lines:#?}"
        );
        assert!(
            lines.iter().any(|l| l.contains("thinks: I can carry this")),
            "{lines:#?}"
        );
    }

    #[test]
    fn a_judgement_that_costs_trust_closes_the_customer_up() {
        let book = book().for_run(1, Some(0)).expect("draw 0");
        let conv = Conversation::new(Arc::clone(&book), 1);
        let mut t = Turn {
            number: 1,
            node: None,
            act: Act::Proposal {
                plan: "10:2:3".parse().expect("a plan"),
                response: Response::Refuse,
            },
            say_variant: 0,
            reply_variant: 0,
            mood_before: crate::scenario::Mood {
                trust: 50,
                stress: 50,
            },
            mood_after: crate::scenario::Mood {
                trust: 40,
                stress: 60,
            },
            known_before: 0,
            revealed: 0,
            missed: 0,
            evaded: false,
            to: 0,
        };
        assert_eq!(reaction(&t).1, "and closes up");
        t.mood_after = crate::scenario::Mood {
            trust: 58,
            stress: 42,
        };
        assert_eq!(reaction(&t).1, "and relaxes");
        t.revealed = 0b11;
        assert_eq!(reaction(&t).1, "and tells more than was asked");
        t.revealed = 0;
        t.mood_after = t.mood_before;
        t.evaded = true;
        assert_eq!(reaction(&t).1, "and stays vague");
        assert_eq!(
            inner(&conv, &t).get(Lang::En),
            format!("{} thinks: this will never work.", first_name(&conv))
        );
    }
}
