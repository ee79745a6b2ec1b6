//! The organisation's catalogue: the defaults a new database starts with (named in the app's language),
//! what can be chosen when logging, and adding and editing entries. Keys never change and entries are
//! archived, never deleted, so every old action keeps its category, channel, audiences and values.

use crate::domain::catalogue::{
    clean_label, default_uid, key_from_label, CatalogPatch, Table, DEFAULT_CATEGORIES, DEFAULT_CHANNELS, DEFAULT_LAYERS, FOLLOW_UP_ROLE,
};
use crate::error::{CoreError, Result};
use crate::i18n::{Locale, Msg, Texts};
use crate::model::{Audience, Catalog, Category, Channel, ValueItem};
use crate::service::people;
use crate::store::{CatalogRepo, EntryChange, EntryRecord, NewEntry, Repos, SettingsRepo, Store};

/// The colour of a new category when none is given.
const DEFAULT_COLOUR: &str = "#64748b";

/// Inserts the default catalogue once, when the database is new.
pub fn seed<S: Store>(store: &mut S) -> Result<()> {
    if store.reader().setting("seeded")?.is_some() {
        return Ok(());
    }
    store.act(|repos| {
        let mut put = |kind, entry: NewEntry| -> Result<()> {
            if repos.entry_id(kind, &entry.key)?.is_none() {
                repos.insert_entry(kind, &entry)?;
            }
            Ok(())
        };
        for (rank, (key, label, colour)) in DEFAULT_CATEGORIES.iter().enumerate() {
            let uid = Some(default_uid(Table::Category, key));
            put(Table::Category, NewEntry { uid, key: (*key).into(), label: (*label).into(), colour: (*colour).into(), rank: Some(rank as i64), ..NewEntry::default() })?;
        }
        for (key, label, external) in DEFAULT_CHANNELS {
            let uid = Some(default_uid(Table::Channel, key));
            put(Table::Channel, NewEntry { uid, key: key.into(), label: label.into(), external, ..NewEntry::default() })?;
        }
        for (rank, (key, label)) in DEFAULT_LAYERS.iter().enumerate() {
            let uid = Some(default_uid(Table::Layer, key));
            put(Table::Layer, NewEntry { uid, key: (*key).into(), label: (*label).into(), rank: Some(rank as i64), ..NewEntry::default() })?;
        }
        // The default follow-up category is where closed promises are logged, unless another already is.
        if repos.category_with_role(FOLLOW_UP_ROLE)?.is_none() {
            if let Some(id) = repos.entry_id(Table::Category, "follow-up")? {
                repos.set_category_role(id, FOLLOW_UP_ROLE)?;
            }
        }
        repos.put_setting("seeded", "1")
    })
}

/// Gives the default categories, channels and layers the labels of `locale`, where the user has not renamed
/// them (their label is still a default in some language). Keys, and so history, do not change.
pub fn localise<S: Store>(store: &mut S, locale: Locale) -> Result<()> {
    type Labels = fn(&'static Texts) -> Vec<&'static str>;
    let lists: [(Table, Vec<&str>, Labels); 3] = [
        (Table::Category, DEFAULT_CATEGORIES.iter().map(|c| c.0).collect(), |t| t.category_labels.to_vec()),
        (Table::Channel, DEFAULT_CHANNELS.iter().map(|c| c.0).collect(), |t| t.channel_labels.to_vec()),
        (Table::Layer, DEFAULT_LAYERS.iter().map(|c| c.0).collect(), |t| t.layer_labels.to_vec()),
    ];
    store.act(|repos| {
        for (kind, keys, labels) in lists {
            let entries = repos.entries(kind)?;
            for (i, key) in keys.into_iter().enumerate() {
                let Some(entry) = entries.iter().find(|e| e.key == key) else { continue };
                let defaults: Vec<&str> = [Locale::En, Locale::Nl].iter().map(|l| labels(l.texts())[i]).collect();
                let wanted = labels(locale.texts())[i];
                if entry.label != wanted && defaults.contains(&entry.label.as_str()) {
                    repos.change_entry(kind, entry.id, &EntryChange { label: Some(wanted.into()), ..EntryChange::default() })?;
                }
            }
        }
        Ok(())
    })
}

fn category(e: EntryRecord) -> Category {
    Category { id: e.id, uid: e.uid, key: e.key, label: e.label, colour: e.colour, archived: e.archived }
}

fn channel(e: EntryRecord) -> Channel {
    Channel { id: e.id, uid: e.uid, key: e.key, label: e.label, external: e.external, archived: e.archived, units: e.units }
}

fn audience(kind: &str) -> impl Fn(EntryRecord) -> Audience + '_ {
    move |e| Audience { id: e.id, uid: e.uid, key: e.key, label: e.label, kind: kind.into(), archived: e.archived }
}

