//! The language setting of this device: which language the person chose (or "as the system"), and what
//! changes when it does (the default entries' names). Here and not in `i18n`, so that the catalogues import
//! nothing of the store or of the error type.

use crate::error::{CoreError, Result};
use crate::i18n::{Locale, Msg};
use crate::service::catalogue;
use crate::store::{DeviceSettingsRepo, Store};

/// The device setting that keeps the choice.
const KEY: &str = "locale";

/// What the user chose: follow the OS, or a fixed language.
pub fn parse_pref(pref: &str) -> Result<Option<Locale>> {
    match pref.trim() {
        "system" | "" => Ok(None),
        "en" => Ok(Some(Locale::En)),
        "nl" => Ok(Some(Locale::Nl)),
        other => Err(CoreError::invalid("locale", Msg::new("locale.unknown").arg("pref", other))),
    }
}

/// The stored choice: `None` means "as the system" (also for a stored value this build does not know).
pub fn pref(repos: &impl DeviceSettingsRepo) -> Result<Option<Locale>> {
    Ok(repos.device_setting(KEY)?.and_then(|v| parse_pref(&v).ok().flatten()))
}

/// The language in use: the choice, or `os()` (asked only when following the system).
pub fn in_use(repos: &impl DeviceSettingsRepo, os: impl FnOnce() -> Locale) -> Locale {
    pref(repos).ok().flatten().unwrap_or_else(os)
}

/// Stores `system`, `en` or `nl`, renames the default entries not renamed by the user into the language now in
/// use (`os` when following the system), and returns it.
pub fn set_pref<S: Store>(store: &mut S, pref_text: &str, os: Locale) -> Result<Locale> {
    let choice = parse_pref(pref_text)?;
    store.act(|repos| match choice {
        Some(l) => repos.put_device_setting(KEY, l.tag()),
        None => repos.clear_device_setting(KEY),
    })?;
    let now = in_use(&store.reader(), || os);
    catalogue::localise(store, now)?;
    Ok(now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::memory::MemoryStore;

    fn labels<S: Store>(store: &S) -> Vec<String> {
        catalogue::catalog(&store.reader()).unwrap().categories.into_iter().map(|c| c.label).collect()
    }

    fn choosing<S: Store>(store: &mut S) {
        catalogue::seed(store).unwrap();
        assert_eq!(pref(&store.reader()).unwrap(), None);
        assert_eq!(in_use(&store.reader(), || Locale::En), Locale::En, "as the system");
        assert_eq!(set_pref(store, " nl ", Locale::En).unwrap(), Locale::Nl);
        assert_eq!(pref(&store.reader()).unwrap(), Some(Locale::Nl));
        let dutch: Vec<String> = Locale::Nl.texts().category_labels.iter().map(|l| l.to_string()).collect();
        assert_eq!(labels(store), dutch);
        assert!(matches!(set_pref(store, "fr", Locale::En), Err(CoreError::Invalid { field: "locale", .. })));
        assert_eq!(pref(&store.reader()).unwrap(), Some(Locale::Nl), "a refused choice changes nothing");
        assert_eq!(set_pref(store, "system", Locale::En).unwrap(), Locale::En);
        assert_eq!(pref(&store.reader()).unwrap(), None);
        assert_eq!(labels(store), ["Open communication", "Visible participation", "Follow-up"]);
        assert_eq!(set_pref(store, "", Locale::Nl).unwrap(), Locale::Nl, "following a Dutch system");
        assert_eq!(labels(store), dutch);
    }

    #[test]
    fn choosing_on_both_stores() {
        choosing(&mut MemoryStore::new());
        let dir = tempfile::tempdir().unwrap();
        choosing(&mut crate::Db::open_dir(dir.path()).unwrap());
    }
}
