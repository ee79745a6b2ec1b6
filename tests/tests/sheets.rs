//! Spreadsheets no one here wrote: CSV files LibreOffice 7.4 really saved in Dutch (nl-NL) and US English
//! (en-US) from a sheet a person typed (tests/fixtures/sheets/make_sheets.sh made them, once), and one in the
//! shape of Excel's "CSV UTF-8 (door lijstscheidingsteken gescheiden)" as a Dutch Excel writes it (byte-order
//! mark, semicolons, CRLF, `3-11-2026`, `9:15`; written by the fixture's script, since no Excel runs here).
//! Each names the catalogue as a person would, by label in its own language, and each imports without editing
//! into the same five actions, written out by hand below.

mod common;

use cadence_core::transfer::csv::Mapping;
use cadence_core::transfer::sheet::DateOrder;
use cadence_core::organisation::CatalogPatch;
use cadence_core::{ActionQuery, Db, NewPerson};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/sheets");

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{DIR}/{name}")).expect("fixture")
}

/// A database with Anna, a unit whose key is English and label Dutch, and a value likewise.
fn setup() -> (tempfile::TempDir, Db) {
    setup_at("2026-12-01T10:00:00Z")
}

fn setup_at(now: &str) -> (tempfile::TempDir, Db) {
    let (dir, mut db) = common::open_at(now);
    db.add_person(&NewPerson { name: "Anna de Vries".into(), tz: Some("Europe/Amsterdam".into()), ..Default::default() }).expect("anna");
    let unit = db.add_catalog_entry("units", "Sales", &CatalogPatch::default()).expect("unit");
    db.update_catalog_entry("units", &unit, &CatalogPatch { label: Some("Verkoop".into()), ..Default::default() }).expect("label");
    let value = db.add_catalog_entry("values", "Openness", &CatalogPatch::default()).expect("value");
    db.update_catalog_entry("values", &value, &CatalogPatch { label: Some("Openheid".into()), ..Default::default() }).expect("label");
    (dir, db)
}

/// One action as the fixtures mean it: date, local time, category, channel, audiences, values, note.
type Expected = (&'static str, &'static str, &'static str, &'static str, &'static [&'static str], &'static [&'static str], &'static str);

/// What an action holds that a sheet gave, in the order of [`Expected`].
type Got = (String, String, String, Option<String>, Vec<String>, Vec<String>, String);

fn actions(db: &Db) -> Vec<Got> {
    let mut all = db.list_actions(&ActionQuery::default()).expect("list");
    all.sort_by(|a, b| (&a.local_date, &a.local_time, a.id).cmp(&(&b.local_date, &b.local_time, b.id)));
    all.into_iter().map(|a| (a.local_date, a.local_time, a.category, a.channel, a.audiences, a.values, a.note)).collect()
}

fn check(db: &Db, expected: &[Expected]) {
    let got = actions(db);
    assert_eq!(got.len(), expected.len(), "{got:#?}");
    for (g, e) in got.iter().zip(expected) {
        let want = (
            e.0.to_string(),
            e.1.to_string(),
            e.2.to_string(),
            Some(e.3.to_string()),
            e.4.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
            e.5.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
            e.6.to_string(),
        );
        assert_eq!(g, &want);
    }
}

const DUTCH: [Expected; 5] = [
    ("2026-11-03", "09:15", "open-communication", "team-meeting", &["layer:staff"], &["openness"], "Kwartaalcijfers toegelicht"),
    ("2026-11-04", "14:00", "visible-participation", "walk-around", &["layer:staff"], &[], "Werkvloer bezocht, koffie met Zoë gedronken"),
    ("2026-11-04", "14:00", "visible-participation", "walk-around", &["layer:staff"], &[], "Werkvloer bezocht, koffie met Zoë gedronken"),
    ("2026-11-12", "10:30", "follow-up", "email", &["layer:team-lead"], &["openness"], "Antwoord op \"vragen\" over de reorganisatie"),
    ("2026-11-23", "16:45", "open-communication", "one-on-one", &["unit:sales"], &[], "Gesprek met nieuwe collega"),
];

/// Imports a fixture (as the window does: bytes decoded by the core, the suggested mapping), then again.
fn import_twice(db: &mut Db, name: &str) {
    let text = cadence_core::transfer::import::decode(fixture(name)).expect("decode");
    let preview = db.csv_preview(&text).expect("preview");
    assert!(!preview.date_order_open, "{name}: its own dates decide the order");
    let first = db.import_text(&text, Some(&preview.mapping), false).expect(name);
    assert_eq!(first.added.get("actions"), Some(&5), "{name}: {first:?}");
    let again = db.import_text(&text, Some(&preview.mapping), false).expect(name);
    assert_eq!((again.added.get("actions"), again.skipped), (None, 5), "{name}: the same file is recognised row by row");
}

#[test]
fn a_sheet_libreoffice_saved_in_dutch_imports_without_editing() {
    let (_dir, mut db) = setup();
    // LibreOffice's plain "Text CSV" writes the system's Western encoding: `Zoë` is the single byte 0xEB.
    assert!(fixture("libreoffice-nl-NL.csv").windows(3).any(|w| w == b"Zo\xeb"), "the fixture is Windows-1252");
    import_twice(&mut db, "libreoffice-nl-NL.csv");
    check(&db, &DUTCH);
}

