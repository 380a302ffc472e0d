//! The history screen: the player's scores over time per dimension (a chart), where they stand
//! (proficiency per dimension and principle in MITI's tiers, and the MITI profile of each
//! recent session), personal bests per scenario, the principles they break most often, and
//! every session, newest first.

use crate::calendar::Date;
use crate::game::art::ArtIds;
use crate::game::records::Records;
use crate::game::session::{Action, Screen, UiSet};
use crate::game::settings::Settings;
use crate::game::theme;
use crate::game::widgets::charts::{Series, measure_colour, score_chart};
use crate::game::widgets::feedback::{principle_chip, principle_window};
use crate::game::widgets::{card, header, key, viewport_ui, warning};
use crate::progress::{bests, broken_principles};
use crate::scenario::Principle;
use crate::score::Band;
use crate::store::{Measure, StoredSession};
use crate::text::Lang;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        bevy_egui::EguiPrimaryContextPass,
        system.in_set(UiSet).run_if(in_state(Screen::History)),
    );
}

/// What the history screen shows besides the sessions: the scenario filter and an open card.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct HistoryView {
    /// Only this scenario's sessions (`None`: all).
    pub scenario: Option<String>,
    /// The principle whose card is open.
    pub card: Option<Principle>,
}

#[allow(clippy::too_many_arguments)]
fn system(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    records: Res<Records>,
    art: Res<ArtIds>,
    library: Res<crate::game::library::Library>,
    mut view: Local<HistoryView>,
    mut standing: Local<Option<(u64, String, Lang, Standing)>>,
    mut actions: MessageWriter<Action>,
) -> Result {
    // Titles in the player's language where the scenario is loaded (stored titles are in the
    // language the session was played in).
    let localised: Vec<StoredSession> = records
        .all_mine()
        .into_iter()
        .map(|r| {
            let mut r = r.clone();
            if let Some(b) = library.get(&r.scenario) {
                r.title = b.scenario.title.get(settings.lang).to_string();
            }
            r
        })
        .collect();
    let mine: Vec<&StoredSession> = localised.iter().collect();
    // Replaying the recent sessions for their MITI profiles: once per change of the records.
    if standing.as_ref().is_none_or(|(g, p, l, _)| {
        *g != records.generation || *p != records.player || *l != settings.lang
    }) {
        let books: Vec<std::sync::Arc<crate::scenario::Playbook>> =
            library.playable().cloned().collect();
        let solo: Vec<&StoredSession> = mine.iter().copied().filter(|s| s.room.is_none()).collect();
        *standing = Some((
            records.generation,
            records.player.clone(),
            settings.lang,
            Standing::of(&books, &solo),
        ));
    }
    let ctx = contexts.ctx_mut()?;
    let mut root = viewport_ui(ctx);
    let action = egui::CentralPanel::default()
        .show(&mut root, |ui| {
            ui_history(
                ui,
                settings.lang,
                &settings.player,
                &mine,
                records.error.as_deref(),
                &art,
                &mut view,
                standing.as_ref().map(|(_, _, _, s)| s),
            )
        })
        .inner;
    if let Some(a) = action {
        actions.write(a);
    }
    Ok(())
}

fn scored(ui: &mut egui::Ui, v: u8) {
    ui.label(
        egui::RichText::new(v.to_string())
            .strong()
            .color(theme::band_colour(Band::of(v))),
    );
}

fn ending_label(lang: Lang, ending: Option<crate::scenario::Ending>) -> String {
    ending.map_or_else(
        || lang.pick("niet afgemaakt", "unfinished").to_string(),
        |e| e.label().get(lang).to_string(),
    )
}

/// Three letters per measure for narrow tables (the full name is the hover text).
fn abbreviation(lang: Lang, m: Measure) -> &'static str {
    match m {
        Measure::Overall => lang.pick("Tot", "All"),
        Measure::Empathy => "Emp",
        Measure::FactGathering => lang.pick("Fei", "Fac"),
        Measure::Agreement => lang.pick("Afs", "Agr"),
        Measure::Compliance => lang.pick("Nal", "Com"),
    }
}

