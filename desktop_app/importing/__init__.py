"""Import of spreadsheets (issue 8): the parts behind ``services.importing.ImportService``.

* ``fields`` — the fields of each kind (persons, units, records, attendance) and the Chinese
  headers that name them;
* ``mapping`` — header → field mappings, recognised or chosen, and mapping templates (JSON);
* ``source`` — a CSV/XLSX file (``desktop_app.tabular``, which streams a CSV) read
  through a mapping;
* ``lines``, ``values`` — checking one line, field by field;
* ``engine`` — check lines a block at a time, plan against the archive, write the plan;
* ``pipeline``, ``keys`` — one import streamed through its file twice (survey, then write), the
  file's keys kept as digests: memory does not grow with the file;
* ``persons``, ``units``, ``records``, ``attendance`` — the kinds;
* ``report`` — what a dry run found and what an import did.

Nothing here imports Qt; the kinds use the services' own rules (records, training) so an imported
row is exactly what the dialogs would have stored.
"""

from desktop_app.importing.fields import ImportKind
from desktop_app.importing.mapping import ColumnMapping, MappingError, load_template, save_template
from desktop_app.importing.report import ImportCancelled, ImportRejected, ImportReport, ImportResult, Problem, Update

__all__ = ["ColumnMapping", "ImportCancelled", "ImportKind", "ImportRejected", "ImportReport", "ImportResult",
           "MappingError", "Problem", "Update", "load_template", "save_template"]
