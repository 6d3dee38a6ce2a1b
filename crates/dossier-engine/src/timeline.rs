//! Timeline buckets: how many articles fall in each month and day, for the histogram a
//! reader narrows a period with.

use time::{Date, Duration, Month};

use crate::{DateRange, article::month_name};

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

    /// Each day with articles and its count, oldest first.
    pub fn days(&self) -> impl Iterator<Item = (Date, u32)> + '_ {
        self.months.iter().flat_map(|month| month.days.iter().map(|day| (day.day, day.count)))
    }

    /// The first and last days with articles (`None` when there are none).
    pub fn extent(&self) -> Option<DateRange> {
        let start = self.months.first()?.days.first()?.day;
        let end = self.months.last()?.days.last()?.day;
        Some(DateRange { start, end })
    }

    /// Total number of articles bucketed.
    pub fn total(&self) -> u32 {
        self.months.iter().map(|month| month.count).sum()
    }
}

/// The period one bar of the histogram covers, chosen from the visible span so that a
/// reader sees between [`MIN_BARS`]-ish and [`MAX_BARS`] bars.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Interval {
    /// One calendar day.
    Day,
    /// Monday to Sunday.
    Week,
    /// One calendar month.
    Month,
    /// Three calendar months, from January, April, July or October.
    Quarter,
    /// One calendar year.
    Year,
    /// Ten years, from a year ending in 0.
    Decade,
}

/// The most bars a histogram shows: the finest interval with at most this many bars over
/// the span is chosen.
pub const MAX_BARS: usize = 120;

/// The shortest span shown, in days: one day alone would be a single bar as wide as the
/// chart, which reads as a block rather than as a date.
pub const MIN_SPAN_DAYS: i64 = 7;

impl Interval {
    /// From finest to coarsest.
    pub const ALL: [Interval; 6] =
        [Interval::Day, Interval::Week, Interval::Month, Interval::Quarter, Interval::Year, Interval::Decade];

    /// The finest interval giving at most [`MAX_BARS`] bars over `span` (a decade for
    /// anything longer, up to the calendar's end).
    pub fn for_span(span: DateRange) -> Interval {
        Interval::ALL.into_iter().find(|interval| interval.bar_count(span) <= MAX_BARS).unwrap_or(Interval::Decade)
    }

    /// The first day of the bar holding `day`.
    pub fn start_of(self, day: Date) -> Date {
        let first_of_month = |year: i32, month: Month| Date::from_calendar_date(year, month, 1).unwrap_or(day);
        match self {
            Interval::Day => day,
            Interval::Week => {
                day.checked_sub(Duration::days(i64::from(day.weekday().number_days_from_monday()))).unwrap_or(Date::MIN)
            }
            Interval::Month => first_of_month(day.year(), day.month()),
            Interval::Quarter => {
                let first = Month::try_from((u8::from(day.month()) - 1) / 3 * 3 + 1).unwrap_or(Month::January);
                first_of_month(day.year(), first)
            }
            Interval::Year => first_of_month(day.year(), Month::January),
            Interval::Decade => first_of_month(day.year().div_euclid(10) * 10, Month::January),
        }
    }

    /// The first day of the bar after the one starting at `start` (`None` past the
    /// calendar's end).
    pub fn next_start(self, start: Date) -> Option<Date> {
        let months_later = |months: i32| {
            let index = start.year() * 12 + i32::from(u8::from(start.month())) - 1 + months;
            let month = Month::try_from((index.rem_euclid(12) + 1) as u8).ok()?;
            Date::from_calendar_date(index.div_euclid(12), month, 1).ok()
        };
        match self {
            Interval::Day => start.next_day(),
            Interval::Week => start.checked_add(Duration::days(7)),
            Interval::Month => months_later(1),
            Interval::Quarter => months_later(3),
            Interval::Year => months_later(12),
            Interval::Decade => months_later(120),
        }
    }

    /// The days of the bar holding `day`.
    pub fn period_of(self, day: Date) -> DateRange {
        let start = self.start_of(day);
        let end = self.next_start(start).and_then(Date::previous_day).unwrap_or(Date::MAX);
        DateRange { start, end: end.max(start) }
    }

