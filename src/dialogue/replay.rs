//! Replaying a path: the choices (and plan) of `run --choices` from the start, checked turn
//! by turn.

use super::{Conversation, PlayError, Prompt};
use crate::plan::Plan;
use crate::scenario::Playbook;
use std::sync::Arc;

/// Plays `choices` (and `plan` at the negotiation) from the start. Every choice must be
/// offered at its turn, the path must end, and a plan must be used if given.
pub fn replay(
    book: &Arc<Playbook>,
    seed: u64,
    choices: &[String],
    plan: Option<Plan>,
) -> Result<Conversation, PlayError> {
    let mut conv = Conversation::new(Arc::clone(book), seed);
    let mut plan = plan;
    for id in choices.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
        if let (Prompt::Negotiate { .. }, Some(p)) = (conv.prompt(), plan) {
            conv.propose(p)?;
            plan = None;
        }
        conv.choose(id)?;
    }
    if let (Prompt::Negotiate { .. }, Some(p)) = (conv.prompt(), plan) {
        conv.propose(p)?;
        plan = None;
    }
    let turn = conv.turns().len() + 1;
    match conv.prompt() {
        Prompt::Ended(_) if plan.is_some() => Err(PlayError::NoPlanHere {
            turn,
            valid: "nothing: this path never reaches a negotiation, leave out --plan".to_string(),
        }),
        Prompt::Ended(_) => Ok(conv),
        Prompt::Negotiate { .. } => Err(PlayError::WantsPlan {
            turn,
            id: "(end of --choices)".to_string(),
        }),
        _ => Err(PlayError::Unfinished {
            turn,
            valid: conv.valid_here(),
        }),
    }
}
