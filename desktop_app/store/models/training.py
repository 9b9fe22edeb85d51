"""Tables of the training feature (see docs/ARCHITECTURE.md). Register syncable models with register_tracked."""
