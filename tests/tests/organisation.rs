//! Organisation settings: entries are added, renamed, recoloured and archived; old actions keep their meaning.

mod common;

use cadence_core::organisation::CatalogPatch;
use cadence_core::{ActionQuery, Db, NewAction, NewPerson};
use common::open_at;

#[test]
fn rename_recolour_archive_keep_history() {
    let (_d, mut db) = open_at("2026-11-27T10:00:00Z");
    let p = db.add_person(&NewPerson { name: "Anna".into(), tz: Some("UTC".into()), ..Default::default() }).expect("p").id.to_string();
    let key = db.add_catalog_entry("categories", "Recognition", &CatalogPatch { colour: Some("#AA00FF".into()), ..Default::default() }).expect("add");
    assert_eq!(key, "recognition");
    db.log_action(&NewAction { person: p.clone(), category: key.clone(), ..Default::default() }).expect("log");
    db.update_catalog_entry("categories", &key, &CatalogPatch { label: Some("Praise".into()), colour: Some("#00aa55".into()), ..Default::default() }).expect("rename");
    db.update_catalog_entry("categories", &key, &CatalogPatch { archived: Some(true), ..Default::default() }).expect("archive");
    assert!(db.catalog().expect("catalog").categories.iter().all(|c| c.key != key), "archived: not offered");
    let all = db.catalog_all().expect("all");
    let c = all.categories.iter().find(|c| c.key == key).expect("still there");
    assert_eq!((c.label.as_str(), c.colour.as_str(), c.archived), ("Praise", "#00aa55", true));
    let e = db.log_action(&NewAction { person: p.clone(), category: key.clone(), ..Default::default() }).expect_err("archived");
    assert_eq!(e.field(), Some("category"));
    assert_eq!(db.list_actions(&ActionQuery::default()).expect("list")[0].category, "recognition", "history intact");

    let ch = db.add_catalog_entry("channels", "Podcast", &CatalogPatch { external: Some(true), ..Default::default() }).expect("channel");
    db.add_unit("Sales").expect("unit");
    db.update_catalog_entry("channels", &ch, &CatalogPatch { units: Some(vec!["sales".into()]), ..Default::default() }).expect("scope");
    assert!(db.update_catalog_entry("channels", &ch, &CatalogPatch { units: Some(vec!["nowhere".into()]), ..Default::default() }).is_err());
    // The catalogue tells the window which units a channel is meant for (empty: everyone).
    let units_of = |db: &Db, key: &str| db.catalog().expect("catalog").channels.into_iter().find(|c| c.key == key).map(|c| c.units);
    assert_eq!(units_of(&db, &ch), Some(vec!["sales".to_string()]));
    assert_eq!(units_of(&db, "email"), Some(vec![]));
    // Offered when logging: to people of Sales, not to others; channels for everyone to all.
    db.add_unit("Support").expect("unit");
    db.add_person(&NewPerson { name: "Sara Sales".into(), unit: Some("sales".into()), tz: Some("UTC".into()), ..Default::default() }).expect("sara");
    db.add_person(&NewPerson { name: "Sam Support".into(), unit: Some("support".into()), tz: Some("UTC".into()), ..Default::default() }).expect("sam");
    let offered = |db: &Db, who: &str| db.catalog_for(who).expect("catalog").channels.into_iter().map(|c| c.key).collect::<Vec<_>>();
    assert!(offered(&db, "Sara Sales").contains(&ch) && offered(&db, "Sara Sales").contains(&"email".to_string()));
    assert!(!offered(&db, "Sam Support").contains(&ch) && offered(&db, "Sam Support").contains(&"email".to_string()));
    assert!(!offered(&db, &p).contains(&ch), "no unit: only the channels for everyone");
    assert_eq!(db.catalog_for("Nobody").expect_err("nobody").kind(), "notFound");
    db.update_catalog_entry("channels", &ch, &CatalogPatch { archived: Some(true), ..Default::default() }).expect("archive");
    let archived = db.catalog_all().expect("all").channels.into_iter().find(|c| c.key == ch).expect("archived channel");
    assert_eq!(archived.units, ["sales"]);
    db.update_catalog_entry("channels", &ch, &CatalogPatch { archived: Some(false), units: Some(vec![]), ..Default::default() }).expect("everyone");
    assert_eq!(units_of(&db, &ch), Some(vec![]));
    assert!(db.update_catalog_entry("layers", "board", &CatalogPatch { colour: Some("#000000".into()), ..Default::default() }).is_err());
    assert!(db.add_catalog_entry("categories", "Follow up", &CatalogPatch::default()).is_err(), "key follow-up exists");
    assert!(db.add_catalog_entry("planets", "Mars", &CatalogPatch::default()).is_err());
    assert!(db.update_catalog_entry("categories", "follow-up", &CatalogPatch { colour: Some("red".into()), ..Default::default() }).is_err());

    let moved = db.update_person(&p, &NewPerson { name: "Anna de Vries".into(), role: Some("CEO".into()), tz: Some("Europe/Amsterdam".into()), ..Default::default() }).expect("edit");
    assert_eq!((moved.name.as_str(), moved.tz.as_str()), ("Anna de Vries", "Europe/Amsterdam"));
    db.add_person(&NewPerson { name: "Bram".into(), tz: Some("UTC".into()), ..Default::default() }).expect("bram");
    assert!(db.update_person("Bram", &NewPerson { name: "anna de vries".into(), ..Default::default() }).is_err(), "names stay unique");
}

