//! The conversation so far as lines of text: who says what, in one language, with the plan
//! on the table filled in.

use super::{Act, At, Conversation, Response, reply};
use crate::scenario::Fill;
use crate::text::Lang;

/// Who says a transcript line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Speaker {
    Customer,
    Trainee,
    Narrator,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Line {
    /// The turn the line belongs to (the customer's line before a turn carries its number).
    pub turn: usize,
    pub speaker: Speaker,
    pub text: String,
}

impl Conversation {
    /// The conversation so far as lines of text.
    pub fn transcript(&self, lang: Lang) -> Vec<Line> {
        let s = &self.book.scenario;
        let mut fill = Fill {
            scenario: s,
            plan: None,
        };
        let mut out = Vec::new();
        let say = |out: &mut Vec<Line>, fill: &Fill, turn: usize, node: usize, variant: usize| {
            if let Some(t) = &s.nodes[node].narration {
                out.push(Line {
                    turn,
                    speaker: Speaker::Narrator,
                    text: fill.text(t, lang),
                });
            }
            if let Some(t) = s.nodes[node].line(variant) {
                out.push(Line {
                    turn,
                    speaker: Speaker::Customer,
                    text: fill.text(t, lang),
                });
            }
        };
        for t in &self.turns {
            match (t.act, t.node) {
                (Act::Channel(i), _) => {
                    if let Some(cc) = &s.context.channel_choice {
                        out.push(Line {
                            turn: t.number,
                            speaker: Speaker::Narrator,
                            text: fill.text(&cc.prompt, lang),
                        });
                        out.push(Line {
                            turn: t.number,
                            speaker: Speaker::Trainee,
                            text: fill.text(&cc.options[i].text, lang),
                        });
                    }
                }
                (Act::Choice(i), Some(n)) => {
                    say(&mut out, &fill, t.number, n, t.say_variant);
                    let o = &s.nodes[n].options[i];
                    out.push(Line {
                        turn: t.number,
                        speaker: Speaker::Trainee,
                        text: fill.text(&o.text, lang),
                    });
                    for (fi, f) in s.persona.facts.iter().enumerate() {
                        if t.revealed & (1 << fi) != 0 {
                            out.push(Line {
                                turn: t.number,
                                speaker: Speaker::Customer,
                                text: fill.text(&f.says, lang),
                            });
                        }
                    }
                    if let Some(r) = reply(o, t.evaded, t.reply_variant) {
                        out.push(Line {
                            turn: t.number,
                            speaker: Speaker::Customer,
                            text: fill.text(r, lang),
                        });
                    }
                }
                (Act::Proposal { plan, response }, Some(n)) => {
                    say(&mut out, &fill, t.number, n, t.say_variant);
                    out.push(Line {
                        turn: t.number,
                        speaker: Speaker::Trainee,
                        text: plan.describe(lang),
                    });
                    fill.plan = Some(match response {
                        Response::Counter(c) => c,
                        _ => plan,
                    });
                }
                _ => {}
            }
        }
        if let At::Node(n) = self.at {
            if let Some(e) = s.nodes[n].end {
                let last = self.turns.len();
                say(&mut out, &fill, last, n, self.variant);
                out.push(Line {
                    turn: last,
                    speaker: Speaker::Narrator,
                    text: format!("— {} —", e.label().get(lang)),
                });
            } else {
                say(&mut out, &fill, self.turns.len() + 1, n, self.variant);
            }
        }
        out
    }
}
