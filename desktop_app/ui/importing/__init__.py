"""The import wizard (导入向导) and the export action (导出) that list pages use (issue 8)."""