fn bests_card(ui: &mut egui::Ui, lang: Lang, records: &[&StoredSession]) {
    card(ui, |ui| {
        ui.label(
            egui::RichText::new(lang.pick(
                "Persoonlijke records per scenario",
                "Personal bests per scenario",
            ))
            .strong(),
        );
        // The title column gets what the six number columns leave (about 8 px a character),
        // so the last column is not cut off in a narrow side panel.
        let title_chars = ((ui.available_width() - 320.0) / 8.0).clamp(8.0, 28.0) as usize;
        egui::Grid::new("bests")
            .striped(true)
            .num_columns(7)
            .spacing([8.0, 4.0])
            .show(ui, |ui| {
                ui.label("");
                ui.label(egui::RichText::new("#").small().color(theme::MUTED));
                for m in Measure::ALL {
                    ui.label(
                        egui::RichText::new(abbreviation(lang, m))
                            .small()
                            .color(measure_colour(m)),
                    )
                    .on_hover_text(m.label().get(lang));
                }
                ui.end_row();
                for b in bests(records) {
                    ui.label(crate::text::shorten(&b.title, title_chars))
                        .on_hover_text(&b.title);
                    ui.label(b.sessions.to_string());
                    for v in b.best {
                        scored(ui, v);
                    }
                    ui.end_row();
                }
            });
    });
}

fn principles_card(
    ui: &mut egui::Ui,
    lang: Lang,
    art: &ArtIds,
    records: &[&StoredSession],
    view: &mut HistoryView,
) {
    card(ui, |ui| {
        ui.label(
            egui::RichText::new(lang.pick(
                "Principes die je het vaakst breekt",
                "Principles you break most often",
            ))
            .strong(),
        );
        ui.label(
            egui::RichText::new(lang.pick(
                "in hoeveel van je gesprekken",
                "in how many of your sessions",
            ))
            .small()
            .color(theme::MUTED),
        );
        let broken = broken_principles(records);
        if broken.is_empty() {
            ui.label(lang.pick(
                "Geen enkel principe gebroken. Knap!",
                "No principle broken. Well done!",
            ));
        }
        for (p, n) in broken.into_iter().take(5) {
            ui.horizontal(|ui| {
                if principle_chip(ui, art, lang, p) {
                    view.card = Some(p);
                }
                ui.label(egui::RichText::new(format!("{n}/{}", records.len())).color(theme::MUTED));
            });
        }
    });
}

/// Where the player stands: proficiency over the recent sessions, and the MITI profile of
/// each of them that replays, oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct Standing {
    pub proficiency: crate::practice::Proficiency,
    pub profiles: Vec<(i64, String, crate::score::miti::Profile)>,
}

impl Standing {
    pub fn of(
        books: &[std::sync::Arc<crate::scenario::Playbook>],
        solo: &[&StoredSession],
    ) -> Standing {
        let profiles = crate::practice::profiles(books, solo);
        let mut timeline: Vec<(i64, String, crate::score::miti::Profile)> = solo
            .iter()
            .filter_map(|s| profiles.get(&s.key).map(|p| (s.ended, s.title.clone(), *p)))
            .collect();
        timeline.sort_by_key(|t| t.0);
        Standing {
            proficiency: crate::practice::proficiency(solo, &profiles),
            profiles: timeline,
        }
    }
}

fn tier_colour(t: crate::score::miti::Tier) -> egui::Color32 {
    match t {
        crate::score::miti::Tier::Good => theme::GREEN,
        crate::score::miti::Tier::Fair => theme::TEAL_DARK,
        crate::score::miti::Tier::BelowFair => theme::TERRACOTTA,
    }
}

