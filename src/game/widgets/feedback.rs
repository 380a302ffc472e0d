//! Feedback widgets: score bars and the scores panel, principle chips and cards, and the
//! alternatives at a turn with where each would have led.

use super::picture;
use crate::dialogue::Conversation;
use crate::game::art::ArtIds;
use crate::game::session::Alternative;
use crate::game::theme;
use crate::scenario::Principle;
use crate::score::miti::{Profile, Tier};
use crate::score::{Band, Dimension, Scores, overall_label};
use crate::text::Lang;
use bevy_egui::egui;

/// A principle as a small chip with its icon; clicking it asks for its card.
pub fn principle_chip(ui: &mut egui::Ui, art: &ArtIds, lang: Lang, p: Principle) -> bool {
    let title = p.title();
    let resp = ui
        .horizontal(|ui| {
            picture(ui, art.principle(p), 22.0);
            ui.add(
                egui::Label::new(
                    egui::RichText::new(title.get(lang))
                        .color(theme::TEAL_DARK)
                        .strong(),
                )
                .sense(egui::Sense::click()),
            )
        })
        .inner;
    resp.on_hover_text(p.explain().get(lang)).clicked()
}

/// The card that explains a principle.
pub fn principle_card(ui: &mut egui::Ui, art: &ArtIds, lang: Lang, p: Principle) {
    ui.horizontal(|ui| {
        picture(ui, art.principle(p), 64.0);
        ui.vertical(|ui| {
            ui.heading(p.title().get(lang));
            ui.label(p.explain().get(lang));
        });
    });
}

/// The open principle card as a window in the middle of the screen; Close empties `card`.
pub fn principle_window(root: &egui::Ui, art: &ArtIds, lang: Lang, card: &mut Option<Principle>) {
    let Some(p) = *card else { return };
    let mut open = true;
    egui::Window::new(p.title().get(lang))
        .title_bar(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(root.ctx(), |ui| {
            ui.set_max_width(600.0);
            principle_card(ui, art, lang, p);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .button(lang.pick("Sluiten (Esc)", "Close (Esc)"))
                    .clicked()
                {
                    open = false;
                }
            });
        });
    if !open {
        *card = None;
    }
}

/// One score as a labelled bar with its value and band, in two lines so it fits any width.
pub fn score_bar(ui: &mut egui::Ui, lang: Lang, label: &str, value: u8) {
    let band = Band::of(value);
    ui.label(egui::RichText::new(label).strong());
    ui.horizontal(|ui| {
        let width = (ui.available_width() - 170.0).max(60.0);
        let (rect, _) = ui.allocate_exact_size(egui::vec2(width, 22.0), egui::Sense::hover());
        let p = ui.painter();
        p.rect_filled(rect, 4.0, egui::Color32::from_rgb(0xea, 0xe2, 0xd4));
        let mut fill = rect;
        fill.set_width(rect.width() * f32::from(value) / 100.0);
        p.rect_filled(fill, 4.0, theme::band_colour(band));
        for edge in [40.0, 60.0, 80.0] {
            let x = rect.left() + rect.width() * edge / 100.0;
            p.line_segment(
                [egui::pos2(x, rect.top()), egui::pos2(x, rect.bottom())],
                egui::Stroke::new(1.0, egui::Color32::from_white_alpha(160)),
            );
        }
        ui.label(egui::RichText::new(format!("{value}")).strong().size(20.0));
        ui.label(
            egui::RichText::new(band.label().get(lang))
                .color(theme::band_colour(band))
                .strong(),
        );
    });
    ui.add_space(2.0);
}

/// The scores per dimension as bars, the same labels as the text report; `overall` adds the
/// overall score as the last bar (the debrief shows it large instead).
pub fn scores_panel(ui: &mut egui::Ui, lang: Lang, scores: Scores, overall: bool) {
    for d in Dimension::ALL {
        score_bar(ui, lang, d.label().get(lang), scores.get(d));
    }
    if overall {
        score_bar(ui, lang, overall_label().get(lang), scores.overall);
    }
}