fn value(e: EntryRecord) -> ValueItem {
    ValueItem { id: e.id, uid: e.uid, key: e.key, label: e.label, kind: e.value_kind, archived: e.archived }
}

/// The entries of `kind`, live or archived ones, by id.
fn listed(repos: &impl CatalogRepo, kind: Table, archived: bool) -> Result<Vec<EntryRecord>> {
    Ok(repos.entries(kind)?.into_iter().filter(|e| e.archived == archived).collect())
}

/// Everything that can be chosen when logging (archived entries excluded): categories and layers by rank,
/// internal channels before external ones, units by label, values before themes.
pub fn catalog(repos: &impl CatalogRepo) -> Result<Catalog> {
    let mut categories = listed(repos, Table::Category, false)?;
    categories.sort_by_key(|e| (e.rank, e.id));
    let mut channels = listed(repos, Table::Channel, false)?;
    channels.sort_by_key(|e| (e.external, e.id));
    let mut layers = listed(repos, Table::Layer, false)?;
    layers.sort_by_key(|e| (e.rank, e.id));
    let mut units = listed(repos, Table::Unit, false)?;
    units.sort_by(|a, b| (&a.label, a.id).cmp(&(&b.label, b.id)));
    let mut values = listed(repos, Table::Value, false)?;
    values.sort_by(|a, b| (&b.value_kind, a.id).cmp(&(&a.value_kind, b.id)));
    Ok(Catalog {
        categories: categories.into_iter().map(category).collect(),
        channels: channels.into_iter().map(channel).collect(),
        layers: layers.into_iter().map(audience("layer")).collect(),
        units: units.into_iter().map(audience("unit")).collect(),
        values: values.into_iter().map(value).collect(),
    })
}

/// The whole catalogue, archived entries after the live ones (for the organisation settings and history
/// labels); archived values by label.
pub fn catalog_all(repos: &impl CatalogRepo) -> Result<Catalog> {
    let mut c = catalog(repos)?;
    c.channels.extend(listed(repos, Table::Channel, true)?.into_iter().map(channel));
    c.categories.extend(listed(repos, Table::Category, true)?.into_iter().map(category));
    c.layers.extend(listed(repos, Table::Layer, true)?.into_iter().map(audience("layer")));
    c.units.extend(listed(repos, Table::Unit, true)?.into_iter().map(audience("unit")));
    let mut values = listed(repos, Table::Value, true)?;
    values.sort_by(|a, b| (&a.label, a.id).cmp(&(&b.label, b.id)));
    c.values.extend(values.into_iter().map(value));
    Ok(c)
}

/// What can be chosen when logging for `person`: the channels for everyone and those scoped to their unit. A
/// channel scoped to units is the right means for those units; it is offered there and nowhere else, though
/// an action may still name it.
pub fn catalog_for(repos: &impl Repos, person: &str) -> Result<Catalog> {
    let who = people::find(repos, person)?;
    let mut catalog = catalog(repos)?;
    catalog.channels.retain(|c| c.units.is_empty() || who.unit.as_ref().is_some_and(|u| c.units.contains(u)));
    Ok(catalog)
}