    /// How many bars cover `span` (counting partly covered ones).
    pub fn bar_count(self, span: DateRange) -> usize {
        let days = (span.end - span.start).whole_days() as usize + 1;
        let months = |date: Date| i64::from(date.year()) * 12 + i64::from(u8::from(date.month()));
        match self {
            Interval::Day => days,
            Interval::Week => ((self.start_of(span.end) - self.start_of(span.start)).whole_days() / 7) as usize + 1,
            Interval::Month => (months(span.end) - months(span.start)) as usize + 1,
            Interval::Quarter => {
                ((months(span.end) - 1).div_euclid(3) - (months(span.start) - 1).div_euclid(3)) as usize + 1
            }
            Interval::Year => (span.end.year() - span.start.year()) as usize + 1,
            Interval::Decade => (span.end.year().div_euclid(10) - span.start.year().div_euclid(10)) as usize + 1,
        }
    }

    /// The next coarser interval (a decade stays a decade).
    pub fn coarser(self) -> Interval {
        let at = Interval::ALL.iter().position(|&interval| interval == self).unwrap_or(0);
        Interval::ALL[(at + 1).min(Interval::ALL.len() - 1)]
    }

    /// The interval's name, as a reader says it ("by week").
    pub fn name(self) -> &'static str {
        match self {
            Interval::Day => "day",
            Interval::Week => "week",
            Interval::Month => "month",
            Interval::Quarter => "quarter",
            Interval::Year => "year",
            Interval::Decade => "decade",
        }
    }

    /// The full name of the bar starting at `start`, for its text alternative: "2 March
    /// 1987", "week of 2 March 1987", "March 1987", "first quarter of 1987", "1987",
    /// "the 1980s".
    pub fn describe(self, start: Date) -> String {
        let day = |date: Date| format!("{} {} {}", date.day(), month_name(date.month()), date.year());
        match self {
            Interval::Day => day(start),
            Interval::Week => format!("Week of {}", day(start)),
            Interval::Month => format!("{} {}", month_name(start.month()), start.year()),
            Interval::Quarter => {
                let ordinal = ["First", "Second", "Third", "Fourth"][usize::from(u8::from(start.month()) - 1) / 3];
                format!("{ordinal} quarter of {}", start.year())
            }
            Interval::Year => start.year().to_string(),
            Interval::Decade => format!("The {}s", start.year()),
        }
    }

    /// The short axis label of the bar starting at `start`; `with_year` adds the year
    /// where the label alone would not say it ("2 Mar 1987", "Mar 1987").
    fn tick_label(self, start: Date, stride: i64, with_year: bool) -> String {
        if let (Interval::Week, Some(first), 4..) = (self, month_opened_by_week(start), stride) {
            return Interval::Month.tick_label(first, 1, with_year);
        }
        let short = &month_name(start.month())[..3];
        let year = if with_year { format!(" {}", start.year()) } else { String::new() };
        match self {
            Interval::Day | Interval::Week => format!("{} {short}{year}", start.day()),
            // A January that names its year is named by the year alone, as axes do.
            Interval::Month if with_year && start.month() == Month::January => start.year().to_string(),
            Interval::Month => format!("{short}{year}"),
            Interval::Quarter => format!("Q{}{year}", (u8::from(start.month()) - 1) / 3 + 1),
            Interval::Year => start.year().to_string(),
            Interval::Decade => format!("{}s", start.year()),
        }
    }

    /// Whether the bar starting at `start` is labelled when every `stride`-th one is, on
    /// dates that do not depend on the span (the 1st, 8th, 15th and 22nd; every January;
    /// years ending in 0). Days past the last stride of their month are not labelled, so
    /// the 31st never crowds the 1st.
    fn labelled(self, start: Date, stride: i64) -> bool {
        let months = i64::from(start.year()) * 12 + i64::from(u8::from(start.month())) - 1;
        match self {
            Interval::Day => {
                let day = i64::from(start.day());
                (day - 1) % stride == 0 && day + stride - 1 <= i64::from(start.month().length(start.year()))
            }
            Interval::Week => match month_opened_by_week(start) {
                // Four weeks and more: labelled by the months they open.
                Some(first) if stride >= 4 => {
                    let months = i64::from(first.year()) * 12 + i64::from(u8::from(first.month())) - 1;
                    months.rem_euclid(stride / 4) == 0
                }
                _ if stride >= 4 => false,
                _ => i64::from(start.to_julian_day()).div_euclid(7).rem_euclid(stride) == 0,
            },
            Interval::Month => months.rem_euclid(stride) == 0,
            Interval::Quarter => (months / 3).rem_euclid(stride) == 0,
            Interval::Year => i64::from(start.year()).rem_euclid(stride) == 0,
            Interval::Decade => i64::from(start.year()).div_euclid(10).rem_euclid(stride) == 0,
        }
    }

    /// Label strides tried, fewest bars between labels first.
    fn strides(self) -> &'static [i64] {
        match self {
            Interval::Day => &[1, 2, 7, 14],
            // From 4 on, the weeks opening every first, second, third, sixth or twelfth month.
            Interval::Week => &[1, 2, 4, 8, 12, 24, 48],
            Interval::Month => &[1, 2, 3, 6, 12],
            Interval::Quarter => &[1, 2, 4, 8, 20],
            Interval::Year => &[1, 2, 5, 10, 20, 50],
            Interval::Decade => &[1, 2, 5, 10],
        }
    }
}

