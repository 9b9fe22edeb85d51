"""Tables of the objections feature (see docs/ARCHITECTURE.md). Register syncable models with register_tracked."""