fn standing_card(
    ui: &mut egui::Ui,
    lang: Lang,
    art: &ArtIds,
    s: &Standing,
    view: &mut HistoryView,
) {
    let p = &s.proficiency;
    if p.sessions == 0 {
        return;
    }
    card(ui, |ui| {
        ui.set_max_width(ui.available_width());
        ui.label(egui::RichText::new(lang.pick("Waar je staat", "Where you stand")).strong());
        ui.label(
            egui::RichText::new(lang.pick(
                format!("je laatste {} gesprekken, de nieuwste wegen zwaarst · MITI-schaal 1–5: redelijk vanaf 3, goed vanaf 4", p.sessions),
                format!("your last {} sessions, the newest weigh most · MITI's 1–5 scale: fair from 3, good from 4", p.sessions),
            ))
            .small()
            .color(theme::MUTED),
        );
        egui::Grid::new("standing")
            .num_columns(2)
            .spacing([10.0, 3.0])
            .show(ui, |ui| {
                for d in &p.dimensions {
                    ui.label(d.dimension.label().get(lang));
                    ui.label(
                        egui::RichText::new(d.rating.show(lang)).color(tier_colour(d.rating.tier)),
                    );
                    ui.end_row();
                }
            });
        let weak: Vec<_> = p
            .principles
            .iter()
            .filter(|x| x.rating.tier < crate::score::miti::Tier::Good)
            .take(3)
            .collect();
        if !weak.is_empty() {
            ui.label(
                egui::RichText::new(lang.pick("Om aan te werken", "To work on"))
                    .small()
                    .strong(),
            );
            for w in weak {
                ui.horizontal_wrapped(|ui| {
                    if principle_chip(ui, art, lang, w.principle) {
                        view.card = Some(w.principle);
                    }
                    ui.label(
                        egui::RichText::new(w.rating.show(lang))
                            .small()
                            .color(tier_colour(w.rating.tier)),
                    );
                });
            }
        }
        let mastered: Vec<String> = p
            .principles
            .iter()
            .filter(|x| x.mastered)
            .map(|x| x.principle.title().get(lang).to_string())
            .collect();
        if !mastered.is_empty() {
            ui.label(
                egui::RichText::new(format!(
                    "{}: {}",
                    lang.pick("Beheerst", "Mastered"),
                    mastered.join(" · ")
                ))
                .small()
                .color(theme::GREEN),
            );
        }
        if !s.profiles.is_empty() {
            ui.add_space(4.0);
            ui.label(
                egui::RichText::new(lang.pick(
                    "MITI-profiel per gesprek · R/V reflecties per vraag: redelijk vanaf 1, goed vanaf 2 · %CR complexe reflecties: redelijk vanaf 40%, goed vanaf 50%",
                    "MITI profile per session · R/Q reflections per question: fair from 1, good from 2 · %CR complex reflections: fair from 40%, good from 50%",
                ))
                .small()
                .color(theme::MUTED),
            );
            egui::Grid::new("miti-over-time")
                .striped(true)
                .num_columns(4)
                .spacing([10.0, 2.0])
                .show(ui, |ui| {
                    for h in [
                        lang.pick("Datum", "Date"),
                        "Scenario",
                        lang.pick("R/V", "R/Q"),
                        "%CR",
                    ] {
                        ui.label(egui::RichText::new(h).small().strong());
                    }
                    ui.end_row();
                    for (ended, title, m) in s.profiles.iter().rev().take(crate::practice::RECENT) {
                        ui.label(
                            egui::RichText::new(Date::of_timestamp(*ended).short(lang)).small(),
                        );
                        ui.label(egui::RichText::new(crate::text::shorten(title, 18)).small())
                            .on_hover_text(title);
                        ui.label(
                            egui::RichText::new(m.ratio_text(lang))
                                .small()
                                .color(tier_colour(m.ratio_tier())),
                        );
                        ui.label(
                            egui::RichText::new(m.share_text())
                                .small()
                                .color(tier_colour(m.complex_tier())),
                        );
                        ui.end_row();
                    }
                });
        }
    });
}