/// One bar of a [`Histogram`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bin {
    /// The days it covers (whole, even where the span cuts it).
    pub period: DateRange,
    /// Articles of the collection in it.
    pub total: u32,
    /// Articles of the current selection (query and entities) in it.
    pub matching: u32,
}

/// A label on the time axis, at the left edge of its bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tick {
    /// The bar it labels.
    pub bin: usize,
    /// What it says ("Mar 1987").
    pub label: String,
}

/// Article counts over a span, in bars of one [`Interval`], empty bars included so gaps
/// show as gaps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Histogram {
    /// The length of each bar.
    pub interval: Interval,
    /// The days shown: from the first bar's first day to the last bar's last day.
    pub span: DateRange,
    /// The bars, oldest first.
    pub bins: Vec<Bin>,
}

/// The room axis labels have, in whatever unit the viewer draws in (the app's are CSS
/// pixels of its label font): the engine places labels, the viewer knows their size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AxisRoom {
    /// The chart's width.
    pub width: f64,
    /// A character's width in a label: wide enough for digits and capitals, so an
    /// estimate never lets labels touch.
    pub char_width: f64,
    /// The least room between two labels.
    pub gap: f64,
}

impl Histogram {
    /// Bars over `span` (widened to [`MIN_SPAN_DAYS`] and to whole bars), counting the
    /// collection's days `all` and the selection's days `matching`.
    pub fn new(span: DateRange, all: &Timeline, matching: &Timeline) -> Histogram {
        let span = widen(span);
        let interval = Interval::for_span(span);
        let mut bins = Vec::with_capacity(interval.bar_count(span));
        let mut start = interval.start_of(span.start);
        while start <= span.end {
            let period = interval.period_of(start);
            bins.push(Bin { period, total: 0, matching: 0 });
            match interval.next_start(start) {
                Some(next) => start = next,
                None => break,
            }
        }
        let mut histogram = Histogram {
            interval,
            span: DateRange {
                start: bins.first().map_or(span.start, |bin| bin.period.start),
                end: bins.last().map_or(span.end, |bin| bin.period.end),
            },
            bins,
        };
        let (totals, matches) = (histogram.count(all.days()), histogram.count(matching.days()));
        for ((bin, total), matching) in histogram.bins.iter_mut().zip(totals).zip(matches) {
            (bin.total, bin.matching) = (total, matching);
        }
        histogram
    }

    /// The bar holding `day`, if it is shown.
    pub fn bin_of(&self, day: Date) -> Option<usize> {
        if !self.span.contains(day) {
            return None;
        }
        let start = self.interval.start_of(day);
        self.bins.binary_search_by_key(&start, |bin| bin.period.start).ok()
    }

    /// Counts per bar of days counted elsewhere (an entity's mentions).
    pub fn count(&self, days: impl IntoIterator<Item = (Date, u32)>) -> Vec<u32> {
        let mut counts = vec![0; self.bins.len()];
        for (day, count) in days {
            if let Some(bin) = self.bin_of(day) {
                counts[bin] += count;
            }
        }
        counts
    }

    /// The tallest bar of the collection, at least 1 (for scaling).
    pub fn max_total(&self) -> u32 {
        self.bins.iter().map(|bin| bin.total).max().unwrap_or(0).max(1)
    }

