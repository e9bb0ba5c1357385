//! The Vec-backed sorted set and map behave as the standard B-tree ones do, for any
//! sequence of operations (they replace them to keep the wasm small).

use std::collections::{BTreeMap, BTreeSet};

use ballot_core::sorted::{SortedMap, SortedSet};
use proptest::prelude::*;

proptest! {
    #[test]
    fn the_set_matches_a_btree_set(ops in prop::collection::vec((any::<bool>(), 0u16..20), 0..80)) {
        let mut ours = SortedSet::new();
        let mut std = BTreeSet::new();
        for (insert, v) in ops {
            if insert {
                prop_assert_eq!(ours.insert(v), std.insert(v));
            } else {
                prop_assert_eq!(ours.remove(&v), std.remove(&v));
            }
            prop_assert_eq!(ours.contains(&v), std.contains(&v));
        }
        prop_assert_eq!(ours.iter().copied().collect::<Vec<_>>(), std.iter().copied().collect::<Vec<_>>());
        let json = serde_json::to_string(&ours).expect("json");
        prop_assert_eq!(&json, &serde_json::to_string(&std).expect("json"));
        prop_assert_eq!(serde_json::from_str::<SortedSet<u16>>(&json).expect("back"), ours);
    }

    #[test]
    fn the_map_matches_a_btree_map(keys in prop::collection::vec("[a-e]{1,2}", 0..60)) {
        let mut ours: SortedMap<String, u32> = SortedMap::new();
        let mut std: BTreeMap<String, u32> = BTreeMap::new();
        for k in keys {
            *ours.entry_or_default(k.clone()) += 1;
            *std.entry(k).or_default() += 1;
        }
        prop_assert_eq!(ours.iter().collect::<Vec<_>>(), std.iter().collect::<Vec<_>>());
        let json = serde_json::to_string(&ours).expect("json");
        prop_assert_eq!(&json, &serde_json::to_string(&std).expect("json"));
        prop_assert_eq!(serde_json::from_str::<SortedMap<String, u32>>(&json).expect("back"), ours);
    }
}
