//! The viewer's components, one a file (the viewer's and the timeline's parts in a
//! folder each).

pub mod ahead;
pub mod back_to_results;
pub mod copy_link;
pub mod corrections;
pub mod entity_filters;
pub mod entity_page;
pub mod error_panel;
pub mod header;
pub mod highlight;
pub mod reader;
pub mod result_list;
pub mod search_box;
pub mod timeline;
pub mod viewer;
