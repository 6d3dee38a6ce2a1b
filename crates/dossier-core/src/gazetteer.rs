//! Word lists the entity extractor leans on: well-known places and organizations (with
//! their aliases), given names, titles and the words that mark organizations and places.
//! General knowledge only; nothing here is tuned to one collection.

use std::{collections::HashMap, sync::OnceLock};

use crate::{EntityKind, tokenize::fold};

/// One well-known entity.
#[derive(Debug)]
pub(crate) struct Known {
    pub kind: EntityKind,
    pub name: &'static str,
}

/// An alias of a well-known entity, and whether the text must write it in capitals.
#[derive(Debug, Clone, Copy)]
pub(crate) struct KnownAlias {
    pub known: usize,
    pub capitals_only: bool,
}

/// The parsed `gazetteer.txt`: entities and a lookup by folded alias.
#[derive(Debug)]
pub(crate) struct Gazetteer {
    pub known: Vec<Known>,
    by_alias: HashMap<String, Vec<KnownAlias>>,
}

impl Gazetteer {
    /// The built-in gazetteer, parsed once.
    pub fn get() -> &'static Gazetteer {
        static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
        GAZETTEER.get_or_init(|| Gazetteer::parse(include_str!("gazetteer.txt")))
    }

    fn parse(text: &'static str) -> Gazetteer {
        let mut known = Vec::new();
        let mut by_alias: HashMap<String, Vec<KnownAlias>> = HashMap::new();
        for line in text.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with('#')) {
            let mut fields = line.split('|');
            let kind = match fields.next() {
                Some("place") => EntityKind::Place,
                Some("organization") => EntityKind::Organization,
                Some("person") => EntityKind::Person,
                _ => continue,
            };
            let Some(name) = fields.next() else { continue };
            let index = known.len();
            known.push(Known { kind, name });
            for alias in std::iter::once(name).chain(fields) {
                let capitals_only = alias.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
                by_alias.entry(fold(alias)).or_default().push(KnownAlias { known: index, capitals_only });
            }
        }
        Gazetteer { known, by_alias }
    }

    /// The well-known entity `surface` names, if any.
    pub fn lookup(&self, surface: &str) -> Option<usize> {
        let written_in_capitals = surface.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
        self.by_alias
            .get(&fold(surface))?
            .iter()
            .find(|alias| !alias.capitals_only || written_in_capitals)
            .map(|alias| alias.known)
    }
}

/// Words that, placed before a name, say a person follows ("President", "Gov.").
pub(crate) const TITLES: &[&str] = &[
    "President", "Vice", "Prime", "Minister", "Premier", "Chancellor", "Secretary", "Gov", "Governor", "Sen",
    "Senator", "Rep", "Representative", "Congressman", "Congresswoman", "Mayor", "Judge", "Justice", "Mr", "Mrs",
    "Ms", "Miss", "Dr", "Prof", "Professor", "King", "Queen", "Prince", "Princess", "Pope", "Emperor", "Sheikh",
    "Emir", "Sultan", "General", "Gen", "Lt", "Colonel", "Col", "Captain", "Capt", "Sgt", "Sergeant", "Admiral",
    "Adm", "Commander", "Ambassador", "Chairman", "Chairwoman", "Chair", "Director", "CEO", "Spokesman",
    "Spokeswoman", "Spokesperson", "Leader", "Speaker", "Commissioner", "Attorney", "Sheriff", "Officer", "Deputy",
    "Archbishop", "Bishop", "Cardinal", "Rev", "Reverend", "Sir", "Dame", "Lord", "Lady", "Dictator", "Chief",
    "Detective", "Inspector", "Coach", "Senior", "Agent", "Executive",
];

