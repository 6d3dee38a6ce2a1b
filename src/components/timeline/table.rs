//! The timeline's numbers as a table, for screen readers and anyone who wants the counts:
//! each period a button that chooses it.

use dossier_engine::{DateRange, timeline::Histogram};
use yew::prelude::*;

use super::strip::EntitySeries;
use crate::words::number;

/// The histogram's numbers as a table, with a column for the matching articles when a
/// query or entity narrows them (`narrowed`) and one for each chosen entity's `series`;
/// each period a button that chooses it.
pub fn table(
    histogram: &Histogram,
    series: &[EntitySeries],
    narrowed: bool,
    on_select_range: &Callback<Option<DateRange>>,
) -> Html {
    let series: Vec<(String, Vec<u32>)> =
        series.iter().map(|series| (series.name.clone(), histogram.count(series.presence.days()))).collect();
    html! {
        // Wider than a phone with a few names chosen: it scrolls sideways in its own box,
        // which the keyboard reaches (arrow keys scroll it) and which is named as its table.
        <div class="table-wrap" role="region" tabindex="0" aria-labelledby="timeline-table-caption">
            <table id="timeline-table">
                <caption id="timeline-table-caption">{ format!("Articles by {}", histogram.interval.name()) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Period" }</th>
                        <th scope="col">{ "Articles" }</th>
                        if narrowed {
                            <th scope="col">{ "Matching" }</th>
                        }
                        { for series.iter().map(|(name, _)| html! { <th scope="col">{ name.clone() }</th> }) }
                    </tr>
                </thead>
                <tbody>
                    { for histogram.bins.iter().enumerate().map(|(at, bin)| {
                        let period = bin.period;
                        let on_select_range = on_select_range.clone();
                        html! {
                            <tr>
                                <th scope="row">
                                    <button type="button" class="link-button" onclick={Callback::from(move |_: MouseEvent| on_select_range.emit(Some(period)))}>
                                        { histogram.interval.describe(period.start) }
                                    </button>
                                </th>
                                <td>{ number(bin.total as usize) }</td>
                                if narrowed {
                                    <td>{ number(bin.matching as usize) }</td>
                                }
                                { for series.iter().map(|(_, counts)| html! { <td>{ number(counts.get(at).copied().unwrap_or_default() as usize) }</td> }) }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