    /// Axis labels for a chart of `room`, on every n-th bar of the calendar for the
    /// smallest n from a calendar-friendly list (every week, fortnight, four weeks...)
    /// at which labels do not crowd each other. No two labels overlap and none runs past
    /// the right edge. The year is written on the first label and wherever it changes;
    /// such a longer label may hide the one label after it.
    pub fn ticks(&self, room: AxisRoom) -> Vec<Tick> {
        let strides = self.interval.strides();
        strides
            .iter()
            .map(|&stride| self.ticks_every(stride, room))
            .find(|(_, crowded)| !crowded)
            .map(|(ticks, _)| ticks)
            .unwrap_or_else(|| self.ticks_every(strides[strides.len() - 1], room).0)
    }

    /// Labels on every `stride`-th bar of the calendar, left to right; one that would
    /// touch the label before it is left out, and so is one past the right edge. Says
    /// whether any was left out for a label without a year (the stride is too fine).
    fn ticks_every(&self, stride: i64, room: AxisRoom) -> (Vec<Tick>, bool) {
        let interval = self.interval;
        let bar_width = room.width / self.bins.len().max(1) as f64;
        let year_in_label = !matches!(interval, Interval::Year | Interval::Decade);
        let mut ticks: Vec<Tick> = Vec::new();
        let mut crowded = false;
        let mut free_from = 0.0;
        let mut last_year = None;
        let mut last_had_year = false;
        let mut hidden_since = 0;
        for (at, bin) in self.bins.iter().enumerate() {
            let start = bin.period.start;
            if !interval.labelled(start, stride) {
                continue;
            }
            // The day the label names: a week labelled by a month names that month's 1st.
            let named = match interval {
                Interval::Week if stride >= 4 => month_opened_by_week(start).unwrap_or(start),
                _ => start,
            };
            let with_year = year_in_label && last_year != Some(named.year());
            let label = interval.tick_label(start, stride, with_year);
            let left = at as f64 * bar_width;
            let right = left + label.chars().count() as f64 * room.char_width;
            if left < free_from {
                // A label with its year may hide the one after it; any more is crowding.
                hidden_since += 1;
                crowded |= !last_had_year || hidden_since > 1;
                continue;
            }
            if right > room.width {
                continue;
            }
            free_from = right + room.gap;
            last_year = Some(named.year());
            last_had_year = with_year;
            hidden_since = 0;
            ticks.push(Tick { bin: at, label });
        }
        (ticks, crowded)
    }
}

/// The first day of a month falling in the week starting `monday`, if one does.
fn month_opened_by_week(monday: Date) -> Option<Date> {
    (0..7).filter_map(|offset| monday.checked_add(Duration::days(offset))).find(|day| day.day() == 1)
}

