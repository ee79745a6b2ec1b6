//! A person's clock: the zone, day start and working days that fix which local date an instant counts for.

use crate::time::{WorkingDays, Zone};

/// The facts about a person that day and streak computations need.
#[derive(Debug, Clone)]
pub struct PersonClock {
    pub id: i64,
    pub zone: Zone,
    pub day_start: u32,
    pub working_days: WorkingDays,
}