/// Adds a core value (`kind = "value"`) or strategic theme (`"theme"`); returns the stored entry. Adding a
/// label whose key exists returns the existing entry.
pub fn add_value<S: Store>(store: &mut S, label: &str, kind: &str) -> Result<ValueItem> {
    let label = clean_label("value", label)?;
    if kind != "value" && kind != "theme" {
        return Err(CoreError::invalid("kind", Msg::new("value.kind.unknown").arg("kind", kind)));
    }
    let entry = NewEntry { key: key_from_label(&label), label, value_kind: kind.into(), ..NewEntry::default() };
    store.act(|repos| Ok(value(insert_once(repos, Table::Value, &entry)?)))
}

/// Adds an organisational unit (or returns the existing one with that key).
pub fn add_unit<S: Store>(store: &mut S, label: &str) -> Result<Audience> {
    let label = clean_label("unit", label)?;
    let entry = NewEntry { key: key_from_label(&label), label, ..NewEntry::default() };
    store.act(|repos| Ok(audience("unit")(insert_once(repos, Table::Unit, &entry)?)))
}

/// The entry with `entry`'s key, stored first when there is none.
fn insert_once(repos: &mut impl CatalogRepo, kind: Table, entry: &NewEntry) -> Result<EntryRecord> {
    let id = match repos.entry_id(kind, &entry.key)? {
        Some(id) => id,
        None => repos.insert_entry(kind, entry)?,
    };
    repos.entries(kind)?.into_iter().find(|e| e.id == id).ok_or_else(|| CoreError::not_found(kind.entity(), entry.key.as_str()))
}

fn check_colour(colour: &str) -> Result<String> {
    let c = colour.trim();
    let ok = c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|ch| ch.is_ascii_hexdigit());
    if !ok {
        return Err(CoreError::invalid("colour", Msg::new("organisation.colour.invalid").arg("colour", c)));
    }
    Ok(c.to_ascii_lowercase())
}

/// The id of the live entry `key` of `kind`; or, when the record being edited already names it (`already`), of
/// an archived one: archiving an entry stops its new use, it must not make old records uneditable. No key is
/// "choose one", an unknown (or archived) one is not found. Every service looks entries up through this.
pub(crate) fn entry_id(repos: &impl CatalogRepo, kind: Table, key: &str, already: bool) -> Result<i64> {
    let key = key.trim();
    if key.is_empty() {
        return Err(CoreError::invalid(kind.entity(), kind.choose()));
    }
    let found = match repos.live_key(kind, key)? {
        Some(id) => Some(id),
        None if already => repos.entry_id(kind, key)?,
        None => None,
    };
    found.ok_or_else(|| CoreError::not_found(kind.entity(), key))
}

/// The ids of live units, each named by key; a unit named twice counts once.
fn unit_ids(repos: &impl CatalogRepo, keys: &[String]) -> Result<Vec<i64>> {
    let mut ids = keys.iter().map(|k| entry_id(repos, Table::Unit, k, false)).collect::<Result<Vec<i64>>>()?;
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}