/// The MITI profile: each summary with its value and where it stands against MITI's fair and
/// good thresholds (the thresholds on hover), then the MI-adherent and MI-non-adherent counts.
pub fn miti_panel(ui: &mut egui::Ui, lang: Lang, p: &Profile) {
    let colour = |t: Tier| match t {
        Tier::Good => theme::GREEN,
        Tier::Fair => theme::GOLD,
        Tier::BelowFair => theme::TERRACOTTA,
    };
    ui.label(
        egui::RichText::new(lang.pick("Gespreksprofiel (MITI)", "Conversation profile (MITI)"))
            .strong(),
    );
    let (ratio, share) = (p.ratio_text(lang), p.share_text());
    let rows = [
        (
            lang.pick("Reflecties per vraag", "Reflections per question"),
            format!("{} : {} = {ratio}", p.reflections, p.questions),
            Some(p.ratio_tier()),
            lang.pick(
                "MITI: redelijk vanaf 1 reflectie per vraag, goed vanaf 2",
                "MITI: fair from 1 reflection per question, good from 2",
            ),
        ),
        (
            lang.pick("Complexe reflecties", "Complex reflections"),
            format!("{} / {} = {share}", p.complex_reflections, p.reflections),
            Some(p.complex_tier()),
            lang.pick(
                "MITI: redelijk vanaf 40% van de reflecties, goed vanaf 50%",
                "MITI: fair from 40% of reflections, good from 50%",
            ),
        ),
        (
            lang.pick("MI-consistent", "MI-adherent"),
            p.adherent.to_string(),
            None,
            lang.pick(
                "bevestigen, samenwerking zoeken, autonomie benadrukken",
                "affirming, seeking collaboration, emphasising autonomy",
            ),
        ),
        (
            lang.pick("MI-inconsistent", "MI-non-adherent"),
            p.non_adherent.to_string(),
            None,
            lang.pick(
                "oordelen, ongevraagd adviseren, confronteren, dreigen",
                "judging, unasked-for advice, confronting, threatening",
            ),
        ),
    ];
    egui::Grid::new("miti")
        .num_columns(2)
        .spacing([12.0, 2.0])
        .show(ui, |ui| {
            for (i, (label, value, tier, hint)) in rows.into_iter().enumerate() {
                ui.label(label).on_hover_text(hint);
                ui.horizontal(|ui| {
                    let bad = i == 3 && p.non_adherent > 0;
                    ui.label(egui::RichText::new(value).color(if bad {
                        theme::TERRACOTTA
                    } else {
                        theme::INK
                    }))
                    .on_hover_text(hint);
                    if let Some(t) = tier {
                        ui.label(egui::RichText::new(t.label().get(lang)).color(colour(t)))
                            .on_hover_text(hint);
                    }
                });
                ui.end_row();
            }
        });
}

/// The options offered at a turn, each with the customer's next line and the best ending it
/// could still reach; the best is marked.
pub fn alternatives_ui(ui: &mut egui::Ui, lang: Lang, conv: &Conversation, alts: &[Alternative]) {
    let best = alts
        .iter()
        .filter_map(|a| a.best.map(|(_, s)| s.overall))
        .max();
    let fill = conv.fill();
    for alt in alts {
        let is_best = alt.best.map(|(_, s)| s.overall) == best && !alt.chosen;
        let tone = if alt.chosen {
            theme::MUTED
        } else if is_best {
            theme::GREEN
        } else {
            theme::INK
        };
        egui::Frame::new()
            .fill(if is_best {
                egui::Color32::from_rgb(0xe6, 0xf3, 0xea)
            } else {
                egui::Color32::TRANSPARENT
            })
            .corner_radius(6.0)
            .inner_margin(egui::Margin::same(8))
            .show(ui, |ui| {
                let tag = if alt.chosen {
                    lang.pick("Jouw keuze", "Your choice")
                } else if is_best {
                    lang.pick("Beter", "Better")
                } else {
                    lang.pick("Ook mogelijk", "Also possible")
                };
                ui.label(
                    egui::RichText::new(format!("{tag}: “{}”", fill.text(&alt.text, lang)))
                        .color(tone)
                        .strong(),
                );
                if let Some(line) = &alt.next_line {
                    ui.label(egui::RichText::new(format!("» {line}")).italics());
                }
                if let Some((ending, scores)) = alt.best {
                    let b = Band::of(scores.overall);
                    ui.label(
                        egui::RichText::new(format!(
                            "{}: {} · {} {} ({})",
                            lang.pick("Best mogelijke afloop", "Best possible outcome"),
                            ending.label().get(lang),
                            lang.pick("totaal", "overall"),
                            scores.overall,
                            b.label().get(lang)
                        ))
                        .small()
                        .color(theme::band_colour(b)),
                    );
                }
            });
    }
}