/// Last words that make a name an organization ("The New York *Times*", "Bank").
pub(crate) const ORGANIZATION_WORDS: &[&str] = &[
    "Times", "Post", "News", "Journal", "Herald", "Tribune", "Gazette", "Chronicle", "Telegraph", "Guardian",
    "Observer", "Review", "Magazine", "Press", "Agency", "Ministry", "Department", "Office", "Bureau", "Service",
    "Services", "Administration", "Authority", "Commission", "Committee", "Council", "Assembly", "Parliament",
    "Congress", "Senate", "Court", "Party", "Union", "Association", "Federation", "Foundation", "Institute",
    "Institution", "University", "College", "School", "Academy", "Hospital", "Bank", "Group", "Company", "Corp",
    "Corporation", "Inc", "Ltd", "LLC", "Co", "Holdings", "Industries", "Airlines", "Airways", "Motors", "Systems",
    "Technologies", "Club", "FC", "Team", "Army", "Navy", "Force", "Forces", "Guard", "Police", "Cartel",
    "Organization", "Organisation", "Network", "Fund", "Trust", "Church", "Movement", "Front", "Brigade", "Coalition",
    "Alliance", "League", "Society", "Centre", "Center", "Laboratory", "Labs", "Studios", "Records", "Exchange",
    "Board", "Corps", "AG", "SA", "NV", "PLC", "Plc", "GmbH", "BV", "SpA", "Cos", "INC", "LP", "Bancorp", "Securities", "Partners", "Capital", "Investments", "Petroleum", "Oil", "Energy", "Resources", "Mining", "Steel", "Chemical", "Chemicals", "Pharmaceuticals", "Electric", "Insurance", "Trading", "Television", "TV", "Radio", "Channel", "Broadcasting",
];

/// First words that make a name an organization ("*Ministry* of Health").
pub(crate) const ORGANIZATION_HEADS: &[&str] = &[
    "Ministry", "Department", "University", "Bank", "Council", "Bureau", "Office", "Commission", "Committee",
    "Party", "Institute", "Federation", "Association", "Church", "House", "Court",
];

/// Last words that make a name a place ("Cook *County*").
pub(crate) const PLACE_WORDS: &[&str] = &[
    "City", "County", "Province", "Prefecture", "District", "Region", "Oblast", "Island", "Islands", "River",
    "Mountains", "Mountain", "Valley", "Lake", "Sea", "Ocean", "Bay", "Coast", "Peninsula", "Desert", "Strait",
    "Canal", "Gulf", "Airport", "Square", "Street", "Avenue", "Park", "Bridge", "Beach", "Village", "Town",
];

/// Words that follow a person's name ("Sheinbaum *said*").
pub(crate) const SPEECH_VERBS: &[&str] = &[
    "said", "says", "told", "stated", "added", "explained", "claimed", "argued", "announced", "insisted", "asked",
    "wrote", "tweeted", "warned", "noted", "replied", "responded", "denied", "admitted", "spoke", "testified",
];

/// Words that follow a news organization's name ("Breitbart Texas *reported*").
pub(crate) const REPORTING_VERBS: &[&str] =
    &["reported", "reports", "reporting", "published", "broadcast", "revealed", "obtained"];

/// Capitalized words that are never names on their own: function words, days, months.
pub(crate) const NOT_NAMES: &[&str] = &[
    "A", "An", "The", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I", "You", "His",
    "Her", "Their", "Our", "My", "Your", "In", "On", "At", "By", "For", "From", "To", "Of", "With", "Without",
    "As", "And", "But", "Or", "Nor", "So", "Yet", "If", "When", "While", "Where", "Why", "How", "What", "Who",
    "Which", "After", "Before", "During", "Since", "Until", "Despite", "Although", "Though", "Because",
    "However", "Meanwhile", "Also", "Still", "Some", "Many", "Most", "All", "Both", "Each", "Every", "Other",
    "Another", "Such", "No", "Not", "Yes", "Here", "There", "Then", "Now", "Today", "Yesterday", "Tomorrow",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October", "November", "December", "Jan", "Feb",
    "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Under", "Over", "About", "Against",
    "Between", "Among", "Into", "Through", "Across", "Around", "Following", "According", "Last", "Next", "First",
    "Second", "Third", "Former", "Earlier", "Later", "Once", "Even", "Only", "Just", "More", "Much",
    "Several", "One", "Two", "Three", "Mr", "Mrs", "Ms", "Dr", "AM", "PM", "Christmas", "Easter", "Sources",
    "Officials", "Police", "Authorities", "Government", "President", "Minister", "Reuters", "Photo", "Image",
];

