"""审计: the audit trail (auditor) and the archive check."""
