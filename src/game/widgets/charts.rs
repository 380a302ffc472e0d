//! Score charts (egui_plot): scores from 0 to 100 over time, a line and dots per series,
//! dates on the x axis. Used by the history screen (one line per dimension) and the team
//! screen (one line per player).

use crate::calendar::Date;
use crate::game::theme;
use crate::store::Measure;
use crate::text::Lang;
use bevy_egui::egui::{self, Color32};
use egui_plot::{HoverPosition, Line, MarkerShape, Plot, PlotPoints, Points};

/// One line on a chart: (end time in seconds since the epoch, score).
#[derive(Debug, Clone)]
pub struct Series {
    pub name: String,
    pub color: Color32,
    pub points: Vec<(i64, u8)>,
    /// Drawn thicker (the overall score, the player themself).
    pub bold: bool,
}

/// A colour per measure; overall in ink.
pub fn measure_colour(m: Measure) -> Color32 {
    match m {
        Measure::Overall => theme::INK,
        Measure::Empathy => theme::TERRACOTTA,
        Measure::FactGathering => Color32::from_rgb(0x6b, 0x5b, 0xb5),
        Measure::Agreement => theme::TEAL,
        Measure::Compliance => Color32::from_rgb(0x9a, 0x8a, 0x2e),
    }
}

/// Distinct colours for players' lines.
pub const PLAYER_COLOURS: [Color32; 8] = [
    Color32::from_rgb(0x1f, 0x5f, 0x63),
    Color32::from_rgb(0xc8, 0x67, 0x4a),
    Color32::from_rgb(0x6b, 0x5b, 0xb5),
    Color32::from_rgb(0xd0, 0x9a, 0x2c),
    Color32::from_rgb(0x3f, 0x8f, 0x5a),
    Color32::from_rgb(0xb0, 0x4a, 0x8a),
    Color32::from_rgb(0x4a, 0x7a, 0xb8),
    Color32::from_rgb(0x7a, 0x6a, 0x55),
];

fn day(t: i64) -> f64 {
    t as f64 / 86_400.0
}

/// The mean of each score and the ones before it (up to `window` in all), so a line shows the
/// direction rather than every lucky or bad session.
pub fn rolling_mean(points: &[(i64, u8)], window: usize) -> Vec<[f64; 2]> {
    let w = window.max(1);
    points
        .iter()
        .enumerate()
        .map(|(i, (t, _))| {
            let from = (i + 1).saturating_sub(w);
            let slice = &points[from..=i];
            let mean = slice.iter().map(|(_, v)| f64::from(*v)).sum::<f64>() / slice.len() as f64;
            [day(*t), mean]
        })
        .collect()
}

/// Sessions a chart line averages over.
pub const SMOOTHING: usize = 5;

/// The days the chart spans: the first to the last session, a day of margin each side (so a
/// single day's sessions still have a width).
pub fn x_span(series: &[Series]) -> Option<(f64, f64)> {
    let days = series
        .iter()
        .flat_map(|s| s.points.iter().map(|(t, _)| day(*t)));
    let (lo, hi) = days.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), d| {
        (lo.min(d), hi.max(d))
    });
    (lo <= hi).then_some((lo - 1.0, hi + 1.0))
}

/// The key above a chart: a coloured mark and the name of each series, wrapped over lines, so
/// it never covers the lines themselves.
pub fn chart_key(ui: &mut egui::Ui, series: &[Series]) {
    ui.horizontal_wrapped(|ui| {
        for s in series {
            // Dot and name together, so a wrapped key keeps them on one line.
            ui.horizontal(|ui| {
                // A painted dot: the UI font has no bullet glyph.
                let (r, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                ui.painter()
                    .circle_filled(r.center(), if s.bold { 5.0 } else { 4.0 }, s.color);
                let name = egui::RichText::new(&s.name).small();
                ui.label(if s.bold { name.strong() } else { name });
            });
            ui.add_space(8.0);
        }
    });
}

/// A chart of `series` under its key: each line is the rolling mean of the last few sessions,
/// each dot one session (a series of one session is a large dot, as it has no line); the
/// mouse shows the date and score under it.
pub fn score_chart(ui: &mut egui::Ui, id: &str, lang: Lang, series: &[Series], height: f32) {
    chart_key(ui, series);
    let mut plot = Plot::new(id).height((height - 24.0).max(120.0));
    if let Some((lo, hi)) = x_span(series) {
        plot = plot.include_x(lo).include_x(hi);
    }
    plot.include_y(0.0)
        .include_y(100.0)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .x_axis_formatter(move |mark, _| Date::from_days(mark.value.floor() as i64).short(lang))
        .y_axis_formatter(|mark, _| format!("{:.0}", mark.value))
        .label_formatter(move |hover| match hover {
            HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } => Some(format!(
                "{}\n{plot_name}: {:.0}",
                Date::from_days(position.x.floor() as i64).short(lang),
                position.y
            )),
            _ => None,
        })
        .show(ui, |plot| {
            for s in series {
                let pts: Vec<[f64; 2]> = s
                    .points
                    .iter()
                    .map(|(t, v)| [day(*t), f64::from(*v)])
                    .collect();
                plot.line(
                    Line::new(
                        s.name.clone(),
                        PlotPoints::from(rolling_mean(&s.points, SMOOTHING)),
                    )
                    .color(s.color)
                    .width(if s.bold { 3.5 } else { 2.0 }),
                );
                plot.points(
                    Points::new(s.name.clone(), PlotPoints::from(pts))
                        .color(s.color)
                        .shape(MarkerShape::Circle)
                        .radius(match (s.points.len(), s.bold) {
                            (1, _) => 5.0,
                            (_, true) => 3.0,
                            _ => 2.0,
                        }),
                );
            }
        });
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_rolling_mean_covers_the_last_few_sessions() {
        let pts = [(0, 10), (86_400, 20), (2 * 86_400, 90)];
        let m = super::rolling_mean(&pts, 2);
        assert_eq!(m, vec![[0.0, 10.0], [1.0, 15.0], [2.0, 55.0]]);
    }

    #[test]
    fn the_time_axis_spans_every_series_with_a_day_each_side() {
        let s = |points: Vec<(i64, u8)>| super::Series {
            name: "x".into(),
            color: super::Color32::BLACK,
            points,
            bold: false,
        };
        assert_eq!(super::x_span(&[]), None);
        assert_eq!(super::x_span(&[s(vec![])]), None);
        // One player's single session and another's two: from the first to the last.
        let span = super::x_span(&[
            s(vec![(10 * 86_400, 50)]),
            s(vec![(2 * 86_400, 1), (5 * 86_400, 2)]),
        ]);
        assert_eq!(span, Some((1.0, 11.0)));
    }
}