/// Adds an entry to a catalogue list (`categories`, `channels`, `layers`, `units`, `values`); returns its key,
/// derived from the label. A channel and the units it is meant for are stored in one transaction.
pub fn add_entry<S: Store>(store: &mut S, list: &str, label: &str, patch: &CatalogPatch) -> Result<String> {
    let kind = Table::from_list(list)?;
    let label = clean_label("label", label)?;
    let key = key_from_label(&label);
    if key.is_empty() {
        return Err(CoreError::invalid("label", Msg::new("organisation.label.no_key")));
    }
    store.act(|repos| {
        if repos.entry_id(kind, &key)?.is_some() {
            return Err(CoreError::Conflict(Msg::new("catalog.exists").arg("label", &label).arg("key", &key)));
        }
        let colour = patch.colour.as_deref().map(check_colour).transpose()?.unwrap_or_else(|| DEFAULT_COLOUR.into());
        let value_kind = patch.kind.clone().unwrap_or_else(|| "value".into());
        if kind == Table::Value && value_kind != "value" && value_kind != "theme" {
            return Err(CoreError::invalid("kind", Msg::new("value.kind.needed")));
        }
        let units = match &patch.units {
            Some(_) if kind != Table::Channel => return Err(CoreError::invalid("units", Msg::new("organisation.units.only_channels"))),
            Some(keys) => unit_ids(repos, keys)?,
            None => Vec::new(),
        };
        let entry = NewEntry { uid: None, key: key.clone(), label: label.clone(), colour, external: patch.external.unwrap_or(false), value_kind, rank: None };
        let id = repos.insert_entry(kind, &entry)?;
        for (i, unit) in units.iter().enumerate() {
            if i > 0 {
                crate::failpoint::check("channel.units")
                    .map_err(|source| CoreError::Io { context: Msg::new("io.write").arg("path", "channel_units"), source })?;
            }
            repos.add_channel_unit(id, *unit)?;
        }
        Ok(key.clone())
    })
}

