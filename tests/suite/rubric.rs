//! Two rules of agreement quality on a small scenario: a claim paid in full is confirmed and
//! thanked like an arrangement, and a plan built on the figure the customer named is theirs.

use collector_dojo::dialogue::replay;
use collector_dojo::scenario::Playbook;
use collector_dojo::score::{Note, assess};
use std::path::Path;
use std::sync::Arc;

/// The mini fixture with a way to pay at once and a question about the customer's own figure.
fn book() -> Arc<Playbook> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let file = root.join("tests/fixtures/mini.scenario.ron");
    let src = std::fs::read_to_string(&file).expect("reads");
    let src = src
        .replace(
            r#"codes: [StateExpectation], next: "plan"),"#,
            r#"codes: [StateExpectation], next: "plan"),
                (id: "ask_figure", text: (nl: "Welk bedrag kunt u zelf missen, en vanaf wanneer?", en: "What amount can you spare yourself, and from when?"), codes: [OpenQuestion], probes: ["capacity"], next: "plan"),
                (id: "pay_now", text: (nl: "Kunt u het in één keer betalen?", en: "Can you pay it in one go?"), codes: [ClosedQuestion, StateExpectation], next: "pays"),"#,
        )
        .replace(
            r#"(id: "done","#,
            r#"(
            id: "pays",
            say: [(nl: "Ja, ik maak het vandaag over.", en: "Yes, I'll transfer it today.")],
            options: [
                (id: "confirm_thanks", text: (nl: "Dan noteer ik {owed}, vandaag per overschrijving. Dank u wel dat u dit meteen regelt.", en: "Then I'll note {owed}, today by transfer. Thank you for sorting it straight away."), codes: [Confirm, Appreciate], next: "paid"),
                (id: "bare", text: (nl: "Goed.", en: "Fine."), codes: [GiveInformation], next: "paid"),
                (id: "lecture", text: (nl: "Had dat dan eerder gedaan.", en: "Then you should have done it sooner."), codes: [Judge], next: "paid"),
            ],
        ),
        (id: "paid", say: [(nl: "Gedaan.", en: "Done.")], end: PaidInFull),
        (id: "done","#,
        );
    Arc::new(Playbook::parse(&src, &file).unwrap_or_else(|e| panic!("{e}")))
}

fn play(choices: &str, plan: Option<&str>) -> collector_dojo::score::Assessment {
    let ids: Vec<String> = choices.split(',').map(str::to_string).collect();
    let plan = plan.map(|p| p.parse().expect("plan"));
    assess(&replay(&book(), 1, &ids, plan).unwrap_or_else(|e| panic!("{choices}: {e}")))
}

fn has(a: &collector_dojo::score::Assessment, note: impl Fn(&Note) -> bool) -> bool {
    a.findings.iter().any(|f| note(&f.note))
}

#[test]
fn a_claim_paid_in_full_counts_its_confirmation_and_thanks() {
    let confirmed = play("ask,pay_now,confirm_thanks", None);
    let bare = play("ask,pay_now,bare", None);
    assert!(has(&confirmed, |n| matches!(n, Note::Confirmed)));
    assert!(has(&confirmed, |n| matches!(n, Note::Appreciated)));
    assert!(has(&bare, |n| matches!(n, Note::NotConfirmed)));
    assert!(
        confirmed.scores.agreement >= 85
            && confirmed.scores.agreement >= bare.scores.agreement + 10,
        "confirmed {:?}, bare {:?}",
        confirmed.scores,
        bare.scores
    );
}

#[test]
fn a_plan_built_on_the_customers_own_figure_is_made_together() {
    // Asked what they can spare, then proposed exactly that: their plan.
    let own = play("ask,ask_figure,thank", Some("50:6:10"));
    assert!(
        has(&own, |n| matches!(n, Note::PlanTogether)),
        "{:?}",
        own.findings
    );
    // The same plan named without asking: imposed, and a guess.
    let blind = play("ask,info,thank", Some("50:6:10"));
    assert!(has(&blind, |n| matches!(n, Note::PlanImposed)));
    assert!(own.scores.agreement > blind.scores.agreement);
}

/// The mini fixture with a driver on the line, and lines that suit one (brief, their choice) or
/// rub them (reflections, summaries).
fn driver() -> Arc<Playbook> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let file = root.join("tests/fixtures/mini.scenario.ron");
    let src = std::fs::read_to_string(&file)
        .expect("reads")
        .replace("style: Amiable,", "style: Driver,")
        .replace(
            r#"(id: "waive","#,
            r#"(id: "brief", text: (nl: "Kort: er staat {owed} open. U bepaalt hoe we verder gaan.", en: "Briefly: {owed} is open. You decide how we go on."), codes: [GiveInformation, EmphasizeAutonomy], next: "check"),
                (id: "waive","#,
        )
        .replace(
            r#"(id: "done","#,
            r#"(
            id: "check",
            say: [(nl: "Oké.", en: "Okay.")],
            options: [
                (id: "reflect", text: (nl: "Het komt u slecht uit.", en: "It comes at a bad time."), codes: [Reflection], next: "money"),
                (id: "reflect2", text: (nl: "U zit krap.", en: "Money's tight."), codes: [Reflection], next: "money"),
                (id: "reflect3", text: (nl: "Dat is lastig.", en: "That's hard."), codes: [Reflection], next: "money"),
            ],
        ),
        (id: "done","#,
        )
        .replace(
            r#"(id: "bye","#,
            r#"(id: "confirm_short", text: (nl: "Genoteerd: {count} keer {amount}. Zo doen we het.", en: "Noted: {count} times {amount}. That's how we do it."), codes: [Confirm, StateExpectation], next: "done"),
                (id: "bye","#,
        );
    Arc::new(Playbook::parse(&src, &file).unwrap_or_else(|e| panic!("{e}")))
}

fn style_read(choices: &str) -> (collector_dojo::score::Verdict, u8, u8) {
    let ids: Vec<String> = choices.split(',').map(str::to_string).collect();
    let conv = replay(&driver(), 1, &ids, Some("50:6:10".parse().expect("plan"))).expect("plays");
    let a = assess(&conv);
    a.findings
        .iter()
        .find_map(|f| match f.note {
            Note::StyleRead {
                wanted, resented, ..
            } => Some((f.verdict, wanted, resented)),
            _ => None,
        })
        .expect("a Read the person finding")
}

#[test]
fn one_connecting_reflection_in_a_call_that_suits_a_driver_still_reads_the_person() {
    use collector_dojo::score::Verdict;
    // Brief, their choice, one reflection, collaboration, a short confirmation.
    assert_eq!(
        style_read("brief,reflect,together,confirm_short"),
        (Verdict::Credit, 3, 1)
    );
    // As many lines that rub a driver as lines that suit one: not adapted.
    assert_eq!(
        style_read("brief,reflect,together,thank"),
        (Verdict::Debit, 2, 2)
    );
}
