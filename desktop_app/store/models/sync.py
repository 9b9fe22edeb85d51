"""Tables of the sync feature (see docs/ARCHITECTURE.md). Register syncable models with register_tracked."""
