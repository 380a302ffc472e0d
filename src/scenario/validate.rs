//! Validation of a parsed scenario: every problem found, each with its position.

use super::Problem;
use super::locate::SourceMap;
use super::model::*;
use super::placeholders::{PLACEHOLDERS, placeholders_in};
use crate::text::Text;
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// Most facts a scenario may have (they are kept as a bit set).
pub const MAX_FACTS: usize = 64;

struct Checker<'a> {
    map: &'a SourceMap,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    /// Reports a problem at `path`. Control characters in the message (from an id or a name in
    /// the file) are escaped: a problem is always one line.
    fn report(&mut self, path: &str, message: impl Into<String>) {
        let message = message.into();
        self.problems.push(Problem {
            pos: self.map.locate(path),
            message: super::one_line(&message).into_owned(),
        });
    }

    fn text(&mut self, path: &str, text: &Text) {
        for lang in text.missing() {
            self.report(
                &format!("{path}.{}", lang.code()),
                format!(
                    "missing {} translation in `{}`",
                    lang.name(),
                    last_field(path)
                ),
            );
        }
        for lang in crate::text::Lang::ALL {
            for name in placeholders_in(text.get(lang)) {
                if !PLACEHOLDERS.contains(&name.as_str()) {
                    self.report(
                        &format!("{path}.{}", lang.code()),
                        format!(
                            "unknown placeholder `{{{name}}}`; known: {}",
                            PLACEHOLDERS
                                .iter()
                                .map(|p| format!("{{{p}}}"))
                                .collect::<Vec<_>>()
                                .join(" ")
                        ),
                    );
                }
            }
        }
    }

    fn id(&mut self, path: &str, what: &str, id: &str) {
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            self.report(
                path,
                format!(
                    "{what} id `{}` must be letters, digits, `_` or `-` (no spaces or commas)",
                    super::one_line(id)
                ),
            );
        }
    }

    /// An option's `trust` and `stress` changes, each −100…100.
    fn mood_change(&mut self, option_path: &str, trust: Option<i32>, stress: Option<i32>) {
        let p = |field: &str| format!("{option_path}.{field}");
        if let Some(trust) = trust {
            self.range(&p("trust"), "a trust change", trust.into(), -100, 100);
        }
        if let Some(stress) = stress {
            self.range(&p("stress"), "a stress change", stress.into(), -100, 100);
        }
    }

    /// A starting mood at `at` (the persona's, or a truth's): trust and stress 0–100.
    fn mood(&mut self, at: &str, m: Mood) {
        self.range(
            &format!("{at}.trust"),
            "starting trust",
            m.trust.into(),
            0,
            100,
        );
        self.range(
            &format!("{at}.stress"),
            "starting stress",
            m.stress.into(),
            0,
            100,
        );
    }

    /// What brings fact `id` out, at `at`: some behaviour, and a trust 0–100.
    fn reveal(&mut self, at: &str, id: &str, r: &Reveal) {
        if r.by.is_empty() {
            self.report(
                &format!("{at}.by"),
                format!("fact `{id}` lists no behaviour that reveals it"),
            );
        }
        self.range(
            &format!("{at}.trust"),
            "the trust a fact needs",
            r.trust.into(),
            0,
            100,
        );
    }

    fn range(&mut self, path: &str, what: &str, value: i64, lo: i64, hi: i64) {
        if value < lo || value > hi {
            self.report(path, format!("{what} is {value}, outside {lo}–{hi}"));
        }
    }
}

fn last_field(path: &str) -> &str {
    let tail = path.rsplit('.').next().unwrap_or(path);
    tail.split('[').next().unwrap_or(tail)
}

fn list(ids: impl IntoIterator<Item = impl AsRef<str>>) -> String {
    let v: Vec<String> = ids.into_iter().map(|s| s.as_ref().to_string()).collect();
    if v.len() > 12 {
        format!("{}, … ({} in all)", v[..12].join(", "), v.len())
    } else {
        v.join(", ")
    }
}