#[test]
fn every_list_archives_and_restores_and_old_actions_stay_editable() {
    let (_dir, mut db) = open_at("2026-11-27T10:00:00Z");
    let me = NewPerson { name: "Anna".into(), tz: Some("Europe/Amsterdam".into()), ..Default::default() };
    let anna = db.onboard(&me, &["Courage".into()]).expect("onboard").id.to_string();
    db.add_unit("Sales").expect("unit");
    db.update_person(&anna, &NewPerson { name: "Anna".into(), unit: Some("sales".into()), ..Default::default() }).expect("move");
    let action = db
        .log_action(&NewAction {
            person: anna.clone(),
            category: "follow-up".into(),
            channel: Some("email".into()),
            audiences: vec!["board".into(), "sales".into()],
            values: vec!["courage".into()],
            ..Default::default()
        })
        .expect("log");

    let archive = |db: &mut Db, list: &str, key: &str, archived: bool| {
        db.update_catalog_entry(list, key, &CatalogPatch { archived: Some(archived), ..Default::default() }).expect("archive")
    };
    for (list, key) in [("layers", "board"), ("units", "sales"), ("values", "courage"), ("channels", "email"), ("categories", "follow-up")] {
        archive(&mut db, list, key, true);
    }
    // Listed (to restore) with their names; no longer offered.
    let all = db.catalog_all().expect("all");
    assert!(all.layers.iter().any(|l| l.key == "board" && l.archived && l.label == "Board"));
    assert!(all.units.iter().any(|u| u.key == "sales" && u.archived));
    assert!(all.values.iter().any(|v| v.key == "courage" && v.archived && v.label == "Courage"));
    let live = db.catalog().expect("live");
    assert!(live.layers.iter().all(|l| l.key != "board") && live.units.is_empty() && live.values.is_empty());
    let refused = db.log_action(&NewAction { person: anna.clone(), category: "open-communication".into(), values: vec!["courage".into()], ..Default::default() });
    assert_eq!(refused.expect_err("archived value").kind(), "notFound");

    // The old action can still be corrected: it keeps what it named, archived since or not.
    let fixed = db
        .update_action(action.id, &NewAction {
            person: anna.clone(),
            category: "follow-up".into(),
            note: Some("Called back the board".into()),
            channel: Some("email".into()),
            audiences: vec!["board".into(), "sales".into()],
            values: vec!["courage".into()],
            ..Default::default()
        })
        .expect("edit keeps archived entries");
    assert_eq!((fixed.note.as_str(), fixed.values.clone(), fixed.channel.as_deref()), ("Called back the board", vec!["courage".to_string()], Some("email")));
    // ... but cannot take up an archived entry it did not have: a value archived before this edit is refused
    // by name (not for being unknown), and the refused edit changes nothing.
    db.add_value("Candour", "value").expect("value");
    archive(&mut db, "values", "candour", true);
    assert!(db.catalog_all().expect("all").values.iter().any(|v| v.key == "candour" && v.archived));
    let err = db
        .update_action(action.id, &NewAction {
            person: anna.clone(),
            category: "follow-up".into(),
            note: Some("Tried to add an archived value".into()),
            values: vec!["courage".into(), "candour".into()],
            ..Default::default()
        })
        .expect_err("an archived value the action did not have");
    assert_eq!((err.kind(), err.field()), ("notFound", Some("value")), "{err}");
    assert!(err.to_string().contains("candour"), "{err}");
    assert_eq!(db.action(action.id).expect("action").note, "Called back the board");
    // Archived channels and audiences it did not have are refused the same way.
    for (list, key, input) in [
        ("channels", "town-hall", NewAction { channel: Some("town-hall".into()), ..Default::default() }),
        ("layers", "staff", NewAction { audiences: vec!["staff".into()], ..Default::default() }),
    ] {
        archive(&mut db, list, key, true);
        let input = NewAction { person: anna.clone(), category: "follow-up".into(), ..input };
        assert!(db.update_action(action.id, &input).is_err(), "archived {key} taken up by an edit");
        archive(&mut db, list, key, false);
        db.update_action(action.id, &input).unwrap_or_else(|e| panic!("{key} once restored: {e}"));
    }
    // Anna's unit was archived: editing her role keeps her in it.
    let kept = db.update_person(&anna, &NewPerson { name: "Anna".into(), role: Some("CEO".into()), unit: Some("sales".into()), ..Default::default() }).expect("edit");
    assert_eq!((kept.role.as_str(), kept.unit.as_deref()), ("CEO", Some("sales")));

    for (list, key) in [("layers", "board"), ("units", "sales"), ("values", "courage"), ("channels", "email"), ("categories", "follow-up")] {
        archive(&mut db, list, key, false);
    }
    let live = db.catalog().expect("restored");
    assert!(live.layers.iter().any(|l| l.key == "board") && live.units.iter().any(|u| u.key == "sales") && live.values.iter().any(|v| v.key == "courage"));
}

