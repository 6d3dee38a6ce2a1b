//! Timeline buckets: how many articles fall in each month and day, for the histogram a
//! reader narrows a period with.

use time::{Date, Month};

/// Article counts by month, each with its days, in chronological order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Timeline {
    /// Months that have at least one article, oldest first.
    pub months: Vec<MonthBucket>,
}

/// One month of the timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthBucket {
    /// Calendar year.
    pub year: i32,
    /// Calendar month.
    pub month: Month,
    /// Articles dated in this month.
    pub count: u32,
    /// Days of this month that have articles, oldest first.
    pub days: Vec<DayBucket>,
}

/// One day of the timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayBucket {
    /// The day.
    pub day: Date,
    /// Articles dated on this day.
    pub count: u32,
}

impl Timeline {
    /// Buckets days already counted, oldest first; days counted zero are left out.
    pub fn from_day_counts(days: impl IntoIterator<Item = (Date, u32)>) -> Timeline {
        let mut months: Vec<MonthBucket> = Vec::new();
        for (day, count) in days.into_iter().filter(|&(_, count)| count > 0) {
            let same_month = months.last().is_some_and(|last| last.year == day.year() && last.month == day.month());
            if !same_month {
                months.push(MonthBucket { year: day.year(), month: day.month(), count: 0, days: Vec::new() });
            }
            let Some(month) = months.last_mut() else { continue };
            month.count += count;
            month.days.push(DayBucket { day, count });
        }
        Timeline { months }
    }

    /// The largest month count (for scaling bars), at least 1.
    pub fn max_month_count(&self) -> u32 {
        self.months.iter().map(|month| month.count).max().unwrap_or(0).max(1)
    }

    /// Total number of articles bucketed.
    pub fn total(&self) -> u32 {
        self.months.iter().map(|month| month.count).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    /// Buckets the given days (in any order, repeated once per article).
    fn from_days(days: impl IntoIterator<Item = Date>) -> Timeline {
        let mut days: Vec<Date> = days.into_iter().collect();
        days.sort_unstable();
        let counted: Vec<(Date, u32)> = days.chunk_by(|a, b| a == b).map(|run| (run[0], run.len() as u32)).collect();
        Timeline::from_day_counts(counted)
    }

    #[test]
    fn groups_by_month_then_day() {
        let timeline =
            from_days([date!(2026 - 01 - 16), date!(2025 - 12 - 31), date!(2026 - 01 - 16), date!(2026 - 01 - 02)]);
        let summary: Vec<String> = timeline
            .months
            .iter()
            .map(|m| {
                let days: Vec<String> = m.days.iter().map(|d| format!("{}:{}", d.day.day(), d.count)).collect();
                format!("{}-{:02} {} [{}]", m.year, m.month as u8, m.count, days.join(" "))
            })
            .collect();
        assert_eq!(summary, ["2025-12 1 [31:1]", "2026-01 3 [2:1 16:2]"]);
        assert_eq!(timeline.max_month_count(), 3);
        assert_eq!(timeline.total(), 4);
    }

    #[test]
    fn empty_input_gives_an_empty_timeline() {
        let timeline = from_days([]);
        assert!(timeline.months.is_empty());
        assert_eq!(timeline.max_month_count(), 1);
    }
}