/// Renames, recolours, (un)archives or rescopes an entry. Its key, and so its history, stay. The last live
/// category cannot be archived.
pub fn update_entry<S: Store>(store: &mut S, list: &str, key: &str, patch: &CatalogPatch) -> Result<()> {
    let kind = Table::from_list(list)?;
    store.act(|repos| {
        let id = repos.entry_id(kind, key)?.ok_or_else(|| CoreError::not_found("entry", key))?;
        let label = patch.label.as_deref().map(|l| clean_label("label", l)).transpose()?;
        let colour = match (kind, &patch.colour) {
            (Table::Category, Some(c)) => Some(check_colour(c)?),
            (_, Some(_)) => return Err(CoreError::invalid("colour", Msg::new("organisation.colour.only_categories"))),
            _ => None,
        };
        if let Some(value_kind) = &patch.kind {
            if kind != Table::Value || (value_kind != "value" && value_kind != "theme") {
                return Err(CoreError::invalid("kind", Msg::new("organisation.kind.only_values")));
            }
        }
        if patch.external.is_some() && kind != Table::Channel {
            return Err(CoreError::invalid("external", Msg::new("organisation.external.only_channels")));
        }
        let units = match &patch.units {
            Some(_) if kind != Table::Channel => return Err(CoreError::invalid("units", Msg::new("organisation.units.only_channels"))),
            Some(keys) => Some(unit_ids(repos, keys)?),
            None => None,
        };
        if kind == Table::Category && patch.archived == Some(true) {
            let others_live = repos.entries(Table::Category)?.iter().any(|e| !e.archived && e.id != id);
            if !others_live {
                return Err(CoreError::invalid("archived", Msg::new("organisation.keep_category")));
            }
        }
        let change = EntryChange { label, colour, value_kind: patch.kind.clone(), external: patch.external, archived: patch.archived, ..EntryChange::default() };
        repos.change_entry(kind, id, &change)?;
        if let Some(units) = &units {
            repos.clear_channel_units(id)?;
            for unit in units {
                repos.add_channel_unit(id, *unit)?;
            }
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    //! Every scenario runs on the in-memory store and on a real SQLite file; expected values come from the
    //! defaults and the rules above, worked out by hand.
    use super::*;
    use crate::model::NewPerson;
    use crate::store::memory::MemoryStore;

    fn memory() -> MemoryStore {
        let mut store = MemoryStore::new();
        seed(&mut store).unwrap();
        store
    }

    fn sqlite() -> (tempfile::TempDir, crate::Db) {
        let dir = tempfile::tempdir().unwrap();
        let db = crate::Db::open_dir(dir.path()).unwrap();
        (dir, db)
    }

    fn keys<T>(items: &[T], key: impl Fn(&T) -> &str) -> Vec<String> {
        items.iter().map(|i| key(i).to_string()).collect()
    }

    fn patch() -> CatalogPatch {
        CatalogPatch::default()
    }

    fn seeded_once<S: Store>(store: &mut S) {
        let c = catalog(&store.reader()).unwrap();
        assert_eq!(keys(&c.categories, |x| &x.key), ["open-communication", "visible-participation", "follow-up"]);
        assert_eq!(
            keys(&c.channels, |x| &x.key),
            ["town-hall", "internal-social", "blog", "walk-around", "team-meeting", "one-on-one", "email", "customer-visit", "social-media"],
            "internal channels first"
        );
        assert_eq!(c.channels.iter().filter(|x| x.external).count(), 2);
        assert_eq!(keys(&c.layers, |x| &x.key), ["board", "senior-management", "middle-management", "team-lead", "staff"]);
        assert!(c.units.is_empty() && c.values.is_empty());
        assert_eq!(c.categories[0].colour, "#2563eb");
        let follow_up = store.reader().category_with_role(FOLLOW_UP_ROLE).unwrap();
        assert_eq!(follow_up, store.reader().entry_id(Table::Category, "follow-up").unwrap());
        assert!(follow_up.is_some());
        seed(store).unwrap();
        assert_eq!(catalog_all(&store.reader()).unwrap(), c, "a second seed adds nothing");
    }

    fn named_in_the_language<S: Store>(store: &mut S) {
        localise(store, Locale::Nl).unwrap();
        let labels = |store: &S| keys(&catalog(&store.reader()).unwrap().categories, |x| &x.label);
        let nl: Vec<String> = Locale::Nl.texts().category_labels.iter().map(|l| l.to_string()).collect();
        assert_eq!(labels(store), nl);
        assert_ne!(nl, keys(&DEFAULT_CATEGORIES, |c| c.1), "the languages differ");
        update_entry(store, "categories", "follow-up", &CatalogPatch { label: Some("Keeping promises".into()), ..patch() }).unwrap();
        localise(store, Locale::En).unwrap();
        assert_eq!(labels(store), ["Open communication", "Visible participation", "Keeping promises"], "a renamed entry stays");
        let layers = catalog(&store.reader()).unwrap().layers;
        assert_eq!(layers[0].label, Locale::En.texts().layer_labels[0]);
    }

    fn adding_entries<S: Store>(store: &mut S) {
        assert_eq!(add_entry(store, "categories", " Coaching ", &CatalogPatch { colour: Some("#ABCDEF".into()), ..patch() }).unwrap(), "coaching");
        let c = catalog(&store.reader()).unwrap();
        assert_eq!((c.categories[3].key.as_str(), c.categories[3].colour.as_str()), ("coaching", "#abcdef"), "last, colour lower-cased");
        assert!(matches!(add_entry(store, "categories", "COACHING!", &patch()), Err(CoreError::Conflict(_))));
        assert!(matches!(add_entry(store, "categories", "!!!", &patch()), Err(CoreError::Invalid { field: "label", .. })));
        assert!(matches!(add_entry(store, "categories", "Bad", &CatalogPatch { colour: Some("#12345".into()), ..patch() }), Err(CoreError::Invalid { field: "colour", .. })));
        assert!(matches!(add_entry(store, "things", "Bad", &patch()), Err(CoreError::Invalid { field: "list", .. })));
        assert_eq!(add_entry(store, "layers", "Interns", &patch()).unwrap(), "interns");
        assert_eq!(catalog(&store.reader()).unwrap().layers.last().map(|l| l.key.clone()), Some("interns".into()));

        add_unit(store, "Sales").unwrap();
        add_unit(store, "Operations").unwrap();
        let scoped = CatalogPatch { units: Some(vec!["sales".into(), " operations".into(), "sales".into()]), external: Some(true), ..patch() };
        add_entry(store, "channels", "Trade fair", &scoped).unwrap();
        let fair = catalog(&store.reader()).unwrap().channels.into_iter().find(|c| c.key == "trade-fair").unwrap();
        assert_eq!((fair.units, fair.external), (vec!["operations".to_string(), "sales".into()], true));
        let unknown = CatalogPatch { units: Some(vec!["sales".into(), "nope".into()]), ..patch() };
        assert!(matches!(add_entry(store, "channels", "Radio", &unknown), Err(CoreError::NotFound { .. })));
        assert!(!catalog(&store.reader()).unwrap().channels.iter().any(|c| c.key == "radio"), "nothing of a refused entry");
        let misplaced = CatalogPatch { units: Some(vec!["sales".into()]), ..patch() };
        assert!(matches!(add_entry(store, "layers", "Radio", &misplaced), Err(CoreError::Invalid { field: "units", .. })));

        assert_eq!(add_entry(store, "values", "Vision 2030", &CatalogPatch { kind: Some("theme".into()), ..patch() }).unwrap(), "vision-2030");
        assert!(matches!(add_entry(store, "values", "Odd", &CatalogPatch { kind: Some("odd".into()), ..patch() }), Err(CoreError::Invalid { field: "kind", .. })));
        let honesty = add_value(store, "Honesty", "value").unwrap();
        assert_eq!(add_value(store, "honesty", "value").unwrap().id, honesty.id, "the same key is the same value");
        assert!(matches!(add_value(store, "Grit", "virtue"), Err(CoreError::Invalid { field: "kind", .. })));
        assert!(matches!(add_value(store, " ", "value"), Err(CoreError::Invalid { field: "value", .. })));
        let c = catalog(&store.reader()).unwrap();
        assert_eq!(keys(&c.values, |v| &v.key), ["honesty", "vision-2030"], "values before themes");
        assert_eq!(keys(&c.units, |u| &u.key), ["operations", "sales"], "units by label");
    }

    fn editing_entries<S: Store>(store: &mut S) {
        let edit = |store: &mut S, list: &str, key: &str, p: CatalogPatch| update_entry(store, list, key, &p);
        edit(store, "channels", "blog", CatalogPatch { label: Some(" Vlog ".into()), external: Some(true), ..patch() }).unwrap();
        let blog = catalog(&store.reader()).unwrap().channels.into_iter().find(|c| c.key == "blog").unwrap();
        assert_eq!((blog.label.as_str(), blog.external), ("Vlog", true));
        let only = |store: &mut S, list: &str, key: &str, p: CatalogPatch, field: &str| match edit(store, list, key, p) {
            Err(CoreError::Invalid { field: f, .. }) => assert_eq!(f, field),
            other => panic!("{list} {key}: {other:?}"),
        };
        only(store, "layers", "board", CatalogPatch { colour: Some("#000000".into()), ..patch() }, "colour");
        only(store, "categories", "follow-up", CatalogPatch { kind: Some("theme".into()), ..patch() }, "kind");
        only(store, "layers", "board", CatalogPatch { external: Some(true), ..patch() }, "external");
        only(store, "layers", "board", CatalogPatch { units: Some(vec![]), ..patch() }, "units");
        assert!(matches!(edit(store, "layers", "nope", patch()), Err(CoreError::NotFound { .. })));

        let archive = CatalogPatch { archived: Some(true), ..patch() };
        edit(store, "categories", "open-communication", archive.clone()).unwrap();
        edit(store, "categories", "visible-participation", archive.clone()).unwrap();
        only(store, "categories", "follow-up", archive.clone(), "archived");
        let live = catalog(&store.reader()).unwrap();
        assert_eq!(keys(&live.categories, |c| &c.key), ["follow-up"]);
        let all = catalog_all(&store.reader()).unwrap();
        assert_eq!(keys(&all.categories, |c| &c.key), ["follow-up", "open-communication", "visible-participation"], "archived after the live ones");
        assert!(all.categories[1].archived);
        edit(store, "categories", "open-communication", CatalogPatch { archived: Some(false), ..patch() }).unwrap();
        assert_eq!(catalog(&store.reader()).unwrap().categories.len(), 2);

        add_unit(store, "Sales").unwrap();
        edit(store, "channels", "email", CatalogPatch { units: Some(vec!["sales".into()]), ..patch() }).unwrap();
        let who = |name: &str, unit: Option<&str>| NewPerson { name: name.into(), unit: unit.map(Into::into), tz: Some("UTC".into()), ..NewPerson::default() };
        people::add(store, chrono::Utc::now(), &who("Sam", Some("sales"))).unwrap();
        people::add(store, chrono::Utc::now(), &who("Nia", None)).unwrap();
        let offered = |store: &S, name: &str| catalog_for(&store.reader(), name).unwrap().channels.iter().any(|c| c.key == "email");
        assert!(offered(store, "Sam") && !offered(store, "Nia"), "a scoped channel is offered to its unit only");
        edit(store, "channels", "email", CatalogPatch { units: Some(vec![]), ..patch() }).unwrap();
        assert!(offered(store, "Nia"), "no units: everyone");
    }

    fn editing_people<S: Store>(store: &mut S) {
        add_unit(store, "Sales").unwrap();
        add_unit(store, "Old").unwrap();
        let ann = NewPerson { name: "Ann".into(), unit: Some("old".into()), tz: Some("Europe/Paris".into()), ..NewPerson::default() };
        let ann = people::add(store, chrono::Utc::now(), &ann).unwrap();
        people::add(store, chrono::Utc::now(), &NewPerson { name: "Bob".into(), tz: Some("UTC".into()), ..NewPerson::default() }).unwrap();
        update_entry(store, "units", "old", &CatalogPatch { archived: Some(true), ..patch() }).unwrap();
        let edit = |name: &str, unit: Option<&str>, tz: Option<&str>| NewPerson {
            name: name.into(),
            role: Some(" Head ".into()),
            unit: unit.map(Into::into),
            tz: tz.map(Into::into),
            ..NewPerson::default()
        };
        let same = people::update(store, "ann", &edit("ANN", Some("old"), None)).unwrap();
        assert_eq!((same.name.as_str(), same.role.as_str(), same.unit.as_deref(), same.tz.as_str()), ("ANN", "Head", Some("old"), "Europe/Paris"), "her archived unit stays hers");
        assert!(matches!(people::update(store, "bob", &edit("Bob", Some("old"), None)), Err(CoreError::NotFound { .. })), "not for someone new");
        assert!(matches!(people::update(store, "bob", &edit("ann", None, None)), Err(CoreError::Conflict(_))));
        assert!(matches!(people::update(store, "bob", &edit("Bob", None, Some("+01:00"))), Err(CoreError::Invalid { field: "tz", .. })));
        assert!(matches!(people::update(store, "zed", &edit("Zed", None, None)), Err(CoreError::NotFound { .. })));
        let moved = people::update(store, &ann.id.to_string(), &edit("Ann", Some("sales"), Some("Asia/Tokyo"))).unwrap();
        assert_eq!((moved.unit.as_deref(), moved.tz.as_str()), (Some("sales"), "Asia/Tokyo"));
    }

    #[test]
    fn seeded_once_on_both_stores() {
        seeded_once(&mut memory());
        seeded_once(&mut sqlite().1);
    }

    #[test]
    fn named_in_the_language_on_both_stores() {
        named_in_the_language(&mut memory());
        named_in_the_language(&mut sqlite().1);
    }

    #[test]
    fn adding_entries_on_both_stores() {
        adding_entries(&mut memory());
        adding_entries(&mut sqlite().1);
    }

    #[test]
    fn editing_entries_on_both_stores() {
        editing_entries(&mut memory());
        editing_entries(&mut sqlite().1);
    }

    #[test]
    fn editing_people_on_both_stores() {
        editing_people(&mut memory());
        editing_people(&mut sqlite().1);
    }
}