pub(super) fn validate(s: &Scenario, map: &SourceMap, file: Option<&Path>) -> Vec<Problem> {
    let mut c = Checker {
        map,
        problems: Vec::new(),
    };
    let node_ids: HashMap<&str, usize> = s
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    let fact_ids: HashSet<&str> = s.persona.facts.iter().map(|f| f.id.as_str()).collect();
    let option_ids: HashSet<&str> = s
        .nodes
        .iter()
        .flat_map(|n| n.options.iter().map(|o| o.id.as_str()))
        .chain(
            s.context
                .channel_choice
                .iter()
                .flat_map(|cc| cc.options.iter().map(|o| o.id.as_str())),
        )
        .collect();
    let node_names = || list(s.nodes.iter().map(|n| &n.id));

    // Header.
    c.id("id", "scenario", &s.id);
    if let Some(file) = file {
        file_name(&mut c, &s.id, file);
    }
    c.text("title", &s.title);
    if !(s.summary.nl.is_empty() && s.summary.en.is_empty()) {
        c.text("summary", &s.summary);
    }
    c.range("difficulty", "difficulty", s.difficulty.into(), 1, 3);

    // Persona.
    let p = &s.persona;
    c.text("persona.situation", &p.situation);
    c.mood("persona.mood", p.mood);
    if p.facts.len() > MAX_FACTS {
        c.report(
            "persona.facts",
            format!("{} facts; at most {MAX_FACTS}", p.facts.len()),
        );
    }
    let mut seen = HashSet::new();
    for (i, f) in p.facts.iter().enumerate() {
        let fp = format!("persona.facts[{i}]");
        c.id(&format!("{fp}.id"), "fact", &f.id);
        if !seen.insert(f.id.as_str()) {
            c.report(&format!("{fp}.id"), format!("duplicate fact id `{}`", f.id));
        }
        c.text(&format!("{fp}.note"), &f.note);
        c.text(&format!("{fp}.says"), &f.says);
        c.reveal(&format!("{fp}.reveal"), &f.id, &f.reveal);
    }
    finance_checks(&mut c, &p.finances, "persona.finances");
    truth_checks(&mut c, p);

    // Context.
    let ctx = &s.context;
    c.text("context.role", &ctx.role);
    c.text("context.briefing", &ctx.briefing);
    let mut entries: Vec<usize> = Vec::new();
    match node_ids.get(s.start.as_str()) {
        Some(&i) => entries.push(i),
        None => c.report(
            "start",
            format!("start names no node `{}`; nodes: {}", s.start, node_names()),
        ),
    }
    if let Some(cc) = &ctx.channel_choice {
        c.text("context.channel_choice.prompt", &cc.prompt);
        if cc.options.is_empty() {
            c.report(
                "context.channel_choice.options",
                "a channel choice needs at least one option",
            );
        }
        let mut seen = HashSet::new();
        for (i, o) in cc.options.iter().enumerate() {
            let op = format!("context.channel_choice.options[{i}]");
            c.id(&format!("{op}.id"), "option", &o.id);
            if !seen.insert(o.id.as_str()) {
                c.report(
                    &format!("{op}.id"),
                    format!("duplicate option id `{}` in the channel choice", o.id),
                );
            }
            c.text(&format!("{op}.text"), &o.text);
            if let Some(fb) = &o.feedback {
                c.text(&format!("{op}.feedback"), fb);
            }
            c.mood_change(&op, o.trust, o.stress);
            if let Some(next) = &o.next {
                match node_ids.get(next.as_str()) {
                    Some(&i) => entries.push(i),
                    None => c.report(
                        &format!("{op}.next"),
                        format!("next names no node `{next}`; nodes: {}", node_names()),
                    ),
                }
            }
        }
    }

    // Conditions and jumps.
    let check_cond = |c: &mut Checker, path: &str, cond: &Condition| {
        let mut stack = vec![cond];
        while let Some(cond) = stack.pop() {
            match cond {
                Condition::TrustAtLeast(v) | Condition::TrustBelow(v) => {
                    c.range(path, "a trust threshold", (*v).into(), 0, 100)
                }
                Condition::StressAtLeast(v) | Condition::StressBelow(v) => {
                    c.range(path, "a stress threshold", (*v).into(), 0, 100)
                }
                Condition::Knows(f) | Condition::DoesNotKnow(f) => {
                    if !fact_ids.contains(f.as_str()) {
                        c.report(
                            path,
                            format!("condition names no fact `{f}`; facts: {}", list(&fact_ids)),
                        );
                    }
                }
                Condition::Chose(o) => {
                    if !option_ids.contains(o.as_str()) {
                        c.report(path, format!("condition names no option `{o}`"));
                    }
                }
                Condition::PlanAgreed | Condition::PromiseWillBreak => {}
                Condition::All(v) | Condition::Any(v) => stack.extend(v.iter()),
                Condition::Not(inner) => stack.push(inner),
            }
        }
    };
    let mut interrupt_targets = Vec::new();
    for (i, b) in s.interrupts.iter().enumerate() {
        let bp = format!("interrupts[{i}]");
        check_cond(&mut c, &format!("{bp}.when"), &b.when);
        match node_ids.get(b.goto.as_str()) {
            Some(&t) => interrupt_targets.push(t),
            None => c.report(
                &format!("{bp}.goto"),
                format!("goto names no node `{}`; nodes: {}", b.goto, node_names()),
            ),
        }
    }

    // Nodes, and the edges between them.
    let mut edges: Vec<Vec<usize>> = vec![Vec::new(); s.nodes.len()];
    // Interrupts may never fire, so they count for reachability and loops but not as a way
    // to an ending.
    let mut interrupt_edges: Vec<Vec<usize>> = vec![Vec::new(); s.nodes.len()];
    let mut seen_nodes = HashSet::new();
    let mut revealable: HashSet<&str> = HashSet::new();
    let mut addressed: HashSet<&str> = HashSet::new();
    // The nodes a negotiation sends its counter-offer to: the only places where an option's
    // `plan: AcceptCounter` has a counter-offer to take.
    let mut counter_nodes: Vec<&str> = Vec::new();
    for neg in s.nodes.iter().filter_map(|n| n.negotiate.as_ref()) {
        let id = neg.counter.as_str();
        if node_ids.contains_key(id) && !counter_nodes.contains(&id) {
            counter_nodes.push(id);
        }
    }
    for (ni, node) in s.nodes.iter().enumerate() {
        let np = format!("nodes[{ni}]");
        c.id(&format!("{np}.id"), "node", &node.id);
        if !seen_nodes.insert(node.id.as_str()) {
            c.report(
                &format!("{np}.id"),
                format!("duplicate node id `{}`", node.id),
            );
        }
        for (k, t) in node.say.iter().enumerate() {
            c.text(&format!("{np}.say[{k}]"), t);
        }
        for (k, t) in node.guarded.iter().enumerate() {
            c.text(&format!("{np}.guarded[{k}]"), t);
        }
        if !node.guarded.is_empty() && node.say.is_empty() {
            c.report(
                &format!("{np}.guarded"),
                format!(
                    "node `{}` has guarded lines but no open one: `guarded` is the other side of `say`",
                    node.id
                ),
            );
        }
        if let Some(t) = &node.narration {
            c.text(&format!("{np}.narration"), t);
        }
        let kinds = [
            !node.options.is_empty(),
            node.negotiate.is_some(),
            node.end.is_some(),
        ];
        let n_kinds = kinds.iter().filter(|k| **k).count();
        if n_kinds != 1 {
            c.report(
                &np,
                format!(
                    "node `{}` must have exactly one of `options`, `negotiate` or `end` (it has {})",
                    node.id,
                    if n_kinds == 0 { "none".to_string() } else { n_kinds.to_string() }
                ),
            );
        }
        let mut target = |c: &mut Checker, path: &str, field: &str, id: &str| match node_ids.get(id)
        {
            Some(&t) => edges[ni].push(t),
            None => c.report(
                path,
                format!("{field} names no node `{id}`; nodes: {}", node_names()),
            ),
        };
        if let Some(neg) = &node.negotiate {
            for (field, id) in [
                ("accept", &neg.accept),
                ("counter", &neg.counter),
                ("refuse", &neg.refuse),
            ] {
                target(&mut c, &format!("{np}.negotiate.{field}"), field, id);
            }
            if let Some(id) = &neg.refuse_disputed {
                target(
                    &mut c,
                    &format!("{np}.negotiate.refuse_disputed"),
                    "refuse_disputed",
                    id,
                );
            }
            c.range(
                &format!("{np}.negotiate.max_instalments"),
                "max_instalments",
                neg.max_instalments.into(),
                1,
                120,
            );
            c.range(
                &format!("{np}.negotiate.max_days"),
                "max_days",
                neg.max_days.into(),
                0,
                365,
            );
        }
        let mut seen_opts = HashSet::new();
        for (oi, o) in node.options.iter().enumerate() {
            let op = format!("{np}.options[{oi}]");
            c.id(&format!("{op}.id"), "option", &o.id);
            if !seen_opts.insert(o.id.as_str()) {
                c.report(
                    &format!("{op}.id"),
                    format!("duplicate option id `{}` in node `{}`", o.id, node.id),
                );
            }
            c.text(&format!("{op}.text"), &o.text);
            if o.codes.is_empty() {
                c.report(
                    &format!("{op}.codes"),
                    format!(
                        "option `{}` has no behaviour code: the rubric cannot score it",
                        o.id
                    ),
                );
            }
            c.mood_change(&op, o.trust, o.stress);
            if o.codes.contains(&Code::AnnounceCosts) && s.context.jurisdiction.is_none() {
                c.report(
                    &format!("{op}.codes"),
                    format!(
                        "option `{}` announces collection costs (AnnounceCosts), but the context names no `jurisdiction` (Nl or Be): the law decides whether that line is lawful",
                        o.id
                    ),
                );
            }
            if o.plan == PlanAction::AcceptCounter && !counter_nodes.contains(&node.id.as_str()) {
                c.report(
                    &format!("{op}.plan"),
                    format!(
                        "option `{}`: `plan: AcceptCounter` does nothing in node `{}`: only a negotiation's `counter` node has a counter-offer to accept ({})",
                        o.id,
                        node.id,
                        if counter_nodes.is_empty() {
                            "this scenario has no negotiation, so no counter node".to_string()
                        } else {
                            format!("counter nodes: {}", list(&counter_nodes))
                        }
                    ),
                );
            }
            for (k, f) in o.probes.iter().enumerate() {
                match s.persona.facts.iter().find(|x| &x.id == f) {
                    None => c.report(
                        &format!("{op}.probes[{k}]"),
                        format!("probes names no fact `{f}`; facts: {}", list(&fact_ids)),
                    ),
                    Some(fact) => {
                        if fact.reveal.by.iter().any(|b| o.codes.contains(b)) {
                            revealable.insert(fact.id.as_str());
                        }
                    }
                }
            }
            for (k, f) in o.addresses.iter().enumerate() {
                match s.persona.facts.iter().find(|x| &x.id == f) {
                    None => c.report(
                        &format!("{op}.addresses[{k}]"),
                        format!("addresses names no fact `{f}`; facts: {}", list(&fact_ids)),
                    ),
                    Some(fact) if !fact.cause => c.report(
                        &format!("{op}.addresses[{k}]"),
                        format!(
                            "addresses fact `{f}`, which is not a root cause: mark it `cause: true` or leave it out"
                        ),
                    ),
                    Some(_) => {
                        addressed.insert(f.as_str());
                    }
                }
            }
            for (k, t) in o.reply.iter().enumerate() {
                c.text(&format!("{op}.reply[{k}]"), t);
            }
            for (k, t) in o.evade.iter().enumerate() {
                c.text(&format!("{op}.evade[{k}]"), t);
            }
            for (k, t) in o.guarded.iter().enumerate() {
                c.text(&format!("{op}.guarded[{k}]"), t);
            }
            if !o.guarded.is_empty() && o.reply.is_empty() {
                c.report(
                    &format!("{op}.guarded"),
                    format!(
                        "option `{}` has a guarded reply but no open one: `guarded` is the other side of `reply`",
                        o.id
                    ),
                );
            }
            if !o.evade.is_empty() && o.probes.is_empty() {
                c.report(
                    &format!("{op}.evade"),
                    format!("option `{}` has `evade` lines but probes no fact", o.id),
                );
            }
            if let Some(fb) = &o.feedback {
                c.text(&format!("{op}.feedback"), fb);
            }
            for (k, b) in o.branch.iter().enumerate() {
                check_cond(&mut c, &format!("{op}.branch[{k}].when"), &b.when);
                target(&mut c, &format!("{op}.branch[{k}].goto"), "goto", &b.goto);
            }
            target(&mut c, &format!("{op}.next"), "next", &o.next);
        }
        if !node.options.is_empty() {
            interrupt_edges[ni].extend(interrupt_targets.iter().copied());
        }
    }
    for (i, f) in s.persona.facts.iter().enumerate() {
        if f.cause && !addressed.contains(f.id.as_str()) {
            c.report(
                &format!("persona.facts[{i}]"),
                format!(
                    "fact `{}` is a root cause (`cause: true`) that no option addresses: name it in the `addresses` of the options that deal with it",
                    f.id
                ),
            );
        }
        if f.reveal.trust <= 100 && !revealable.contains(f.id.as_str()) {
            c.report(
                &format!("persona.facts[{i}]"),
                format!(
                    "fact `{}` can never be revealed: no option probes it with one of {:?}",
                    f.id, f.reveal.by
                ),
            );
        }
    }
    graph_checks(&mut c, s, &edges, &interrupt_edges, &entries);
    c.problems.sort_by_key(|p| p.pos);
    c.problems
}