/// The dimension lines of the chart, overall first.
pub fn dimension_series(lang: Lang, records: &[&StoredSession]) -> Vec<Series> {
    Measure::ALL
        .iter()
        .map(|m| Series {
            name: m.label().get(lang).to_string(),
            color: measure_colour(*m),
            points: records.iter().map(|r| (r.ended, m.of(&r.scores))).collect(),
            bold: *m == Measure::Overall,
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
pub fn ui_history(
    ui: &mut egui::Ui,
    lang: Lang,
    player: &str,
    records: &[&StoredSession],
    error: Option<&str>,
    art: &ArtIds,
    view: &mut HistoryView,
    standing: Option<&Standing>,
) -> Option<Action> {
    let who = if player.is_empty() {
        lang.pick("(geen naam)", "(no name)").to_string()
    } else {
        player.to_string()
    };
    let action = header(
        ui,
        lang,
        format!("{} — {who}", lang.pick("Geschiedenis", "History")),
        Screen::Team,
    );
    if let Some(e) = error {
        warning(ui, e);
    }
    if records.is_empty() {
        ui.label(lang.pick(
            "Nog geen gesprekken gespeeld.",
            "No conversations played yet.",
        ));
        return action;
    }
    // The scenario filter: every scenario the player has played.
    let mut scenarios: Vec<(&str, &str)> = records
        .iter()
        .map(|r| (r.scenario.as_str(), r.title.as_str()))
        .collect();
    scenarios.sort_unstable();
    scenarios.dedup_by_key(|s| s.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(lang.pick("Scenario:", "Scenario:"));
        ui.selectable_value(&mut view.scenario, None, lang.pick("alle", "all"));
        for (id, title) in &scenarios {
            ui.selectable_value(
                &mut view.scenario,
                Some(id.to_string()),
                crate::text::shorten(title, 28),
            );
        }
    });
    let shown: Vec<&StoredSession> = records
        .iter()
        .copied()
        .filter(|r| view.scenario.as_ref().is_none_or(|s| *s == r.scenario))
        .collect();
    // Two columns with fixed widths: the chart and sessions on the left, bests and principles
    // on the right.
    let side = (ui.available_width() * 0.34).clamp(340.0, 440.0);
    let gap = 12.0;
    let left = (ui.available_width() - side - gap).max(200.0);
    let height = ui.available_height();
    ui.horizontal_top(|ui| {
        ui.allocate_ui_with_layout(
            egui::vec2(left, height),
            egui::Layout::top_down(egui::Align::Min),
            |ui| {
                ui.set_width(left);
                let h = (height * 0.5).max(180.0);
                score_chart(
                    ui,
                    "history-chart",
                    lang,
                    &dimension_series(lang, &shown),
                    h,
                );
                ui.add_space(8.0);
                sessions_table(ui, lang, &shown);
            },
        );
        ui.add_space(gap);
        ui.allocate_ui_with_layout(
            egui::vec2(side, height),
            egui::Layout::top_down(egui::Align::Min),
            |ui| {
                ui.set_width(side);
                egui::ScrollArea::vertical()
                    .id_salt("history-side")
                    .show(ui, |ui| {
                        if let Some(s) = standing {
                            standing_card(ui, lang, art, s, view);
                            ui.add_space(8.0);
                        }
                        bests_card(ui, lang, records);
                        ui.add_space(8.0);
                        principles_card(ui, lang, art, &shown, view);
                    });
            },
        );
    });
    principle_window(ui, art, lang, &mut view.card);
    if key(ui, egui::Key::Escape) {
        view.card = None;
    }
    action
}

fn sessions_table(ui: &mut egui::Ui, lang: Lang, records: &[&StoredSession]) {
    // Both ways: a wide table must not widen the panel (and push the chart over the side).
    egui::ScrollArea::both()
        .id_salt("history-sessions")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("history")
                .striped(true)
                .num_columns(8)
                .spacing([14.0, 5.0])
                .show(ui, |ui| {
                    ui.label(egui::RichText::new(lang.pick("Datum", "Date")).strong());
                    ui.label(egui::RichText::new("Scenario").strong());
                    ui.label(egui::RichText::new(lang.pick("Afloop", "Ending")).strong());
                    // Short headings keep the table beside the cards; the name is the hover.
                    for m in Measure::ALL.iter().skip(1).chain([&Measure::Overall]) {
                        ui.label(egui::RichText::new(abbreviation(lang, *m)).strong())
                            .on_hover_text(m.label().get(lang));
                    }
                    ui.end_row();
                    for r in records.iter().rev() {
                        let d = Date::from_days(r.ended.div_euclid(86_400));
                        ui.label(format!("{} {}", d.short(lang), d.year));
                        ui.label(crate::text::shorten(&r.title, 24))
                            .on_hover_text(&r.title);
                        ui.label(ending_label(lang, r.ending));
                        for m in Measure::ALL.iter().skip(1).chain([&Measure::Overall]) {
                            scored(ui, m.of(&r.scores));
                        }
                        ui.end_row();
                    }
                });
        });
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    fn record(scenario: &str, overall: u8, ended: i64, debits: &[&str]) -> StoredSession {
        StoredSession {
            draw: 0,
            coach: Default::default(),
            id: 1,
            key: String::new(),
            player: "Anouk".into(),
            team: "Noord".into(),
            scenario: scenario.into(),
            scenario_hash: "h".into(),
            title: format!("Titel {scenario}"),
            seed: 1,
            choices: vec![],
            plan: None,
            ending: crate::scenario::Ending::from_key("arrangement"),
            scores: crate::score::Scores {
                empathy: overall,
                fact_gathering: overall,
                agreement: overall,
                compliance: 100,
                overall,
            },
            findings: debits
                .iter()
                .map(|p| crate::store::StoredFinding {
                    turn: 1,
                    principle: crate::scenario::Principle::from_key(p).expect("a principle"),
                    verdict: crate::score::Verdict::Debit,
                    dimension: crate::score::Dimension::Empathy,
                    points: 0,
                    note: crate::store::StoredNote::Words(String::new()),
                })
                .collect(),
            started: ended - 100,
            ended,
            room: None,
        }
    }

    #[test]
    fn bests_principles_and_the_scenario_filter() {
        let all = [
            record("ostrich", 35, 86_400 * 20_000, &["oma", "anna"]),
            record("ostrich", 72, 86_400 * 20_003, &["anna"]),
            record("dispute", 91, 86_400 * 20_005, &[]),
        ];
        let mut harness = Harness::builder()
            .with_size(egui::vec2(1280.0, 720.0))
            .build_ui_state(
                |ui, view: &mut HistoryView| {
                    let refs: Vec<&StoredSession> = all.iter().collect();
                    ui_history(
                        ui,
                        Lang::En,
                        "Anouk",
                        &refs,
                        None,
                        &ArtIds::default(),
                        view,
                        None,
                    );
                },
                HistoryView::default(),
            );
        harness.run();
        assert!(
            harness
                .query_by_label("Personal bests per scenario")
                .is_some()
        );
        // ANNA was broken in both ostrich sessions, OMA in one: most often first.
        assert!(harness.query_by_label("2/3").is_some());
        assert!(harness.query_by_label("1/3").is_some());
        // The filter button comes first (the bests and the table list the title too).
        harness
            .get_all_by_label("Titel dispute")
            .next()
            .expect("the filter")
            .click();
        harness.run();
        assert_eq!(harness.state().scenario.as_deref(), Some("dispute"));
        assert!(
            harness
                .query_by_label("No principle broken. Well done!")
                .is_some(),
            "the principles follow the filter"
        );
    }

    #[test]
    fn where_you_stand_shows_tiers_the_principles_to_work_on_and_the_miti_profile() {
        let all = [
            record("ostrich", 35, 86_400 * 20_000, &["oma"]),
            record("ostrich", 45, 86_400 * 20_001, &["oma"]),
        ];
        let refs: Vec<&StoredSession> = all.iter().collect();
        let mut standing = Standing::of(&[], &refs);
        assert!(
            standing.profiles.is_empty(),
            "nothing replays without the scenario"
        );
        standing.profiles.push((
            86_400 * 20_001,
            "Titel ostrich".into(),
            crate::score::miti::Profile {
                reflections: 3,
                complex_reflections: 2,
                questions: 2,
                ..Default::default()
            },
        ));
        let mut harness = Harness::builder()
            .with_size(egui::vec2(1280.0, 900.0))
            .build_ui_state(
                |ui, view: &mut HistoryView| {
                    let refs: Vec<&StoredSession> = all.iter().collect();
                    ui_history(
                        ui,
                        Lang::En,
                        "Anouk",
                        &refs,
                        None,
                        &ArtIds::default(),
                        view,
                        Some(&standing),
                    );
                },
                HistoryView::default(),
            );
        harness.run();
        assert!(harness.query_by_label("Where you stand").is_some());
        // Empathy 40.7 weighted (35 × 0.75 and 45 × 1): 1 + 4 × 0.407 = 2.6, below fair.
        // Empathy, fact-gathering and agreement alike; compliance at 100 is good.
        assert_eq!(harness.query_all_by_label("2.6 (below fair)").count(), 3);
        assert!(harness.query_by_label("5.0 (good)").is_some());
        assert!(harness.query_by_label("To work on").is_some());
        // In "to work on" and among the principles broken most often.
        assert_eq!(harness.query_all_by_label("Leave OMA at home").count(), 2);
        // The profile: 3 reflections to 2 questions is fair, 2 of 3 complex is good.
        assert!(harness.query_by_label("1.5").is_some());
        assert!(harness.query_by_label("67%").is_some());
    }

    #[test]
    fn every_dimension_is_a_line_over_time() {
        let all = [
            record("ostrich", 35, 1000, &[]),
            record("ostrich", 72, 2000, &[]),
        ];
        let refs: Vec<&StoredSession> = all.iter().collect();
        let series = dimension_series(Lang::Nl, &refs);
        assert_eq!(series.len(), 5);
        assert_eq!(series[0].name, "Totaal");
        assert!(series[0].bold);
        assert_eq!(series[0].points, vec![(1000, 35), (2000, 72)]);
        assert_eq!(series[4].points, vec![(1000, 100), (2000, 100)]);
    }
}