#[test]
fn a_sheet_excel_saves_as_csv_utf8_with_semicolons_imports() {
    let (_dir, mut db) = setup();
    let bytes = fixture("excel-nl-NL-csv-utf8.csv");
    assert!(bytes.starts_with(b"\xef\xbb\xbfDatum;Tijd;") && bytes.windows(2).any(|w| w == b"\r\n"), "Excel's shape");
    import_twice(&mut db, "excel-nl-NL-csv-utf8.csv");
    let mut expected = DUTCH;
    for row in &mut expected[1..3] {
        row.6 = "Werkvloer bezocht; koffie met Zoë gedronken";
    }
    check(&db, &expected);
}

#[test]
fn a_sheet_libreoffice_saved_in_us_english_imports_month_first() {
    let (_dir, mut db) = setup();
    import_twice(&mut db, "libreoffice-en-US.csv");
    check(
        &db,
        &[
            ("2026-11-03", "09:15", "open-communication", "team-meeting", &["layer:staff"], &["openness"], "Explained the quarterly figures"),
            ("2026-11-04", "14:00", "visible-participation", "walk-around", &["layer:staff"], &[], "Walked the floor, coffee with Zoë"),
            ("2026-11-04", "14:00", "visible-participation", "walk-around", &["layer:staff"], &[], "Walked the floor, coffee with Zoë"),
            ("2026-11-12", "10:30", "follow-up", "email", &["layer:team-lead"], &["openness"], "Answered \"questions\" on the reorganisation"),
            ("2026-11-23", "16:45", "open-communication", "one-on-one", &["unit:sales"], &[], "Talk with a new colleague"),
        ],
    );
}

#[test]
fn when_no_date_decides_the_order_the_preview_asks_and_the_answer_is_used() {
    let (_dir, mut db) = setup();
    // The US sheet without its 23 November row: 11/03, 11/04 and 11/12 read both ways.
    let text = cadence_core::transfer::import::decode(fixture("libreoffice-en-US.csv")).expect("decode");
    let text: String = text.lines().take(5).map(|l| format!("{l}\n")).collect();
    let preview = db.csv_preview(&text).expect("preview");
    assert!(preview.date_order_open, "the preview asks");
    let us = Mapping { date_order: Some(DateOrder::Mdy), ..preview.mapping.clone() };
    db.import_text(&text, Some(&us), false).expect("month first");
    let dates: Vec<String> = actions(&db).into_iter().map(|a| a.0).collect();
    assert_eq!(dates, ["2026-11-03", "2026-11-04", "2026-11-04", "2026-11-12"]);
    // Read day first, the last date is 11 December: after "now" it is refused, with its line.
    let eu = Mapping { date_order: Some(DateOrder::Dmy), ..preview.mapping.clone() };
    let e = setup().1.import_text(&text, Some(&eu), false).expect_err("the future");
    assert_eq!(e.to_string(), format!("line 5, date: {}; nothing was imported", cadence_core::Msg::new("action.future").text(cadence_core::Locale::En)));
    let (_dir, mut db) = setup_at("2026-12-20T10:00:00Z");
    let eu = Mapping { date_order: Some(DateOrder::Dmy), ..preview.mapping };
    db.import_text(&text, Some(&eu), false).expect("day first");
    let dates: Vec<String> = actions(&db).into_iter().map(|a| a.0).collect();
    assert_eq!(dates, ["2026-03-11", "2026-04-11", "2026-04-11", "2026-12-11"]);
}

#[test]
fn a_cell_the_spreadsheet_turned_into_a_time_is_named_with_line_and_field() {
    // Type `1:1` (the English label of the one-on-one channel) into a sheet and it becomes a time, saved as
    // `01:01:00 AM`: the import says where, and imports nothing.
    let (_dir, mut db) = setup();
    let text = "Date,Time,Person,Category,Channel\n11/23/2026,04:45:00 PM,Anna de Vries,Open communication,1:1\n\
                11/24/2026,09:00:00 AM,Anna de Vries,Open communication,01:01:00 AM\n";
    let e = db.import_text(text, None, false).expect_err("not a channel");
    assert_eq!(e.to_string(), "line 3, channel: '01:01:00 AM' not found; nothing was imported");
    assert!(actions(&db).is_empty());
}

#[test]
fn labels_in_either_language_and_keys_name_the_same_entry() {
    let (_dir, mut db) = setup();
    let text = "Date;Person;Category;Channel;Audiences\n\
                2026-11-02;Anna de Vries;OPEN COMMUNICATION;town-hall;Board\n\
                2026-11-02;Anna de Vries;open communicatie;Personeelsbijeenkomst;directie\n\
                2026-11-02;Anna de Vries;open-communication;Town hall;board\n";
    db.import_text(text, None, false).expect("import");
    let got = actions(&db);
    assert_eq!(got.len(), 3);
    for a in got {
        assert_eq!((a.2.as_str(), a.3.as_deref(), a.4.as_slice()), ("open-communication", Some("town-hall"), &["layer:board".to_string()][..]));
    }
}