/// A scenario file is named `<id>.scenario.ron`: the id must match the name, and a file named
/// otherwise (`check my-case.ron`, a name that is not UTF-8) is reported, not let through.
/// The checks on a customer's finances; `at` is where they are in the file.
fn finance_checks(c: &mut Checker, fin: &crate::plan::Finances, at: &str) {
    for (field, v) in [
        ("monthly_income", fin.monthly_income),
        ("fixed_costs", fin.fixed_costs),
        ("owed", fin.owed),
        ("disputed", fin.disputed),
        ("can_pay_monthly", fin.can_pay_monthly),
    ] {
        if !v.is_finite() || v < 0.0 {
            c.report(
                &format!("{at}.{field}"),
                format!("{field} is {v}: money cannot be negative"),
            );
        }
    }
    if fin.owed <= 0.0 {
        c.report(
            &format!("{at}.owed"),
            "owed must be more than 0: there is nothing to collect",
        );
    }
    if fin.disputed > fin.owed {
        c.report(
            &format!("{at}.disputed"),
            format!(
                "disputed part {:.2} is more than the whole claim {:.2}",
                fin.disputed, fin.owed
            ),
        );
    }
    let disposable = fin.monthly_income - fin.fixed_costs;
    if fin.can_pay_monthly > disposable + 0.005 {
        c.report(
            &format!("{at}.can_pay_monthly"),
            format!(
                "can_pay_monthly {:.2} is more than income less fixed costs ({:.2} − {:.2} = {:.2})",
                fin.can_pay_monthly, fin.monthly_income, fin.fixed_costs, disposable
            ),
        );
    }
    // Plans have limits (`plan::MAX_INSTALMENT` …): the claim must be payable, and the
    // customer's own counter-offer possible, within them.
    {
        use crate::plan::{MAX_INSTALMENT, MAX_INSTALMENTS};
        if fin.can_pay_monthly > MAX_INSTALMENT {
            c.report(
                &format!("{at}.can_pay_monthly"),
                format!(
                    "can_pay_monthly {:.2} is more than the largest instalment a plan may have ({MAX_INSTALMENT:.0})",
                    fin.can_pay_monthly
                ),
            );
        }
        let most = MAX_INSTALMENT * f64::from(MAX_INSTALMENTS);
        if fin.undisputed() > most {
            c.report(
                &format!("{at}.owed"),
                format!(
                    "the undisputed claim {:.2} cannot be paid by any plan (at most {MAX_INSTALMENTS} instalments of {MAX_INSTALMENT:.0})",
                    fin.undisputed()
                ),
            );
        } else if let Some(counter) = fin.counter_offer(0)
            && counter.count > MAX_INSTALMENTS
        {
            c.report(
                &format!("{at}.can_pay_monthly"),
                format!(
                    "at {:.0} a month the customer's counter-offer would need {} instalments to cover {:.2}; a plan has at most {MAX_INSTALMENTS}: raise can_pay_monthly or lower owed",
                    counter.amount,
                    counter.count,
                    fin.undisputed()
                ),
            );
        }
    }
    c.range(
        &format!("{at}.can_start_in_days"),
        "can_start_in_days",
        fin.can_start_in_days.into(),
        0,
        365,
    );
}