/// Given names from many languages: a capitalized word after one of these is a person.
pub(crate) const GIVEN_NAMES: &[&str] = &[
    "Aaron", "Abdul", "Abdullah", "Abraham", "Adam", "Adrian", "Ahmed", "Ahmad", "Alan", "Albert", "Alberto",
    "Alejandro", "Alex", "Alexander", "Alexandre", "Alexei", "Alexey", "Alfonso", "Alfredo", "Ali", "Alice",
    "Alicia", "Alison", "Amanda", "Amy", "Ana", "Andrea", "Andreas", "Andrei", "Andrés", "Andres", "Andrew",
    "Andrzej", "Angela", "Angelina", "Ann", "Anna", "Anne", "Anthony", "Antonio", "Antony", "Ashley", "Barack",
    "Barbara", "Benjamin", "Bernard", "Bernie", "Beto", "Bill", "Bob", "Boris", "Brad", "Brian", "Bruce", "Bruno",
    "Carl", "Carlos", "Carmen", "Carol", "Caroline", "Catherine", "Charles", "Charlie", "Chris", "Christian",
    "Christine", "Christopher", "Chuck", "Claire", "Claudia", "Colin", "Cristina", "Daniel", "Daniela", "Dave",
    "David", "Deborah", "Dennis", "Diana", "Diego", "Dmitry", "Dmitri", "Donald", "Douglas", "Ebrahim", "Eduardo",
    "Edward", "Elena", "Elizabeth", "Emily", "Emma", "Emmanuel", "Enrique", "Eric", "Erik", "Ernesto", "Eva",
    "Evo", "Fatima", "Felipe", "Fernando", "Francesco", "Francisco", "François", "Francois", "Frank", "Franz",
    "Fred", "Gabriel", "Gary", "Genaro", "George", "Georg", "Gerald", "Gerhard", "Giorgia", "Giovanni", "Giuseppe",
    "Gloria", "Gordon", "Greg", "Gregory", "Guillermo", "Gustavo", "Hamid", "Hans", "Harold", "Harry", "Hassan",
    "Heinz", "Helen", "Henry", "Hillary", "Hugo", "Hussein", "Ian", "Igor", "Imran", "Irene", "Isabel", "Ivan",
    "Jack", "Jacob", "Jacinda", "Jair", "James", "Jan", "Jane", "Janet", "Jason", "Javier", "Jean", "Jeff",
    "Jeffrey", "Jennifer", "Jeremy", "Jerome", "Jessica", "Jim", "Jimmy", "Joachim", "Joan", "Joanna", "Joaquín",
    "Joaquin", "Joe", "Johann", "Johannes", "John", "Johnny", "Jon", "Jonathan", "Jorge", "José", "Jose", "Joseph",
    "Josh", "Joshua", "Juan", "Judith", "Julia", "Julian", "Julie", "Justin", "Kamala", "Karen", "Karl", "Kate",
    "Katherine", "Kathleen", "Kenneth", "Kevin", "Kim", "Klaus", "Kristen", "Kurt", "Larry", "Laura", "Lauren",
    "Lee", "Leon", "Leonardo", "Lindsey", "Lisa", "Liz", "Lorenzo", "Louis", "Luis", "Luiz", "Luca",
    "Lucas", "Luke", "Manuel", "Marc", "Marcelo", "Marco", "Marcos", "Margaret", "María", "Maria", "Marie",
    "Mario", "Mark", "Marta", "Martin", "Mary", "Matt", "Matteo", "Matthew", "Mauricio", "Max",
    "Megan", "Mehmet", "Mel", "Melania", "Michael", "Michel", "Michelle", "Miguel", "Mike", "Mikhail", "Mitch",
    "Mohammed", "Mohamed", "Muhammad", "Nancy", "Narendra", "Natalia", "Nathan", "Neil", "Nicholas", "Nick",
    "Nicola", "Nicolas", "Nicolás", "Nikki", "Nikolai", "Oliver", "Olaf", "Olga", "Omar", "Oscar", "Pablo",
    "Patricia", "Patrick", "Paul", "Paula", "Pedro", "Pete", "Peter", "Philip", "Pierre", "Rachel", "Rafael",
    "Ramón", "Ramon", "Randy", "Raúl", "Raul", "Recep", "Rebecca", "Richard", "Rick", "Rishi", "Robert",
    "Roberto", "Rodrigo", "Roger", "Ron", "Ronald", "Rosa", "Ruth", "Ryan", "Sadiq", "Sam", "Samuel", "Sandra",
    "Sara", "Sarah", "Scott", "Sebastian", "Sergei", "Sergey", "Sergio", "Shinzo", "Silvio", "Simon", "Sophie",
    "Stefan", "Stephanie", "Stephen", "Steve", "Steven", "Susan", "Tedros", "Ted", "Teresa", "Theresa", "Thomas",
    "Tim", "Timothy", "Todd", "Tom", "Tony", "Ursula", "Valentina", "Valerie", "Vicente", "Victor", "Viktor",
    "Vladimir", "Volodymyr", "Walter", "Wang", "William", "Xi", "Yoshihide", "Yuri", "Zoe",
];