/// `span` widened about its middle to at least [`MIN_SPAN_DAYS`] days, within the calendar.
fn widen(span: DateRange) -> DateRange {
    let days = (span.end - span.start).whole_days() + 1;
    if days >= MIN_SPAN_DAYS {
        return span;
    }
    let before = (MIN_SPAN_DAYS - days) / 2;
    let after = MIN_SPAN_DAYS - days - before;
    DateRange {
        start: span.start.checked_sub(Duration::days(before)).unwrap_or(span.start),
        end: span.end.checked_add(Duration::days(after)).unwrap_or(span.end),
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

    fn span(start: Date, end: Date) -> DateRange {
        DateRange { start, end }
    }

    /// A histogram of the whole of a collection dated `days`, as the app draws it first.
    fn whole(days: impl IntoIterator<Item = Date>) -> Histogram {
        let timeline = from_days(days);
        let extent = timeline.extent().expect("some days");
        Histogram::new(extent, &timeline, &timeline)
    }

    /// The axis labels of a chart `width` pixels wide.
    /// The app's label font: 7 px a character, 8 px between labels.
    const CHAR_WIDTH: f64 = 7.0;
    const GAP: f64 = 8.0;

    fn room(width: f64) -> AxisRoom {
        AxisRoom { width, char_width: CHAR_WIDTH, gap: GAP }
    }

    fn labels(histogram: &Histogram, width: f64) -> Vec<String> {
        histogram.ticks(room(width)).into_iter().map(|tick| tick.label).collect()
    }

    /// Checks what every histogram must hold: bars contiguous, each day in one bar, the
    /// counts adding up, and labels that neither overlap nor run off the chart.
    fn assert_sound(histogram: &Histogram, timeline: &Timeline) {
        assert!(!histogram.bins.is_empty() && histogram.bins.len() <= MAX_BARS);
        assert_eq!(histogram.span.start, histogram.bins[0].period.start);
        for pair in histogram.bins.windows(2) {
            assert_eq!(pair[0].period.end.next_day(), Some(pair[1].period.start), "{pair:?}");
        }
        let counted: u32 = histogram.bins.iter().map(|bin| bin.total).sum();
        let inside: u32 = timeline.days().filter(|&(day, _)| histogram.span.contains(day)).map(|(_, n)| n).sum();
        assert_eq!(counted, inside);
        for width in [280.0, 320.0, 700.0] {
            let ticks = histogram.ticks(room(width));
            assert!(!ticks.is_empty(), "no label at {width} px on {:?}", histogram.span);
            let bar = width / histogram.bins.len() as f64;
            let mut free_from = 0.0;
            for tick in &ticks {
                let left = tick.bin as f64 * bar;
                assert!(left >= free_from, "{ticks:?} overlap at {width} px");
                free_from = left + tick.label.chars().count() as f64 * CHAR_WIDTH + GAP;
                assert!(free_from - GAP <= width, "{tick:?} cut off at {width} px");
            }
        }
    }

    #[test]
    fn the_interval_gives_at_most_120_bars_and_the_finest_that_does() {
        let start = date!(1987 - 02 - 26);
        let cases = [
            (date!(1987 - 03 - 04), Interval::Day),
            (date!(1987 - 06 - 25), Interval::Day),     // 120 days
            (date!(1987 - 06 - 26), Interval::Week),    // 121 days
            (date!(1987 - 10 - 20), Interval::Week),    // Reuters
            (date!(1989 - 05 - 01), Interval::Week),    // 27 months, as Wikinews
            (date!(1996 - 12 - 31), Interval::Month),   // ten years
            (date!(2016 - 01 - 01), Interval::Quarter), // 29 years
            (date!(2100 - 01 - 01), Interval::Year),    // 114 years
            (date!(2200 - 01 - 01), Interval::Decade),
        ];
        for (end, expected) in cases {
            assert_eq!(Interval::for_span(span(start, end)), expected, "up to {end}");
        }
    }

    #[test]
    fn bars_start_on_calendar_boundaries_and_know_their_names() {
        let day = date!(2024 - 02 - 29);
        let names: Vec<String> = Interval::ALL
            .iter()
            .map(|interval| {
                let period = interval.period_of(day);
                format!("{}: {}..{}", interval.describe(period.start), period.start, period.end)
            })
            .collect();
        assert_eq!(
            names,
            [
                "29 February 2024: 2024-02-29..2024-02-29",
                "Week of 26 February 2024: 2024-02-26..2024-03-03",
                "February 2024: 2024-02-01..2024-02-29",
                "First quarter of 2024: 2024-01-01..2024-03-31",
                "2024: 2024-01-01..2024-12-31",
                "The 2020s: 2020-01-01..2029-12-31",
            ]
        );
    }

    #[test]
    fn gaps_are_empty_bars_and_the_selection_is_counted_apart() {
        let all = from_days([date!(1987 - 03 - 02), date!(1987 - 03 - 02), date!(1987 - 03 - 20)]);
        let matching = from_days([date!(1987 - 03 - 20)]);
        let histogram = Histogram::new(all.extent().expect("days"), &all, &matching);
        assert_eq!(histogram.interval, Interval::Day);
        let counts: Vec<(u32, u32)> = histogram.bins.iter().map(|bin| (bin.total, bin.matching)).collect();
        assert_eq!(counts.len(), 19);
        assert_eq!(counts[0], (2, 0));
        assert_eq!(counts[18], (1, 1));
        assert!(counts[1..18].iter().all(|&count| count == (0, 0)), "the days between are gaps");
        assert_eq!(histogram.max_total(), 2);
        assert_eq!(histogram.count([(date!(1987 - 03 - 20), 4), (date!(1999 - 01 - 01), 9)])[18], 4);
    }

    #[test]
    fn reuters_months_get_weekly_bars_with_readable_labels() {
        let histogram = whole([date!(1987 - 02 - 26), date!(1987 - 10 - 20)]);
        assert_eq!((histogram.interval, histogram.bins.len()), (Interval::Week, 35));
        let new_year = whole([date!(1986 - 11 - 03), date!(1987 - 04 - 01)]);
        assert_eq!(
            labels(&new_year, 320.0),
            ["Dec 1986", "Feb 1987"],
            "the year is named on the first label of a new year"
        );
        expect_test::expect![[r#"
            [
                "Mar 1987",
                "May",
                "Jun",
                "Jul",
                "Aug",
                "Sep",
                "Oct",
            ]
        "#]]
        .assert_debug_eq(&labels(&histogram, 280.0));
    }

    #[test]
    fn two_years_by_week_are_labelled_by_quarters_and_years() {
        let histogram = whole([date!(2019 - 01 - 01), date!(2021 - 03 - 31)]);
        assert_eq!(histogram.interval, Interval::Week);
        expect_test::expect![[r#"
            [
                "2019",
                "Jul",
                "Oct",
                "2020",
                "Jul",
                "Oct",
                "2021",
            ]
        "#]]
        .assert_debug_eq(&labels(&histogram, 280.0));
    }

    #[test]
    fn awkward_collections_still_give_a_sound_chart() {
        let collections: [(&str, Vec<Date>); 6] = [
            ("all on one day", vec![date!(2026 - 01 - 16); 5]),
            ("a single article", vec![date!(2026 - 01 - 16)]),
            ("1900 to 2100", vec![date!(1900 - 01 - 01), date!(1987 - 03 - 02), date!(2100 - 12 - 31)]),
            ("decades long", vec![date!(1950 - 06 - 01), date!(2020 - 06 - 01)]),
            ("in the future", vec![date!(2026 - 01 - 16), date!(2999 - 12 - 31)]),
            ("leap days", vec![date!(2020 - 02 - 29), date!(2024 - 02 - 29)]),
        ];
        for (what, days) in collections {
            let timeline = from_days(days.iter().copied());
            let histogram = Histogram::new(timeline.extent().expect("days"), &timeline, &timeline);
            assert_sound(&histogram, &timeline);
            for day in days {
                let bin = histogram.bin_of(day).unwrap_or_else(|| panic!("{what}: {day} not shown"));
                assert!(histogram.bins[bin].period.contains(day), "{what}");
            }
        }
        let one_day = whole([date!(2026 - 01 - 16)]);
        assert_eq!(one_day.bins.len() as i64, MIN_SPAN_DAYS, "one day is shown among its neighbours");
        let centuries = whole([date!(1900 - 01 - 01), date!(2100 - 12 - 31)]);
        assert_eq!((centuries.interval, centuries.bins.len()), (Interval::Decade, 21));
    }

    #[test]
    fn an_empty_selection_keeps_the_collection_behind() {
        let all = from_days([date!(2026 - 01 - 16), date!(2026 - 02 - 03)]);
        let histogram = Histogram::new(all.extent().expect("days"), &all, &Timeline::default());
        assert_eq!(histogram.bins.iter().map(|bin| bin.total).sum::<u32>(), 2);
        assert!(histogram.bins.iter().all(|bin| bin.matching == 0));
    }

    #[test]
    fn dates_with_offsets_count_on_the_day_written() {
        for (written, day) in [
            ("2026-01-16T23:30:00-05:00", date!(2026 - 01 - 16)),
            ("2026-01-17T01:00:00+09:00", date!(2026 - 01 - 17)),
            ("2026-01-16T23:59:59Z", date!(2026 - 01 - 16)),
        ] {
            let date: crate::ArticleDate = written.parse().expect("a date");
            assert_eq!(date.day(), day, "{written}");
            assert_eq!(Interval::Day.period_of(date.day()), DateRange::day(day));
        }
    }

    proptest::proptest! {
        /// Any span from a day to three centuries gives a sound histogram.
        #[test]
        fn any_span_gives_a_sound_histogram(first in 0i32..200_000, length in 0i32..120_000) {
            let start = Date::from_julian_day(2_400_000 + first).expect("in range");
            let end = Date::from_julian_day(2_400_000 + first + length).expect("in range");
            let timeline = Timeline::from_day_counts([(start, 1), (end, 2)]);
            let histogram = Histogram::new(span(start, end), &timeline, &timeline);
            assert_sound(&histogram, &timeline);
        }
    }
}