/// Most draws (truths × styles) a scenario may have.
pub const MAX_DRAWS: usize = 64;

/// The truths and styles a run may draw: each truth's changes name facts that exist, and the
/// customer of every truth has finances that can be paid and countered.
fn truth_checks(c: &mut Checker, p: &Persona) {
    let mut seen_styles = vec![p.style];
    for (i, st) in p.styles.iter().enumerate() {
        if seen_styles.contains(st) {
            c.report(
                &format!("persona.styles[{i}]"),
                format!("style {st:?} is listed twice (`style` is the first of the styles)"),
            );
        }
        seen_styles.push(*st);
    }
    let fact_ids: Vec<&str> = p.facts.iter().map(|f| f.id.as_str()).collect();
    let known = || list(&fact_ids);
    let mut ids = HashSet::new();
    for (k, t) in p.truths.iter().enumerate() {
        let tp = format!("persona.truths[{k}]");
        c.id(&format!("{tp}.id"), "truth", &t.id);
        if !ids.insert(t.id.as_str()) {
            c.report(
                &format!("{tp}.id"),
                format!("duplicate truth id `{}`", t.id),
            );
        }
        if let Some(text) = &t.situation {
            c.text(&format!("{tp}.situation"), text);
        }
        if let Some(m) = t.mood {
            c.mood(&format!("{tp}.mood"), m);
        }
        let mut patched = HashSet::new();
        for (j, f) in t.facts.iter().enumerate() {
            let fp = format!("{tp}.facts[{j}]");
            if !fact_ids.contains(&f.id.as_str()) {
                c.report(
                    &format!("{fp}.id"),
                    format!(
                        "truth `{}` changes no fact `{}`: declare it in the persona's facts; facts: {}",
                        t.id,
                        f.id,
                        known()
                    ),
                );
            }
            if !patched.insert(f.id.as_str()) {
                c.report(
                    &format!("{fp}.id"),
                    format!("truth `{}` changes fact `{}` twice", t.id, f.id),
                );
            }
            if t.absent.contains(&f.id) {
                c.report(
                    &format!("{fp}.id"),
                    format!(
                        "truth `{}` both changes fact `{}` and lists it as absent",
                        t.id, f.id
                    ),
                );
            }
            for (field, text) in [("note", &f.note), ("says", &f.says)] {
                if let Some(text) = text {
                    c.text(&format!("{fp}.{field}"), text);
                }
            }
            if let Some(r) = &f.reveal {
                c.reveal(&format!("{fp}.reveal"), &f.id, r);
            }
        }
        for (j, id) in t.absent.iter().enumerate() {
            if !fact_ids.contains(&id.as_str()) {
                c.report(
                    &format!("{tp}.absent[{j}]"),
                    format!(
                        "truth `{}`: no fact `{id}` to leave out; facts: {}",
                        t.id,
                        known()
                    ),
                );
            }
        }
        let before = c.problems.len();
        finance_checks(c, &t.finances.apply(&p.finances), &format!("{tp}.finances"));
        for problem in &mut c.problems[before..] {
            problem.message = format!("truth `{}`: {}", t.id, problem.message);
        }
    }
    let draws = super::draw::count(p);
    if draws > MAX_DRAWS {
        c.report(
            "persona.truths",
            format!(
                "{} truths × {} styles = {draws} draws; at most {MAX_DRAWS}",
                p.truths.len().max(1),
                super::draw::styles(p).len()
            ),
        );
    }
}

