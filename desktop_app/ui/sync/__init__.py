"""同步: sync with the central store, offline bundles, conflicts, the periodic scheduler."""