/// A layer and a unit with the same name (Staff) are two audiences: logged, listed, counted and exported apart.
#[test]
fn a_layer_and_a_unit_of_the_same_name_stay_two_audiences() {
    let (dir, mut db) = open_at("2026-11-27T10:00:00Z");
    db.add_person(&NewPerson { name: "Anna".into(), tz: Some("Europe/Amsterdam".into()), ..Default::default() }).expect("anna");
    let unit = db.add_catalog_entry("units", "Staff", &CatalogPatch::default()).expect("unit Staff");
    assert_eq!(unit, "staff", "the unit's key is the layer's word: the two share a key, each in its own kind");
    let log = |db: &mut Db, audiences: &[&str]| {
        db.log_action(&NewAction {
            person: "Anna".into(),
            category: "open-communication".into(),
            audiences: audiences.iter().map(|a| a.to_string()).collect(),
            ..Default::default()
        })
        .expect("log")
    };
    assert_eq!(log(&mut db, &["layer:staff", "unit:staff"]).audiences, ["layer:staff", "unit:staff"]);
    assert_eq!(log(&mut db, &["unit:staff"]).audiences, ["unit:staff"]);
    assert_eq!(log(&mut db, &["staff"]).audiences, ["layer:staff"], "a bare key is the layer's");

    let stats = db.stats(&cadence_core::StatsQuery { person: "Anna".into(), as_of: None, range_days: None }).expect("stats");
    let count = |kind: &str| stats.audiences.iter().find(|c| c.key == "staff" && c.kind == kind).map(|c| c.count);
    assert_eq!((count("layer"), count("unit")), (Some(2), Some(2)));

    // A unit named as one of Cadence's layers in Dutch ("Medewerkers" is the Dutch Staff) stays a unit too.
    db.add_catalog_entry("units", "Medewerkers", &CatalogPatch::default()).expect("unit Medewerkers");
    assert_eq!(log(&mut db, &["unit:medewerkers"]).audiences, ["unit:medewerkers"]);
    // Through a CSV and back into a fresh file with the same catalogue, each audience is still itself.
    let csv = db.export_csv().expect("csv");
    assert!(csv.contains("staff;unit:staff") && csv.contains(",unit:staff,"), "{csv}");
    let (_d2, mut fresh) = open_at("2026-11-27T10:00:00Z");
    fresh.add_person(&NewPerson { name: "Anna".into(), tz: Some("Europe/Amsterdam".into()), ..Default::default() }).expect("anna");
    fresh.add_catalog_entry("units", "Staff", &CatalogPatch::default()).expect("unit");
    fresh.add_catalog_entry("units", "Medewerkers", &CatalogPatch::default()).expect("unit");
    fresh.import_text(&csv, None, false).expect("import");
    // (Logged in the same second, the three may come back in another order.)
    let mut got: Vec<Vec<String>> = fresh.list_actions(&ActionQuery::default()).expect("list").into_iter().map(|a| a.audiences).collect();
    got.sort();
    assert_eq!(got, [vec!["layer:staff"], vec!["layer:staff", "unit:staff"], vec!["unit:medewerkers"], vec!["unit:staff"]]);
    drop(dir);
}

/// An action keeps an audience archived since, named bare or by kind; a new action cannot name it, either way.
#[test]
fn an_archived_audience_stays_on_its_action_named_either_way() {
    let (_dir, mut db) = open_at("2026-11-27T10:00:00Z");
    db.add_person(&NewPerson { name: "Anna".into(), tz: Some("Europe/Amsterdam".into()), ..Default::default() }).expect("anna");
    db.add_catalog_entry("units", "Sales", &CatalogPatch::default()).expect("unit");
    let with = |audience: &str| NewAction {
        person: "Anna".into(),
        category: "open-communication".into(),
        audiences: vec![audience.into()],
        ..Default::default()
    };
    let board = db.log_action(&with("board")).expect("board");
    let sales = db.log_action(&with("unit:sales")).expect("sales");
    for (list, key) in [("layers", "board"), ("units", "sales")] {
        db.update_catalog_entry(list, key, &CatalogPatch { archived: Some(true), ..Default::default() }).expect("archive");
    }
    for name in ["board", "layer:board"] {
        assert_eq!(db.update_action(board.id, &with(name)).expect(name).audiences, ["layer:board"], "{name}");
        assert!(db.log_action(&with(name)).is_err(), "a new action cannot name the archived {name}");
    }
    for name in ["sales", "unit:sales"] {
        assert_eq!(db.update_action(sales.id, &with(name)).expect(name).audiences, ["unit:sales"], "{name}");
        assert!(db.log_action(&with(name)).is_err(), "a new action cannot name the archived {name}");
    }
}