fn file_name(c: &mut Checker, id: &str, file: &Path) {
    let expected = format!("{id}{}", super::EXTENSION);
    let name = file.file_name().map(|n| n.to_string_lossy());
    match name.as_deref() {
        Some(name) => match name.strip_suffix(super::EXTENSION) {
            Some(stem) if stem == id => {}
            Some(stem) => c.report(
                "id",
                format!("id `{id}` does not match the file name `{name}` (expected `{stem}`)"),
            ),
            None => c.report(
                "id",
                format!(
                    "the file name `{name}` does not end in `{}`: name the file `{expected}`",
                    super::EXTENSION
                ),
            ),
        },
        None => c.report("id", format!("a scenario file must be named `{expected}`")),
    }
}

/// Reachability, dead ends, loops and double negotiations.
fn graph_checks(
    c: &mut Checker,
    s: &Scenario,
    plain: &[Vec<usize>],
    interrupts: &[Vec<usize>],
    entries: &[usize],
) {
    let n = s.nodes.len();
    let edges: Vec<Vec<usize>> = plain
        .iter()
        .zip(interrupts)
        .map(|(a, b)| a.iter().chain(b).copied().collect())
        .collect();
    let mut reached = vec![false; n];
    let mut stack: Vec<usize> = entries.to_vec();
    while let Some(i) = stack.pop() {
        if !std::mem::replace(&mut reached[i], true) {
            stack.extend(edges[i].iter().copied());
        }
    }
    // Nodes that can reach an ending: fixed point over reversed edges.
    let mut ends = vec![false; n];
    let mut rev: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, out) in plain.iter().enumerate() {
        for &t in out {
            rev[t].push(i);
        }
    }
    let mut stack: Vec<usize> = (0..n).filter(|&i| s.nodes[i].end.is_some()).collect();
    while let Some(i) = stack.pop() {
        if !std::mem::replace(&mut ends[i], true) {
            stack.extend(rev[i].iter().copied());
        }
    }
    for i in 0..n {
        let path = format!("nodes[{i}]");
        if !reached[i] {
            c.report(
                &path,
                format!("node `{}` is unreachable from the start", s.nodes[i].id),
            );
        } else if !ends[i] {
            c.report(
                &path,
                format!("node `{}` has no way to an ending", s.nodes[i].id),
            );
        }
    }
    // Loops: iterative DFS with colours; report each back edge once.
    let mut colour = vec![0u8; n];
    for root in 0..n {
        if colour[root] != 0 {
            continue;
        }
        let mut stack = vec![(root, 0usize)];
        colour[root] = 1;
        while let Some(top) = stack.last_mut() {
            let v = top.0;
            if top.1 < edges[v].len() {
                let t = edges[v][top.1];
                top.1 += 1;
                if colour[t] == 1 {
                    let from = stack.iter().position(|(x, _)| *x == t).unwrap_or(0);
                    let mut cycle: Vec<&str> = stack[from..]
                        .iter()
                        .map(|(x, _)| s.nodes[*x].id.as_str())
                        .collect();
                    cycle.push(&s.nodes[t].id);
                    c.report(
                        &format!("nodes[{v}]"),
                        format!(
                            "loop: {} (a conversation must always move on to an ending)",
                            cycle.join(" → ")
                        ),
                    );
                } else if colour[t] == 0 {
                    colour[t] = 1;
                    stack.push((t, 0));
                }
            } else {
                colour[v] = 2;
                stack.pop();
            }
        }
    }
    // At most one negotiation on any path.
    for (i, node) in s.nodes.iter().enumerate() {
        if node.negotiate.is_none() {
            continue;
        }
        let mut seen = vec![false; n];
        let mut stack: Vec<usize> = edges[i].clone();
        while let Some(j) = stack.pop() {
            if std::mem::replace(&mut seen[j], true) {
                continue;
            }
            if s.nodes[j].negotiate.is_some() {
                c.report(
                    &format!("nodes[{i}]"),
                    format!(
                        "negotiation `{}` can lead to a second negotiation `{}`; a path may hold only one",
                        node.id, s.nodes[j].id
                    ),
                );
                break;
            }
            stack.extend(edges[j].iter().copied());
        }
    }
}
