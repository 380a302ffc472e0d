//! 3x M: how well a channel fits the mission of a contact (the message, the means and the
//! moment), one table for every scenario.

use crate::scenario::{Channel, Mission};
use serde::{Deserialize, Serialize};

/// How well a channel fits a mission (3x M).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fit {
    Good,
    Ok,
    Poor,
}

/// The 3x M table: mission × channel.
pub fn channel_fit(mission: Mission, channel: Channel) -> Fit {
    use Channel::*;
    use Fit::*;
    match (mission, channel) {
        (Mission::FirstReminder, Sms | Email | Letter) => Good,
        (Mission::FirstReminder, Phone | VoiceMessage) => Ok,
        (Mission::ResultNow, Phone) => Good,
        (Mission::ResultNow, Visit) => Ok,
        (Mission::KeyAccount, Visit) => Good,
        (Mission::KeyAccount, Phone) => Ok,
        (Mission::ManyCustomers, Sms | VoiceMessage) => Good,
        (Mission::ManyCustomers, Phone | Email | Letter) => Ok,
        (Mission::Complaint, Phone) => Good,
        (Mission::Complaint, Visit) => Ok,
        (Mission::Service, Phone | Sms) => Good,
        (Mission::Service, Email | Letter | VoiceMessage) => Ok,
        _ => Poor,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn channel_table_follows_3x_m() {
        assert_eq!(channel_fit(Mission::ResultNow, Channel::Phone), Fit::Good);
        assert_eq!(channel_fit(Mission::ResultNow, Channel::Letter), Fit::Poor);
        assert_eq!(channel_fit(Mission::KeyAccount, Channel::Visit), Fit::Good);
        assert_eq!(channel_fit(Mission::FirstReminder, Channel::Sms), Fit::Good);
        assert_eq!(
            channel_fit(Mission::Complaint, Channel::SocialMedia),
            Fit::Poor
        );
    }
}
