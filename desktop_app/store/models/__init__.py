"""SQLAlchemy 2 models of the local archive, one module per feature area.

``core`` holds the base, the shared ``Tracked`` columns and the registries; each feature module
defines its tables and registers its syncable models in ``TRACKED_MODELS``. Importing this package
imports them all, so ``Base.metadata`` (migrations, tests) always sees every table.
"""

from desktop_app.store.models.core import (
    ENTITY_OF,
    NAMING_CONVENTION,
    TRACKED_MODELS,
    Assessment,
    AuditEntry,
    Base,
    Change,
    IntegrityRecord,
    Meta,
    Person,
    Revision,
    RolePermission,
    Tracked,
    Unit,
    User,
    register_tracked,
)

# Feature modules: importing them registers their tables in Base.metadata and TRACKED_MODELS.
from desktop_app.store.models import objections, sync, training  # noqa: F401  isort: skip

__all__ = [
    "ENTITY_OF", "NAMING_CONVENTION", "TRACKED_MODELS", "Assessment", "AuditEntry", "Base", "Change",
    "IntegrityRecord", "Meta", "Person", "Revision", "RolePermission", "Tracked", "Unit", "User",
    "register_tracked",
]
